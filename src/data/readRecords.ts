// Reading a dataset's lanes and articles, and what every record reader shares: the context issues
// are collected in, and the rules for ids, names and dates.
import { checkArticlePath } from "./articlePath.ts";
import type { DataIssue } from "./issues";
import { normalizeText } from "./normalizeText.ts";
import { parseEdtf } from "./parseEdtf.ts";
import { FieldReader, isRecord, type JsonRecord } from "./readFields.ts";
import type { Article, DateBasis, EdtfDate, Lane } from "./types";

/** An article's text as the loader found it (or why it could not). */
export type ArticleText = { ok: true; text: string } | { ok: false; message: string };

export const ID = /^[a-z0-9][a-z0-9-]*$/;
const ID_HINT = "must be lowercase letters, digits and hyphens, starting with a letter or digit";
/** The rule for every record's id (lanes, articles, events), made once. */
export const BASES: readonly DateBasis[] = ["stated", "inferred", "reference"];
export const ID_FIELD = { required: true, max: 80, pattern: ID, patternHint: ID_HINT };

export interface Context {
  readonly file: string;
  readonly issues: DataIssue[];
  /**
   * The dataset's `"strict": true`: every event needs a summary, precision, date basis and note, a
   * lane, actors and verbatim quotes (the curated story's rules). Without it only a date and a title
   * are required, and the rest gets the defaults below, the same whatever format the file came in.
   */
  readonly strict: boolean;
}

/** Where an event without a lane goes when the dataset is not strict (added to the lanes if used). */
export const DEFAULT_LANE: Lane = { id: "events", label: "Events" };

export function keep(ctx: Context, reader: FieldReader): boolean {
  ctx.issues.push(...reader.issues);
  return !reader.hasErrors;
}

export function recordAt(ctx: Context, item: unknown, path: string): JsonRecord | undefined {
  if (isRecord(item)) return item;
  ctx.issues.push({
    severity: "error",
    file: ctx.file,
    path,
    field: "(record)",
    message: "must be an object",
  });
  return undefined;
}

export function idOf(record: JsonRecord): string | undefined {
  const id = record["id"];
  return typeof id === "string" && id.trim() !== "" ? id.trim() : undefined;
}

export const nfc = (name: string) => name.normalize("NFC");

export function dateField(reader: FieldReader, field: string, required: boolean): EdtfDate | undefined {
  const text = reader.string(field, { required });
  if (text === undefined) return undefined;
  const parsed = parseEdtf(text);
  return parsed.ok ? parsed.value : reader.error(field, parsed.message);
}

export function readLanes(ctx: Context, items: readonly unknown[]): Lane[] {
  const lanes: Lane[] = [];
  items.forEach((item, i) => {
    const record = recordAt(ctx, item, `lanes[${i}]`);
    if (record === undefined) return;
    const r = new FieldReader(record, ctx.file, `lanes[${i}]`, idOf(record));
    r.unknownKeys(["id", "label", "description"]);
    const id = r.string("id", ID_FIELD);
    const label = r.string("label", { required: true, max: 60 });
    const description = r.string("description", { required: false, max: 300 });
    if (id !== undefined && lanes.some((lane) => lane.id === id))
      r.error("id", `duplicates lanes id "${id}"`);
    if (keep(ctx, r) && id !== undefined && label !== undefined) lanes.push({ id, label, description });
  });
  return lanes;
}

export function readArticles(
  ctx: Context,
  items: readonly unknown[],
  texts: ReadonlyMap<string, ArticleText>,
) {
  const articles: Article[] = [];
  const articleAt = new Map<string, number>();
  // Normalised once per article: every quote is checked against it.
  const normalized = new Map<string, string | undefined>();
  items.forEach((item, i) => {
    const record = recordAt(ctx, item, `articles[${i}]`);
    if (record === undefined) return;
    const r = new FieldReader(record, ctx.file, `articles[${i}]`, idOf(record));
    r.unknownKeys([
      "id",
      "file",
      "title",
      "outlet",
      "url",
      "published",
      "publishedBasis",
      "publishedNote",
      "background",
    ]);
    const id = r.string("id", ID_FIELD);
    const title = r.string("title", { required: true, max: 200 });
    const written = r.string("file", { required: false, max: 500 });
    // Only a relative text file inside the dataset's folder (see articlePath.ts); the article is kept
    // without it, so its events stay (unverified).
    const checked = written === undefined ? undefined : checkArticlePath(written);
    if (checked?.ok === false) r.error("file", `"${written}" ${checked.message}`);
    const file = checked?.ok === true ? written : undefined;
    const outlet = r.string("outlet", { required: false, max: 100 });
    const url = r.string("url", {
      required: false,
      max: 2000,
      pattern: /^https?:\/\/\S+$/i,
      patternHint: "must be an http(s) URL",
    });
    const published = dateField(r, "published", false);
    const publishedBasis = r.oneOf("publishedBasis", BASES, false);
    const publishedNote = r.string("publishedNote", { required: false, max: 400 });
    const backgroundValue = Object.hasOwn(record, "background") ? record["background"] : undefined;
    if (backgroundValue !== undefined && typeof backgroundValue !== "boolean") {
      r.error("background", "must be true or false");
    }
    const background = backgroundValue === true;
    const duplicate = id !== undefined && articles.some((a) => a.id === id);
    if (duplicate) r.error("id", `duplicates articles id "${id}"`);
    if (id !== undefined && file !== undefined) {
      const text = texts.get(id);
      if (text === undefined) r.error("file", `text of "${file}" was not loaded`);
      else if (!text.ok) r.error("file", `could not read "${file}": ${text.message}`);
      normalized.set(id, text?.ok === true ? normalizeText(text.text) : undefined);
    }
    // An article whose text is missing still counts as known, so its events are kept (marked unverified).
    if (id !== undefined && title !== undefined && !duplicate) {
      articles.push({
        id,
        title,
        file,
        outlet,
        url,
        published,
        publishedBasis,
        publishedNote,
        ...(background ? { background } : {}),
      });
      articleAt.set(id, i);
    }
    ctx.issues.push(...r.issues);
  });
  return { articles, normalized, articleAt };
}
