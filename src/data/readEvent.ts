// Reading one event record: its dates (with their precision and basis), sources, conflict and the
// rest of its fields.
import { normalizeText } from "./normalizeText.ts";
import { readBackground, readHtml, readMedia } from "./readExtras.ts";
import { FieldReader, isRecord, type JsonRecord } from "./readFields.ts";
import { deriveEventId, precisionOfNotation } from "./formats/common.ts";
import { BASES, dateField, DEFAULT_LANE, ID_FIELD, idOf, keep, nfc, type Context } from "./readRecords.ts";
import type { Article, Conflict, EdtfDate, Precision, Source, TimelineEvent } from "./types";

const PRECISIONS: readonly Precision[] = ["year", "month", "week", "day", "time"];
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
  "summaryHtml",
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
  "media",
  "displayDate",
  "background",
] as const;

/**
 * How a bad source is treated: in a strict dataset it is an error (the event is left out); otherwise
 * only that source is left out, with a warning, and the event stays.
 */
type SourceProblem = (field: string, message: string) => undefined;

function readSources(
  r: FieldReader,
  strict: boolean,
  items: readonly unknown[],
  articles: ReadonlyMap<string, Article>,
  normalized: ReadonlyMap<string, string | undefined>,
): Source[] {
  if (strict && items.length === 0) r.error("sources", "must list at least one source");
  const problem: SourceProblem = strict
    ? (field, message) => r.error(field, message)
    : (field, message) => {
        r.warn(field, `${message}; this source was left out`);
        return undefined;
      };
  const sources: Source[] = [];
  for (let i = 0; i < items.length; i++) {
    const source = readSource(r, strict, problem, items[i], i, articles, normalized);
    if (source !== undefined) sources.push(source);
  }
  return sources;
}

