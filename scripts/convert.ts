// npm run convert -- IN --to json|ndjson|arrow|csv|timelinejs|sheets --out FILE
//
// Converts a dataset between the project's JSON format, NDJSON, Arrow IPC, CSV and TimelineJS 3
// JSON. IN may be any of them (detected by extension and content, as `npm run validate` does). It is validated with the
// same code as the browser and `npm run validate` (articles' `file`s are read relative to IN), its
// problems are printed one per line in validate's format (`FILE: where (id): field: message`), then
// the summary line, then OUT is written with every valid record: a file with errors still converts,
// minus the records that have them. Article files stay pointing at the same texts (rewritten relative
// to OUT). A note lists what the target format cannot hold, when the data has any of it.
//
// Exit code: 0 when IN has no errors, 1 when it has any (OUT is still written unless IN could not be
// read or parsed at all), 2 for a usage mistake.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { checkArticlePath } from "../src/data/articlePath";
import { documentToArrow } from "../src/data/formats/arrowWrite";
import { datasetToCsv } from "../src/data/formats/csv";
import { FORMAT_NAMES, type FormatName } from "../src/data/formats/detectFormat";
import { documentToNdjson } from "../src/data/formats/ndjson";
import { datasetToSheetsCsv } from "../src/data/formats/sheetsExport";
import { datasetToTimelineJs } from "../src/data/formats/timelinejs";
import { datasetToJson } from "../src/data/formats/toJson";
import { formatIssue } from "../src/data/issues";
import { summaryLine } from "../src/data/loadAnyFormat";
import type { Dataset } from "../src/data/types";
import { loadFromDisk } from "./lib/loadFromDisk";
import { safeLine } from "./lib/terminal";

const USAGE = "usage: npm run convert -- IN --to json|ndjson|arrow|csv|timelinejs|sheets --out FILE";
/** What convert writes: the three formats it reads, and the TimelineJS Sheets template (as CSV). */
type Target = FormatName | "sheets";
const TARGETS: readonly string[] = [...FORMAT_NAMES, "sheets"];

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

interface Args {
  readonly input: string;
  readonly to: Target;
  readonly out: string;
}

function parseArgs(argv: readonly string[]): Args | string {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    const option = /^--(to|out)(?:=(.*))?$/.exec(arg);
    if (option !== null) {
      const value = option[2] ?? argv[++i];
      if (value === undefined || value === "") return `--${option[1]} needs a value`;
      options.set(option[1] ?? "", value);
    } else if (arg.startsWith("--")) return `unknown option ${arg}`;
    else positional.push(arg);
  }
  if (positional.length !== 1) return positional.length === 0 ? "IN is missing" : "give exactly one IN file";
  const to = options.get("to");
  if (to === undefined) return "--to is missing";
  if (!TARGETS.includes(to))
    return `--to must be json, ndjson, arrow, csv, timelinejs or sheets, not "${to}"`;
  const out = options.get("out");
  if (out === undefined) return "--out is missing";
  return { input: positional[0] ?? "", to: to as Target, out };
}

/** NDJSON and Arrow hold exactly this project's JSON, one event a line or a row. */
const isJsonLike = (to: Target) => to === "json" || to === "ndjson" || to === "arrow";

/** What the target format cannot hold, among the things this dataset has. */
export function lostInConversion(dataset: Dataset, to: Target): string[] {
  if (isJsonLike(to)) return [];
  const lost: string[] = [];
  const count = (n: number, what: string) => {
    if (n > 0) lost.push(`${what} (${n})`);
  };
  count(dataset.events.filter((e) => e.conflict !== undefined).length, "conflict notes");
  count(dataset.lanes.filter((l) => l.description !== undefined).length, "lane descriptions");
  count(
    dataset.articles.filter((a) => a.file !== undefined).length,
    "article texts (quotes become unverified)",
  );
  count(
    dataset.articles.filter((a) => a.outlet !== undefined || a.url !== undefined || a.published !== undefined)
      .length,
    to === "csv" ? "article outlets, URLs and publication dates" : "article details",
  );
  if (to === "sheets") {
    count(dataset.events.length, "event ids (derived again from start and headline)");
    count(dataset.scale === undefined ? 0 : 1, "the time scale");
  }
  if (to === "csv") {
    count(dataset.events.filter((e) => e.media !== undefined).length, "media");
    count(dataset.eras?.length ?? 0, "eras");
  }
  if (to === "timelinejs" || to === "sheets") {
    count(dataset.events.length, "quotes, actors, topics, date basis and note of events");
    count(
      dataset.events.filter((e) => e.precision === "week").length,
      "week precisions (kept as display text)",
    );
  }
  return lost;
}

/**
 * Each article's text file as seen from OUT's folder, or undefined when it would lie outside it: a
 * dataset may name only files inside its own folder (src/data/articlePath.ts).
 */
export function articleFileFromOut(input: string, out: string, file: string): string | undefined {
  const path = relative(dirname(resolve(out)), resolve(dirname(resolve(input)), file))
    .split(sep)
    .join("/");
  return checkArticlePath(path).ok ? path : undefined;
}

function serialize(dataset: Dataset, to: Target, input: string, out: string): string | Uint8Array {
  if (to === "csv") return datasetToCsv(dataset);
  if (to === "sheets") return datasetToSheetsCsv(dataset);
  if (to === "timelinejs") return `${JSON.stringify(datasetToTimelineJs(dataset), null, 2)}\n`;
  // Keep each article pointing at the same text file, now seen from OUT's folder, where it can.
  const json = datasetToJson(dataset, { articleFile: (file) => articleFileFromOut(input, out, file) });
  if (to === "ndjson") return documentToNdjson({ ...json });
  if (to === "arrow") return documentToArrow({ ...json });
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** Runs the converter; returns the exit code. */
export async function main(argv: readonly string[], printer: Output = console): Promise<number> {
  // Every line may hold data (issues, file names): shown, never obeyed by the terminal.
  const output: Output = {
    log: (line) => printer.log(safeLine(line)),
    error: (line) => printer.error(safeLine(line)),
  };
  const args = parseArgs(argv);
  if (typeof args === "string") {
    output.error(`convert: ${args}`);
    output.error(USAGE);
    return 2;
  }
  const { input, to, out } = args;
  const { dataset, issues } = await loadFromDisk(input);
  for (const issue of issues) output.log(formatIssue(issue));
  output.log(summaryLine(input, dataset, issues));
  const errors = issues.some((issue) => issue.severity === "error");
  const unreadable = issues.some(
    (issue) => issue.path === "" && (issue.field === "(file)" || issue.field === "(document)"),
  );
  if (unreadable) {
    output.error(`convert: ${input} could not be read as a dataset; ${out} was not written`);
    return 1;
  }
  await mkdir(dirname(resolve(out)), { recursive: true });
  const written = serialize(dataset, to, input, out);
  await writeFile(out, written, typeof written === "string" ? "utf8" : undefined);
  const lost = lostInConversion(dataset, to);
  const outside = isJsonLike(to)
    ? dataset.articles.filter(
        (a) => a.file !== undefined && articleFileFromOut(input, out, a.file) === undefined,
      )
    : [];
  if (outside.length > 0)
    lost.push(
      `article texts outside ${out}'s folder (${outside.length}; quotes become unverified: copy the texts beside it)`,
    );
  if (lost.length > 0) output.log(`note: ${to} cannot hold: ${lost.join("; ")}`);
  output.log(`${out}: wrote ${dataset.events.length} events as ${to}`);
  return errors ? 1 : 0;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
