/**
 * The TimelineJS Google Sheets template, exported as CSV or TSV: one row per slide under the header
 *
 *   Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text,
 *   Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background
 *
 * (matched ignoring case, spaces and order; "Alt Text" is read too). Rows are turned into the
 * TimelineJS JSON they stand for and read by parseTimelineJs, so a sheet and the equivalent JSON
 * file give the same dataset by construction. Type "title" is the title slide, "era" an era, and
 * anything else an event. Problems are reported as `rows[N]` (N the line the row starts on, the
 * header being line 1) with the template's column name as the field.
 */
import { csvParseRows } from "d3-dsv";
import type { DataIssue } from "../issues";
import { restoreCsvCell } from "./csvSafe.ts";
import type { ImportResult } from "./common.ts";
import { parseTimelineJs } from "./timelinejs.ts";
import { headerKey, isSheetsHeader } from "./formatShape.ts";

export const SHEETS_COLUMNS = [
  "Year",
  "Month",
  "Day",
  "Time",
  "End Year",
  "End Month",
  "End Day",
  "End Time",
  "Display Date",
  "Headline",
  "Text",
  "Media",
  "Media Credit",
  "Media Caption",
  "Media Thumbnail",
  "Type",
  "Group",
  "Background",
  "Alt Text",
] as const;

type Column = (typeof SHEETS_COLUMNS)[number];
type Cells = Readonly<Record<Column, string>>;
type Json = Record<string, unknown>;

const key = headerKey;
const COLUMN_BY_KEY = new Map<string, Column>(SHEETS_COLUMNS.map((c) => [key(c), c]));

export { isSheetsHeader };

/** TimelineJS field (as parseTimelineJs reports it) → the template column it came from. */
const COLUMN_OF_FIELD: readonly (readonly [RegExp, string])[] = [
  [/^start_date\.year$/, "Year"],
  [/^start_date\.month$/, "Month"],
  [/^start_date\.day$/, "Day"],
  [/^start_date\.(hour|minute|second|millisecond)$/, "Time"],
  [/^start_date\.display_date$/, "Display Date"],
  [/^start_date$/, "Year/Month/Day"],
  [/^end_date\.year$/, "End Year"],
  [/^end_date\.month$/, "End Month"],
  [/^end_date\.day$/, "End Day"],
  [/^end_date\.(hour|minute|second|millisecond)$/, "End Time"],
  [/^end_date$/, "End Year/End Month/End Day"],
  [/^text\.headline$/, "Headline"],
  [/^text(\.text)?$/, "Text"],
  [/^media\.url$/, "Media"],
  [/^media\.credit$/, "Media Credit"],
  [/^media\.caption$/, "Media Caption"],
  [/^media\.thumbnail$/, "Media Thumbnail"],
  [/^media\.alt$/, "Alt Text"],
  [/^group$/, "Group"],
  [/^background(\..*)?$/, "Background"],
  [/^display_date$/, "Display Date"],
];

function columnOf(field: string): string {
  return COLUMN_OF_FIELD.find(([pattern]) => pattern.test(field))?.[1] ?? field;
}

/** "14:30", "14:30:05", "14:30:05.250", "2:30 PM" → TimelineJS time parts; undefined when not a time. */
export function readTime(text: string): Json | undefined {
  const match = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2})(?:\.(\d{1,3}))?)?\s*([ap]\.?m\.?)?$/i.exec(text.trim());
  if (match === null) return undefined;
  let hour = Number(match[1]);
  const half = match[5]?.[0]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === "p" ? 12 : 0);
  }
  return {
    hour: String(hour),
    ...(match[2] === undefined ? {} : { minute: match[2] }),
    ...(match[3] === undefined ? {} : { second: match[3] }),
    ...(match[4] === undefined ? {} : { millisecond: match[4] }),
  };
}

/** Only the cells that are filled, so the JSON reads like a hand-written one. */
function filled(entries: Record<string, unknown>): Json {
  return Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== "" && v !== undefined));
}

function dateOf(cells: Cells, prefix: "" | "End ", report: (column: string, message: string) => void) {
  const time = cells[`${prefix}Time`];
  const parts = time === "" ? {} : readTime(time);
  // A time that cannot be read costs only the time: the date is still good to its day.
  if (parts === undefined)
    report(`${prefix}Time`, `"${time}" is not a time of day (hh:mm, hh:mm:ss); the date is read without it`);
  const date = filled({
    year: cells[`${prefix}Year`],
    month: cells[`${prefix}Month`],
    day: cells[`${prefix}Day`],
    ...parts,
  });
  return Object.keys(date).length === 0 ? undefined : date;
}

