// npm run data:figures [-- --check]: computes the README's figures about the bundled data from
// data/events.json and data/ledger.json and writes them between the figures markers in README.md.
// With --check it writes nothing and exits 1 when the README is out of date.
import { readFile, writeFile } from "node:fs/promises";
import { computeFigures, figuresIn, renderFigures, replaceFigures } from "../src/data/dataFigures";
import { loadLedgerFromDisk } from "./lib/loadLedger";

export const README = "README.md";
export const LEDGER = "data/ledger.json";

/** The figures block for the data as it is now. */
export async function currentFigures(ledgerPath = LEDGER): Promise<string> {
  const { dataset, datasetOk, result } = await loadLedgerFromDisk(ledgerPath);
  const errors = result.issues.filter((i) => i.severity === "error").length;
  if (!datasetOk || errors > 0) throw new Error("the data does not validate; run npm run validate first");
  return renderFigures(computeFigures(dataset, result.summary));
}

async function main(argv: readonly string[]): Promise<number> {
  const readme = await readFile(README, "utf8");
  const block = await currentFigures();
  if (argv.includes("--check")) {
    if (figuresIn(readme) === block) return 0;
    console.error(`${README}: the data figures are out of date; run npm run data:figures`);
    return 1;
  }
  const updated = replaceFigures(readme, block);
  if (updated !== readme) await writeFile(README, updated);
  console.log(`${README}: data figures ${updated === readme ? "already up to date" : "updated"}`);
  return 0;
}

if (process.argv[1]?.endsWith("dataFigures.ts")) process.exitCode = await main(process.argv.slice(2));
