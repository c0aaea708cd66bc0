// A Vite plugin: the bundled dataset, checked at build time (and on each page load in the dev
// server) by the same code the browser's worker runs, goes into index.html as JSON. The page then
// draws it without a worker, a fetch of the data or of its articles: about 100 ms sooner.
import { realpath } from "node:fs/promises";
import { resolve } from "node:path";
import type { Plugin } from "vite";
import { INLINE_DATASET_ID, inlineDatasetJson } from "../../src/app/inlineDataset.ts";
import { BUNDLED_DATA } from "../../src/app/dataLocation.ts";
import { formatIssue } from "../../src/data/issues.ts";
import { isInside, loadFromDisk } from "./loadFromDisk.ts";
import { buildMediaOrigins, widenPageCsp } from "./mediaCsp.ts";
import { printWarning } from "./terminal.ts";

/**
 * The build never reads outside the project: the dataset must really (links followed) lie inside
 * `root`, and loadFromDisk reads its articles only from inside the dataset's own folder.
 */
export async function checkInsideProject(root: string, path: string): Promise<void> {
  const [realRoot, real] = await Promise.all([realpath(root), realpath(path)]);
  if (!isInside(realRoot, real))
    throw new Error(`inline-bundled-data: ${path} is outside the project (${root})`);
}

export function inlineBundledData(dataDir: string): Plugin {
  let root = process.cwd();
  return {
    name: "inline-bundled-data",
    configResolved(config) {
      root = config.root;
    },
    async transformIndexHtml(html) {
      const dataset = resolve(dataDir, BUNDLED_DATA);
      await checkInsideProject(root, dataset);
      const loaded = await loadFromDisk(dataset, BUNDLED_DATA);
      // The page shows the issues too, as it would for any file; the build log says so first.
      for (const issue of loaded.issues) printWarning(`inline-bundled-data: ${formatIssue(issue)}`);
      const element = `<script type="application/json" id="${INLINE_DATASET_ID}">${inlineDatasetJson(loaded)}</script>`;
      // The media the bundled story (and the MEDIA_ORIGINS setting) allows may load; nothing else.
      const origins = [...buildMediaOrigins(), ...(loaded.dataset.mediaOrigins ?? [])];
      return widenPageCsp(html, origins).replace("</body>", () => `    ${element}\n  </body>`);
    },
  };
}
