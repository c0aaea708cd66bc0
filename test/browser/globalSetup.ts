// Builds the site once, adds the test fixtures beside it, and serves it for the browser tests,
// both at the root and under a sub-path (the build must work from any static host path).
import { cpSync, writeFileSync } from "node:fs";
import { build, preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";
import { generateDataset } from "../../scripts/lib/generate";
import { writeHostileFixtures } from "./hostileFixtures";
import { slowServe } from "./slowServe";
import { LATE_LANES_SIZES, lateLanesText, SCALE_FIXTURE, SCALE_OPTIONS, TEST_DIST } from "./scaleFixture";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    subPathUrl: string;
  }
}

const OUT_DIR = TEST_DIST;
export const SUB_PATH = "/news/timeline/";

function urlOf(server: PreviewServer, path: string): string {
  const address = server.httpServer.address();
  if (address === null || typeof address === "string") throw new Error("preview server has no port");
  return `http://127.0.0.1:${address.port}${path}`;
}

/**
 * The origin the test build lets media load from (the MEDIA_ORIGINS build setting): media.test.ts
 * serves it with page.route, and checks that media from origins the build does not name never load.
 */
export const MEDIA_TEST_ORIGIN = "https://media.test";

/** Builds the site and writes the fixtures beside it. */
async function buildSite(): Promise<void> {
  // Set for the build only: the unit tests share this process and read the setting's absence.
  const setting = process.env["MEDIA_ORIGINS"];
  process.env["MEDIA_ORIGINS"] = MEDIA_TEST_ORIGIN;
  try {
    await build({ logLevel: "warn", build: { outDir: OUT_DIR, emptyOutDir: true } });
  } finally {
    if (setting === undefined) delete process.env["MEDIA_ORIGINS"];
    else process.env["MEDIA_ORIGINS"] = setting;
  }
  cpSync("test/fixtures", `${OUT_DIR}/fixtures`, { recursive: true });
  // A generated list dense enough to be drawn as counted clusters (scale.test.ts).
  writeFileSync(`${OUT_DIR}/fixtures/${SCALE_FIXTURE}`, JSON.stringify(generateDataset(SCALE_OPTIONS)));
  for (const name of Object.keys(LATE_LANES_SIZES) as (keyof typeof LATE_LANES_SIZES)[])
    writeFileSync(`${OUT_DIR}/fixtures/${name}`, lateLanesText(name));
  writeHostileFixtures(OUT_DIR);
}

export default async function setup(project: TestProject) {
  // Each browser project runs this setup, in the one Vitest process: the site is built once for all.
  const shared = globalThis as { timelineTestBuild?: Promise<void> };
  shared.timelineTestBuild ??= buildSite();
  await shared.timelineTestBuild;
  const options = {
    logLevel: "warn" as const,
    build: { outDir: OUT_DIR },
    preview: { host: "127.0.0.1", port: 0 },
  };
  // Downloads from /__slow/ take seconds, and are held partway until released (loadingPreview.test.ts).
  const root = await preview({ ...options, plugins: [slowServe(OUT_DIR, 2.5e6)] });
  const sub = await preview({ ...options, base: SUB_PATH });
  project.provide("baseUrl", urlOf(root, "/"));
  project.provide("subPathUrl", urlOf(sub, SUB_PATH));
  return async () => {
    await root.close();
    await sub.close();
  };
}
