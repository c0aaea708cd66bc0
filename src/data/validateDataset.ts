import { checkArticlePath } from "./articlePath.ts";
import type { DataIssue } from "./issues";
import { normalizeText } from "./normalizeText.ts";
import { parseEdtf } from "./parseEdtf.ts";
import { FieldReader, isRecord, type JsonRecord } from "./readFields.ts";
import type {
  Article,
  Conflict,
  Dataset,
  DateBasis,
  EdtfDate,
  Lane,
  Precision,
  Source,
  TimelineEvent,
} from "./types";

/** An article's text as the loader found it (or why it could not). */
export type ArticleText = { ok: true; text: string } | { ok: false; message: string };

/**
 * Progress of a validation: records checked so far, of how many (undefined while the file is still
 * arriving), and the events accepted so far. Those are final (later checks only add issues), so a
 * loader may send them on before the end.
 */
export type OnProgress = (
  checked: number,
  total: number | undefined,
  valid: readonly TimelineEvent[],
) => void;

export interface ValidateOptions {
  /** File name used in every issue, e.g. `data/events.json`. */
  readonly file: string;
  /** Article texts by article id, for verifying quotes. Articles without a `file` need no entry. */
  readonly articleTexts?: ReadonlyMap<string, ArticleText>;
  /** Told how many event records have been checked, every few thousand (for a progress bar). */
  readonly onProgress?: OnProgress;
}