/** One item of an event's sources; undefined (with the issue noted) when it is not valid. */
function readSource(
  r: FieldReader,
  strict: boolean,
  problem: SourceProblem,
  item: unknown,
  i: number,
  articles: ReadonlyMap<string, Article>,
  normalized: ReadonlyMap<string, string | undefined>,
): Source | undefined {
  const field = `sources[${i}]`;
  if (!isRecord(item)) return problem(field, "must be an object with article and quote");
  for (const key in item) {
    if (Object.hasOwn(item, key) && key !== "article" && key !== "quote")
      r.warn(`${field}.${key}`, "is not a known field and was ignored");
  }
  const article = typeof item["article"] === "string" ? item["article"].trim() : undefined;
  const quote = typeof item["quote"] === "string" ? item["quote"].trim() : undefined;
  if (article === undefined || article === "")
    return problem(`${field}.article`, "is required (an article id)");
  if (quote === undefined || quote === "") return problem(`${field}.quote`, "is required (a verbatim quote)");
  // Only the curated story holds quotes to 8 characters: a short quote in another dataset is still one.
  if ((strict && quote.length < 8) || quote.length > 400) {
    return problem(`${field}.quote`, `is ${quote.length} characters long; quotes must be 8–400 characters`);
  }
  const known = articles.get(article);
  if (known === undefined) return problem(`${field}.article`, `"${article}" is not an article in this file`);
  if (known.file === undefined) return { article, quote, verified: false };
  const text = normalized.get(article);
  if (text === undefined) {
    r.warn(`${field}.quote`, `cannot be verified: the text of article "${article}" is unavailable`);
    return { article, quote, verified: false };
  }
  if (!text.includes(normalizeText(quote))) {
    const shown = `"${quote.length > 60 ? `${quote.slice(0, 57)}...` : quote}"`;
    if (strict) return r.error(`${field}.quote`, `is not verbatim in article "${article}": ${shown}`);
    // Not strict: the reader is told it is unverified rather than losing the report.
    r.warn(`${field}.quote`, `is not verbatim in article "${article}" and is shown as unverified: ${shown}`);
    return { article, quote, verified: false };
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

// Field rules of an event, made once: readEvent runs for every record of the file. The first of
// each pair is the strict dataset's, the second everyone else's (see Context.strict).
const EVENT_TITLE = { required: true, max: 120 };
const EVENT_SUMMARY = [
  { required: true, max: 1000 },
  { required: false, max: 1000 },
] as const;
const DATE_NOTE = [
  { required: true, max: 400 },
  { required: false, max: 400 },
] as const;
const LANE = [{ required: true }, { required: false }] as const;
const ACTORS = [
  { required: true, max: 80 },
  { required: false, max: 80 },
] as const;
const TOPICS = { required: false, max: 40 };
/** A lenient event's default date basis: the file states the date (as CSV and TimelineJS always did). */
const DEFAULT_BASIS = "stated";

export function readEvent(
  ctx: Context,
  record: JsonRecord,
  path: string,
  lanes: ReadonlySet<string>,
  articles: ReadonlyMap<string, Article>,
  normalized: ReadonlyMap<string, string | undefined>,
): TimelineEvent | undefined {
  const { strict } = ctx;
  const rule = strict ? 0 : 1;
  const r = new FieldReader(record, ctx.file, path, idOf(record));
  r.unknownKeys(EVENT_KEYS);
  // Only a strict dataset must give an id; otherwise it is derived, as the CSV import derives it.
  const hasId = strict || Object.hasOwn(record, "id");
  const givenId = hasId ? r.string("id", ID_FIELD) : undefined;
  const title = r.string("title", EVENT_TITLE);
  const summary = r.string("summary", EVENT_SUMMARY[rule]) ?? (strict ? undefined : "");
  const start = dateField(r, "start", true);
  const end = dateField(r, "end", false);
  const id =
    givenId ??
    (hasId || start === undefined || title === undefined ? undefined : deriveEventId(start.text, title));
  const precision = readPrecision(r, strict, start);
  const dateBasis = r.oneOf("dateBasis", BASES, strict) ?? (strict ? undefined : DEFAULT_BASIS);
  const dateNote = r.string("dateNote", DATE_NOTE[rule]) ?? (strict ? undefined : "");
  const lane = r.string("lane", LANE[rule]) ?? (strict ? undefined : DEFAULT_LANE.id);
  // Names are compared (filters, search, links) in one Unicode form: "José" typed with a combining
  // accent and "José" with a precomposed é are one actor.
  const actors = r.strings("actors", ACTORS[rule])?.map(nfc);
  const topics = (r.strings("topics", TOPICS) ?? []).map(nfc);
  const sourceItems = r.array("sources", strict);
  const sources = sourceItems === undefined ? [] : readSources(r, strict, sourceItems, articles, normalized);
  const conflict = readConflict(r, record["conflict"]);
  const extras = readEventExtras(r);

  checkLane(r, strict, lane, lanes);
  checkDates(r, start, end, precision);
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
    ...extras,
  };
}

/**
 * The precision given; in a dataset that is not strict and gives none, the one its start is written
 * in (as the CSV import reads it).
 */
function readPrecision(r: FieldReader, strict: boolean, start: EdtfDate | undefined): Precision | undefined {
  const given = r.oneOf("precision", PRECISIONS, strict);
  if (given !== undefined || strict || start === undefined || Object.hasOwn(r.record, "precision"))
    return given;
  return precisionOfNotation(start.text);
}

/**
 * An event's lane must be one of the file's; only a dataset that is not strict may leave events in
 * the default lane without declaring it.
 */
function checkLane(
  r: FieldReader,
  strict: boolean,
  lane: string | undefined,
  lanes: ReadonlySet<string>,
): void {
  if (lane !== undefined && !lanes.has(lane) && (strict || lane !== DEFAULT_LANE.id))
    r.error("lane", `"${lane}" is not a lane in this file (lanes: ${[...lanes].join(", ")})`);
}

/** The start is written as finely as the precision claims, and the end does not come before it. */
function checkDates(
  r: FieldReader,
  start: EdtfDate | undefined,
  end: EdtfDate | undefined,
  precision: Precision | undefined,
): void {
  if (start === undefined) return;
  if (precision !== undefined && start.granularity !== GRANULARITY_OF[precision]) {
    r.error(
      "precision",
      `"${precision}" needs start written as ${NOTATION_HINT[GRANULARITY_OF[precision]]}, but start is "${start.text}"`,
    );
  }
  if (end === undefined) return;
  if (end.startMs < start.startMs) r.error("end", `"${end.text}" is before start "${start.text}"`);
  if (end.text === start.text) r.warn("end", "equals start; leave end out for a single date");
}

/** What an event may carry besides its facts (from TimelineJS): only the fields given, each optional. */
function readEventExtras(
  r: FieldReader,
): Pick<TimelineEvent, "media" | "displayDate" | "background" | "summaryHtml"> {
  const media = readMedia(r);
  const summaryHtml = readHtml(r, "summaryHtml");
  const displayDate = r.string("displayDate", { required: false, max: 200 });
  const background = readBackground(r);
  return {
    ...(summaryHtml === undefined ? {} : { summaryHtml }),
    ...(media === undefined ? {} : { media }),
    ...(displayDate === undefined ? {} : { displayDate }),
    ...(background === undefined ? {} : { background }),
  };
}
