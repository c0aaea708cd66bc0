import { checkArticlePath } from "./articlePath.ts";
import type { DataIssue } from "./issues";
import { readDatasetExtras, readDocumentFields } from "./readDocument.ts";
import { FieldReader, isRecord, type JsonRecord } from "./readFields.ts";
import type { Article, Dataset, Lane, TimelineEvent } from "./types";
import { readEvent } from "./readEvent.ts";
import {
  DEFAULT_LANE,
  idOf,
  readArticles,
  readLanes,
  recordAt,
  type ArticleText,
  type Context,
} from "./readRecords.ts";

export type { ArticleText };

/**
 * Progress of a validation: records checked so far, of how many (undefined while the file is still
 * arriving), and the events accepted so far. Those are final (later checks only add issues), so a
 * loader may send them on before the end.
 */
export type OnProgress = (
  checked: number,
  total: number | undefined,
  valid: readonly TimelineEvent[],
  /** The file's lanes, as checked (a loading view draws the events in their rows). */
  lanes: readonly Lane[],
  /** The file's title as given, if it is text (checked only at the end), for a loading view to show. */
  title?: string,
) => void;

/**
 * Whether progress is told after `checked` events: every `every`, and first after a hundred, so a
 * loading view can draw the first events from the first ~70 KB of a file rather than ~700 KB.
 */
export const progressDue = (checked: number, every: number): boolean =>
  checked % every === 0 || checked === Math.min(100, every);

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
    if (i % 5000 === 4999)
      options.onProgress?.(i + 1, items.length, validation.events, validation.lanes, validation.title);
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
  /** The file's lanes, as checked before any event. */
  readonly lanes: readonly Lane[];
  /** The title the document gives, if it is text (it is checked with the rest at the end). */
  readonly title: string | undefined;
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
  // Read from the head: a streamed file's events are checked before the rest of the document is
  // known, so a `strict` after the events makes the stream start again (streamDataset).
  const ctx: Context = { file: options.file, issues: [], strict: head["strict"] === true };
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
  /** Whether an event without a lane has been accepted (the default lane is then one of the file's). */
  let usesDefaultLane = false;
  /** The file's lanes, with the default lane once an accepted event is in it (and it is not declared). */
  const lanesSoFar = () =>
    usesDefaultLane && !ctx.strict && !laneIds.has(DEFAULT_LANE.id) ? [...lanes, DEFAULT_LANE] : lanes;

  function add(item: unknown): void {
    const i = count++;
    const path = `events[${i}]`;
    const record = recordAt(ctx, item, path);
    if (record === undefined) return;
    noteCitedArticles(cited, record);
    const id = idOf(record);
    if (id !== undefined && seen.has(id)) {
      reportDuplicateId(ctx, path, id, seen.get(id));
      return;
    }
    if (id !== undefined) seen.set(id, i);
    const event = readEvent(ctx, record, path, laneIds, articleById, normalized);
    if (event === undefined) return;
    if (event.lane === DEFAULT_LANE.id) usesDefaultLane = true;
    events.push(id === undefined ? withUniqueId(event, seen, i) : event);
  }

  function finish(json: JsonRecord): ValidationResult {
    const root = new FieldReader(json, ctx.file, "");
    const { title, description } = readDocumentFields(ctx, root);
    const allLanes = lanesSoFar();
    checkConflictReferences(ctx, events, seen);
    const extras = readDatasetExtras(ctx, root);
    // Only the curated story must cite every article it lists.
    if (count > 0 && ctx.strict) checkArticlesCited(ctx, articles, articleAt, cited);
    return {
      dataset: {
        ...(ctx.strict ? { strict: true } : {}),
        title,
        description,
        lanes: allLanes,
        articles,
        events,
        ...extras,
      },
      issues: [...root.issues, ...ctx.issues],
      rejectedEvents: count - events.length,
    };
  }

  return {
    add,
    events,
    get lanes() {
      return lanesSoFar();
    },
    title: typeof head["title"] === "string" ? head["title"].trim().slice(0, 200) || undefined : undefined,
    finish,
  };
}

/** Notes the articles a record cites, whether or not the record is accepted (see `cited`). */
function noteCitedArticles(cited: Set<string>, record: JsonRecord): void {
  const sources = record["sources"];
  if (!Array.isArray(sources)) return;
  for (const source of sources as unknown[])
    if (isRecord(source) && typeof source["article"] === "string") cited.add(source["article"].trim());
}

/** A record with an id an earlier record has is left out, with an error that names the first. */
function reportDuplicateId(ctx: Context, path: string, id: string, first: number | undefined): void {
  ctx.issues.push({
    severity: "error",
    file: ctx.file,
    path,
    id,
    field: "id",
    message: `duplicates the id of events[${first}]`,
  });
}

/**
 * An event whose id was derived from its start and title (a dataset that is not strict), made
 * unique as the CSV and TimelineJS imports make theirs: two events on one day may share a title.
 * The id is marked seen, as the `i`th record's.
 */
function withUniqueId(event: TimelineEvent, seen: Map<string, number>, i: number): TimelineEvent {
  let unique = event.id;
  for (let n = 2; seen.has(unique); n++) unique = `${event.id}-${n}`;
  seen.set(unique, i);
  return unique === event.id ? event : { ...event, id: unique };
}

/** Every article is the source of some event record, unless it is marked as background reading. */
function checkArticlesCited(
  ctx: Context,
  articles: readonly Article[],
  articleAt: ReadonlyMap<string, number>,
  cited: ReadonlySet<string>,
): void {
  for (const article of articles) {
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
}

/**
 * Conflicts may point forwards, so references are checked once every id is known. A conflict with
 * an event that was itself rejected points at nothing the reader can see.
 */
function checkConflictReferences(
  ctx: Context,
  events: readonly TimelineEvent[],
  seen: ReadonlyMap<string, number>,
): void {
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
