/**
 * streamDataset for NDJSON: each line is an event (after an optional header, see formats/ndjson.ts),
 * so every event is checked as soon as its line is in, and nothing is ever read again. It reads the
 * lines with the very reader parseNdjson uses and validates them through beginValidation, add and
 * finish, which is what validateDataset does with the document parseNdjson builds: the result is
 * loadAnyFormat's for the whole text (property-tested in streamNdjson.test.ts).
 */
import { readNdjsonLines, relocateToLines } from "./formats/ndjson.ts";
import type { DataIssue } from "./issues.ts";
import { joinIssues } from "./loadAnyFormat.ts";
import { readable, readArticleTexts, type ReadText, type ResolvePath } from "./loadDataset.ts";
import type { JsonRecord } from "./readFields.ts";
import type { DatasetStream, StreamOptions } from "./streamDataset.ts";
import { beginValidation, progressDue, type ArticleText, type DatasetValidation } from "./validateDataset.ts";

export function streamNdjson(
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  options: StreamOptions,
): DatasetStream {
  const { displayName, onProgress, progressEvery = 1000 } = options;
  let head: JsonRecord = {};
  const issues: DataIssue[] = [];
  const lineOf: number[] = [];
  let checking: { validation: DatasetValidation; texts: ReadonlyMap<string, ArticleText> } | undefined;
  let ready: Promise<void> | undefined;
  /** Events read while the articles' texts (which quotes are checked against) were being read. */
  let waiting: unknown[] = [];
  let checked = 0;

  const check = (validation: DatasetValidation, item: unknown) => {
    validation.add(item);
    if (progressDue(++checked, progressEvery))
      onProgress?.(checked, undefined, validation.events, validation.lanes, validation.title);
  };
  // Validation begins at the first line taken: the header, when there is one, is that line.
  const begin = () => {
    const members = head;
    ready ??= readArticleTexts(members, location, read, resolve).then((texts) => {
      checking = { validation: beginValidation(members, { file: displayName, articleTexts: texts }), texts };
      for (const item of waiting) check(checking.validation, item);
      waiting = [];
    });
  };
  const lines = readNdjsonLines(displayName, {
    header(members) {
      head = members;
      begin();
    },
    event(item, line) {
      lineOf.push(line);
      begin();
      if (checking === undefined) waiting.push(item);
      else check(checking.validation, item);
    },
    issue: (issue) => issues.push(issue),
  });

  return {
    push: (text) => lines.push(text),
    async end() {
      lines.end();
      begin();
      await ready;
      const { validation, texts } = checking!;
      const result = validation.finish({ ...head, events: [] });
      const rejected = issues.filter((issue) => issue.field === "(line)").length;
      const parsed = { issues, relocate: relocateToLines(lineOf), rejected, format: "ndjson" } as const;
      return joinIssues(parsed, { ...result, texts: readable(texts) });
    },
  };
}
