/**
 * TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html) in; export is in
 * timelinejsExport.ts, dates in timelinejsDates.ts, media, backgrounds and eras in timelinejsSlides.ts.
 *
 * Import, event by event:
 * - `text.headline` → title, `text.text` → summary: HTML stripped to plain text, never interpreted.
 *   A headline-only event has no summary; a text-only one is titled by its text's first sentence.
 * - `group` → lane (one per distinct group; none → "Events"). `unique_id` → id (slugged; derived
 *   from start and headline when absent, made unique with -2, -3).
 * - `start_date` / `end_date` → EDTF, precision from the fields present (year, month, day, or a
 *   time). TimelineJS dates have no zone: times are read as UTC and the date note says so. Year y < 0
 *   (shown as "y BCE") is EDTF y + 1; year 0 is read as 1 BCE with a warning; years beyond ±9999
 *   are reported. `display_date` → displayDate (and the date note). dateBasis "stated".
 * - `media`, `background` → the event's; the title slide's → the dataset's, with its headline and
 *   text as title and description; `eras` and `scale` → the dataset's.
 * - Sources: TimelineJS has no quotes. An event's source is a synthetic article standing for the
 *   file (no text, so unverified), quoting a verbatim passage (8–400 characters) of its text, or of
 *   its headline; with no such passage, no source. That attribution is literally true. Media is
 *   never made an article: the text was not taken from it, and citing it would be false.
 * - actors, topics: none (the defaults every format shares).
 */
import type { DataIssue } from "../issues";
import { htmlToText } from "./htmlText.ts";
import { isBlankDate, readDate, type Reporter } from "./timelinejsDates.ts";
import { readEras, scaleOf, slideExtras } from "./timelinejsSlides.ts";
import { isRecord, type JsonRecord } from "../readFields.ts";
import {
  deriveEventId,
  idFor,
  indexIn,
  slugify,
  titleFromFileName,
  type DatasetJson,
  type ImportResult,
} from "./common.ts";

// Kept importable from here, where they were first defined.
export { escapeHtml, htmlToText } from "./htmlText.ts";
export { edtfYearOfTimelineJs, timelineJsYearOfEdtf } from "./timelinejsDates.ts";
export { datasetToTimelineJs } from "./timelinejsExport.ts";
export type {
  TimelineJsDate,
  TimelineJsDocument,
  TimelineJsEvent,
  TimelineJsMedia,
  TimelineJsText,
} from "./timelinejsTypes.ts";

export const TIMELINEJS_DATE_NOTE = "From a TimelineJS file.";
export const TIMELINEJS_ARTICLE_ID = "timelinejs-file";
const DEFAULT_LANE = { id: "events", label: "Events" };
const QUOTE_MIN = 8;
const QUOTE_MAX = 400;
const TITLE_MAX = 120;
const SUMMARY_MAX = 1000;

/** A verbatim passage of `text` of 8–400 characters: all of it, or a prefix ending at a sentence or word. */
export function quotePassage(text: string): string | undefined {
  if (text.length < QUOTE_MIN) return undefined;
  if (text.length <= QUOTE_MAX) return text;
  const head = text.slice(0, QUOTE_MAX);
  const sentence = Math.max(head.lastIndexOf(". "), head.lastIndexOf("! "), head.lastIndexOf("? "));
  if (sentence + 1 >= QUOTE_MIN) return head.slice(0, sentence + 1);
  const space = head.lastIndexOf(" ");
  return space >= QUOTE_MIN ? head.slice(0, space) : head;
}

function stringAt(record: JsonRecord | undefined, key: string): string {
  const value = record?.[key];
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** `text` cut to `max` characters at a word, with an ellipsis and a warning, so a long text does not cost the event. */
function shorten(text: string, max: number, field: string, what: string, report: Reporter): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(" ");
  report(
    "warning",
    field,
    `is ${text.length} characters long; the ${what} keeps its first ${space > max / 2 ? space : max - 1} (at most ${max} allowed)`,
  );
  return `${space > max / 2 ? head.slice(0, space) : head}\u2026`;
}

