import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { loadAnyFormat, type LoadedAnyFormat } from "../../src/data/loadAnyFormat.ts";

/** Loads and validates a dataset file with the article texts beside it, as the browser would. */
export function loadFromDisk(path: string, displayName = path): Promise<LoadedAnyFormat> {
  return loadAnyFormat(
    path,
    (location) => readFile(location, "utf8"),
    (datasetPath, file) => resolve(dirname(datasetPath), file),
    displayName,
  );
}
