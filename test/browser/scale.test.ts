import { afterAll, describe, expect, test } from "vitest";
import { generateDataset } from "../../scripts/lib/generate";
import { validateDataset } from "../../src/data/validateDataset";
import { formatEventDate } from "../../src/model/formatDate";
import { groupDigits } from "../../src/model/groupDigits";
import { SCALE_FIXTURE, SCALE_OPTIONS, TEST_DIST } from "./scaleFixture";
import {
  closeBrowser,
  domainOf,
  drawnClusters,
  heapAfterGc,
  openTimeline,
  representedEvents,
  showWindow,
  type DrawnCluster,
  viewSettled,
} from "./harness";

// The same generated list the page loads, validated here to know what each cluster stands for.
const { events } = validateDataset(generateDataset(SCALE_OPTIONS), { file: SCALE_FIXTURE }).dataset;
const byId = new Map(events.map((e) => [e.id, e]));
const DATA = `?data=fixtures/${SCALE_FIXTURE}`;

afterAll(closeBrowser);

/** Scrolls the chart's viewport so the cluster is in view, and returns it where it is now. */
async function inView(page: Parameters<typeof drawnClusters>[0], pick: (c: DrawnCluster) => boolean) {
  const target = (await drawnClusters(page)).find(pick)!;
  expect(target).toBeDefined();
  await page.evaluate((y) => {
    const viewport = document.querySelector(".viewport")!;
    const box = viewport.getBoundingClientRect();
    viewport.scrollTop += y - (box.top + box.height / 2);
  }, target.y);
  return (await drawnClusters(page)).find((c) => c.first === target.first && c.count === target.count)!;
}

