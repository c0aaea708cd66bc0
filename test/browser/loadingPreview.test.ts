// A file that takes seconds to arrive is drawn while it is checked (app/loadingPreview): its events
// lane by lane, its progress in bytes and events, and a window the reader can zoom and pan; the
// timeline then opens at the window they chose.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, test } from "vitest";
import { closeBrowser, domainOf, getBrowser } from "./harness";
import { LARGE_LATE_LANES_FIXTURE, SCALE_FIXTURE, TEST_DIST } from "./scaleFixture";
import { RELEASE_PATH, SLOW_PREFIX } from "./slowServe";

afterAll(closeBrowser);

const overview = "canvas.loading-overview";

/** What the loading view's canvas says it shows: events so far, in view, and the window's first and last day. */
async function described(page: Page) {
  const label = (await page.locator(overview).getAttribute("aria-label")) ?? "";
  const match = /^([\d,]+) events checked so far; ([\d,]+) start between (.+?) and (.+?)\. /.exec(label);
  expect(match, label).not.toBeNull();
  const count = (text: string) => Number(text.replaceAll(",", ""));
  return { checked: count(match![1]!), inView: count(match![2]!), from: match![3]!, to: match![4]! };
}

const ready = (page: Page) => page.evaluate(() => document.documentElement.dataset["ready"] === "true");

/** Lets the held downloads of the slow route go on (see slowServe). */
const release = (page: Page) => page.evaluate((path) => fetch(path).then(() => undefined), RELEASE_PATH);

describe.each([
  { checkedBy: "the page", fixture: SCALE_FIXTURE },
  { checkedBy: "a worker", fixture: LARGE_LATE_LANES_FIXTURE },
])("a slow download checked by $checkedBy", ({ fixture }) => {
  test("is drawn as it is checked, with its progress, and opens at the window chosen meanwhile", async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${inject("baseUrl")}?data=${SLOW_PREFIX.slice(1)}fixtures/${fixture}`);
    await page.locator(overview).waitFor({ state: "visible", timeout: 15_000 });
    const first = await described(page);
    // Drawn before the whole file is in (the server holds the rest): events are there, the page is
    // not ready, the bar is partway, and the header names the file.
    expect(first.checked).toBeGreaterThan(0);
    expect(await ready(page)).toBe(false);
    await expect(page.locator(".loading-view .loading").textContent()).resolves.toMatch(
      /Checking events: [\d,]+.* · [\d.]+ of [\d.]+ MB read/,
    );
    const fraction = await page
      .locator("progress.load-progress")
      .evaluate((p: HTMLProgressElement) => p.position);
    expect(fraction).toBeGreaterThan(0);
    expect(fraction).toBeLessThan(1);
    const { title } = JSON.parse(readFileSync(`${TEST_DIST}/fixtures/${fixture}`, "utf8")) as {
      title: string;
    };
    await expect(page.locator("#title").textContent()).resolves.toBe(title);

    // Zoomed in with the wheel while it loads.
    const box = (await page.locator(overview).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const zoomed = await described(page);
    expect(`${zoomed.from} – ${zoomed.to}`).not.toBe(`${first.from} – ${first.to}`);
    expect(await ready(page)).toBe(false);

    // The rest arrives: the timeline has every event, and opens at the window chosen.
    await release(page);
    await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
    const shown = Number((await page.locator("#meta").textContent())!.split(" ")[0]!.replaceAll(",", ""));
    expect(shown, (await page.locator("#alerts").textContent()) ?? "").toBeGreaterThan(zoomed.checked);
    const [d0, d1] = await domainOf(page);
    const day = (ms: number) =>
      new Intl.DateTimeFormat("en-GB", {
        day: "numeric",
        month: "long",
        year: "numeric",
        timeZone: "UTC",
      }).format(ms);
    expect(`${day(d0)} – ${day(d1)}`).toBe(`${zoomed.from} – ${zoomed.to}`);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test("+ and − zoom the loading view from the keyboard, and the arrow keys pan it", async () => {
  const page = await (await getBrowser()).newPage({ viewport: { width: 390, height: 844 } });
  await page.goto(`${inject("baseUrl")}?data=${SLOW_PREFIX.slice(1)}fixtures/${LARGE_LATE_LANES_FIXTURE}`);
  await page.locator(overview).waitFor({ state: "visible", timeout: 15_000 });
  // Fits a phone: no sideways scrolling.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.locator(overview).focus();
  const before = await described(page);
  await page.keyboard.press("+");
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const zoomed = await described(page);
  expect(`${zoomed.from} – ${zoomed.to}`).not.toBe(`${before.from} – ${before.to}`);
  await page.keyboard.press("ArrowRight");
  await page.evaluate(() => new Promise(requestAnimationFrame));
  const panned = await described(page);
  expect(panned.from).not.toBe(zoomed.from);
  await release(page);
  await page.waitForSelector("html[data-ready=true]", { timeout: 30_000 });
  await page.close();
});
