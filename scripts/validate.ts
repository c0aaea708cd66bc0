// npm run validate [-- FILE...]: checks dataset files with the same code the browser uses. Each FILE
// may be in the project's JSON format, CSV or TimelineJS JSON (detected by extension and content);
// problems in CSV and TimelineJS files are located in those files (rows[N] and column, or the
// TimelineJS field). A FILE whose name contains "ledger" is a coverage ledger (data/ledger.json):
// it is checked against the dataset it names and that dataset's articles.
import { basename } from "node:path";
import { formatIssue } from "../src/data/issues";
import { summaryLine } from "../src/data/loadAnyFormat";
import { ledgerSummaryLine } from "../src/data/validateLedger";
import { loadFromDisk } from "./lib/loadFromDisk";
import { loadLedgerFromDisk } from "./lib/loadLedger";
import { printLines } from "./lib/terminal";

const DEFAULT_FILES = ["data/events.json", "data/ledger.json"];

async function validateFile(path: string): Promise<boolean> {
  if (basename(path).includes("ledger")) {
    const { result } = await loadLedgerFromDisk(path);
    for (const issue of result.issues) console.log(formatIssue(issue));
    console.log(ledgerSummaryLine(path, result));
    return result.issues.every((issue) => issue.severity !== "error");
  }
  const { dataset, issues } = await loadFromDisk(path);
  printLines(...issues.map(formatIssue), summaryLine(path, dataset, issues));
  return issues.every((issue) => issue.severity !== "error");
}

const files = process.argv.slice(2);
const results = [];
for (const file of files.length > 0 ? files : DEFAULT_FILES) results.push(await validateFile(file));
process.exitCode = results.every(Boolean) ? 0 : 1;
