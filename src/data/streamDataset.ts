/**
 * loadAnyFormat for a file that arrives piece by piece: the events of a dataset file are parsed and
 * checked one by one while the rest downloads, so little is left to do when its last byte arrives.
 * The result is always exactly loadAnyFormat's for the whole text (a property test holds them
 * equal). Whenever the file is not one the stream can follow (CSV, TimelineJS, a JSON syntax error,
 * events before lanes or articles, lanes, articles or `strict` after them, records that give
 * splitJsonMembers no boundary to find), it falls back to loadAnyFormat on the whole text at the
 * end, and says so through `onRestart`, so a caller that passed events on can take them back.
 */
import { tidyIssue } from "./issues.ts";
import { splitJsonMembers } from "./formats/jsonMembers.ts";
import { formatFromName } from "./formats/detectFormat.ts";
import { loadAnyFormat, type LoadedAnyFormat } from "./loadAnyFormat.ts";
import { readable, readArticleTexts, type ReadText, type ResolvePath } from "./loadDataset.ts";
import { isRecord, type JsonRecord } from "./readFields.ts";
import {
  beginValidation,
  progressDue,
  type ArticleText,
  type DatasetValidation,
  type OnProgress,
} from "./validateDataset.ts";

export interface DatasetStream {
  /** The next piece of the file's text. */
  push(text: string): void;
  /**
   * The file is complete: the loaded dataset, as loadAnyFormat would give it. `wholeText` gives the
   * file's text again, for one the stream could not follow: the stream does not keep what it was
   * pushed (a copy of a large file's text, kept alive to the end, cost ~10% of the time to check
   * it, in collecting garbage).
   */
  end(wholeText: () => Promise<string>): Promise<LoadedAnyFormat>;
}

export interface StreamOptions {
  /** The name issues give (as loadAnyFormat's displayName); also decides whether the file is CSV. */
  readonly displayName: string;
  /** Told every `progressEvery` events, with the events accepted so far. */
  readonly onProgress?: OnProgress;
  /** The file could not be followed: any events reported so far are void, the whole text is being loaded the ordinary way. */
  readonly onRestart?: () => void;
  readonly progressEvery?: number;
}

const EVENTS = "events";

/** Starts loading a dataset at `location` whose text will be pushed piece by piece. */
export function streamDataset(
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  options: StreamOptions,
): DatasetStream {
  const { displayName, onProgress, onRestart, progressEvery = 1000 } = options;
  // CSV is never followed; its rows are parsed at the end.
  let following = formatFromName(displayName) !== "csv";
  /** The document's members in file order; `events` holds an empty array (its items are checked as they come). */
  const members = new Map<string, unknown>();
  /** Set once validation has begun: with the article texts it checks quotes against. */
  let checking: { validation: DatasetValidation; texts: ReadonlyMap<string, ArticleText> } | undefined;
  let ready: Promise<void> | undefined;
  /** Events read before validation could begin (their articles' texts were still being fetched). */
  let waiting: unknown[] = [];
  let checked = 0;

  const stop = () => {
    following = false;
    waiting = [];
    checking = undefined;
  };
  const check = (validation: DatasetValidation, item: unknown) => {
    validation.add(item);
    if (progressDue(++checked, progressEvery))
      onProgress?.(checked, undefined, validation.events, validation.lanes, validation.title);
  };
  // Validation begins once lanes, articles and the articles' texts are known.
  const begin = () => {
    const head: JsonRecord = Object.fromEntries(members);
    ready = readArticleTexts(head, location, read, resolve).then((texts) => {
      if (!following) return;
      const validation = beginValidation(head, { file: displayName, articleTexts: texts });
      checking = { validation, texts };
      const items = waiting;
      waiting = [];
      for (const item of items) check(validation, item);
    });
  };

  const splitter = splitJsonMembers(EVENTS, {
    member(key, value) {
      // After the events, a member may repeat one before them, and replaces it, as in JSON.parse;
      // lanes or articles replaced after the events were checked against them: start again.
      // So does a `strict` after them: the events were checked by the other rules.
      if (members.has(EVENTS) && (key === "lanes" || key === "articles" || key === "strict")) stop();
      else members.set(key, value);
    },
    arrayStart(key) {
      members.set(key, []);
      // Events before lanes or articles cannot be checked as they come: the whole text will be.
      if (members.has("lanes") && members.has("articles")) begin();
      else stop();
    },
    element(item) {
      // TimelineJS files have events too; theirs carry start_date (see isTimelineJs).
      if (isRecord(item) && Object.hasOwn(item, "start_date")) stop();
      if (!following) return;
      if (checking === undefined) waiting.push(item);
      else check(checking.validation, item);
    },
  });

  return {
    push(text) {
      if (following && !splitter.push(text)) stop();
    },
    async end(wholeText) {
      // A complete split has begun validation (or stopped): its array start saw lanes and articles.
      if (following && !splitter.end()) stop();
      await ready;
      if (checking === undefined) {
        onRestart?.();
        const text = await wholeText();
        return loadAnyFormat(
          location,
          (where) => (where === location ? Promise.resolve(text) : read(where)),
          resolve,
          displayName,
          onProgress,
        );
      }
      const result = checking.validation.finish(Object.fromEntries(members));
      return {
        ...result,
        issues: result.issues.map(tidyIssue),
        texts: readable(checking.texts),
        format: "json",
      };
    },
  };
}
