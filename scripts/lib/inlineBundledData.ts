// A Vite plugin: the bundled dataset, checked at build time (and on each page load in the dev
// server) by the same code the browser's worker runs, goes into index.html as JSON. The page then
// draws it without a worker, a fetch of the data or of its articles: about 100 ms sooner.
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { INLINE_DATASET_ID, inlineDatasetJson } from "../../src/app/inlineDataset.ts";
import { BUNDLED_DATA } from "../../src/app/dataLocation.ts";
import { formatIssue } from "../../src/data/issues.ts";
import { loadFromDisk } from "./loadFromDisk.ts";

export function inlineBundledData(dataDir: string): Plugin {
  return {
    name: "inline-bundled-data",
    async transformIndexHtml(html) {
      const loaded = await loadFromDisk(resolve(dataDir, BUNDLED_DATA), BUNDLED_DATA);
      // The page shows the issues too, as it would for any file; the build log says so first.
      for (const issue of loaded.issues) console.warn(`inline-bundled-data: ${formatIssue(issue)}`);
      const element = `<script type="application/json" id="${INLINE_DATASET_ID}">${inlineDatasetJson(loaded)}</script>`;
      return html.replace("</body>", () => `    ${element}\n  </body>`);
    },
  };
}
