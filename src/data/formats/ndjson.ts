/**
 * NDJSON (newline-delimited JSON, also `.jsonl`): the project's JSON with one event per line, so a
 * large file can be read, and each event checked, line by line as it arrives, with no splitting
 * guesswork (see jsonMembers.ts for what the one-document format needs).
 *
 *     {"dataset": {"title": "…", "lanes": [ … ], "articles": [ … ], "strict": false}}
 *     {"id": "…", "title": "…", "start": "2025-07-14", …}
 *     {"title": "…", "start": "2025-07"}
 *
 * The first line may be a header: an object whose only key is `dataset`, holding every member of
 * the JSON format except `events`. Every other line is one event, exactly as an item of `events`.
 * Blank lines are skipped; lines end with LF or CRLF. The file means the JSON document
 * `{...header, "events": [every event line]}`, and is validated as that document, so every rule and
 * default is JSON's. Issues name the line (`lines[12]`, the first line being 1); a line that is not
 * JSON is an error of its own, and never costs the other lines their events.
 */
import type { DataIssue } from "../issues";
import { parseJson } from "../parseJson.ts";
import { isRecord, type JsonRecord } from "../readFields.ts";

/** The key that marks the header line. */
export const HEADER_KEY = "dataset";

/** Text that opens with the header line: `{"dataset":` (after any whitespace or byte-order marks). */
export function startsWithNdjsonHeader(text: string): boolean {
  return /^[\uFEFF\s]*\{\s*"dataset"\s*:/.test(text);
}

/**
 * Whether a text with no telling file name is NDJSON: it opens with the header, or its first line is
 * a whole JSON object with more text after it (no single JSON document can be that).
 */
export function looksLikeNdjson(text: string): boolean {
  if (startsWithNdjsonHeader(text)) return true;
  const end = text.indexOf("\n");
  if (end < 0 || text.slice(end).trim() === "") return false;
  const first = text.slice(0, end).trim();
  return first.startsWith("{") && first.endsWith("}") && parseJson(first).ok;
}

export interface NdjsonSink {
  /** The header's members (only ever from the first line). */
  header(members: JsonRecord): void;
  /** One event line's value, and its line number. */
  event(item: unknown, line: number): void;
  /** A line that could not be taken (not JSON, a misplaced or malformed header). */
  issue(issue: DataIssue): void;
}

export interface NdjsonLines {
  push(text: string): void;
  end(): void;
}

/**
 * Cuts text that arrives piece by piece into lines and hands each on as soon as it is whole. What is
 * left of a line not yet ended is kept as a string (joined once it ends: linear in the file's size).
 */
export function readNdjsonLines(file: string, sink: NdjsonSink): NdjsonLines {
  let pending = "";
  let line = 0;
  let seenContent = false;
  const error = (at: number, field: string, message: string) =>
    sink.issue({ severity: "error", file, path: `lines[${at}]`, field, message });
  const take = (raw: string) => {
    line++;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    // Byte-order marks were dropped by decodeBytes; text given directly may still have them.
    const content = line === 1 ? text.replace(/^\uFEFF+/, "") : text;
    if (content.trim() === "") return;
    const parsed = parseJson(content);
    if (!parsed.ok) return error(line, "(line)", parsed.message.replace(/ at line 1, column/, " at column"));
    const first = !seenContent;
    seenContent = true;
    const value = parsed.value;
    if (!isRecord(value) || !Object.hasOwn(value, HEADER_KEY)) return sink.event(value, line);
    if (!first) return error(line, HEADER_KEY, "the header must be the first line; this one is left out");
    const members = value[HEADER_KEY];
    if (!isRecord(members)) return error(line, HEADER_KEY, "must be an object of the dataset's members");
    const { events, ...rest } = members;
    if (events !== undefined)
      error(line, `${HEADER_KEY}.events`, "events go one per line after the header; these are left out");
    sink.header(rest);
  };
  return {
    push(text) {
      let from = 0;
      for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", from)) {
        take(pending + text.slice(from, at));
        pending = "";
        from = at + 1;
      }
      pending += text.slice(from);
    },
    end() {
      if (pending !== "") take(pending);
      pending = "";
    },
  };
}

/** Moves the validator's `events[k]` to the line the k-th event was on. */
export function relocateToLines(lineOf: readonly number[]): (issue: DataIssue) => DataIssue {
  return (issue) => {
    const match = /^events\[(\d+)\]$/.exec(issue.path);
    const line = match === null ? undefined : lineOf[Number(match[1])];
    return line === undefined ? issue : { ...issue, path: `lines[${line}]` };
  };
}

export interface ParsedNdjson {
  /** The JSON document the file stands for. */
  readonly json: JsonRecord;
  readonly issues: DataIssue[];
  readonly relocate: (issue: DataIssue) => DataIssue;
  /** Lines left out before validation. */
  readonly rejected: number;
}

/** Reads a whole NDJSON text into the JSON document it stands for. */
export function parseNdjson(text: string, file: string): ParsedNdjson {
  let head: JsonRecord = {};
  const events: unknown[] = [];
  const lineOf: number[] = [];
  const issues: DataIssue[] = [];
  const lines = readNdjsonLines(file, {
    header: (members) => (head = members),
    event(item, line) {
      events.push(item);
      lineOf.push(line);
    },
    issue: (issue) => issues.push(issue),
  });
  lines.push(text);
  lines.end();
  const rejected = issues.filter((issue) => issue.field === "(line)").length;
  return { json: { ...head, events }, issues, relocate: relocateToLines(lineOf), rejected };
}

/** Writes a JSON document of the dataset format as NDJSON: the header, then one line per event. */
export function documentToNdjson(document: JsonRecord): string {
  const { events, ...head } = document;
  const lines = [JSON.stringify({ [HEADER_KEY]: head })];
  if (Array.isArray(events)) for (const event of events) lines.push(JSON.stringify(event));
  return `${lines.join("\n")}\n`;
}