/** A row's slide as TimelineJS JSON: dates, text, media, group, background, display date. */
function slideOf(cells: Cells, report: (column: string, message: string) => void): Json {
  const media = filled({
    url: cells.Media,
    credit: cells["Media Credit"],
    caption: cells["Media Caption"],
    thumbnail: cells["Media Thumbnail"],
    alt: cells["Alt Text"],
  });
  const background = cells.Background;
  // The template's Background is a colour (#rrggbb, or a name) or an image URL.
  const isUrl =
    /^(https?:)?\/\//i.test(background) || /^[\w./-]+\.(png|jpe?g|gif|webp|svg)$/i.test(background);
  return filled({
    start_date: dateOf(cells, "", report),
    end_date: dateOf(cells, "End ", report),
    display_date: cells["Display Date"],
    text: Object.keys(filled({ headline: cells.Headline, text: cells.Text })).length
      ? filled({ headline: cells.Headline, text: cells.Text })
      : undefined,
    media: Object.keys(media).length > 0 ? media : undefined,
    group: cells.Group,
    background: background === "" ? undefined : isUrl ? { url: background } : { color: background },
  });
}

/** The line each row starts on: line breaks inside quoted cells push later rows down. */
function rowLines(rows: readonly (readonly string[])[]): number[] {
  const lines: number[] = [];
  let next = 1;
  for (const row of rows) {
    lines.push(next);
    next += 1 + row.reduce((n, cell) => n + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  return lines;
}

/** Reads a Sheets-template CSV (TSV already turned into CSV) through parseTimelineJs. */
export function parseSheets(text: string, file: string): ImportResult {
  const issues: DataIssue[] = [];
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
  const lines = rowLines(rows);
  const header = rows[0] ?? [];
  const index = new Map<Column, number>();
  header.forEach((raw, i) => {
    const column = COLUMN_BY_KEY.get(key(raw));
    if (column === undefined) {
      const field = raw.trim() || `(column ${i + 1})`;
      issues.push({
        severity: "warning",
        file,
        path: "rows[1]",
        field,
        message: "is not a template column and was ignored",
      });
    } else if (!index.has(column)) index.set(column, i);
  });
  const doc: { title?: Json; events: Json[]; eras: Json[] } = { events: [], eras: [] };
  /** Line of each event, era and the title row, in the order parseTimelineJs sees them. */
  const eventLines: number[] = [];
  const eraLines: number[] = [];
  let titleLine = 1;
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const line = lines[r] ?? r + 1;
    if (row.every((cell) => cell.trim() === "")) continue;
    const cells = Object.fromEntries(
      SHEETS_COLUMNS.map((c) => {
        const i = index.get(c);
        return [c, i === undefined ? "" : restoreCsvCell((row[i] ?? "").trim())];
      }),
    ) as Cells;
    const report = (field: string, message: string) =>
      issues.push({ severity: "warning", file, path: `rows[${line}]`, field, message });
    const slide = slideOf(cells, report);
    const type = cells.Type.toLowerCase();
    if (type === "title") {
      if (doc.title !== undefined) {
        issues.push({
          severity: "warning",
          file,
          path: `rows[${line}]`,
          field: "Type",
          message: `is a second "title" row; the first, rows[${titleLine}], is the title slide`,
        });
      } else {
        doc.title = slide;
        titleLine = line;
      }
    } else if (type === "era") {
      doc.eras.push(slide);
      eraLines.push(line);
    } else {
      if (type !== "")
        issues.push({
          severity: "warning",
          file,
          path: `rows[${line}]`,
          field: "Type",
          message: `"${cells.Type}" is not "title" or "era"; the row is read as an event`,
        });
      doc.events.push(slide);
      eventLines.push(line);
    }
  }
  const imported = parseTimelineJs(doc.eras.length === 0 ? { ...doc, eras: undefined } : doc, file);
  // parseTimelineJs's places (events[i], eras[i], the top level) → the sheet's rows and columns.
  const toSheet = (issue: DataIssue): DataIssue => {
    const at = /^(events|eras)\[(\d+)\]$/.exec(issue.path);
    const lineOf = at === null ? undefined : (at[1] === "events" ? eventLines : eraLines)[Number(at[2])];
    const field = columnOf(issue.field.replace(/^(title|eras\[\d+\])\./, ""));
    if (lineOf !== undefined) return { ...issue, path: `rows[${lineOf}]`, field };
    if (issue.path === "" && issue.field.startsWith("title"))
      return { ...issue, path: `rows[${titleLine}]`, field };
    return issue;
  };
  return {
    json: imported.json,
    issues: [...issues, ...imported.issues.map(toSheet)],
    relocate: (issue) => toSheet(imported.relocate(issue)),
    rejected: imported.rejected,
  };
}
