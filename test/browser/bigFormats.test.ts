// NDJSON and Arrow files opened in the page give the CLI's verdict (loadFromDisk: the same events
// and problem counts), whether the page checks them (small) or the loading worker does (over
// PAGE_CHECK_LIMIT_BYTES), and Arrow's reader is fetched only when an Arrow file is opened.
import { groupDigits } from "../../src/model/groupDigits";
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { PAGE_CHECK_LIMIT_BYTES } from "../../src/app/worker/loadSource";
import { documentToArrow } from "../../src/data/formats/arrowWrite";
import { documentToNdjson } from "../../src/data/formats/ndjson";
import { loadFromDisk } from "../../scripts/lib/loadFromDisk";
import { generateDataset } from "../../scripts/lib/generate";
import { closeBrowser, openTimeline } from "./harness";

let dir = "";
const files: Record<string, string> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "big-formats-"));
  const write = (name: string, content: string | Uint8Array) => {
    files[name] = join(dir, name);
    writeFileSync(files[name], content);
  };
  const small = generateDataset({ n: 400, seed: 11 });
  // One line that is not JSON: an error of its own; every other line's event is drawn.
  const lines = documentToNdjson({ ...small }).split("\n");
  lines[5] = '{"title": "broken';
  write("small.ndjson", lines.join("\n"));
  write("small.arrow", documentToArrow({ ...small }));
  const large = generateDataset({ n: 16_000, seed: 12 });
  write("large.ndjson", documentToNdjson({ ...large }));
  write("large.arrow", documentToArrow({ ...large }));
});

afterAll(async () => {
  await closeBrowser();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  { name: "small.ndjson", checkedBy: "the page" },
  { name: "small.arrow", checkedBy: "the page" },
  { name: "large.ndjson", checkedBy: "a worker" },
  { name: "large.arrow", checkedBy: "a worker" },
])("$name, opened from the computer", ({ name, checkedBy }) => {
  test(`is checked by ${checkedBy} and shows what the CLI reads`, async () => {
    const path = files[name]!;
    expect(statSync(path).size > PAGE_CHECK_LIMIT_BYTES).toBe(checkedBy === "a worker");
    const expected = await loadFromDisk(path, name);
    expect(expected.format).toBe(name.endsWith(".arrow") ? "arrow" : "ndjson");
    const errors = expected.issues.filter((issue) => issue.severity === "error").length;
    const { page, errors: pageErrors } = await openTimeline();
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    const scripts: string[] = [];
    page.on("request", (request) => scripts.push(request.url()));
    await page.setInputFiles("#open-file-input", path);
    await page.waitForFunction(
      (count) => document.getElementById("meta")?.textContent?.startsWith(`${count} events `),
      groupDigits(expected.dataset.events.length),
      { timeout: 40_000 },
    );
    const alert = (await page.getByRole("alert").textContent()) ?? "";
    if (errors > 0) expect(alert).toContain(`has ${errors} error${errors === 1 ? "" : "s"}`);
    else expect(alert).not.toMatch(/\d+ errors?\b/);
    expect(workers).toHaveLength(checkedBy === "a worker" ? 1 : 0);
    // apache-arrow comes in its own chunk, and only for an Arrow file.
    const arrowChunk = scripts.some((url) => /\/arrow-[^/]*\.js$/.test(url));
    expect(arrowChunk).toBe(name.endsWith(".arrow"));
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
