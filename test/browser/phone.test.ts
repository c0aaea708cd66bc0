// Issue 17 item 5: at ≤ 480 px the story reads as a vertical timeline of cards, with an overview
// strip, the same search and filters, and no sideways scrolling.
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { validateDataset } from "../../src/data/validateDataset";
import { buildEventIndex } from "../../src/model/eventIndex";
import { searchEvents, searchText } from "../../src/model/filterEvents";
import { closeBrowser, openTimeline, type OpenedPage } from "./harness";

const bundled = validateDataset(JSON.parse(readFileSync("data/events.json", "utf8")), {
  file: "events.json",
}).dataset;
const timeOrder = [
  ...buildEventIndex(
    bundled.events,
    bundled.lanes.map((l) => l.id),
  ).order,
].map((e) => bundled.events[e]!.id);
const PHONE = { width: 390, height: 844 };
const TOUCH = { hasTouch: true, isMobile: true };

/** The page at 390×844 on a touch screen, once its cards (a chunk loaded on first use) are drawn. */
async function openPhone(): Promise<OpenedPage> {
  const opened = await openTimeline("", PHONE, undefined, TOUCH);
  await opened.page.locator(".phone-card").first().waitFor();
  return opened;
}

afterAll(closeBrowser);

const cardIds = (page: Page) =>
  page.locator(".phone-card").evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset["eventId"]));

/** The N of "Showing N of M events". */
async function shownCount(page: Page): Promise<number> {
  const status = (await page.locator(".filter-bar").textContent()) ?? "";
  return Number(/Showing ([\d,]+) of [\d,]+ events/.exec(status)?.[1]?.replaceAll(",", ""));
}

const overflowPx = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The slider's "event N of M" position. */
const stripPosition = async (page: Page) =>
  Number(await page.getByRole("slider", { name: "Move through time" }).getAttribute("aria-valuenow"));

