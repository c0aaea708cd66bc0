/**
 * TimelineJS 3 JSON (https://timeline.knightlab.com/docs/json-format.html) in and out.
 *
 * Import, event by event:
 * - `text.headline` → title, `text.text` → summary. Both are HTML in TimelineJS; here the tags are
 *   stripped and entities decoded to plain text, never interpreted. A headline-only event has no
 *   summary; a text-only one is titled by its text's first sentence (with a warning).
 * - `group` → lane (one lane per distinct group; events without one go to a lane "Events").
 * - `unique_id` → id (slugged; derived from start and headline when absent, made unique with -2, -3).
 * - `start_date` / `end_date` → EDTF, precision from the fields present: year → year, + month → month,
 *   + day → day, + hour (and minute, second) → time. TimelineJS dates have no zone, so times are read
 *   as UTC (`Z`) and the date note says so. A `display_date` is kept in the date note.
 * - Years before 1 CE: TimelineJS shows year -44 as "44 BCE", so it is read as 44 BCE, which EDTF
 *   (astronomical numbering, with a year 0) writes -0043: TimelineJS year y < 0 → EDTF y + 1. Year 0
 *   (which TimelineJS shows as "0") is read as EDTF 0000, i.e. 1 BCE, with a warning. EDTF years must
 *   have four digits, so dates beyond ±9999 (the cosmological scale) are reported.
 * - dateBasis "stated", dateNote "From a TimelineJS file." (plus the notes above).
 * - Sources: TimelineJS has no quotes. Each event's source is one synthetic article standing for the
 *   TimelineJS file itself (id "timelinejs-file", no `file`, so quotes show as unverified), and the
 *   quote is a verbatim passage of the event's plain text (its first 400 characters at most, ending at
 *   a sentence or word boundary), or of its headline when the text is shorter than 8 characters.
 *   That attribution is literally true: the passage is in that file. An event with no passage that
 *   long has no source, and shows "No source quote." Media (`media.url`, caption,
 *   credit) is NOT turned into an article: the text was not taken from it, and a quote attributed to
 *   an image or a link it was never checked against would be a false citation. Media is reported as
 *   not imported, with a warning per event.
 * - actors, topics: TimelineJS has none: the events get the defaults every format shares (none).
 *   `eras` are reported as not imported.
 *
 * Export (datasetToTimelineJs): id → unique_id, title/summary → headline/text (HTML-escaped), lane
 * label → group, dates → date objects (years ≤ 0 → y - 1; times converted to UTC). The EDTF text is
 * kept as display_date where TimelineJS would otherwise lose something (times with their zone, weeks,
 * approximate/uncertain dates). The first source's article URL (if any) becomes the media link.
 * Not held: lane ids and descriptions, actors, topics, dateBasis, dateNote, quotes and articles,
 * conflicts, the zone of times (the instant is kept), week precision and EDTF qualifiers (kept only
 * as display text).
 */
import type { DataIssue } from "../issues";
import { stripTags } from "./htmlText.ts";
import { isRecord, type JsonRecord } from "../readFields.ts";
import type { Dataset, EdtfDate, Precision } from "../types";
import {
  deriveEventId,
  idFor,
  indexIn,
  slugify,
  titleFromFileName,
  type EventJson,
  type ImportResult,
} from "./common.ts";

export interface TimelineJsDate {
  year: number | string;
  month?: number | string;
  day?: number | string;
  hour?: number | string;
  minute?: number | string;
  second?: number | string;
  millisecond?: number | string;
  display_date?: string;
}

export interface TimelineJsText {
  headline?: string;
  text?: string;
}

export interface TimelineJsMedia {
  url: string;
  caption?: string;
  credit?: string;
}

export interface TimelineJsEvent {
  start_date: TimelineJsDate;
  end_date?: TimelineJsDate;
  text?: TimelineJsText;
  media?: TimelineJsMedia;
  group?: string;
  display_date?: string;
  unique_id?: string;
}

export interface TimelineJsDocument {
  title?: { text?: TimelineJsText; media?: TimelineJsMedia };
  events: TimelineJsEvent[];
  eras?: { start_date: TimelineJsDate; end_date: TimelineJsDate; text?: TimelineJsText }[];
}

export const TIMELINEJS_DATE_NOTE = "From a TimelineJS file.";
export const TIMELINEJS_ARTICLE_ID = "timelinejs-file";
const DEFAULT_LANE = { id: "events", label: "Events" };
const QUOTE_MIN = 8;
const QUOTE_MAX = 400;
const TITLE_MAX = 120;
const SUMMARY_MAX = 1000;

