// npm run size: builds the production site into a temporary directory and checks, gzipped (level 9,
// each file as it would be served), what a reader downloads: the page's JS + CSS (what index.html
// loads to show the bundled story), the loading worker, and each chunk loaded on first use (listed
// with its size). Data files, articles, the HTML page and source maps are not counted. Exit code 1
// when a budget is exceeded.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "vite";

/** Budgets, gzipped, in kB (1 kB = 1000 bytes, as Vite reports sizes). */
export const PAGE_BUDGET_KB = 60;
export const WORKER_BUDGET_KB = 20;

export interface SizedFile {
  readonly path: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
}

export interface BundleSize {
  /** What index.html loads: its scripts, module preloads and stylesheets. */
  readonly page: readonly SizedFile[];
  /** The loading worker's chunk. */
  readonly worker: readonly SizedFile[];
  /** Chunks loaded on first use (opening a file, exporting). */
  readonly lazy: readonly SizedFile[];
  readonly pageGzipBytes: number;
  readonly workerGzipBytes: number;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const sum = (files: readonly SizedFile[]) => files.reduce((n, f) => n + f.gzipBytes, 0);

/** Sizes of the built .js/.css files under `outDir`, sorted into page, worker and lazy chunks. */
export function bundleSize(outDir: string): BundleSize {
  const html = readFileSync(join(outDir, "index.html"), "utf8");
  // Every asset index.html names (script src, stylesheet or modulepreload href) loads with the page.
  const loaded = new Set([...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:m?js|css))"/g)].map((m) => m[1]!));
  const files = listFiles(outDir)
    .filter((path) => /\.(m?js|css)$/.test(path))
    .sort()
    .map((path): SizedFile => {
      const bytes = readFileSync(path);
      return {
        path: relative(outDir, path),
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
      };
    });
  const isWorker = (f: SizedFile) => /(^|\/)loadWorker-[^/]*\.js$/.test(f.path);
  const page = files.filter((f) => loaded.has(f.path));
  const worker = files.filter(isWorker);
  const lazy = files.filter((f) => !loaded.has(f.path) && !isWorker(f));
  return { page, worker, lazy, pageGzipBytes: sum(page), workerGzipBytes: sum(worker) };
}

export const kB = (bytes: number) => (bytes / 1000).toFixed(1);

async function main(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "timeline-size-"));
  try {
    await build({ logLevel: "warn", build: { outDir, emptyOutDir: true } });
    const size = bundleSize(outDir);
    if (size.page.length === 0) throw new Error(`index.html in ${outDir} loads no .js or .css file`);
    if (size.worker.length === 0) throw new Error(`the build wrote no loading worker chunk to ${outDir}`);
    const line = (f: SizedFile) => `    ${f.path}: ${kB(f.rawBytes)} kB, ${kB(f.gzipBytes)} kB gzip`;
    const pageOver = size.pageGzipBytes > PAGE_BUDGET_KB * 1000;
    const workerOver = size.workerGzipBytes > WORKER_BUDGET_KB * 1000;
    console.log(
      `page (what the bundled story loads): ${kB(size.pageGzipBytes)} KB gzip, budget ${PAGE_BUDGET_KB} KB: ${pageOver ? "OVER" : "pass"}`,
    );
    size.page.forEach((f) => console.log(line(f)));
    console.log(
      `loading worker: ${kB(size.workerGzipBytes)} KB gzip, budget ${WORKER_BUDGET_KB} KB: ${workerOver ? "OVER" : "pass"}`,
    );
    size.worker.forEach((f) => console.log(line(f)));
    console.log("loaded on first use (opening a file, exporting):");
    size.lazy.forEach((f) => console.log(line(f)));
    process.exitCode = pageOver || workerOver ? 1 : 0;
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
