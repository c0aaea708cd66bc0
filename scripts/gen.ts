// npm run gen -- --n 100000 --seed 1 --out FILE: writes a synthetic dataset (compact JSON) in the
// project's format; the same n and seed always give a byte-identical file.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { generateDataset } from "./lib/generate";

const USAGE = "usage: npm run gen -- --n COUNT [--seed INT] --out FILE";

function wholeNumber(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isSafeInteger(value)) {
    throw new Error(`--${name} must be a whole number, got ${text ?? "nothing"}\n${USAGE}`);
  }
  return value;
}

try {
  const { values } = parseArgs({
    options: { n: { type: "string" }, seed: { type: "string" }, out: { type: "string" } },
    strict: true,
  });
  const n = wholeNumber("n", values.n);
  if (n < 0) throw new Error(`--n must be ≥ 0\n${USAGE}`);
  const seed = wholeNumber("seed", values.seed, 1);
  if (values.out === undefined || values.out === "") throw new Error(`--out is required\n${USAGE}`);

  const t0 = performance.now();
  const json = JSON.stringify(generateDataset({ n, seed }));
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, json);
  const ms = performance.now() - t0;
  const mb = Buffer.byteLength(json) / 1e6;
  console.log(`${values.out}: ${n} events (seed ${seed}), ${mb.toFixed(1)} MB, ${ms.toFixed(0)} ms`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
