// npm run validate [-- FILE...]: checks dataset files with the same code the browser uses.
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { formatIssue } from "../src/data/issues";
import { loadDataset } from "../src/data/loadDataset";

const DEFAULT_FILES = ["data/events.json"];

async function validateFile(path: string): Promise<boolean> {
  const name = path;
  const { dataset, issues } = await loadDataset(
    path,
    (location) => readFile(location, "utf8"),
    (datasetPath, file) => resolve(dirname(datasetPath), file),
    name,
  );
  for (const issue of issues) console.log(formatIssue(issue));
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  const quotes = dataset.events.reduce((n, e) => n + e.sources.length, 0);
  const verified = dataset.events.reduce((n, e) => n + e.sources.filter((s) => s.verified).length, 0);
  const counts = `${dataset.events.length} valid events, ${dataset.lanes.length} lanes, ${dataset.articles.length} articles, ${verified}/${quotes} quotes verified verbatim`;
  const verdict = errors === 0 ? "OK" : `${errors} error${errors === 1 ? "" : "s"}`;
  console.log(
    `${name}: ${verdict}: ${counts}${warnings > 0 ? `, ${warnings} warning${warnings === 1 ? "" : "s"}` : ""}`,
  );
  return errors === 0;
}

const files = process.argv.slice(2);
const results = [];
for (const file of files.length > 0 ? files : DEFAULT_FILES) results.push(await validateFile(file));
process.exitCode = results.every(Boolean) ? 0 : 1;
