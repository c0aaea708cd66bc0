import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

describe("vite.config.ts", () => {
  // Every module the config reaches (the bundled-data plugin and what it imports) must name its
  // file's extension, or Vite prints a 20-line configLoader warning on every build and test run.
  it("loads without Vite's configLoader warning", () => {
    const outDir = mkdtempSync(join(tmpdir(), "timeline-config-"));
    try {
      const run = spawnSync(
        process.execPath,
        ["node_modules/vite/bin/vite.js", "build", "--outDir", outDir, "--logLevel", "warn"],
        { encoding: "utf8", env: { ...process.env, VITEST: "" } },
      );
      expect(run.status).toBe(0);
      expect(`${run.stdout}${run.stderr}`).not.toMatch(/configLoader/);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 60_000);
});
