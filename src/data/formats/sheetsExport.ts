/**
 * The dataset as the TimelineJS Google Sheets template (CSV): the TimelineJS document
 * datasetToTimelineJs writes, one row per slide (the title row, then eras, then events), so that
 * parseSheets reads back what parseTimelineJs would read from that document. The template has no
 * id column: events' ids are derived again from start and headline. A start date's own display
 * text goes in Display Date when the event has none of its own (the template has one such column).
 */
import type { Dataset } from "../types";
import { safeCsvCell } from "./csvSafe.ts";
import { SHEETS_COLUMNS } from "./sheets.ts";
import { datasetToTimelineJs } from "./timelinejsExport.ts";
import type { TimelineJsDate, TimelineJsMedia } from "./timelinejsTypes.ts";

type Column = (typeof SHEETS_COLUMNS)[number];
type Row = Partial<Record<Column, string>>;

interface Slide {
  start_date?: TimelineJsDate;
  end_date?: TimelineJsDate;
  display_date?: string;
  text?: { headline?: string; text?: string };
  media?: TimelineJsMedia;
  group?: string;
  background?: { url?: string; color?: string };
}

const two = (n: number | string | undefined) => String(n ?? 0).padStart(2, "0");

function timeOf(date: TimelineJsDate | undefined): string {
  if (date?.hour === undefined) return "";
  return `${two(date.hour)}:${two(date.minute)}${date.second === undefined ? "" : `:${two(date.second)}`}`;
}

const part = (value: number | string | undefined) => (value === undefined ? "" : String(value));

function rowOf(slide: Slide, type: "" | "title" | "era"): Row {
  const start = slide.start_date;
  const end = slide.end_date;
  return {
    Year: part(start?.year),
    Month: part(start?.month),
    Day: part(start?.day),
    Time: timeOf(start),
    "End Year": part(end?.year),
    "End Month": part(end?.month),
    "End Day": part(end?.day),
    "End Time": timeOf(end),
    "Display Date": slide.display_date ?? start?.display_date ?? "",
    Headline: slide.text?.headline ?? "",
    Text: slide.text?.text ?? "",
    Media: slide.media?.url ?? "",
    "Media Credit": slide.media?.credit ?? "",
    "Media Caption": slide.media?.caption ?? "",
    "Media Thumbnail": slide.media?.thumbnail ?? "",
    Type: type,
    Group: slide.group ?? "",
    Background: slide.background?.url ?? slide.background?.color ?? "",
    "Alt Text": slide.media?.alt ?? "",
  };
}

export function datasetToSheetsCsv(dataset: Dataset): string {
  const doc = datasetToTimelineJs(dataset);
  const rows: Row[] = [
    ...(doc.title === undefined ? [] : [rowOf(doc.title, "title")]),
    ...(doc.eras ?? []).map((era) => rowOf(era, "era")),
    ...doc.events.map((event) => rowOf(event, "")),
  ];
  const lines = [
    SHEETS_COLUMNS.join(","),
    ...rows.map((row) => SHEETS_COLUMNS.map((c) => safeCsvCell(row[c] ?? "")).join(",")),
  ];
  return `${lines.join("\n")}\n`;
}