export interface ValidationResult {
  /** Everything that is valid; records with errors are left out, never the whole file. */
  readonly dataset: Dataset;
  readonly issues: readonly DataIssue[];
  /** How many records under `events` were left out because of errors. */
  readonly rejectedEvents: number;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const ID_HINT = "must be lowercase letters, digits and hyphens, starting with a letter or digit";
/** The rule for every record's id (lanes, articles, events), made once. */
const ID_FIELD = { required: true, max: 80, pattern: ID, patternHint: ID_HINT };
const PRECISIONS: readonly Precision[] = ["year", "month", "week", "day", "time"];
const BASES: readonly DateBasis[] = ["stated", "inferred", "reference"];
const WEEK_MS = 7 * 86_400_000;
const GRANULARITY_OF: Record<Precision, string> = {
  year: "year",
  month: "month",
  week: "day",
  day: "day",
  time: "time",
};
const NOTATION_HINT: Record<string, string> = {
  year: "YYYY",
  month: "YYYY-MM",
  day: "YYYY-MM-DD",
  time: "YYYY-MM-DDThh:mm with a zone",
};

const EVENT_KEYS = [
  "id",
  "title",
  "summary",
  "start",
  "end",
  "precision",
  "dateBasis",
  "dateNote",
  "lane",
  "actors",
  "topics",
  "sources",
  "conflict",
] as const;

interface Context {
  readonly file: string;
  readonly issues: DataIssue[];
}

function keep(ctx: Context, reader: FieldReader): boolean {
  ctx.issues.push(...reader.issues);
  return !reader.hasErrors;
}

function recordAt(ctx: Context, item: unknown, path: string): JsonRecord | undefined {
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

function idOf(record: JsonRecord): string | undefined {
  const id = record["id"];
  return typeof id === "string" && id.trim() !== "" ? id.trim() : undefined;
}

const nfc = (name: string) => name.normalize("NFC");

function dateField(reader: FieldReader, field: string, required: boolean): EdtfDate | undefined {
  const text = reader.string(field, { required });
  if (text === undefined) return undefined;
  const parsed = parseEdtf(text);
  return parsed.ok ? parsed.value : reader.error(field, parsed.message);
}

function readLanes(ctx: Context, items: readonly unknown[]): Lane[] {
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

function readArticles(ctx: Context, items: readonly unknown[], texts: ReadonlyMap<string, ArticleText>) {
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

function readSources(
  r: FieldReader,
  items: readonly unknown[],
  articles: ReadonlyMap<string, Article>,
  normalized: ReadonlyMap<string, string | undefined>,
): Source[] {
  if (items.length === 0) r.error("sources", "must list at least one source");
  const sources: Source[] = [];
  for (let i = 0; i < items.length; i++) {
    const source = readSource(r, items[i], i, articles, normalized);
    if (source !== undefined) sources.push(source);
  }
  return sources;
}

/** One item of an event's sources; undefined (with the issue noted) when it is not valid. */
function readSource(
  r: FieldReader,
  item: unknown,
  i: number,
  articles: ReadonlyMap<string, Article>,
  normalized: ReadonlyMap<string, string | undefined>,
): Source | undefined {
  const field = `sources[${i}]`;
  if (!isRecord(item)) return r.error(field, "must be an object with article and quote");
  for (const key in item) {
    if (Object.hasOwn(item, key) && key !== "article" && key !== "quote")
      r.warn(`${field}.${key}`, "is not a known field and was ignored");
  }
  const article = typeof item["article"] === "string" ? item["article"].trim() : undefined;
  const quote = typeof item["quote"] === "string" ? item["quote"].trim() : undefined;
  if (article === undefined || article === "")
    return r.error(`${field}.article`, "is required (an article id)");
  if (quote === undefined || quote === "") return r.error(`${field}.quote`, "is required (a verbatim quote)");
  if (quote.length < 8 || quote.length > 400) {
    return r.error(`${field}.quote`, `is ${quote.length} characters long; quotes must be 8–400 characters`);
  }
  const known = articles.get(article);
  if (known === undefined) return r.error(`${field}.article`, `"${article}" is not an article in this file`);
  if (known.file === undefined) return { article, quote, verified: false };
  const text = normalized.get(article);
  if (text === undefined) {
    r.warn(`${field}.quote`, `cannot be verified: the text of article "${article}" is unavailable`);
    return { article, quote, verified: false };
  }
  if (!text.includes(normalizeText(quote))) {
    return r.error(
      `${field}.quote`,
      `is not verbatim in article "${article}": "${quote.length > 60 ? `${quote.slice(0, 57)}...` : quote}"`,
    );
  }
  return { article, quote, verified: true };
}

function readConflict(r: FieldReader, value: unknown): Conflict | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) return r.error("conflict", "must be an object with a note");
  const note = typeof value["note"] === "string" ? value["note"].trim() : "";
  if (note === "") return r.error("conflict.note", "is required");
  const events = value["events"] ?? [];
  if (!Array.isArray(events) || !events.every((e): e is string => typeof e === "string")) {
    return r.error("conflict.events", "must be an array of event ids");
  }
  return { note, events };
}

/** The honest end of an event (it starts at start.startMs): its whole window of uncertainty, or its end. */
function extentEnd(start: EdtfDate, end: EdtfDate | undefined, precision: Precision): number {
  const startEnd = precision === "week" ? start.startMs + WEEK_MS : start.endMs;
  return end === undefined ? startEnd : Math.max(end.endMs, startEnd);
}

// Field rules of an event, made once: readEvent runs for every record of the file.
const EVENT_TITLE = { required: true, max: 120 };
const EVENT_SUMMARY = { required: true, max: 1000 };
const DATE_NOTE = { required: true, max: 400 };
const REQUIRED = { required: true };
const ACTORS = { required: true, max: 80 };
const TOPICS = { required: false, max: 40 };

function readEvent(
  ctx: Context,
  record: JsonRecord,
  path: string,
  lanes: ReadonlySet<string>,
  articles: ReadonlyMap<string, Article>,
  normalized: ReadonlyMap<string, string | undefined>,
): TimelineEvent | undefined {
  const r = new FieldReader(record, ctx.file, path, idOf(record));
  r.unknownKeys(EVENT_KEYS);
  const id = r.string("id", ID_FIELD);
  const title = r.string("title", EVENT_TITLE);
  const summary = r.string("summary", EVENT_SUMMARY);
  const start = dateField(r, "start", true);
  const end = dateField(r, "end", false);
  const precision = r.oneOf("precision", PRECISIONS, true);
  const dateBasis = r.oneOf("dateBasis", BASES, true);
  const dateNote = r.string("dateNote", DATE_NOTE);
  const lane = r.string("lane", REQUIRED);
  // Names are compared (filters, search, links) in one Unicode form: "José" typed with a combining
  // accent and "José" with a precomposed é are one actor.
  const actors = r.strings("actors", ACTORS)?.map(nfc);
  const topics = (r.strings("topics", TOPICS) ?? []).map(nfc);
  const sourceItems = r.array("sources", true);
  const sources = sourceItems === undefined ? [] : readSources(r, sourceItems, articles, normalized);
  const conflict = readConflict(r, record["conflict"]);

  if (lane !== undefined && !lanes.has(lane))
    r.error("lane", `"${lane}" is not a lane in this file (lanes: ${[...lanes].join(", ")})`);
  if (start !== undefined && precision !== undefined && start.granularity !== GRANULARITY_OF[precision]) {
    r.error(
      "precision",
      `"${precision}" needs start written as ${NOTATION_HINT[GRANULARITY_OF[precision]]}, but start is "${start.text}"`,
    );
  }
  if (start !== undefined && end !== undefined && end.startMs < start.startMs) {
    r.error("end", `"${end.text}" is before start "${start.text}"`);
  }
  if (start !== undefined && end !== undefined && end.text === start.text) {
    r.warn("end", "equals start; leave end out for a single date");
  }
  if (
    !keep(ctx, r) ||
    id === undefined ||
    title === undefined ||
    summary === undefined ||
    start === undefined ||
    precision === undefined ||
    dateBasis === undefined ||
    dateNote === undefined ||
    lane === undefined ||
    actors === undefined
  ) {
    return undefined;
  }
  const startMs = start.startMs,
    endMs = extentEnd(start, end, precision);
  return {
    id,
    title,
    summary,
    start,
    end,
    precision,
    dateBasis,
    dateNote,
    lane,
    actors,
    topics,
    sources,
    conflict,
    startMs,
    endMs,
    isRange: end !== undefined,
  };
}

/**
 * Checks a parsed JSON document against the dataset format and returns every valid record plus an
 * issue for each problem. Never throws on user data.
 */
export function validateDataset(json: unknown, options: ValidateOptions): ValidationResult {
  if (!isRecord(json)) {
    const issue: DataIssue = {
      severity: "error",
      file: options.file,
      path: "",
      field: "(document)",
      message: "must be a JSON object with title, lanes, articles and events",
    };
    return {
      dataset: { title: "", description: "", lanes: [], articles: [], events: [] },
      issues: [issue],
      rejectedEvents: 0,
    };
  }
  const validation = beginValidation(json, options);
  const items = ownArray(json, "events");
  for (let i = 0; i < items.length; i++) {
    if (i % 5000 === 4999) options.onProgress?.(i + 1, items.length, validation.events);
    validation.add(items[i]);
  }
  return validation.finish(json);
}

/** A dataset checked in steps, for a loader that reads its events while the file is still arriving. */
export interface DatasetValidation {
  /** Checks the next item of the document's `events`. */
  add(item: unknown): void;
  /** The events accepted so far: final, later steps only add issues. */
  readonly events: readonly TimelineEvent[];
  /**
   * Checks the document's own fields and what needs every event (conflicts' references, articles no
   * event cites). `root` is the whole document; its `events` are not read again.
   */
  finish(root: JsonRecord): ValidationResult;
}

function ownArray(record: JsonRecord, key: string): readonly unknown[] {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return Array.isArray(value) ? value : [];
}

/**
 * Starts validating a document from its lanes and articles (all `head` needs to hold); its events
 * follow one by one through add(). validateDataset(json) is begin, add each, finish: issues come in
 * the same order, the document's own fields first.
 */
export function beginValidation(head: JsonRecord, options: ValidateOptions): DatasetValidation {
  const ctx: Context = { file: options.file, issues: [] };
  const lanes = readLanes(ctx, ownArray(head, "lanes"));
  const { articles, normalized, articleAt } = readArticles(
    ctx,
    ownArray(head, "articles"),
    options.articleTexts ?? new Map(),
  );
  const articleById = new Map(articles.map((a) => [a.id, a]));
  const laneIds = new Set(lanes.map((lane) => lane.id));
  const events: TimelineEvent[] = [];
  const seen = new Map<string, number>();
  // Every article must be a source of some event record; records rejected for other reasons still
  // count, so one mistake is not reported twice.
  const cited = new Set<string>();
  let count = 0;

  function add(item: unknown): void {
    const i = count++;
    const path = `events[${i}]`;
    const record = recordAt(ctx, item, path);
    if (record === undefined) return;
    const sources = record["sources"];
    if (Array.isArray(sources)) {
      for (const source of sources as unknown[])
        if (isRecord(source) && typeof source["article"] === "string") cited.add(source["article"].trim());
    }
    const id = idOf(record);
    if (id !== undefined && seen.has(id)) {
      ctx.issues.push({
        severity: "error",
        file: ctx.file,
        path,
        id,
        field: "id",
        message: `duplicates the id of events[${seen.get(id)}]`,
      });
      return;
    }
    if (id !== undefined) seen.set(id, i);
    const event = readEvent(ctx, record, path, laneIds, articleById, normalized);
    if (event !== undefined) events.push(event);
  }

  function finish(json: JsonRecord): ValidationResult {
    const root = new FieldReader(json, ctx.file, "");
    root.unknownKeys(["$schema", "title", "description", "lanes", "articles", "events"]);
    const title = root.string("title", { required: true, max: 200 }) ?? "Untitled timeline";
    const description = root.string("description", { required: false, max: 1000 }) ?? "";
    root.array("lanes", true);
    root.array("articles", true);
    root.array("events", true);
    // Conflicts may point forwards, so references are checked once every id is known. A conflict
    // with an event that was itself rejected points at nothing the reader can see.
    let valid: Set<string> | undefined;
    for (const event of events) {
      for (const other of event.conflict?.events ?? []) {
        valid ??= new Set(events.map((e) => e.id));
        if (valid.has(other)) continue;
        ctx.issues.push({
          // A reference to a rejected event is a consequence of that event's own error.
          severity: seen.has(other) ? "warning" : "error",
          file: ctx.file,
          path: `events[${seen.get(event.id)}]`,
          id: event.id,
          field: "conflict.events",
          message: seen.has(other)
            ? `"${other}" was left out because of its own errors`
            : `"${other}" is not an event in this file`,
        });
      }
    }
    for (const article of count > 0 ? articles : []) {
      if (cited.has(article.id) || article.background === true) continue;
      ctx.issues.push({
        severity: "error",
        file: ctx.file,
        path: `articles[${articleAt.get(article.id)}]`,
        id: article.id,
        field: "id",
        message: 'is not the source of any event; cite it, or mark it "background": true',
      });
    }
    return {
      dataset: { title, description, lanes, articles, events },
      issues: [...root.issues, ...ctx.issues],
      rejectedEvents: count - events.length,
    };
  }

  return { add, events, finish };
}

/**
 * The article files a document refers to, so a loader can fetch them before validating: only those
 * the path rule allows (articlePath.ts), as normalised relative paths. The others are never read;
 * the validator reports them.
 */
export function articleFiles(json: unknown): { id: string; file: string }[] {
  if (!isRecord(json) || !Array.isArray(json["articles"])) return [];
  return json["articles"].flatMap((item: unknown) => {
    if (!isRecord(item) || typeof item["id"] !== "string" || typeof item["file"] !== "string") return [];
    const file = item["file"].trim();
    const checked = checkArticlePath(file);
    return checked.ok && file.length <= 500 ? [{ id: item["id"].trim(), file: checked.path }] : [];
  });
}
