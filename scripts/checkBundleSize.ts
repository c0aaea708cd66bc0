// npm run size: builds the production site into a temporary directory and checks that its JavaScript
// and CSS, gzipped (level 9, each file as it would be served), stay within the budget. Data files,
// articles, the HTML page and source maps are not counted. Exit code 1 when over budget.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/** Budget for gzipped JS + CSS, in kB (1 kB = 1000 bytes, as Vite reports sizes). */
export const BUNDLE_BUDGET_KB = 50;

export interface BundleSize {
  /** Sum of the gzipped sizes, in bytes. */
  readonly gzipBytes: number;
  readonly rawBytes: number;
  readonly files: readonly { path: string; rawBytes: number; gzipBytes: number }[];
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

/** Gzip (level 9) sizes of the built .js/.css files under `outDir` (not .map, data, articles or html). */
export function bundleSize(outDir: string): BundleSize {
  const files = listFiles(outDir)
    .filter((path) => /\.(m?js|css)$/.test(path))
    .sort()
    .map((path) => {
      const bytes = readFileSync(path);
      return {
        path: relative(outDir, path),
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
      };
    });
  return {
    gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0),
    rawBytes: files.reduce((sum, f) => sum + f.rawBytes, 0),
    files,
  };
}

export const kB = (bytes: number) => (bytes / 1000).toFixed(1);

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "timeline-size-"));
  try {
    await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const size = bundleSize(outDir);
    if (size.files.length === 0) throw new Error(`the build wrote no .js or .css files to ${outDir}`);
    for (const f of size.files) console.log(`  ${f.path}: ${kB(f.rawBytes)} kB, ${kB(f.gzipBytes)} kB gzip`);
    const over = size.gzipBytes > BUNDLE_BUDGET_KB * 1000;
    console.log(
      `bundle: ${kB(size.gzipBytes)} KB gzip (budget ${BUNDLE_BUDGET_KB} KB)${over ? ": over budget" : ""}`,
    );
    process.exitCode = over ? 1 : 0;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

// Run as a script (npm run size), not when imported by the benchmark.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  });
}
