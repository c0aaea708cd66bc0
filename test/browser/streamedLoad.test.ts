// A file is checked while it downloads (streamDataset): on the page when it is small enough, in a
// worker when it is not. When it turns out it cannot be followed, it is loaded again, whole, and the
// page must show that result only.
import { groupDigits } from "../../src/model/groupDigits";
import { statSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, test } from "vitest";
import { PAGE_CHECK_LIMIT_BYTES } from "../../src/app/worker/loadSource";
import { validateDataset } from "../../src/data/validateDataset";
import { closeBrowser, getBrowser } from "./harness";
import {
  LARGE_LATE_LANES_FIXTURE,
  LATE_LANES_FIXTURE,
  LATE_LANES_SIZES,
  lateLanesText,
  TEST_DIST,
} from "./scaleFixture";

afterAll(closeBrowser);

describe.each([
  { name: LATE_LANES_FIXTURE, checkedBy: "the page" },
  { name: LARGE_LATE_LANES_FIXTURE, checkedBy: "a worker" },
] as const)("a file checked while it downloads, by $checkedBy ($name)", ({ name, checkedBy }) => {
  test("is checked where its size says", () => {
    const bytes = statSync(`${TEST_DIST}/fixtures/${name}`).size;
    expect(bytes > PAGE_CHECK_LIMIT_BYTES).toBe(checkedBy === "a worker");
  });

  const expected = () => validateDataset(JSON.parse(lateLanesText(name)), { file: name });
  const shows = async (page: Page, result: ReturnType<typeof expected>) => {
    // A worker sends the page every event it checked against the first lanes before it had to
    // start again; those must be gone.
    await page.waitForFunction(
      (count) => document.getElementById("meta")?.textContent?.startsWith(`${count} events `),
      groupDigits(result.dataset.events.length),
      { timeout: 20_000 },
    );
    const errorCount = result.issues.filter((issue) => issue.severity === "error").length;
    await expect(page.getByRole("alert").textContent()).resolves.toContain(`has ${errorCount} errors`);
  };

  test("is shown as checking it whole shows it, even when it had to be started again", async () => {
    const result = expected();
    // The later lanes count (as in JSON.parse): events in the other lanes are left out.
    expect(result.dataset.events.length).toBeGreaterThan(500);
    expect(result.dataset.events.length).toBeLessThan(LATE_LANES_SIZES[name] * 0.9);
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(`${inject("baseUrl")}?data=fixtures/${name}`);
    await shows(page, result);
    expect(errors).toEqual([]);
    // No worker is started for a file the page can check (its size is learnt as it arrives).
    expect(workers).toHaveLength(checkedBy === "a worker" ? 1 : 0);
    await page.close();
  });

  test(`opened from the computer, is checked by ${checkedBy}`, async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(inject("baseUrl"));
    await page.waitForSelector("html[data-ready=true]");
    await page.setInputFiles("#open-file-input", `${TEST_DIST}/fixtures/${name}`);
    await shows(page, expected());
    expect(workers).toHaveLength(checkedBy === "a worker" ? 1 : 0);
    await page.close();
  });
});

test("a check that throws (a bug, not bad data) fails the load with a message instead of leaving it checking", async () => {
  const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
  // The page decodes each chunk as it checks it; here decoding throws.
  await page.addInitScript(() => {
    TextDecoder.prototype.decode = () => {
      throw new Error("decoder broke");
    };
  });
  await page.goto(`${inject("baseUrl")}?data=fixtures/${LATE_LANES_FIXTURE}`);
  await expect(page.getByRole("alert").textContent({ timeout: 10_000 })).resolves.toContain("decoder broke");
  await page.close();
});

describe("a file the server says is too large for the page (issue 19: no long task)", () => {
  // Receiving a large body's megabytes held the page's thread 150–400 ms at a time, before any of its
  // own scripts ran; the page now hands such a file to a worker that fetches it itself.
  const url = `**/fixtures/${LARGE_LATE_LANES_FIXTURE}`;

  test("is fetched by the worker: the page asks for it once, and cancels at its headers", async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    page.on("request", (request) => {
      if (request.url().endsWith(LARGE_LATE_LANES_FIXTURE)) requests.push(request.url());
    });
    await page.goto(`${inject("baseUrl")}?data=fixtures/${LARGE_LATE_LANES_FIXTURE}`);
    const result = validateDataset(JSON.parse(lateLanesText(LARGE_LATE_LANES_FIXTURE)), { file: "x" });
    await page.waitForFunction(
      (count) => document.getElementById("meta")?.textContent?.startsWith(`${count} events `),
      groupDigits(result.dataset.events.length),
      { timeout: 20_000 },
    );
    // The page's request (cancelled once its headers gave the size) and the worker's. (On a local
    // server the body may all have reached the browser by then: Resource Timing still counts it.)
    expect(requests).toHaveLength(2);
    await page.close();
  });

  test("while the worker fetches it, Cancel stops the load and says so", async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    let seen = 0;
    // The page's request is answered (its size sends the file to the worker); the worker's stalls.
    await page.route(url, async (route) => {
      if (seen++ === 0) await route.fulfill({ body: lateLanesText(LARGE_LATE_LANES_FIXTURE) });
    });
    await page.goto(`${inject("baseUrl")}?data=fixtures/${LARGE_LATE_LANES_FIXTURE}`);
    const cancel = page.getByRole("button", { name: "Cancel loading" });
    await expect.poll(() => seen, { timeout: 10_000 }).toBe(2);
    await cancel.click();
    await expect(page.getByRole("alert").textContent({ timeout: 10_000 })).resolves.toContain(
      "could not be read: loading was cancelled",
    );
    await expect(cancel.isHidden()).resolves.toBe(true);
    await page.close();
  });
});