/** Whether parsed JSON looks like TimelineJS rather than this project's format: events carry start_date. */
export function isTimelineJs(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value["events"])) return false;
  if (value["events"].some((e: unknown) => isRecord(e) && Object.hasOwn(e, "start_date"))) return true;
  // An empty TimelineJS file: a title slide or eras, and none of this format's lanes or articles.
  return (
    !Object.hasOwn(value, "lanes") &&
    !Object.hasOwn(value, "articles") &&
    (isRecord(value["title"]) || Object.hasOwn(value, "eras"))
  );
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  ndash: "\u2013",
  mdash: "\u2014",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201c",
  rdquo: "\u201d",
  hellip: "\u2026",
};

/**
 * Plain text of an HTML fragment, by string operations only (no DOM, nothing is ever interpreted):
 * comments, scripts and styles are removed, block tags become spaces, other tags vanish (stripTags,
 * one linear pass), entities are decoded after the tags are gone (so `&lt;b&gt;` stays visible
 * text), and whitespace is collapsed.
 */
export function htmlToText(html: string): string {
  const withoutTags = stripTags(html);
  return withoutTags
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith("#")) {
        const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      // Own keys only: "&constructor;" must not reach Object.prototype.
      return Object.hasOwn(NAMED_ENTITIES, name.toLowerCase()) ? NAMED_ENTITIES[name.toLowerCase()]! : entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** Text made safe to put in TimelineJS's HTML fields. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

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

/** TimelineJS year (as shown: -44 is 44 BCE, no year 0) → EDTF's astronomical year (-0043). */
export function edtfYearOfTimelineJs(year: number): number {
  return year < 0 ? year + 1 : year;
}

/** EDTF's astronomical year → the TimelineJS year that shows as the same year (0000 → -1, i.e. 1 BCE). */
export function timelineJsYearOfEdtf(year: number): number {
  return year <= 0 ? year - 1 : year;
}

function pad(value: number, width: number): string {
  return `${value < 0 ? "-" : ""}${String(Math.abs(value)).padStart(width, "0")}`;
}

type Reporter = (severity: DataIssue["severity"], field: string, message: string) => void;

interface ReadDate {
  readonly text: string;
  readonly precision: Precision;
  readonly display?: string;
}

const DATE_PARTS = ["year", "month", "day", "hour", "minute", "second"] as const;

/** A TimelineJS date object as EDTF, or undefined after reporting why it cannot be one. */
function readDate(value: unknown, field: string, report: Reporter): ReadDate | undefined {
  if (!isRecord(value)) {
    report("error", field, "must be an object with at least a year");
    return undefined;
  }
  const parts: Partial<Record<(typeof DATE_PARTS)[number], number>> = {};
  for (const part of DATE_PARTS) {
    const raw = value[part];
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) continue;
    const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    if (!/^-?\d+$/.test(text)) {
      report("error", `${field}.${part}`, `must be a whole number, not ${JSON.stringify(raw)}`);
      return undefined;
    }
    parts[part] = Number(text);
  }
  const { year, month, day, hour, minute, second } = parts;
  if (year === undefined) {
    report("error", `${field}.year`, "is required");
    return undefined;
  }
  const missing =
    day !== undefined && month === undefined
      ? ["day", "month"]
      : hour !== undefined && day === undefined
        ? ["hour", "day"]
        : (minute ?? second) !== undefined && hour === undefined
          ? [minute === undefined ? "second" : "minute", "hour"]
          : undefined;
  if (missing !== undefined) {
    report("error", `${field}.${missing[0]}`, `needs a ${missing[1]}`);
    return undefined;
  }
  const astronomical = edtfYearOfTimelineJs(year);
  if (Math.abs(astronomical) > 9999) {
    report(
      "error",
      `${field}.year`,
      `${year} is beyond the four-digit years EDTF dates are written with here`,
    );
    return undefined;
  }
  if (year === 0) {
    report(
      "warning",
      `${field}.year`,
      "0 is not a year (1 BCE is followed by 1 CE); read as 1 BCE (EDTF 0000)",
    );
  }
  let text = pad(astronomical, 4);
  let precision: Precision = "year";
  if (month !== undefined) {
    text += `-${pad(month, 2)}`;
    precision = "month";
  }
  if (day !== undefined) {
    text += `-${pad(day, 2)}`;
    precision = "day";
  }
  if (hour !== undefined) {
    text += `T${pad(hour, 2)}:${pad(minute ?? 0, 2)}${second === undefined ? "" : `:${pad(second, 2)}`}Z`;
    precision = "time";
  }
  const display = typeof value["display_date"] === "string" ? htmlToText(value["display_date"]) : "";
  return { text, precision, ...(display === "" ? {} : { display }) };
}

