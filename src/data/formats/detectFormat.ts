/**
 * Which format a file is, and its content in the dataset format. By extension first: `.csv` is CSV;
 * `.ndjson` and `.jsonl` are NDJSON; `.arrow`, `.arrows` and `.feather` are Arrow (read from their
 * bytes, see loadBytes); `.json` is JSON, and TimelineJS when its events carry `start_date`. Text of
 * any name but `.csv` that opens with NDJSON's header, or whose first line is a whole JSON object
 * with more after it, is NDJSON (no JSON document can be either). Any other name is
 * sniffed: text starting with `{` or `[` is JSON (either kind), anything else CSV. CSV (or TSV) whose
 * header has the TimelineJS Sheets template's Year and Headline columns is that template, read as
 * TimelineJS (sheets.ts).
 */
import type { DataIssue } from "../issues";
import { parseJson } from "../parseJson.ts";
import { csvParseRows } from "d3-dsv";
import { looksLikeNdjson, parseNdjson } from "./ndjson.ts";
import { isSheetsHeader, isTimelineJs } from "./formatShape.ts";

export type FormatName = "json" | "csv" | "timelinejs" | "ndjson" | "arrow";

export const FORMAT_NAMES: readonly FormatName[] = ["json", "csv", "timelinejs", "ndjson", "arrow"];

export interface ParsedAnyFormat {
  /** The document in the dataset format (for "json", exactly as parsed), or undefined when unreadable. */
  readonly json: unknown;
  readonly format: FormatName;
  /** Problems found before validation: syntax, CSV rows, TimelineJS fields. */
  readonly issues: DataIssue[];
  /** Moves an issue validateDataset found in `json` back to its place in the original file. */
  readonly relocate: (issue: DataIssue) => DataIssue;
  /** Records left out before validation (CSV rows, TimelineJS events), for the rejected count. */
  readonly rejected: number;
}

const same = (issue: DataIssue) => issue;

/** A file-level error, before any parsing. */
function fileError(fileName: string, format: FormatName, message: string): ParsedAnyFormat {
  return {
    json: undefined,
    format,
    issues: [{ severity: "error", file: fileName, path: "", field: "(file)", message }],
    relocate: same,
    rejected: 0,
  };
}

/**
 * Text no parser should be handed, with a message that says what it is: UTF-16 without a byte-order
 * mark (decoded as UTF-8 it is every other character NUL), and JSON in a file named .csv.
 */
function refuseText(
  text: string,
  fileName: string,
  byName: FormatName | undefined,
  looksLikeJson: boolean,
): ParsedAnyFormat | undefined {
  const head = text.slice(0, 64);
  if (
    head.length >= 2 &&
    (head[0] === "\u0000" || head[1] === "\u0000") &&
    head.split("\u0000").length > head.length / 4
  )
    return fileError(
      fileName,
      byName ?? "json",
      `looks like UTF-16 text without a byte-order mark (every other byte is 0); save it as UTF-8 (or UTF-16 with a byte-order mark)`,
    );
  if (byName === "csv" && looksLikeJson)
    return fileError(fileName, "csv", "holds JSON, not CSV (it starts with { or [); rename it to .json");
  return undefined;
}

/**
 * Tab-separated values (a spreadsheet's "Text (tab-delimited)" or a .tsv file): a header line with
 * tabs and no commas. Read as the same table in CSV (TSV has no quoting: a line is a row, a tab ends
 * a cell), so rows keep their line numbers.
 */
export function isTabSeparated(text: string): boolean {
  const end = text.search(/\r|\n/);
  const header = end < 0 ? text : text.slice(0, end);
  return header.includes("\t") && !header.includes(",");
}

function tsvToCsv(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        .replace(/\r$/, "")
        .split("\t")
        .map((cell) => (/[",\r]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell))
        .join(","),
    )
    .join("\n");
}

export function formatFromName(fileName: string): FormatName | undefined {
  const name = fileName.replace(/[?#].*$/, "").toLowerCase();
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".json")) return "json";
  if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) return "ndjson";
  if (/\.(arrows?|feather)$/.test(name)) return "arrow";
  return undefined;
}

/**
 * A file's content in the dataset format, whatever its format. The CSV, Sheets-template and
 * TimelineJS readers are loaded when a file needs them (a chunk of their own in the page and the
 * worker): most large files are JSON, NDJSON or Arrow, and the worker's budget is 20 KB.
 */
export async function parseAnyFormat(raw: string, fileName: string): Promise<ParsedAnyFormat> {
  // Byte-order marks, however many, were dropped by decodeBytes; a text given here directly may still have them.
  const text = raw.replace(/^\uFEFF+/, "");
  const byName = formatFromName(fileName);
  const looksLikeJson = /^\s*[[{]/.test(text);
  const refused = refuseText(text, fileName, byName, looksLikeJson);
  if (refused !== undefined) return refused;
  // Arrow reaches here only as text given directly: its bytes were not kept.
  if (byName === "arrow")
    return fileError(fileName, "arrow", "is an Arrow file, which is read from its bytes, not as text");
  if (byName === "ndjson" || (byName !== "csv" && looksLikeNdjson(text)))
    return { ...parseNdjson(text, fileName), format: "ndjson" };
  if (byName === "csv" || (byName === undefined && !looksLikeJson)) {
    const csv = isTabSeparated(text) ? tsvToCsv(text) : text;
    // The TimelineJS Sheets template is told from this project's CSV by its header row alone.
    const headerEnd = csv.search(/\r|\n/);
    const header = csvParseRows(headerEnd < 0 ? csv : csv.slice(0, headerEnd))[0] ?? [];
    if (isSheetsHeader(header)) {
      const { parseSheets } = await import("./sheets.ts");
      return { ...parseSheets(csv, fileName), format: "timelinejs" };
    }
    const { parseCsv } = await import("./csv.ts");
    return { ...parseCsv(csv, fileName), format: "csv" };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return {
      json: undefined,
      format: "json",
      issues: [{ severity: "error", file: fileName, path: "", field: "(file)", message: parsed.message }],
      relocate: same,
      rejected: 0,
    };
  }
  if (isTimelineJs(parsed.value)) {
    const { parseTimelineJs } = await import("./timelinejs.ts");
    return { ...parseTimelineJs(parsed.value, fileName), format: "timelinejs" };
  }
  return { json: parsed.value, format: "json", issues: [], relocate: same, rejected: 0 };
}
