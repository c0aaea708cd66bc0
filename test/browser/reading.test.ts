import { afterAll, describe, expect, test } from "vitest";
import { closeBrowser, openTimeline, showWindow } from "./harness";

afterAll(closeBrowser);

/** What the reader sees of the labels: how many marks, how many without a label, which run off the plot. */
function labelFacts(page: import("playwright-core").Page) {
  return page.evaluate(() => {
    const plot = document.querySelector("svg.chart")!.getBoundingClientRect();
    const labels = [...document.querySelectorAll<SVGGElement>("g.event")].map((g) =>
      g.querySelector<SVGTextElement>("text.label")!,
    );
    const shown = labels.filter((l) => (l.textContent ?? "") !== "");
    return {
      marks: labels.length,
      clusters: (window as unknown as { timeline: { clusters: unknown[] } }).timeline.clusters.length,
      unlabelled: labels.length - shown.length,
      outside: shown
        .filter((l) => {
          const b = l.getBoundingClientRect();
          return b.left < plot.left - 0.5 || b.right > plot.right + 0.5;
        })
        .map((l) => l.textContent),
    };
  });
}

describe.each([
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])("the opening view at $width×$height", (viewport) => {
  test("labels every event in view, inside the plot, with no cluster", async () => {
    const { page } = await openTimeline("", viewport);
    const facts = await labelFacts(page);
    expect(facts.marks).toBeGreaterThan(40);
    expect(facts.unlabelled).toBe(0);
    expect(facts.clusters).toBe(0);
    expect(facts.outside).toEqual([]);
    await page.close();
  });

  test("no grid or publication line runs through a label or lane heading: each lies on its band's colour", async () => {
    const { page } = await openTimeline("", viewport);
    const facts = await page.evaluate(() => {
      const bands = [...document.querySelectorAll<SVGRectElement>("rect.lane-band")].map(
        (b) => getComputedStyle(b).fill,
      );
      // Grid and publication lines are drawn before (under) the marks.
      const plot = document.querySelector("g.plot")!;
      const under = [...document.querySelectorAll(".grid, .publication-lines")].every(
        (g) => g.compareDocumentPosition(plot) & Node.DOCUMENT_POSITION_FOLLOWING,
      );
      const bare: string[] = [];
      for (const g of document.querySelectorAll<SVGGElement>("g.event")) {
        const label = g.querySelector<SVGTextElement>("text.label")!;
        if (label.textContent === "") continue;
        const ground = g.querySelector<SVGRectElement>("rect.label-ground");
        const t = label.getBoundingClientRect();
        const r = ground?.getBoundingClientRect();
        const covered =
          ground !== null &&
          getComputedStyle(ground).display !== "none" &&
          r!.left <= t.left + 0.5 &&
          r!.right >= t.right - 0.5 &&
          getComputedStyle(ground).fill === bands[Number(g.dataset["lane"])];
        if (!covered) bare.push(label.textContent ?? "");
      }
      // The lane headings too: each on its band's colour, above the lines.
      const headings = [...document.querySelectorAll<HTMLElement>(".lane-heading")].map(
        (h, i) => getComputedStyle(h).backgroundColor === bands[i],
      );
      return { under, bare, headings };
    });
    expect(facts.under).toBe(true);
    expect(facts.bare).toEqual([]);
    expect(facts.headings).toEqual([true, true, true, true, true]);
    await page.close();
  });

  test("pointing at a title shows that event's details", async () => {
    const { page } = await openTimeline("", viewport);
    const label = page.locator('g.event[data-event-id="2025-07-14-rutte-trump-white-house"] text.label');
    await label.scrollIntoViewIfNeeded();
    const box = (await label.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2);
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor({ state: "visible" });
    await expect(tooltip.textContent()).resolves.toContain("Rutte");
    await page.close();
  });
});

describe("a plot taller than its box", () => {
  test("scrolls vertically with the axis strip and the current lane's heading kept in view", async () => {
    const { page } = await openTimeline();
    const scroll = await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>(".viewport")!;
      return { client: viewport.clientHeight, content: viewport.scrollHeight };
    });
    expect(scroll.content).toBeGreaterThan(scroll.client);
    const top = (await page.locator(".viewport").boundingBox())!.y;
    await page.evaluate(() => (document.querySelector<HTMLElement>(".viewport")!.scrollTop = 250));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    // The axis strip is still at the top of the box.
    await expect(page.locator("svg.chart-axis").boundingBox()).resolves.toMatchObject({ y: top });
    // The lane under the strip has its heading just below it, over the lane's own rows.
    const headings = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>(".lane-heading")].map((h) => {
        const b = h.getBoundingClientRect();
        const lane = h.parentElement!.getBoundingClientRect();
        return { text: h.textContent, top: b.top, laneTop: lane.top, laneBottom: lane.bottom };
      }),
    );
    const axisBottom = top + 62;
    const stuck = headings.filter((h) => h.laneTop < axisBottom && h.laneBottom > axisBottom + 18);
    expect(stuck).toHaveLength(1);
    expect(stuck[0]!.top).toBeCloseTo(axisBottom, 0);
    await page.close();
  });

  test("a mouse drag moves the lanes up and down as well as the time sideways", async () => {
    const { page } = await openTimeline();
    const box = (await page.locator("svg.chart-axis").boundingBox())!;
    await page.mouse.move(box.x + 600, box.y + 20);
    await page.mouse.down();
    await page.mouse.move(box.x + 560, box.y + 20 - 1, { steps: 2 });
    await page.mouse.move(box.x + 560, box.y + 20 - 120, { steps: 6 });
    await page.mouse.up();
    const scrolled = await page.evaluate(() => document.querySelector<HTMLElement>(".viewport")!.scrollTop);
    expect(scrolled).toBeGreaterThan(100);
    await page.close();
  });

  test("the plot's height follows its lanes: a window with one event is a short chart", async () => {
    const { page } = await openTimeline();
    await showWindow(page, "2025-06-24T00:00Z", "2025-06-26T00:00Z");
    const sizes = await page.evaluate(() => {
      const viewport = document.querySelector<HTMLElement>(".viewport")!;
      return {
        box: viewport.clientHeight,
        limit: parseFloat(getComputedStyle(viewport).maxHeight),
        content: viewport.scrollHeight,
      };
    });
    expect(sizes.box).toBe(sizes.content);
    expect(sizes.box).toBeLessThan(sizes.limit / 2);
    await page.close();
  });
});
