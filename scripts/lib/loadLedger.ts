import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { isRecord } from "../../src/data/readFields";
import type { Dataset } from "../../src/data/types";
import { validateLedger, type LedgerResult } from "../../src/data/validateLedger";
import { loadFromDisk } from "./loadFromDisk";

export interface LoadedLedger {
  /** The dataset the ledger names (its `dataset`, relative to the ledger; events.json by default). */
  readonly datasetPath: string;
  readonly dataset: Dataset;
  /** Whether the dataset itself validated without errors. */
  readonly datasetOk: boolean;
  readonly result: LedgerResult;
}

/** Loads a coverage ledger, the dataset it accounts for and that dataset's article texts, and checks the ledger. */
export async function loadLedgerFromDisk(path: string): Promise<LoadedLedger> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    json = undefined;
    const message = error instanceof Error ? error.message : String(error);
    const datasetPath = resolve(dirname(path), "events.json");
    const { dataset } = await loadFromDisk(datasetPath);
    return {
      datasetPath,
      dataset,
      datasetOk: false,
      result: {
        entries: [],
        issues: [{ severity: "error", file: path, path: "", field: "(document)", message }],
        summary: validateLedger({ entries: [] }, { file: path, dataset, articleTexts: new Map() }).summary,
      },
    };
  }
  const named = isRecord(json) && typeof json["dataset"] === "string" ? json["dataset"] : "events.json";
  const datasetPath = resolve(dirname(path), named);
  const { dataset, issues } = await loadFromDisk(datasetPath);
  const articleTexts = new Map<string, string>();
  for (const article of dataset.articles) {
    if (article.file === undefined) continue;
    try {
      articleTexts.set(article.id, await readFile(resolve(dirname(datasetPath), article.file), "utf8"));
    } catch {
      // The dataset's own validation reports an unreadable article; the ledger reports it as unchecked.
    }
  }
  const result = validateLedger(json, { file: path, dataset, articleTexts });
  return { datasetPath, dataset, datasetOk: issues.every((i) => i.severity !== "error"), result };
}
