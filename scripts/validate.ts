// npm run validate [-- FILE...]: checks dataset files with the same code the browser uses. Each FILE
// may be in the project's JSON format, CSV or TimelineJS JSON (detected by extension and content);
// problems in CSV and TimelineJS files are located in those files (rows[N] and column, or the
// TimelineJS field).
import { formatIssue } from "../src/data/issues";
import { summaryLine } from "../src/data/loadAnyFormat";
import { loadFromDisk } from "./lib/loadFromDisk";
import { printLines } from "./lib/terminal";

const DEFAULT_FILES = ["data/events.json"];

async function validateFile(path: string): Promise<boolean> {
  const { dataset, issues } = await loadFromDisk(path);
  printLines(...issues.map(formatIssue), summaryLine(path, dataset, issues));
  return issues.every((issue) => issue.severity !== "error");
}

const files = process.argv.slice(2);
const results = [];
for (const file of files.length > 0 ? files : DEFAULT_FILES) results.push(await validateFile(file));
process.exitCode = results.every(Boolean) ? 0 : 1;
