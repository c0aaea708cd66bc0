import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, test } from "vitest";
import { validateDataset } from "../../src/data/validateDataset";
import { closeBrowser, domainOf, openTimeline, showWindow } from "./harness";

const bundled = validateDataset(JSON.parse(readFileSync("data/events.json", "utf8")), {
  file: "events.json",
}).dataset;
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

afterAll(closeBrowser);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe-core violations on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const focusedId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-event-id") ?? null);

describe("accessibility", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`axe-core finds no serious or critical violations in the ${colorScheme} theme (timeline with details open, and list)`, async () => {
      const { page } = await openTimeline("", undefined, undefined, { colorScheme, bypassCSP: true });
      await page.evaluate(() =>
        (window as unknown as { timeline: { select(id: string): void } }).timeline.select(
          "2025-07-14-rutte-trump-white-house",
        ),
      );
      await page.locator(".tooltip.pinned").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: "List" }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  for (const colorScheme of ["light", "dark"] as const) {
    test(`axe-core finds no serious or critical violations on a phone in the ${colorScheme} theme (cards, a card's details, list)`, async () => {
      const { page } = await openTimeline("", { width: 390, height: 844 }, undefined, {
        colorScheme,
        bypassCSP: true,
        hasTouch: true,
        isMobile: true,
      });
      await page.locator(".phone-card").first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('.phone-card[data-event-id="2025-07-14-rutte-trump-white-house"]').tap();
      await page.getByRole("dialog").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "List", exact: true }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    });
  }

  test("the theme toggle switches to dark and is remembered", async () => {
    const { page } = await openTimeline("", undefined, undefined, { colorScheme: "light" });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const light = await background();
    await page.getByRole("button", { name: "Dark theme" }).click();
    expect(await background()).not.toBe(light);
    await expect(page.getByRole("button", { name: "Dark theme" }).getAttribute("aria-pressed")).resolves.toBe(
      "true",
    );
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    expect(await background()).not.toBe(light);
    await page.close();
  });

  test("keyboard map: Up/Down change lane, + − 0 zoom, ? opens the shortcuts", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    await page.locator('[data-event-id="2025-07-10-trump-calls-rutte"]').focus();
    await page.keyboard.press("ArrowDown");
    const below = await focusedId(page);
    const laneOf = (id: string | null) => bundled.events.find((e) => e.id === id)?.lane;
    const laneIds = bundled.lanes.map((l) => l.id);
    expect(laneIds.indexOf(laneOf(below)!)).toBe(laneIds.indexOf("meetings") + 1);
    await page.keyboard.press("ArrowUp");
    await expect(focusedId(page).then(laneOf)).resolves.toBe("meetings");

    const span = async () => {
      const [a, b] = await domainOf(page);
      return b - a;
    };
    const before = await span();
    // Each zoom is animated: polled until it has ended (a busy machine draws fewer frames of it).
    await page.keyboard.press("+");
    await expect.poll(async () => (await span()) / before).toBeCloseTo(0.5, 1);
    await page.keyboard.press("-");
    await expect.poll(async () => (await span()) / before).toBeCloseTo(1, 1);
    await page.keyboard.press("0");
    await expect.poll(span).toBeGreaterThan(before * 10);

    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.close();
  });

  test("a polite live region announces the visible range and event count after a zoom", async () => {
    const { page } = await openTimeline();
    const live = page.locator('[aria-live="polite"].visually-hidden');
    await page.getByRole("button", { name: /Zoom in/ }).click();
    await page.waitForTimeout(1200);
    const text = (await live.textContent()) ?? "";
    expect(text).toMatch(
      new RegExp(
        `^\\d{1,2} \\w{3} \\d{4} – \\d{1,2} \\w{3} \\d{4}: \\d+ of ${bundled.events.length} events \\(UTC\\)$`,
      ),
    );
    await expect(page.locator(".readout").textContent()).resolves.toBe(text);
    await page.close();
  });

  test("each event mark is announced with its date, precision, title and lane, and its details are reachable", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    const mark = page.locator('[data-event-id="2025-07-10-trump-calls-rutte"]');
    await expect(mark.getAttribute("aria-label")).resolves.toBe(
      "10 July 2025: Trump phones Rutte: help Ukraine, Europe pays. Meetings & diplomacy.",
    );
    await mark.focus();
    await page.getByRole("tooltip").waitFor();
    await expect(mark.getAttribute("aria-describedby")).resolves.toBe("timeline-tooltip");
    await expect(page.locator("svg.chart").getAttribute("aria-label")).resolves.toBe(bundled.title);
    await page.close();
  });

  test("the list view shows the same (filtered) events, sorts, and links back to the timeline", async () => {
    const { page } = await openTimeline();
    await page.getByRole("button", { name: "List" }).click();
    const rows = page.locator(".event-table tbody tr");
    await expect(rows.count()).resolves.toBe(bundled.events.length);
    // Search narrows the list too.
    await page.getByRole("searchbox", { name: "Search events" }).fill("patriot");
    const matching = await rows.count();
    expect(matching).toBeGreaterThan(0);
    expect(matching).toBeLessThan(bundled.events.length);
    await page.getByRole("searchbox", { name: "Search events" }).fill("");
    // Sorting by title, then reversing.
    await page.locator('button[data-sort="title"]').click();
    const titles = await page.locator(".event-table tbody tr td:nth-child(3) button").allTextContents();
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b)));
    await expect(page.locator('th:has(button[data-sort="title"])').getAttribute("aria-sort")).resolves.toBe(
      "ascending",
    );
    await page.locator('button[data-sort="title"]').click();
    await expect(page.locator('th:has(button[data-sort="title"])').getAttribute("aria-sort")).resolves.toBe(
      "descending",
    );
    // A row leads back to its event on the timeline.
    const first = page.locator(".event-table tbody tr").first();
    const id = await first.getAttribute("data-event");
    await first.locator("button").click();
    await page.locator(".tooltip.pinned").waitFor();
    await expect(page.locator("#timeline").isVisible()).resolves.toBe(true);
    await expect(focusedId(page)).resolves.toBe(id);
    await page.close();
  });

  // At ≤ 480 px the cards replace the chart (phone.test.ts); 560 px is a wide phone turned sideways or
  // a small tablet: the chart, with its details as a bottom sheet (≤ 600 px).
  test("touch: a pinch zooms in and a tap opens the event's details as a bottom sheet", async () => {
    const { page, errors } = await openTimeline("", { width: 560, height: 844 }, inject("baseUrl"), {
      hasTouch: true,
      isMobile: true,
    });
    await showWindow(page, "2025-06-20", "2025-08-10");
    const before = await domainOf(page);
    const box = (await page.locator("svg.chart").boundingBox())!;
    const cdp = await page.context().newCDPSession(page);
    const y = box.y + 40;
    const cx = box.x + box.width / 2;
    const touch = (type: "touchStart" | "touchMove" | "touchEnd", spread: number) =>
      cdp.send("Input.dispatchTouchEvent", {
        type,
        touchPoints:
          type === "touchEnd"
            ? []
            : [
                { x: cx - spread, y, id: 1 },
                { x: cx + spread, y, id: 2 },
              ],
      });
    await touch("touchStart", 20);
    for (let s = 30; s <= 120; s += 10) await touch("touchMove", s);
    await touch("touchEnd", 0);
    const after = await domainOf(page);
    expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) * 0.6);

    await showWindow(page, "2025-07-07", "2025-07-17");
    const dot = (await page.locator('[data-event-id="2025-07-10-trump-calls-rutte"] .dot').boundingBox())!;
    await page.touchscreen.tap(dot.x + dot.width / 2 + 6, dot.y + dot.height / 2 + 6); // a little off: targets are forgiving
    const sheet = page.locator(".tooltip.pinned");
    await sheet.waitFor();
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.width).toBeGreaterThanOrEqual(559);
    expect(Math.round(sheetBox.y + sheetBox.height)).toBe(844);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("reduced motion: zoom buttons jump without animating", async () => {
    const { page } = await openTimeline("", undefined, undefined, { reducedMotion: "reduce" });
    const before = await domainOf(page);
    await page.getByRole("button", { name: /Zoom in/ }).click();
    const after = await domainOf(page); // no waiting: the change is immediate
    expect((after[1] - after[0]) / (before[1] - before[0])).toBeCloseTo(0.5, 2);
    await page.close();
  });
});
