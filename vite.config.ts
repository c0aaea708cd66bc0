import { fileURLToPath } from "node:url";
import { minify } from "terser";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";
import { inlineBundledData } from "./scripts/lib/inlineBundledData";

// Tests run in a zone far from UTC (+12:45/+13:45) so any use of local time instead of UTC shows up.
if (process.env["VITEST"]) process.env["TZ"] = "Pacific/Chatham";

/**
 * V8's explicit compile hint: compile every function while the script streams in (off the main
 * thread) instead of lazily on first call. Nearly all of the code runs at start-up; measured on the
 * bundled dataset, first render after DOMContentLoaded drops by ~20–30 ms (medians of 12 loads).
 */
const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/**
 * A second minification pass: terser over the default minifier's (oxc's) output packs the bundle
 * ~0.7 KB gzip smaller than either alone (terser alone saves ~0.3 KB).
 */
const terserPass = (): Plugin => ({
  name: "terser-pass",
  apply: "build",
  async generateBundle(_, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== "chunk") continue;
      const { code, map } = await minify(chunk.code, {
        module: true,
        // pure_getters: reading a property never matters for its side effects (no reflow hacks here).
        compress: { passes: 2, pure_getters: true },
        // The compile hint must open the file; this pass writes it (see COMPILE_HINT).
        format: { preamble: COMPILE_HINT },
        // The (hidden) source map still leads back to the sources through both passes.
        sourceMap: chunk.map === null ? false : { content: JSON.stringify(chunk.map), asObject: true },
      });
      if (code === undefined) continue;
      chunk.code = code;
      // The map is written from its own asset (sourcemap: "hidden" leaves no comment to update).
      const mapFile = bundle[`${chunk.fileName}.map`];
      if (map !== undefined && mapFile?.type === "asset") mapFile.source = JSON.stringify(map);
    }
  },
});

export default defineConfig({
  plugins: [
    terserPass(),
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
    // Maps are written beside the bundle for debugging, but the bundle does not point every visitor's
    // browser at them (the comment alone was 0.05 KB of the 45 KB budget).
    sourcemap: "hidden",
    rolldownOptions: {
      // Reading a property is not a side effect in this code or d3-selection's.
      treeshake: { propertyReadSideEffects: false },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["src/**/*.test.ts", "scripts/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          environment: "node",
          globalSetup: ["test/browser/globalSetup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