/** Whether an end_date is really absent: missing, or an object with no date parts (as spreadsheets export). */
function isBlankDate(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return (
    isRecord(value) &&
    DATE_PARTS.every((part) => {
      const raw = value[part];
      return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
    })
  );
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
  const description = htmlToText(stringAt(titleText, "text"));
  const json = {
    title: (headline === "" ? titleFromFileName(file) : headline).slice(0, 200),
    ...(description === "" ? {} : { description: description.slice(0, 1000) }),
    lanes: [] as { id: string; label: string }[],
    articles: [article] as (typeof article)[],
    events: [] as EventJson[],
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
  if (Array.isArray(value["eras"]) && value["eras"].length > 0) {
    const n = value["eras"].length;
    issues.push({
      severity: "warning",
      file,
      path: "",
      field: "eras",
      message: `${n} era${n === 1 ? " was" : "s were"} not imported: this format has no eras`,
    });
  }

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
    const body = htmlToText(stringAt(text, "text"));
    const media = isRecord(item["media"]) ? stringAt(item["media"], "url").trim() : "";
    if (media !== "") {
      report(
        "warning",
        "media.url",
        `${JSON.stringify(media.length > 80 ? `${media.slice(0, 77)}...` : media)} was not imported: this format has no media, and the event's text is quoted from the TimelineJS file, not from this link`,
      );
    }
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
    const display = htmlToText(stringAt(item, "display_date")) || start.display;

    originalIndex.push(i);
    quoteField.push(fromText === undefined ? "text.headline" : "text.text");
    if (quote !== undefined) quoted = true;
    json.events.push({
      id,
      ...(shortTitle === "" ? {} : { title: shortTitle }),
      ...(summary === "" ? {} : { summary }),
      start: start.text,
      ...(end === undefined ? {} : { end: end.text }),
      precision: start.precision,
      dateBasis: "stated",
      dateNote: dateNote(start.precision === "time", display === "" ? undefined : display),
      lane,
      ...(quote === undefined ? {} : { sources: [{ article: article.id, quote }] }),
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
    return issue;
  };
  return { json, issues, relocate, rejected };
}

const QUALIFIER_WORDS: Readonly<Record<string, string>> = {
  "~": "approximate",
  "?": "uncertain",
  "%": "approximate and uncertain",
};

function toTimelineJsDate(date: EdtfDate, week: boolean): TimelineJsDate {
  const out: TimelineJsDate = { year: 0 };
  if (date.granularity === "time") {
    // TimelineJS has no zones: the instant is written in UTC, and the original kept as display text.
    const instant = new Date(date.startMs);
    Object.assign(out, {
      year: timelineJsYearOfEdtf(instant.getUTCFullYear()),
      month: instant.getUTCMonth() + 1,
      day: instant.getUTCDate(),
      hour: instant.getUTCHours(),
      minute: instant.getUTCMinutes(),
    });
    if (instant.getUTCSeconds() !== 0) out.second = instant.getUTCSeconds();
  } else {
    const [year = "0", month, day] = date.text.replace(/[~?%]$/, "").match(/^-?\d+|\d+/g) ?? [];
    out.year = timelineJsYearOfEdtf(Number(year));
    if (month !== undefined) out.month = Number(month);
    if (day !== undefined) out.day = Number(day);
  }
  const qualifier = QUALIFIER_WORDS[date.text.slice(-1)];
  const plain = date.text.replace(/[~?%]$/, "");
  if (date.granularity === "time" || week || qualifier !== undefined) {
    out.display_date = `${week ? "week from " : ""}${plain}${qualifier === undefined ? "" : ` (${qualifier})`}`;
  }
  return out;
}

/** The dataset as a TimelineJS 3 document (see the header comment for what TimelineJS cannot hold). */
export function datasetToTimelineJs(dataset: Dataset): TimelineJsDocument {
  const laneLabel = new Map(dataset.lanes.map((lane) => [lane.id, lane.label]));
  const articles = new Map(dataset.articles.map((article) => [article.id, article]));
  return {
    title: {
      text: {
        headline: escapeHtml(dataset.title),
        ...(dataset.description === "" ? {} : { text: escapeHtml(dataset.description) }),
      },
    },
    events: dataset.events.map((event): TimelineJsEvent => {
      const first = event.sources[0] === undefined ? undefined : articles.get(event.sources[0].article);
      return {
        unique_id: event.id,
        start_date: toTimelineJsDate(event.start, event.precision === "week"),
        ...(event.end === undefined ? {} : { end_date: toTimelineJsDate(event.end, false) }),
        text: { headline: escapeHtml(event.title), text: escapeHtml(event.summary) },
        group: escapeHtml(laneLabel.get(event.lane) ?? event.lane),
        ...(first?.url === undefined
          ? {}
          : {
              media: {
                url: first.url,
                caption: escapeHtml(first.title),
                ...(first.outlet === undefined ? {} : { credit: escapeHtml(first.outlet) }),
              },
            }),
      };
    }),
  };
}
