// @ts-check
import tseslint from "typescript-eslint";

/** Layers import one way only: main → app → interact/render → model → data. */
const layer = (dir, forbidden) => ({
  files: [`src/${dir}/**/*.ts`],
  rules: {
    "no-restricted-imports": [
      "error",
      {
        patterns: forbidden.map((group) => ({
          group: [group],
          message: `src/${dir} must not import ${group}`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "bench/results.json"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // The pure core stays free of the DOM and of d3's DOM modules, so it runs (and is tested) in Node.
  layer("data", [
    "../model/*",
    "../render/*",
    "../interact/*",
    "../app/*",
    "d3-selection",
    "d3-zoom",
    "d3-axis",
    "d3-transition",
  ]),
  layer("model", [
    "../render/*",
    "../interact/*",
    "../app/*",
    "d3-selection",
    "d3-zoom",
    "d3-axis",
    "d3-transition",
  ]),
  layer("render", ["../interact/*", "../app/*"]),
  // Small files with one job, functions a reader takes in at once.
  {
    files: ["src/**/*.ts"],
    ignores: ["src/**/*.test.ts"],
    rules: {
      "max-lines": ["error", { max: 300, skipBlankLines: true, skipComments: true }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The format parsers (CSV, TimelineJS, the Sheets template) read a format in one pass; every
    // other file keeps to the limits above.
    files: ["src/data/formats/csv.ts", "src/data/formats/timelinejs.ts", "src/data/formats/sheets.ts"],
    rules: { "max-lines-per-function": "off", "max-lines": "off" },
  },
  layer("interact", ["../render/*", "../app/*"]),
);
