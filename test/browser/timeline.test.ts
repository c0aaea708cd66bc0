import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, describe, expect, inject, test } from "vitest";
import { validateDataset } from "../../src/data/validateDataset";
import { buildEventIndex } from "../../src/model/eventIndex";
import {
  closeBrowser,
  domainOf,
  drawnClusters,
  getBrowser,
  openTimeline,
  readNumbers,
  representedEvents,
  showWindow,
  viewSettled,
} from "./harness";

const bundled = validateDataset(JSON.parse(readFileSync("data/events.json", "utf8")), {
  file: "events.json",
}).dataset;
const timeOrder = (() => {
  const index = buildEventIndex(
    bundled.events,
    bundled.lanes.map((l) => l.id),
  );
  return [...index.order].map((e) => bundled.events[e]!.id);
})();

afterAll(closeBrowser);

describe("the bundled timeline", () => {
  test("loads without console errors and shows the dataset's title", async () => {
    const { page, errors } = await openTimeline();
    await expect(page.locator("h1").textContent()).resolves.toBe(bundled.title);
    await expect(page.locator("#alerts").isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("is drawn from the copy checked at build time, in the page: no worker, no fetch of data or articles", async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(inject("baseUrl"));
    await page.waitForSelector("html[data-ready=true]");
    expect(requests.filter((path) => /\.(json|txt)$/.test(path))).toEqual([]);
    expect(workers).toEqual([]);
    // The same file loaded like a user's own (?data=, checked as it arrives) shows the same: the two paths agree.
    const seen = async (p: Page) => {
      await p.getByRole("button", { name: /Fit all/ }).click();
      await viewSettled(p);
      return { meta: await p.locator("#meta").textContent(), ids: (await representedEvents(p)).ids.sort() };
    };
    const inline = await seen(page);
    const { page: loaded } = await openTimeline("?data=events.json");
    expect(await seen(loaded)).toEqual(inline);
    expect(inline.ids).toHaveLength(bundled.events.length);
    // (trust.test.ts opens a quote of this page in the source reader: the article texts came along.)
    await page.close();
    await loaded.close();
  });

  test("represents every event once: marks plus clustered events equal the events in the file", async () => {
    const { page } = await openTimeline();
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page); // the fit-all transition
    const { ids } = await representedEvents(page);
    expect(ids.sort()).toEqual(bundled.events.map((e) => e.id).sort());
    await page.close();
  });

  test("July 2025 zoomed in: every event of 7–17 July is drawn individually with a readable label", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    const { marks, clustered } = await representedEvents(page);
    // The window is closed at both ends, as in the model (endMs >= d0 && startMs <= d1): the week
    // of 30 June ends exactly at 7 July 00:00 and is drawn at the edge.
    const july = bundled.events.filter(
      (e) => e.startMs <= Date.parse("2025-07-17") && e.endMs >= Date.parse("2025-07-07"),
    );
    expect(clustered).toBe(0);
    expect(marks).toBe(july.length);
    // Labels in the same row never overlap.
    const overlaps = await page.evaluate(() => {
      const boxes = [...document.querySelectorAll<SVGTextElement>("g.event .label")]
        .filter((t) => t.textContent !== "")
        .map((t) => t.getBoundingClientRect());
      let count = 0;
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!,
            b = boxes[j]!;
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
            count++;
        }
      return count;
    });
    expect(overlaps).toBe(0);
    await page.close();
  });

  test("hovering an event shows its tooltip with title, date basis and verified quote", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    const dot = page.locator('[data-event-id="2025-07-10-trump-calls-rutte"] .dot');
    const box = await dot.boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor({ state: "visible" });
    const text = (await tooltip.textContent()) ?? "";
    const event = bundled.events.find((e) => e.id === "2025-07-10-trump-calls-rutte")!;
    expect(text).toContain(event.title);
    expect(text).toContain("10 July 2025");
    expect(text).toContain("date inferred from the article's wording");
    expect(text).toContain("Trump called me on Thursday");
    await page.mouse.move(5, 5);
    await tooltip.waitFor({ state: "hidden" });
    await page.close();
  });

  test("pointing at an event's title shows its details in a compact card beside the mark, inside the window", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    const id = "2025-07-10-trump-calls-rutte";
    const label = page.locator(`[data-event-id="${id}"] text.label`);
    const box = (await label.boundingBox())!;
    // The far end of the words, well away from the dot.
    await page.mouse.move(box.x + box.width - 4, box.y + box.height / 2);
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor({ state: "visible" });
    expect(await tooltip.textContent()).toContain(bundled.events.find((e) => e.id === id)!.title);
    expect(await label.evaluate((n) => getComputedStyle(n).cursor)).toBe("pointer");
    const card = (await tooltip.boundingBox())!;
    const dot = (await page.locator(`[data-event-id="${id}"] .dot`).boundingBox())!;
    expect(card.width).toBeLessThanOrEqual(320);
    expect(card.y).toBeGreaterThanOrEqual(0);
    expect(card.y + card.height).toBeLessThanOrEqual(800);
    // Beside the mark, not over it.
    const overDot = card.x < dot.x + dot.width && dot.x < card.x + card.width;
    const overDotY = card.y < dot.y + dot.height && dot.y < card.y + card.height;
    expect(overDot && overDotY).toBe(false);
    // Clicking the words pins the full details.
    await page.mouse.down();
    await page.mouse.up();
    await page.locator(".tooltip.pinned").waitFor({ state: "visible" });
    expect(await page.locator(".tooltip.pinned").textContent()).toContain("Trump called me on Thursday");
    await page.close();
  });

  test("the details rehearsed when the page is first idle leave nothing behind", async () => {
    const { page } = await openTimeline();
    const url = page.url();
    // Two idle periods: the rehearsal has run by then.
    for (let i = 0; i < 2; i++)
      await page.evaluate(() => new Promise((resolve) => requestIdleCallback(() => resolve(null))));
    await expect(page.getByRole("tooltip").isHidden()).resolves.toBe(true);
    expect(await page.locator("[aria-describedby]").count()).toBe(0);
    expect(page.url()).toBe(url);
    expect(
      await page.evaluate(() => (window as unknown as { timeline: { selected?: string } }).timeline.selected),
    ).toBeUndefined();
    await page.close();
  });

  test("near a mark the cursor is a pointer, elsewhere a grab hand; the chart's own style does not change", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    const box = (await page.locator('[data-event-id="2025-07-10-trump-calls-rutte"] .dot').boundingBox())!;
    // A change on the chart element itself is inherited by all its elements (a restyle of the chart).
    await page.evaluate(() => {
      const w = window as unknown as { chartMutations: number };
      w.chartMutations = 0;
      new MutationObserver((records) => (w.chartMutations += records.length)).observe(
        document.querySelector("svg.chart")!,
        { attributes: true },
      );
    });
    const cursorAt = (x: number, y: number) =>
      page.evaluate(([x, y]) => getComputedStyle(document.elementFromPoint(x!, y!)!).cursor, [x, y]);
    // Beside the dot, within the hit test's forgiving radius (6 px), but not on the dot itself.
    const x = box.x - 4,
      y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.getByRole("tooltip").waitFor({ state: "visible" });
    expect(await cursorAt(x, y)).toBe("pointer");
    await page.mouse.move(x - 60, y + 30);
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
    expect(await cursorAt(x - 60, y + 30)).toBe("grab");
    await page.mouse.move(x, y);
    expect(await cursorAt(x, y)).toBe("pointer");
    expect(await page.evaluate(() => (window as unknown as { chartMutations: number }).chartMutations)).toBe(
      0,
    );
    await page.close();
  });

  test("a wheel zoom over the chart narrows the visible window around the pointer", async () => {
    const { page } = await openTimeline();
    const before = await domainOf(page);
    const chart = (await page.locator("svg.chart").boundingBox())!;
    await page.mouse.move(chart.x + chart.width / 2, chart.y + 200);
    await page.mouse.wheel(0, -400);
    await viewSettled(page);
    const after = await domainOf(page);
    expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) * 0.8);
    expect(after[0]).toBeGreaterThan(before[0]);
    expect(after[1]).toBeLessThan(before[1]);
    await page.close();
  });

  test("dragging pans the window without changing its span", async () => {
    const { page } = await openTimeline();
    await page.getByRole("button", { name: /Zoom in/ }).click();
    await viewSettled(page);
    const before = await domainOf(page);
    const chart = (await page.locator("svg.chart").boundingBox())!;
    // Drag on the axis strip, where no event mark can catch the pointer.
    await page.mouse.move(chart.x + 600, chart.y + 20);
    await page.mouse.down();
    await page.mouse.move(chart.x + 400, chart.y + 20, { steps: 5 });
    await page.mouse.up();
    const after = await domainOf(page);
    expect(after[0]).toBeGreaterThan(before[0]);
    expect(after[1] - after[0]).toBeCloseTo(before[1] - before[0], -3);
    await page.close();
  });

  test("a drag started while a zoom animation runs pans from where the view is, and the animation stops", async () => {
    const { page } = await openTimeline();
    const chart = (await page.locator("svg.chart").boundingBox())!;
    const start = await domainOf(page);
    // Fit all animates for 300 ms towards a much wider window; the drag starts in the middle of it.
    await page.mouse.move(chart.x + 600, chart.y + 20);
    await page.getByRole("button", { name: /Fit all/ }).evaluate((b: HTMLButtonElement) => b.click());
    // Pressed once the animation is under way (the window has widened), however slowly it runs.
    await expect
      .poll(async () => {
        const [d0, d1] = await domainOf(page);
        return d1 - d0;
      })
      .toBeGreaterThan(start[1] - start[0]);
    await page.mouse.down();
    const grabbed = await domainOf(page);
    // Holding the button still: the press stopped the animation where it was.
    await page.waitForTimeout(200);
    expect(await domainOf(page)).toEqual(grabbed);
    await page.mouse.move(chart.x + 450, chart.y + 20, { steps: 4 });
    const dragged = await domainOf(page);
    await page.mouse.up();
    await page.waitForTimeout(600);
    const after = await domainOf(page);
    // The animation was under way (the window had widened) and did not finish.
    expect(grabbed[1] - grabbed[0]).toBeGreaterThan(start[1] - start[0]);
    // The drag moved the window it grabbed: later times came into view, the span kept.
    expect(dragged[0]).toBeGreaterThan(grabbed[0]);
    expect((dragged[1] - dragged[0]) / (grabbed[1] - grabbed[0])).toBeCloseTo(1, 6);
    // Nothing moved it after the drag: no animation took the view back to where it was heading.
    expect(after[0]).toBeCloseTo(dragged[0], -3);
    expect(after[1]).toBeCloseTo(dragged[1], -3);
    await page.close();
  });

  test("print keeps the counts and leaves out the screen's instructions", async () => {
    const { page } = await openTimeline();
    await expect(page.locator(".instructions").isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".instructions").isVisible()).resolves.toBe(false);
    await expect(page.locator("#meta").textContent()).resolves.toMatch(/^\d+ events from 5 articles/);
    await page.close();
  });

  test("Fit all from a two-hour window animates all the way out (month-long bars are not drawn millions of px wide)", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-10-22T11:00Z", "2025-10-22T13:00Z");
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const [d0, d1] = await domainOf(page);
    expect(d1 - d0).toBeGreaterThan(365 * 86_400_000);
    await expect(page.locator(".readout").textContent()).resolves.toMatch(/47 of 47 events/);
    await page.close();
  });

  test("print shows the chart numbered as the list printed after it, with a credit line", async () => {
    const { page, errors } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    // Sorted by title, so the list's numbers are not simply time order.
    await page.getByRole("button", { name: "List" }).click();
    await page.locator('button[data-sort="title"]').click();
    await page.getByRole("button", { name: "Timeline" }).click();
    // Wait for the export drawing (fetched when the page is idle) before printing.
    await page.waitForFunction(() =>
      performance.getEntriesByType("resource").some((r) => /exportImage/.test(r.name)),
    );
    await page.emulateMedia({ media: "print" });
    await page.locator(".print-chart > svg").waitFor({ state: "visible" });
    await expect(page.locator("#timeline").isVisible()).resolves.toBe(false);
    const picture = await readNumbers(page);
    const rows = await page.locator(".event-table tbody tr").evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute("data-event")!,
        number: Number(tr.querySelector(".row-number")!.textContent),
      })),
    );
    expect(rows.map((r) => r.number)).toEqual(rows.map((_, i) => i + 1));
    const rowNumber = new Map(rows.map((r) => [r.id, r.number]));
    expect(picture.marks.length).toBeGreaterThan(5);
    for (const { id, number } of picture.marks) expect(number, id).toBe(rowNumber.get(id));
    // Not time order: the list is sorted by title.
    const byTime = [...picture.marks].sort((a, b) => timeOrder.indexOf(a.id) - timeOrder.indexOf(b.id));
    expect(byTime.map((m) => m.number)).not.toEqual([...byTime.map((m) => m.number)].sort((a, b) => a - b));
    expect(picture.credit).toContain(bundled.title);
    expect(picture.credit).toMatch(/Printed \d{1,2} [A-Z][a-z]+ \d{4} \(UTC\)$/);
    // No instructions in print.
    await expect(page.locator(".print-chart").textContent()).resolves.not.toMatch(/scroll|pinch|drag/i);
    await page.emulateMedia({ media: "screen" });
    await page.locator(".print-chart").waitFor({ state: "hidden" });
    await expect(page.locator("#timeline").isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("+ from Fit all never lands in an empty stretch", async () => {
    const { page } = await openTimeline();
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    for (let i = 0; i < 8; i++) {
      await page.getByRole("button", { name: /Zoom in/ }).click();
      await viewSettled(page);
      const range = await page.evaluate(
        () => (window as unknown as { timeline: { rangeText: string } }).timeline.rangeText,
      );
      expect(range, `after ${i + 1} × +`).not.toMatch(/: 0 of /);
    }
    await page.close();
  });

  test("a mark drawn again after zooming names its own event (groups that left are given to marks that enter)", async () => {
    // A small plot: zooming out turns marks into clusters, and in, back into marks.
    const { page } = await openTimeline("", { width: 700, height: 560 });
    const byId = new Map(bundled.events.map((e) => [e.id, e]));
    let drawn = 0;
    for (const button of ["Fit all", "Zoom in", "Zoom in", "Zoom in", "Zoom out", "Zoom out", "Fit all"]) {
      await page.getByRole("button", { name: new RegExp(button) }).click();
      await viewSettled(page);
      const marks = await page.$$eval("g.event", (groups) =>
        groups.map((g) => ({
          id: (g as SVGGElement).dataset["eventId"] ?? "",
          name: g.getAttribute("aria-label") ?? "",
          label: g.querySelector("text.label")?.textContent ?? "",
        })),
      );
      drawn += marks.length;
      for (const { id, name, label } of marks) {
        const event = byId.get(id);
        expect(event, id).toBeDefined();
        expect(name).toContain(event!.title);
        // Its label is its own title, whole or cut ("…"), with its source count.
        const words = label.replace(/ · \d+ sources$/, "").replace(/…$/, "");
        expect(event!.title.startsWith(words), `${id}: "${label}"`).toBe(true);
      }
    }
    expect(drawn).toBeGreaterThan(40);
    await page.close();
  });

  test("+, − and Fit all change the window, clamped to the data's bounds", async () => {
    const { page } = await openTimeline();
    const start = await domainOf(page);
    await page.getByRole("button", { name: /Zoom in/ }).click();
    await viewSettled(page);
    const zoomed = await domainOf(page);
    expect((zoomed[1] - zoomed[0]) / (start[1] - start[0])).toBeCloseTo(0.5, 1);
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const all = await domainOf(page);
    const first = Math.min(...bundled.events.map((e) => e.startMs));
    const last = Math.max(...bundled.events.map((e) => e.endMs));
    expect(all[0]).toBeLessThanOrEqual(first);
    expect(all[1]).toBeGreaterThanOrEqual(last);
    for (let i = 0; i < 8; i++) await page.getByRole("button", { name: /Zoom out/ }).click();
    await viewSettled(page);
    const out = await domainOf(page);
    expect(out[1] - out[0]).toBeLessThan((last - first) * 3);
    await page.close();
  });

  test("Tab reaches the timeline; arrow keys move focus between events in time order; Enter pins, Escape closes", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-07-07", "2025-07-17");
    const focusedId = () =>
      page.evaluate(() => document.activeElement?.getAttribute("data-event-id") ?? null);
    // Past the page's controls and the publication marks on the axis strip, to the first event.
    for (let i = 0; i < 30 && (await focusedId()) === null; i++) await page.keyboard.press("Tab");
    const first = await focusedId();
    expect(first).not.toBeNull();
    await page.keyboard.press("ArrowRight");
    const second = await focusedId();
    expect(second).toBe(timeOrder[timeOrder.indexOf(first!) + 1]);
    await page.keyboard.press("ArrowLeft");
    await expect(focusedId()).resolves.toBe(first);
    await page.getByRole("tooltip").waitFor({ state: "visible" });
    await page.keyboard.press("Enter");
    await page.locator(".tooltip.pinned").waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
    await expect(focusedId()).resolves.toBe(first);
    await page.keyboard.press("End");
    await expect(focusedId()).resolves.toBe(timeOrder.at(-1));
    await page.keyboard.press("Home");
    await expect(focusedId()).resolves.toBe(timeOrder[0]);
    await page.close();
  });

  test("clicking a cluster zooms in until its events are drawn apart", async () => {
    // A small window: at 1280×800 lanes give Fit all's events rows enough to need no cluster.
    const { page } = await openTimeline("", { width: 700, height: 560 });
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const ids = (await drawnClusters(page))[0]?.ids ?? [];
    expect(ids.length).toBeGreaterThan(1);
    const before = await domainOf(page);
    // Scrolled into view (the lanes scroll inside the chart's viewport), then clicked at its badge's
    // centre: clusters are hit-tested from the layout.
    await page.evaluate(
      (y) => {
        const viewport = document.querySelector(".viewport")!;
        const box = viewport.getBoundingClientRect();
        viewport.scrollTop += y - (box.top + box.height / 2);
      },
      (await drawnClusters(page))[0]!.y,
    );
    const [first] = await drawnClusters(page);
    await page.mouse.click(first!.x, first!.y);
    await viewSettled(page);
    const after = await domainOf(page);
    expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) / 4);
    const { ids: shown } = await representedEvents(page);
    for (const id of ids) expect(shown).toContain(id);
    await page.close();
  });

  test("works at phone size without horizontal scrolling (as cards: phone.test.ts)", async () => {
    const { page, errors } = await openTimeline("", { width: 390, height: 844 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator(".phone-card").first().waitFor();
    await expect(page.locator(".phone-card").count()).resolves.toBe(bundled.events.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the built site works from a sub-path", async () => {
    const { page, errors } = await openTimeline("", undefined, inject("subPathUrl"));
    await expect(page.locator("h1").textContent()).resolves.toBe(bundled.title);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("a data file with mistakes (?data=)", () => {
  test("shows an alert naming file, event and field, and still renders every valid event", async () => {
    const { page } = await openTimeline("?data=fixtures/invalid-events.json");
    const alert = page.getByRole("alert");
    await expect(alert.isVisible()).resolves.toBe(true);
    const text = (await alert.textContent()) ?? "";
    expect(text).toContain("events[1] (bad-date): start:");
    expect(text).toContain("events[2] (bad-quote): sources[0].quote: is not verbatim");
    expect(text).toContain('events[3] (bad-lane): lane: "nowhere" is not a lane');
    expect(text).toContain("3 events are not shown");
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    expect((await representedEvents(page)).ids.sort()).toEqual(["good-one", "good-two"]);
    await page.close();
  });

  test("treats markup in the data as text: nothing is injected or run", async () => {
    const { page } = await openTimeline("?data=fixtures/invalid-events.json");
    await page.locator('[data-event-id="good-two"]').focus();
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor({ state: "visible" });
    await expect(tooltip.textContent()).resolves.toContain('<img src=x onerror="window.__pwned=1">');
    await expect(page.locator(".tooltip img, .tooltip script, .tooltip b").count()).resolves.toBe(0);
    await expect(
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    await page.close();
  });

  test("a ?data= URL on another site is refused with a notice, and the bundled data is shown", async () => {
    const { page } = await openTimeline("?data=https://example.com/events.json");
    await expect(page.getByRole("alert").textContent()).resolves.toContain("must point to this site");
    await expect(page.locator("h1").textContent()).resolves.toBe(bundled.title);
    await page.close();
  });
});
