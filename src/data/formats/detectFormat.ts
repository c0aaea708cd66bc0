/**
 * Which of the three formats a file is, and its content in the dataset format. By extension first:
 * `.csv` is CSV; `.json` is JSON, and TimelineJS when its events carry `start_date`. Any other name is
 * sniffed: text starting with `{` or `[` is JSON (either kind), anything else CSV.
 */
import type { DataIssue } from "../issues";
import { parseJson } from "../parseJson.ts";
import { parseCsv } from "./csv.ts";
import { isTimelineJs, parseTimelineJs } from "./timelinejs.ts";

export type FormatName = "json" | "csv" | "timelinejs";

export const FORMAT_NAMES: readonly FormatName[] = ["json", "csv", "timelinejs"];

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

export function formatFromName(fileName: string): FormatName | undefined {
  const name = fileName.replace(/[?#].*$/, "").toLowerCase();
  if (name.endsWith(".csv")) return "csv";
  if (name.endsWith(".json")) return "json";
  return undefined;
}

export function parseAnyFormat(text: string, fileName: string): ParsedAnyFormat {
  const byName = formatFromName(fileName);
  const looksLikeJson = /^\uFEFF?\s*[[{]/.test(text);
  if (byName === "csv" || (byName === undefined && !looksLikeJson)) {
    return { ...parseCsv(text, fileName), format: "csv" };
  }
  const parsed = parseJson(text.replace(/^\uFEFF/, ""));
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
    return { ...parseTimelineJs(parsed.value, fileName), format: "timelinejs" };
  }
  return { json: parsed.value, format: "json", issues: [], relocate: same, rejected: 0 };
}
