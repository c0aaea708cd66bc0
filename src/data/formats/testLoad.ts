/** Test helper: loads text in any format through loadAnyFormat, as the CLI and the page do. */
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { formatIssue } from "../issues";
import { loadFromDisk } from "../../../scripts/lib/loadFromDisk";
import { loadAnyFormat, type LoadedAnyFormat } from "../loadAnyFormat";

/** The repository root, so tests find data/ and test/fixtures/ wherever they are run from. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** Loads `text` as if it were the file `name` (no article texts exist beside it). */
export function loadText(name: string, text: string): Promise<LoadedAnyFormat> {
  return loadAnyFormat(
    name,
    (location) =>
      location === name ? Promise.resolve(text) : Promise.reject(new Error(`ENOENT: ${location}`)),
    (_dataset, file) => file,
  );
}

/** Loads a file of the repository (path relative to ROOT) with its article texts, as `npm run validate` does. */
export function loadRepoFile(path: string): Promise<LoadedAnyFormat> {
  return loadFromDisk(resolve(ROOT, path), path);
}

/** Loads `text` as if it were the repository file `path`, reading its article texts from disk. */
export function loadTextAt(path: string, text: string): Promise<LoadedAnyFormat> {
  const location = resolve(ROOT, path);
  return loadAnyFormat(
    location,
    (where) => (where === location ? Promise.resolve(text) : readFile(where, "utf8")),
    (datasetPath, file) => resolve(dirname(datasetPath), file),
    path,
  );
}

/** Issues as the CLI prints them, for readable assertions. */
export function lines(loaded: LoadedAnyFormat): string[] {
  return loaded.issues.map(formatIssue);
}