/** A title for an event with text and no headline: its first sentence, or its start cut at a word. */
export function titleOfText(body: string): string {
  const sentence = /^.{1,118}?[.!?](?=\s|$)/.exec(body)?.[0];
  if (sentence !== undefined) return sentence;
  if (body.length <= TITLE_MAX) return body;
  const head = body.slice(0, TITLE_MAX - 1);
  const space = head.lastIndexOf(" ");
  return `${space > TITLE_MAX / 2 ? head.slice(0, space) : head}\u2026`;
}

function dateNote(time: boolean, display: string | undefined): string {
  let note = TIMELINEJS_DATE_NOTE;
  if (time) note += " TimelineJS gives no time zone; the time is read as UTC.";
  if (display !== undefined) note += ` TimelineJS shows the date as "${display.slice(0, 200)}".`;
  return note;
}

/** Validator field names → where the value came from in the TimelineJS event. */
const FIELD_OF: Readonly<Record<string, string>> = {
  id: "unique_id",
  title: "text.headline",
  summary: "text.text",
  start: "start_date",
  end: "end_date",
  precision: "start_date",
  dateNote: "start_date.display_date",
  lane: "group",
  sources: "text",
  displayDate: "display_date",
};

const ERA_FIELD_OF: Readonly<Record<string, string>> = {
  title: "text.headline",
  description: "text.text",
  start: "start_date",
  end: "end_date",
};

