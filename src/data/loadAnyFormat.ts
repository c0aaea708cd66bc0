/**
 * loadDataset for any text format (the project's JSON, NDJSON, CSV, TimelineJS JSON): the file is
 * read, detected and converted into the dataset format, then loaded and validated by loadDataset
 * exactly as a JSON file would be, and every issue is moved back to where it is in the original file
 * (`rows[N]` and column names for CSV, TimelineJS field names for TimelineJS, `lines[N]` for NDJSON).
 * Arrow, a binary format, is read from its bytes (loadBytes → formats/arrow.ts), then by loadParsed.
 */
import { parseAnyFormat, type FormatName, type ParsedAnyFormat } from "./formats/detectFormat.ts";
import { tidyIssue, type DataIssue } from "./issues.ts";
import { loadParsedDataset, type LoadedDataset, type ReadText, type ResolvePath } from "./loadDataset.ts";
import type { Dataset } from "./types";
import type { OnProgress } from "./validateDataset";

export interface LoadedAnyFormat extends LoadedDataset {
  readonly format: FormatName;
}

const EMPTY: Dataset = { title: "", description: "", lanes: [], articles: [], events: [] };

/** A file that could not be read or parsed at all (worded as loadDataset words it). */
function failed(issues: DataIssue[], format: FormatName): LoadedAnyFormat {
  return { dataset: EMPTY, issues, rejectedEvents: 0, texts: new Map(), format };
}

/**
 * The record an issue is about (`rows[N]` in CSV and Arrow, `events[N]` in TimelineJS, `lines[N]` in
 * NDJSON), -1 for the whole file.
 */
function recordOf(issue: DataIssue): number {
  const match = /^(?:rows|events|lines)\[(\d+)\]$/.exec(issue.path);
  return match === null ? -1 : Number(match[1]);
}

/** Loads, converts and validates a dataset in any supported format. Never rejects: failures become issues. */
export async function loadAnyFormat(
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  displayName = location,
  onProgress?: OnProgress,
): Promise<LoadedAnyFormat> {
  let text: string;
  try {
    text = await read(location);
  } catch (error) {
    const message = `could not be read: ${error instanceof Error ? error.message : String(error)}`;
    return failed([{ severity: "error", file: displayName, path: "", field: "(file)", message }], "json");
  }
  return loadParsed(
    await parseAnyFormat(text, displayName),
    location,
    read,
    resolve,
    displayName,
    onProgress,
  );
}

/** Validates a file already converted into the dataset format (see loadAnyFormat). */
export async function loadParsed(
  parsed: ParsedAnyFormat,
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  displayName = location,
  onProgress?: OnProgress,
): Promise<LoadedAnyFormat> {
  if (parsed.json === undefined) return failed(parsed.issues.map(tidyIssue), parsed.format);
  // The (converted) document is validated as if it had been read from `location`, so articles' files
  // are still read relative to it and validation is exactly that of a JSON dataset.
  const loaded = await loadParsedDataset(parsed.json, location, read, resolve, displayName, onProgress);
  return joinIssues(parsed, loaded);
}

/**
 * A converted file's result: the problems found converting it, then the validator's moved back to
 * their place in the file. (A streamed NDJSON file is put together the same way, see streamNdjson.)
 */
export function joinIssues(
  parsed: Pick<ParsedAnyFormat, "issues" | "relocate" | "rejected" | "format">,
  loaded: LoadedDataset,
): LoadedAnyFormat {
  const issues = [...parsed.issues, ...loaded.issues.map(parsed.relocate)].map(tidyIssue);
  // Converted files' issues read best in the file's order, whichever step found them; sort is stable,
  // so each record keeps its own order of problems. JSON keeps the validator's order, as it always had.
  if (parsed.format !== "json") issues.sort((a, b) => recordOf(a) - recordOf(b));
  return {
    ...loaded,
    issues,
    rejectedEvents: loaded.rejectedEvents + parsed.rejected,
    format: parsed.format,
  };
}

/** The one-line verdict the CLIs print after a file's issues, e.g. `FILE: OK: 40 valid events, …`. */
export function summaryLine(name: string, dataset: Dataset, issues: readonly DataIssue[]): string {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const quotes = dataset.events.reduce((n, e) => n + e.sources.length, 0);
  const verified = dataset.events.reduce((n, e) => n + e.sources.filter((s) => s.verified).length, 0);
  const counts = `${dataset.events.length} valid events, ${dataset.lanes.length} lanes, ${dataset.articles.length} articles, ${verified}/${quotes} quotes verified verbatim`;
  const verdict = errors === 0 ? "OK" : `${errors} error${errors === 1 ? "" : "s"}`;
  return `${name}: ${verdict}: ${counts}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`;
}