describe(`${events.length.toLocaleString("en")} generated events`, () => {
  test("are drawn as individual marks plus counted clusters that together stand for every event", async () => {
    const { page, errors } = await openTimeline(DATA);
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const clusters = await drawnClusters(page);
    const { marks } = await representedEvents(page);
    expect(clusters.length).toBeGreaterThan(10);
    // Dense runs stand for more events than they list; their counts still add up.
    // Bursts are counted, not drawn one by one.
    expect(Math.max(...clusters.map((c) => c.count))).toBeGreaterThan(100);
    expect(marks + clusters.reduce((n, c) => n + c.count, 0)).toBe(events.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("every cluster's badge is painted where it is reported, in its lane's colour", async () => {
    const { page } = await openTimeline(DATA);
    // Painted again after a small pan, as on every frame of one (a canvas keeps state between them).
    const [d0, d1] = await domainOf(page);
    const shift = (d1 - d0) / 50;
    await showWindow(page, new Date(d0 + shift).toISOString(), new Date(d1 + shift).toISOString());
    const clusters = await drawnClusters(page);
    // Per cluster: the pixel 6 px below its centre (inside the disc, clear of the count's digits),
    // on whichever canvas strip is there.
    const painted = await page.evaluate((centres) => {
      const strips = [...document.querySelectorAll<HTMLCanvasElement>(".cluster-layer canvas:not([hidden])")];
      return centres.map(({ x, y }) => {
        // Its lane: every cluster of a lane is on the lane's overflow row.
        const lane = y;
        const canvas = strips.find((s) => {
          const r = s.getBoundingClientRect();
          return x >= r.left && x < r.right && y >= r.top && y < r.bottom;
        });
        if (canvas === undefined) return x < 0 || x >= innerWidth ? undefined : { lane, rgba: [] };
        const r = canvas.getBoundingClientRect();
        const scale = canvas.width / r.width;
        const pixel = canvas
          .getContext("2d")!
          .getImageData(Math.floor((x - r.left) * scale), Math.floor((y + 6 - r.top) * scale), 1, 1).data;
        return { lane, rgba: [...pixel] };
      });
    }, clusters);
    // (A cluster may have its centre just past the chart's edge.)
    const inside = painted.filter((p) => p !== undefined);
    expect(inside.length).toBeGreaterThan(10);
    const colours = new Map<number, number[]>();
    // Within a few levels: a neighbouring badge's antialiased edge may touch the sample.
    const near = (a: number[], b: number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 8);
    for (const { lane, rgba } of inside) {
      // Opaque, and one colour per lane: the disc, not its outline, the paper or an extent.
      expect(rgba[3]).toBe(255);
      const reference = colours.get(lane) ?? rgba;
      expect(near(rgba, reference), `${rgba} is the colour of lane ${reference}`).toBe(true);
      colours.set(lane, reference);
    }
    // Lanes have colours of their own.
    const laneColours = [...colours.values()];
    for (let i = 0; i < laneColours.length; i++)
      for (let j = i + 1; j < laneColours.length; j++)
        expect(near(laneColours[i]!, laneColours[j]!)).toBe(false);
    // Along each strip's middle, away from the badges, only the faint extent bars are drawn.
    const opaqueOutsideBadges = await page.evaluate((centres) => {
      let opaque = 0;
      for (const canvas of document.querySelectorAll<HTMLCanvasElement>(
        ".cluster-layer canvas:not([hidden])",
      )) {
        const r = canvas.getBoundingClientRect();
        const scale = canvas.width / r.width;
        const mid = Math.floor(canvas.height / 2);
        const row = canvas.getContext("2d")!.getImageData(0, mid, canvas.width, 1).data;
        const here = centres.filter((c) => c.y >= r.top && c.y < r.bottom).map((c) => (c.x - r.left) * scale);
        for (let px = 0; px < canvas.width; px++) {
          if (here.some((cx) => Math.abs(cx - px) <= 11 * scale)) continue;
          if (row[px * 4 + 3]! > 128) opaque++;
        }
      }
      return opaque;
    }, clusters);
    expect(opaqueOutsideBadges).toBe(0);
    await page.close();
  });

  test("hovering a cluster shows how many events it stands for and their span", async () => {
    const { page } = await openTimeline(DATA);
    const largest = Math.max(...(await drawnClusters(page)).map((c) => c.count));
    const cluster = await inView(page, (c) => c.count === largest);
    await page.mouse.move(cluster.x, cluster.y);
    const tooltip = page.locator(".tooltip");
    await expect(tooltip.locator(".detail-title").textContent()).resolves.toBe(
      `${groupDigits(cluster.count)} events`,
    );
    // From its first member to its last, even when it lists only a sample of them.
    const span = `${formatEventDate(byId.get(cluster.first)!)} \u2013 ${formatEventDate(byId.get(cluster.last)!)}`;
    await expect(tooltip.locator(".detail-date").textContent()).resolves.toBe(span);
    await page.close();
  });

  test("clicking a cluster zooms in until its events are drawn or counted apart", async () => {
    const { page } = await openTimeline(DATA);
    const cluster = await inView(page, (c) => c.ids !== undefined && c.count >= 10);
    const before = await domainOf(page);
    await page.mouse.click(cluster.x, cluster.y);
    await viewSettled(page);
    const after = await domainOf(page);
    expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) / 4);
    const { ids } = await representedEvents(page);
    for (const id of cluster.ids!) expect(ids).toContain(id);
    // Zoomed in, its events are spread out: some drawn on their own, the rest in smaller clusters.
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll<SVGGElement>("g.event[data-event-id]")].map((n) => n.dataset["eventId"]),
    );
    expect(cluster.ids!.filter((id) => drawn.includes(id)).length).toBeGreaterThan(0);
    const holders = (await drawnClusters(page)).filter((c) => c.ids?.some((id) => cluster.ids!.includes(id)));
    for (const holder of holders) expect(holder.count).toBeLessThan(cluster.count);
    await page.close();
  });

  test("while a drag pans, lanes keep their size; they are shared out again when it ends", async () => {
    const { page } = await openTimeline(DATA);
    const laneTops = () =>
      page.evaluate(() => [...document.querySelectorAll("g.lane")].map((g) => g.getAttribute("transform")));
    const box = (await page.locator("svg.chart").boundingBox())!;
    const y = box.y + 200;
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.down();
    const seen = new Set<string>();
    for (let i = 1; i <= 40; i++) {
      await page.mouse.move(box.x + box.width / 2 - i * 15, y);
      await page.evaluate(() => new Promise(requestAnimationFrame));
      seen.add(JSON.stringify(await laneTops()));
    }
    // Under the pointer, the lanes did not move.
    expect(seen.size).toBe(1);
    await page.mouse.up();
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const released = await laneTops();
    // Released, the rows are those of the same window drawn afresh.
    const domain = await domainOf(page);
    await page.evaluate(
      (d) =>
        (window as unknown as { timeline: { show(d: number[], a: boolean): void } }).timeline.show(
          [d[0]! - 1, d[1]! - 1],
          false,
        ),
      domain,
    );
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await laneTops()).toEqual(released);
    await page.close();
  });

  test("a drag slides what is drawn, with margins so nothing is blank at the edges; the pinned details follow", async () => {
    const { page } = await openTimeline(DATA);
    const chart = (await page.locator("svg.chart").boundingBox())!;
    const frame = () => page.evaluate(() => new Promise(requestAnimationFrame));
    /** The marks' slide (their group's x translation), where a mark is, and what covers the window. */
    const look = (id: string) =>
      page.evaluate((id) => {
        const marks = document.querySelector("g.marks")!;
        const slide = Number(/translate\(([^,]+),/.exec(marks.getAttribute("transform") ?? "")?.[1]);
        const mark = marks.querySelector(
          `g.event[data-event-id="${id}"] :is(.dot, .chip):not([display=none])`,
        );
        const covers = [
          ...document.querySelectorAll(".axis path.domain, .cluster-layer canvas:not([hidden])"),
        ].map((n) => [n.getBoundingClientRect().left, n.getBoundingClientRect().right]);
        const drawn = marks.querySelector(`g.event[data-event-id="${id}"]`)?.outerHTML;
        return { slide, x: mark?.getBoundingClientRect().left, drawn, covers };
      }, id);
    // An event drawn near the middle.
    const id = await page.evaluate(
      ({ from, to }) =>
        [...document.querySelectorAll<SVGGElement>("g.event[data-event-id]")].find((g) => {
          const { left } = g
            .querySelector(".dot:not([display=none]), .chip:not([display=none])")!
            .getBoundingClientRect();
          return left > from && left < to;
        })!.dataset["eventId"]!,
      { from: chart.x + chart.width * 0.4, to: chart.x + chart.width * 0.6 },
    );
    const before = await look(id);
    const initial = await domainOf(page);
    expect(before.slide).toBe(0);

    // A drag on the axis strip (no mark there to catch the pointer) starts, then goes on by 150 px.
    const y = chart.y + 20;
    await page.mouse.move(chart.x + 910, y);
    await page.mouse.down();
    await page.mouse.move(chart.x + 900, y);
    await frame();
    const started = await look(id);
    expect(started.x).toBeCloseTo(before.x! - 10, 3);
    const clusterStarted = (await drawnClusters(page)).find((c) => c.x > chart.x + 200)!;
    await page.mouse.move(chart.x + 750, y, { steps: 5 });
    await frame();
    const slid = await look(id);
    // Moved by its group alone: the mark itself was not written again.
    expect(slid.slide - started.slide).toBeCloseTo(-150, 6);
    expect(slid.drawn).toBe(started.drawn);
    expect(slid.x).toBeCloseTo(before.x! - 160, 3);
    const clusterSlid = (await drawnClusters(page)).find(
      (c) => c.first === clusterStarted.first && c.count === clusterStarted.count,
    )!;
    expect(clusterSlid.x).toBeCloseTo(clusterStarted.x - 150, 3);
    // The axis line and the cluster strips were drawn wider than the window: they still cover it.
    for (const [left, right] of slid.covers) {
      expect(left).toBeLessThanOrEqual(chart.x);
      expect(right).toBeGreaterThanOrEqual(chart.x + chart.width);
    }

    // Past the margins the drawing is laid out again where the window is, still covering it.
    await page.mouse.move(chart.x + 100, y, { steps: 20 });
    await frame();
    const far = await look(id);
    expect(Math.abs(far.slide)).toBeLessThan(chart.width / 2);
    for (const [left, right] of far.covers) {
      expect(left).toBeLessThanOrEqual(chart.x);
      expect(right).toBeGreaterThanOrEqual(chart.x + chart.width);
    }
    await page.mouse.up();
    await frame();
    expect((await look(id)).slide).toBe(0);

    // Pinned details move with their event while a drag slides it.
    const iso = (ms: number) => new Date(ms).toISOString();
    await showWindow(page, iso(initial[0]), iso(initial[1]));
    const dot = (await page
      .locator(`g.event[data-event-id="${id}"] :is(.dot, .chip):not([display=none])`)
      .boundingBox())!;
    await page.mouse.click(dot.x + 4, dot.y + dot.height / 2);
    // The click pins them; they are drawn in the next frame.
    const tooltip = page.locator(".tooltip.pinned");
    await tooltip.waitFor({ state: "visible" });
    const pinnedAt = (await tooltip.boundingBox())!.x;
    await page.mouse.move(chart.x + chart.width - 40, y);
    await page.mouse.down();
    await page.mouse.move(chart.x + chart.width - 140, y, { steps: 5 });
    await frame();
    expect((await tooltip.boundingBox())!.x).toBeCloseTo(pinnedAt - 100, 0);
    await page.mouse.up();
    await page.close();
  });

  test("opening another file lets the previous timeline go: the heap does not grow", async () => {
    const { page } = await openTimeline();
    const sizes: number[] = [];
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() => {
        const w = window as unknown as { previous?: unknown; timeline: unknown };
        w.previous = w.timeline;
      });
      await page.setInputFiles("#open-file-input", `${TEST_DIST}/fixtures/${SCALE_FIXTURE}`);
      await page.waitForFunction(() => {
        const w = window as unknown as { previous?: unknown; timeline: unknown };
        return w.timeline !== w.previous;
      });
      await page.evaluate(() => delete (window as unknown as { previous?: unknown }).previous);
      // The load's last messages and the old page's pending tasks settle first.
      await page.waitForTimeout(1000);
      sizes.push(await heapAfterGc(page));
    }
    // Page-level listeners (theme, pixel ratio) once kept every replaced timeline, and its events,
    // alive: ~4 MB more for each time this file was opened.
    expect(sizes[3]!).toBeLessThan(sizes[0]! * 1.15);
    await page.close();
  });
});
