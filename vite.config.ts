import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";
import { inlineBundledData } from "./scripts/lib/inlineBundledData.ts";

// Tests run in a zone far from UTC (+12:45/+13:45) so any use of local time instead of UTC shows up.
if (process.env["VITEST"]) process.env["TZ"] = "Pacific/Chatham";

/**
 * V8's explicit compile hint: compile every function while the script streams in (off the main
 * thread) instead of lazily on first call. Nearly all of the page's code runs at start-up; measured
 * on the bundled dataset, first render after DOMContentLoaded dropped by ~20–30 ms (medians of 12).
 */
const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/**
 * Opens the entry chunk with the compile hint. It is written into the file on disk: Vite adds its
 * preload map at the top of the chunk after every plugin's generateBundle, and the hint must be first.
 */
const compileHint = (): Plugin => ({
  name: "compile-hint",
  apply: "build",
  writeBundle(options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== "chunk" || !chunk.isEntry || options.dir === undefined) continue;
      const file = join(options.dir, chunk.fileName);
      writeFileSync(file, `${COMPILE_HINT}\n${readFileSync(file, "utf8")}`);
      // A source map (when asked for) moves down the one line added.
      if (existsSync(`${file}.map`)) {
        const map = JSON.parse(readFileSync(`${file}.map`, "utf8")) as { mappings: string };
        writeFileSync(`${file}.map`, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
      }
    }
  },
});

/** Browser tests that measure main-thread tasks (see the browser-timed project). */
const TIMED = ["test/browser/longTasks.test.ts", "test/browser/hostileTiming.test.ts"];

/** A project of browser tests: the site is built and served once for each (globalSetup). */
function browserProject(
  test: NonNullable<TestProjectInlineConfiguration["test"]>,
): TestProjectInlineConfiguration {
  return {
    extends: true,
    // The loading worker is an ES module chunk of its own (see app/worker/loadSource).
    worker: { format: "es" },
    test: {
      environment: "node",
      globalSetup: ["test/browser/globalSetup.ts"],
      testTimeout: 30_000,
      hookTimeout: 120_000,
      ...test,
    },
  };
}

export default defineConfig({
  plugins: [
    compileHint(),
    {
      // The dev server's hot reload needs WebSockets; the built page has no reason to open any.
      name: "production-csp",
      transformIndexHtml: (html, ctx) => (ctx.server === undefined ? html.replace(" ws: wss:", "") : html),
    },
    inlineBundledData(fileURLToPath(new URL("./data", import.meta.url))),
  ],
  // Relative asset URLs: the built site works from any static host and any sub-path.
  base: "./",
  // The curated data and its article texts are also served as-is (/events.json, /articles/…): for
  // ?data=events.json, which loads them exactly as a user's own file, and for the source links.
  publicDir: "data",
  build: {
    target: "es2022",
    // light-dark() (themes) is kept as written rather than lowered into a second copy of every colour.
    cssTarget: ["chrome123", "firefox120", "safari17.5"],
    // Every browser these targets allow supports <link rel=modulepreload>; the polyfill was 0.4 KB
    // of the page and ~5 ms of its start-up.
    modulePreload: { polyfill: false },
    // Source maps only when asked for (BUILD_SOURCEMAP=1 npm run build): none are published.
    sourcemap: process.env["BUILD_SOURCEMAP"] === "1",
    rolldownOptions: {
      // Reading a property is not a side effect in this code or d3's.
      treeshake: { propertyReadSideEffects: false },
    },
  },
  // The loading worker is an ES module chunk of its own (see app/worker/loadSource).
  worker: { format: "es" },
  test: {
    projects: [
      {
        extends: true,
        // The loading worker is an ES module chunk of its own (see app/worker/loadSource).
        worker: { format: "es" },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          // Two files at once, one per core: pure code, nothing timed.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      browserProject({
        name: "browser",
        include: ["test/browser/**/*.test.ts"],
        exclude: TIMED,
        // One file at a time. Two at once (a Chromium each) took the suite under 5 minutes, but in
        // 1 run of 3 the "file chosen last wins" test then never saw its file's notice (30 s): not
        // yet understood, so not worth a suite that fails now and then. Tests wait for what they
        // check (a poll, the page's own signal, the view at rest: viewSettled), not a fixed time.
        maxWorkers: 1,
        sequence: { groupOrder: 1 },
      }),
      browserProject({
        name: "browser-timed",
        include: TIMED,
        // Tests that time the page's main thread run after the rest, in a group of their own: no
        // other test's browser may lengthen the tasks they measure.
        maxWorkers: 1,
        sequence: { groupOrder: 2 },
      }),
    ],
  },
});
