import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { validateDataset } from "../../src/data/validateDataset";
import {
  closeBrowser,
  domainOf,
  drawnClusters,
  openTimeline,
  representedEvents,
  viewSettled,
} from "./harness";

const bundled = validateDataset(JSON.parse(readFileSync("data/events.json", "utf8")), {
  file: "events.json",
}).dataset;
const articleIds = bundled.articles.map((a) => a.id);

afterAll(closeBrowser);

describe("trust: sources, disagreements, filters and search", () => {
  test("opening the source reader from a pinned tooltip highlights the exact quote in the article", async () => {
    const { page, errors } = await openTimeline();
    const event = bundled.events.find((e) => e.id === "2025-07-10-trump-calls-rutte")!;
    await page.evaluate(
      (id) => (window as unknown as { timeline: { select(id: string): void } }).timeline.select(id),
      event.id,
    );
    await page.locator(".tooltip.pinned .read-source").first().click();
    const reader = page.getByRole("dialog");
    await reader.waitFor({ state: "visible" });
    await expect(reader.locator(".reader-title").textContent()).resolves.toBe(
      bundled.articles.find((a) => a.id === event.sources[0]!.article)!.title,
    );
    const active = reader.locator("mark.quote.active");
    await expect(active.count()).resolves.toBe(1);
    await expect(active.textContent()).resolves.toBe(event.sources[0]!.quote);
    // Scrolled into view inside the panel.
    const inView = await active.evaluate((mark) => {
      const panel = mark.closest(".source-reader")!.getBoundingClientRect();
      const box = mark.getBoundingClientRect();
      return box.top >= panel.top && box.bottom <= panel.bottom;
    });
    expect(inView).toBe(true);
    // The other events from the article are listed and selectable.
    const listed = await reader.locator(".reader-events button").count();
    expect(listed).toBe(
      bundled.events.filter((e) => e.sources.some((s) => s.article === event.sources[0]!.article)).length,
    );
    await page.keyboard.press("Escape");
    await reader.waitFor({ state: "hidden" });
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the sources list opens each article, and choosing an event there selects it on the timeline", async () => {
    const { page } = await openTimeline();
    await page.locator("#sources button").nth(2).click();
    const reader = page.getByRole("dialog");
    await reader.waitFor({ state: "visible" });
    await expect(reader.locator(".reader-title").textContent()).resolves.toBe(bundled.articles[2]!.title);
    const first = reader.locator(".reader-events button").first();
    const id = await first.getAttribute("data-event");
    await first.click();
    await page.locator(".tooltip.pinned").waitFor({ state: "visible" });
    await expect(page.evaluate(() => document.activeElement?.getAttribute("data-event-id"))).resolves.toBe(
      id,
    );
    await page.close();
  });

  test("filtering by one article shows only that article's events and keeps the time window", async () => {
    const { page } = await openTimeline();
    await page.locator(".facets summary").click();
    const article = articleIds[3]!;
    await page.locator(`input[data-facet="articles"][value="${article}"]`).check();
    await page.locator(".facets summary").click();
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const expected = bundled.events
      .filter((e) => e.sources.some((s) => s.article === article))
      .map((e) => e.id);
    expect((await representedEvents(page)).ids.sort()).toEqual(expected.sort());
    await expect(page.locator(".filter-status").textContent()).resolves.toContain(
      `Showing ${expected.length} of ${bundled.events.length}`,
    );
    // Reset brings everything back; filtering itself never moved the window.
    await page.getByRole("button", { name: "Reset" }).click();
    await page.waitForTimeout(100);
    expect((await representedEvents(page)).ids.length).toBe(bundled.events.length);
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    const window = await domainOf(page);
    await page.locator(".facets summary").click();
    await page.locator(`input[data-facet="articles"][value="${article}"]`).check();
    await expect(domainOf(page)).resolves.toEqual(window);
    await page.close();
  });

  test("search emphasises matching events and dims the rest", async () => {
    const { page } = await openTimeline();
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    await page.getByRole("searchbox", { name: "Search events" }).fill("called me on Thursday");
    await page.waitForTimeout(100);
    const matches = await page
      .locator("g.event.match")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-event-id")));
    const clusteredMatches = (await drawnClusters(page)).filter((c) => c.match === true).length;
    expect(matches.length + clusteredMatches).toBeGreaterThan(0);
    if (matches.length > 0) expect(matches).toContain("2025-07-10-trump-calls-rutte");
    await expect(page.locator("g.event.dimmed").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(".filter-status").textContent()).resolves.toContain("1 matches the search");
    await page.close();
  });

  test("a conflicting event shows the disagreeing reports side by side", async () => {
    const { page } = await openTimeline();
    const event = bundled.events.find((e) => e.conflict !== undefined && e.conflict.events.length > 0)!;
    await page.evaluate(
      (id) => (window as unknown as { timeline: { select(id: string): void } }).timeline.select(id),
      event.id,
    );
    const conflict = page.locator(".tooltip .detail-conflict");
    await conflict.waitFor({ state: "visible" });
    await expect(conflict.textContent()).resolves.toContain(event.conflict!.note);
    const sides = conflict.locator(".conflict-side");
    expect(await sides.count()).toBeGreaterThanOrEqual(2);
    const other = bundled.events.find((e) => e.id === event.conflict!.events[0])!;
    const text = (await conflict.textContent()) ?? "";
    expect(text).toContain(event.sources[0]!.quote);
    expect(text).toContain(other.sources[0]!.quote);
    await expect(page.locator(`g.event.conflict[data-event-id="${event.id}"]`).count()).resolves.toBe(1);
    await page.close();
  });

  test("each article's publication date is marked on the axis and opens the article", async () => {
    const { page } = await openTimeline();
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const tags = page.locator("g.publication");
    await expect(tags.count()).resolves.toBe(
      bundled.articles.filter((a) => a.published !== undefined).length,
    );
    // Tags never overlap, even for articles published the same day.
    const boxes = await tags.evaluateAll((nodes) =>
      nodes.map((n) => n.querySelector("rect")!.getBoundingClientRect()).map((b) => [b.left, b.right]),
    );
    boxes.sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i]![0]!).toBeGreaterThanOrEqual(boxes[i - 1]![1]! - 0.5);
    await tags.first().focus();
    await page.keyboard.press("Enter");
    await page.getByRole("dialog").waitFor({ state: "visible" });
    await page.close();
  });
});
