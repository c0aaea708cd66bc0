// npm run gen -- --n 100000 --seed 1 [--format json|ndjson|arrow] --out FILE: writes a synthetic
// dataset in the project's JSON (compact), NDJSON (a header line, then one event a line) or Arrow IPC
// (10,000-row batches); the same n, seed and format always give a byte-identical file. Without
// --format, the format follows OUT's extension (.ndjson/.jsonl, .arrow), else JSON.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { documentToArrow } from "../src/data/formats/arrowWrite";
import { formatFromName } from "../src/data/formats/detectFormat";
import { documentToNdjson } from "../src/data/formats/ndjson";
import { generateDataset, type GeneratedDataset } from "./lib/generate";

const USAGE = "usage: npm run gen -- --n COUNT [--seed INT] [--format json|ndjson|arrow] --out FILE";
export const GEN_FORMATS = ["json", "ndjson", "arrow"] as const;
export type GenFormat = (typeof GEN_FORMATS)[number];

function wholeNumber(name: string, text: string | undefined, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isSafeInteger(value)) {
    throw new Error(`--${name} must be a whole number, got ${text ?? "nothing"}\n${USAGE}`);
  }
  return value;
}

/** The generated dataset as the bytes (or text) of a file in `format`. */
export function serializeGenerated(dataset: GeneratedDataset, format: GenFormat): string | Uint8Array {
  if (format === "ndjson") return documentToNdjson({ ...dataset });
  if (format === "arrow") return documentToArrow({ ...dataset });
  return JSON.stringify(dataset);
}

/** The format asked for, or the one OUT's name says, or JSON. */
export function genFormat(format: string | undefined, out: string): GenFormat {
  if (format === undefined) {
    const byName = formatFromName(out);
    return byName === "ndjson" || byName === "arrow" ? byName : "json";
  }
  const known = GEN_FORMATS.find((name) => name === format);
  if (known === undefined)
    throw new Error(`--format must be json, ndjson or arrow, not "${format}"\n${USAGE}`);
  return known;
}

/** Runs the generator; returns the exit code. */
export function main(argv: readonly string[], log: (line: string) => void = console.log): number {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: {
        n: { type: "string" },
        seed: { type: "string" },
        out: { type: "string" },
        format: { type: "string" },
      },
      strict: true,
    });
    const n = wholeNumber("n", values.n);
    if (n < 0) throw new Error(`--n must be ≥ 0\n${USAGE}`);
    const seed = wholeNumber("seed", values.seed, 1);
    if (values.out === undefined || values.out === "") throw new Error(`--out is required\n${USAGE}`);
    const format = genFormat(values.format, values.out);

    const t0 = performance.now();
    const written = serializeGenerated(generateDataset({ n, seed }), format);
    mkdirSync(dirname(values.out), { recursive: true });
    writeFileSync(values.out, written);
    const ms = performance.now() - t0;
    const mb = (typeof written === "string" ? Buffer.byteLength(written) : written.byteLength) / 1e6;
    log(`${values.out}: ${n} events (seed ${seed}) as ${format}, ${mb.toFixed(1)} MB, ${ms.toFixed(0)} ms`);
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 2;
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = main(process.argv.slice(2));
}