/** Converts a parsed TimelineJS document into the dataset format; validateDataset then checks it. */
export function parseTimelineJs(value: unknown, file: string): ImportResult {
  const issues: DataIssue[] = [];
  const name = file.split(/[\\/]/).pop() ?? file;
  const article = { id: TIMELINEJS_ARTICLE_ID, title: `TimelineJS file "${name}"`.slice(0, 200) };
  // TimelineJS's title is a slide ({ text: { headline, text } }); a plain string is accepted too.
  const titleSlide = isRecord(value) ? value["title"] : undefined;
  const titleText = isRecord(titleSlide) && isRecord(titleSlide["text"]) ? titleSlide["text"] : undefined;
  const headline = htmlToText(typeof titleSlide === "string" ? titleSlide : stringAt(titleText, "headline"));
  const rawDescription = stringAt(titleText, "text");
  const description = htmlToText(rawDescription);
  const json: DatasetJson = {
    title: (headline === "" ? titleFromFileName(file) : headline).slice(0, 200),
    ...(description === "" ? {} : { description: description.slice(0, 1000) }),
    // As for an event's text: the markup, white space collapsed, for the sanitised rich text.
    ...(description !== "" && rawDescription.includes("<")
      ? { descriptionHtml: rawDescription.replace(/\s+/g, " ").trim() }
      : {}),
    lanes: [],
    articles: [article],
    events: [],
  };
  if (!isRecord(value) || !Array.isArray(value["events"])) {
    issues.push({
      severity: "error",
      file,
      path: "",
      field: "events",
      message: "must be an array of TimelineJS events (each with a start_date)",
    });
    json.articles = [];
    return { json, issues, relocate: (issue) => issue, rejected: 0 };
  }
  const eraOrigin: number[] = [];
  const eras = readEras(value["eras"], file, issues, eraOrigin);
  if (eras.length > 0) json.eras = eras;
  const scale = scaleOf(value);
  if (scale !== undefined) json.scale = scale;
  // This project's settings, which TimelineJS itself ignores: the validator checks them.
  if (value["mediaOrigins"] !== undefined) json.mediaOrigins = value["mediaOrigins"];
  if (value["publish"] !== undefined) json.publish = value["publish"];
  if (isRecord(titleSlide)) Object.assign(json, slideExtras(titleSlide));

  const lanes = new Map<string, { label: string; index: number }>();
  const originalIndex: number[] = [];
  const quoteField: string[] = [];
  const ids = new Set<string>();
  let rejected = 0;
  let quoted = false;

  value["events"].forEach((item: unknown, i) => {
    const path = `events[${i}]`;
    if (!isRecord(item)) {
      issues.push({ severity: "error", file, path, field: "(record)", message: "must be an object" });
      rejected++;
      return;
    }
    const uniqueId = stringAt(item, "unique_id").trim();
    let failed = false;
    const report: Reporter = (severity, field, message) => {
      if (severity === "error") failed = true;
      issues.push({ severity, file, path, ...(uniqueId === "" ? {} : { id: uniqueId }), field, message });
    };
    const start = readDate(item["start_date"], "start_date", report);
    const end = isBlankDate(item["end_date"]) ? undefined : readDate(item["end_date"], "end_date", report);
    const text = isRecord(item["text"]) ? item["text"] : undefined;
    const title = htmlToText(stringAt(text, "headline"));
    const rawBody = stringAt(text, "text");
    const body = htmlToText(rawBody);
    const fromText = quotePassage(body);
    const summary = body === "" ? "" : shorten(body, SUMMARY_MAX, "text.text", "summary", report);
    // A text-only event is titled by the start of its text, so it is not lost for want of a headline.
    if (title === "" && body !== "")
      report("warning", "text.headline", "is empty; the title is the start of text.text");
    const shortTitle =
      title === "" ? titleOfText(body) : shorten(title, TITLE_MAX, "text.headline", "title", report);
    // No passage long enough to quote (a short headline alone): the event has no source quote.
    const quote = fromText ?? quotePassage(title);
    if (failed || start === undefined) {
      rejected++;
      return;
    }

    let id = slugify(uniqueId);
    if (id === "") id = deriveEventId(start.text, title === "" ? body : title);
    if (ids.has(id)) {
      let n = 2;
      while (ids.has(`${id}-${n}`)) n++;
      if (uniqueId !== "")
        report("warning", "unique_id", `repeats an earlier event's id; imported as "${id}-${n}"`);
      id = `${id}-${n}`;
    }
    ids.add(id);

    const group = htmlToText(stringAt(item, "group"));
    const lane = group === "" ? DEFAULT_LANE.id : idFor(group, "lane");
    if (!lanes.has(lane)) lanes.set(lane, { label: group === "" ? DEFAULT_LANE.label : group, index: i });
    const display = htmlToText(stringAt(item, "display_date")) || (start.display ?? "");

    originalIndex.push(i);
    quoteField.push(fromText === undefined ? "text.headline" : "text.text");
    if (quote !== undefined) quoted = true;
    json.events.push({
      id,
      ...(shortTitle === "" ? {} : { title: shortTitle }),
      ...(summary === "" ? {} : { summary }),
      // The markup is kept for the sanitised rich text of the details (plain text has nothing to keep),
      // its white space collapsed as HTML shows it: a sheet's TSV cannot hold a line break.
      ...(summary !== "" && rawBody.includes("<")
        ? { summaryHtml: rawBody.replace(/\s+/g, " ").trim() }
        : {}),
      start: start.text,
      ...(end === undefined ? {} : { end: end.text }),
      precision: start.precision,
      dateBasis: "stated",
      dateNote: dateNote(start.precision === "time", display === "" ? undefined : display),
      lane,
      ...(quote === undefined ? {} : { sources: [{ article: article.id, quote }] }),
      ...(display === "" ? {} : { displayDate: display.slice(0, 200) }),
      ...slideExtras(item),
    });
  });
  const laneList = [...lanes.entries()];
  json.lanes = laneList.map(([id, { label }]) => ({ id, label }));
  // The file stands as the source only of events it actually quotes.
  if (!quoted) json.articles = [];

  const relocate = (issue: DataIssue): DataIssue => {
    const e = indexIn("events", issue.path);
    const original = e === undefined ? undefined : originalIndex[e];
    if (e !== undefined && original !== undefined) {
      const base = issue.field.replace(/\[\d+\].*$/, "");
      const field = /^sources\[\d+\]\.quote$/.test(issue.field)
        ? (quoteField[e] ?? "text")
        : (FIELD_OF[base] ?? issue.field);
      return { ...issue, path: `events[${original}]`, field };
    }
    const lane = laneList[indexIn("lanes", issue.path) ?? -1];
    if (lane !== undefined)
      return { ...issue, path: `events[${lane[1].index}]`, id: undefined, field: "group" };
    if (indexIn("articles", issue.path) !== undefined)
      return { ...issue, path: "", id: undefined, field: "title" };
    const era = eraOrigin[indexIn("eras", issue.path) ?? -1];
    if (era !== undefined)
      return { ...issue, path: `eras[${era}]`, field: ERA_FIELD_OF[issue.field] ?? issue.field };
    // The document's media and background are its title slide's.
    if (issue.path === "" && /^(media|background)\b/.test(issue.field))
      return { ...issue, field: `title.${issue.field}` };
    return issue;
  };
  return { json, issues, relocate, rejected };
}