describe("the timeline on a phone (390×844)", () => {
  test("shows every event as a card in time order, as many as 'Showing N of N', without sideways scrolling", async () => {
    const { page, errors } = await openPhone();
    await expect(page.locator("#timeline").isHidden()).resolves.toBe(true);
    await expect(page.locator("#phone-view").isVisible()).resolves.toBe(true);
    const ids = await cardIds(page);
    expect(ids).toEqual(timeOrder);
    expect(ids).toHaveLength(await shownCount(page));
    expect(await shownCount(page)).toBe(bundled.events.length);
    // Headings in time order, and each card says when, what, how sure and how many sources.
    await expect(page.locator(".card-heading").first().textContent()).resolves.toBe("2022");
    const card = page.locator('.phone-card[data-event-id="2025-07-10-trump-calls-rutte"]');
    await expect(card.textContent()).resolves.toBe(
      "10 July 2025 · known to the day" +
        "Trump phones Rutte: help Ukraine, Europe pays" +
        "date inferred from the article's wording" +
        "single report · 1 source" +
        "Meetings & diplomacy",
    );
    expect(await overflowPx(page)).toBeLessThanOrEqual(0);
    const widest = await page
      .locator(".phone-card")
      .evaluateAll((cards) => Math.max(...cards.map((c) => c.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("tapping a card opens its details (sources too) as a bottom sheet; Escape closes it and focus returns to the card", async () => {
    const { page, errors } = await openPhone();
    const id = "2025-07-14-rutte-trump-white-house";
    const event = bundled.events.find((e) => e.id === id)!;
    const card = page.locator(`.phone-card[data-event-id="${id}"]`);
    await card.tap();
    const sheet = page.getByRole("dialog", { name: event.title });
    await sheet.waitFor();
    await expect(sheet.locator(".detail-sources > li").count()).resolves.toBe(event.sources.length);
    await expect(sheet.textContent()).resolves.toContain(event.sources[0]!.quote);
    const box = (await sheet.boundingBox())!;
    expect(box.width).toBe(390);
    expect(Math.round(box.y + box.height)).toBe(844);
    await page.keyboard.press("Escape");
    await sheet.waitFor({ state: "hidden" });
    await expect(
      page.evaluate(() => (document.activeElement as HTMLElement).dataset["eventId"]),
    ).resolves.toBe(id);
    // From the keyboard: Enter opens, × closes, focus is back on the card.
    await page.keyboard.press("Enter");
    await sheet.waitFor();
    await page.getByRole("button", { name: "Close details (Escape)" }).click();
    await sheet.waitFor({ state: "hidden" });
    await expect(
      page.evaluate(() => (document.activeElement as HTMLElement).dataset["eventId"]),
    ).resolves.toBe(id);
    // A quote's "Read in the article" closes the sheet and opens the source reader over the cards.
    await card.tap();
    await sheet.locator(".read-source").first().tap();
    await page.locator("#source-reader").waitFor();
    await expect(page.locator("dialog[open]").count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("search and filters narrow the cards, as they narrow the list", async () => {
    const { page } = await openPhone();
    await page.getByRole("searchbox", { name: "Search events" }).fill("patriot");
    const matches = searchEvents(bundled.events.map(searchText), "patriot")!;
    const expected = timeOrder.filter((id) => matches[bundled.events.findIndex((e) => e.id === id)] === 1);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(bundled.events.length);
    await expect.poll(() => cardIds(page)).toEqual(expected);
    await page.getByRole("searchbox", { name: "Search events" }).fill("");
    await expect.poll(() => cardIds(page)).toHaveLength(bundled.events.length);
    // A lane filter: only that lane's cards, and "Showing N" agrees.
    await page.locator(".facets summary").click();
    await page.locator('input[data-facet="lanes"][value="meetings"]').check();
    await page.locator(".facets summary").click();
    const meetings = timeOrder.filter((id) => bundled.events.find((e) => e.id === id)!.lane === "meetings");
    await expect.poll(() => cardIds(page)).toEqual(meetings);
    expect(await shownCount(page)).toBe(meetings.length);
    await page.close();
  });

  test("tapping the overview strip moves the cards to that time, and the strip follows the scroll", async () => {
    const { page } = await openPhone();
    const strip = page.getByRole("slider", { name: "Move through time" });
    const box = (await strip.boundingBox())!;
    expect((await page.locator(".strip-wrap").boundingBox())!.height).toBeLessThanOrEqual(56);
    expect(await stripPosition(page)).toBe(1);
    // The right end is October 2025, the last events.
    await page.touchscreen.tap(box.x + box.width - 2, box.y + box.height / 2);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    await expect.poll(() => stripPosition(page)).toBeGreaterThan(bundled.events.length / 2);
    await expect(strip.getAttribute("aria-valuetext")).resolves.toMatch(/^October 2025: event \d+ of 47$/);
    // The tap scrolled cards under the finger: it must not also open one of them.
    await page.waitForTimeout(200);
    await expect(page.locator("dialog[open]").count()).resolves.toBe(0);
    // The strip stays on screen, and the part marked is where the cards on screen are.
    const stuck = (await strip.boundingBox())!;
    expect(stuck.y).toBeLessThan(10);
    const marked = (await page.locator(".strip-mark").boundingBox())!;
    expect(marked.x).toBeGreaterThan(box.x + box.width * 0.8);
    // The left end: back to the first card.
    await page.touchscreen.tap(stuck.x + 2, stuck.y + stuck.height / 2);
    await expect.poll(() => stripPosition(page)).toBe(1);
    // Keys move by month heading.
    await strip.focus();
    await page.keyboard.press("End");
    await page.keyboard.press("Home");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => strip.getAttribute("aria-valuetext")).toBe("February 2022: event 2 of 47");
    // Scrolling the page moves the mark.
    await page.mouse.wheel(0, 3000);
    await expect.poll(() => stripPosition(page)).toBeGreaterThan(10);
    await page.close();
  });

  test("the List view fits the phone too: no sideways scrolling, inside the table or outside it", async () => {
    const { page } = await openPhone();
    await page.getByRole("button", { name: "List", exact: true }).click();
    await expect(page.locator("#phone-view").isHidden()).resolves.toBe(true);
    await expect(page.locator(".event-table tbody tr").count()).resolves.toBe(bundled.events.length);
    expect(await overflowPx(page)).toBeLessThanOrEqual(0);
    const list = await page
      .locator("#list-view")
      .evaluate((node) => ({ scroll: node.scrollWidth, client: node.clientWidth }));
    expect(list.scroll).toBeLessThanOrEqual(list.client);
    // A row leads back to its card, with its details open.
    const row = page.locator(".event-table tbody tr").nth(5);
    const id = await row.getAttribute("data-event");
    await row.locator("button").first().click();
    await page.getByRole("dialog").waitFor();
    await expect(page.locator("#phone-view").isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    // Focus comes back once the sheet has closed (a frame later when the machine is busy).
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLElement).dataset["eventId"]))
      .toBe(id);
    await page.close();
  });

  test("at 1280×800 the chart is shown, not the cards; turning a phone sideways (844×390) shows the chart too", async () => {
    const { page } = await openTimeline();
    await expect(page.locator("svg.chart").isVisible()).resolves.toBe(true);
    await expect(page.locator("#phone-view").isHidden()).resolves.toBe(true);
    await page.setViewportSize(PHONE);
    await page.locator("#phone-view").waitFor();
    await expect(page.locator("svg.chart").isHidden()).resolves.toBe(true);
    await expect(page.locator(".phone-card").count()).resolves.toBe(bundled.events.length);
    await page.setViewportSize({ width: 844, height: 390 });
    await page.locator("svg.chart").waitFor();
    await expect(page.locator("#phone-view").isHidden()).resolves.toBe(true);
    await page.close();
  });
});
