import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TimelineEvent } from "../data/types";
import { buildEventIndex, type EventIndex } from "./eventIndex";
import { MAX_ROWS } from "./laneGeometry";
import { layoutMarks, mergeCrowded, type ClusterMark, type EventMark, type Layout } from "./layoutMarks";
import { BADGE_SPACING_PX, POINT_RADIUS_PX } from "./markGeometry";
import { timeScale } from "./timeScale";
import { indexed, isoDay, LANES, measure7, utc, type EventSpec } from "./testEvents";
import type { Domain } from "./timeDomain";

const JULY: Domain = [utc(2025, 7, 1), utc(2025, 8, 1)];

function layout(
  data: { events: readonly TimelineEvent[]; index: EventIndex },
  domain: Domain,
  options: {
    widthPx?: number;
    availableHeightPx?: number;
    keepIndividual?: number;
    keepRows?: readonly number[];
    marginPx?: number;
    labelOf?: (event: TimelineEvent) => string;
  } = {},
): Layout {
  return layoutMarks({
    ...data,
    ...(options.labelOf === undefined ? {} : { labelOf: options.labelOf }),
    x: timeScale(domain, options.widthPx ?? 1000),
    laneCount: LANES.length,
    availableHeightPx: options.availableHeightPx ?? 2000,
    measure: measure7,
    keepIndividual: options.keepIndividual,
    keepRows: options.keepRows,
    marginPx: options.marginPx,
  });
}

/** x of a time in a domain drawn `widthPx` wide. */
const xOf = ([d0, d1]: Domain, widthPx: number, ms: number) => ((ms - d0) / (d1 - d0)) * widthPx;

function markOf(result: Layout, data: { events: readonly TimelineEvent[] }, id: string): EventMark {
  const mark = result.marks.find((m) => data.events[m.event]!.id === id);
  if (mark === undefined) throw new Error(`no mark for ${id}`);
  return mark;
}

/** Every event laid out, as dataset indices: marks and cluster members together. */
const laidOut = (result: Layout) => [
  ...result.marks.map((m) => m.event),
  ...result.clusters.flatMap((c) => c.events),
];

/** The horizontal extent a mark and its label take: what stacking keeps apart. */
function extent(mark: EventMark): [number, number] {
  const left = mark.kind === "span" ? mark.x0 : mark.cx - POINT_RADIUS_PX;
  const markRight = mark.kind === "span" ? mark.x1 : mark.cx + POINT_RADIUS_PX;
  return [Math.min(left, mark.labelX), Math.max(markRight, mark.labelX + measure7(mark.label))];
}

describe("layoutMarks", () => {
  it("layoutMarks(input) puts a label that would run past the right edge before its mark", () => {
    const data = indexed([{ id: "late", start: "2025-07-30", title: "Zelenskyy visits the White House" }]);
    const mark = markOf(layout(data, JULY), data, "late");
    expect(mark.labelX + mark.labelWidthPx).toBeLessThanOrEqual(mark.cx - POINT_RADIUS_PX);
    expect(mark.labelX).toBeGreaterThanOrEqual(0);
    // Away from the edge it stays after the mark.
    const early = indexed([{ id: "early", start: "2025-07-03", title: "Zelenskyy visits the White House" }]);
    expect(markOf(layout(early, JULY), early, "early").labelX).toBeGreaterThan(
      xOf(JULY, 1000, utc(2025, 7, 3, 12)),
    );
  });

  it("layoutMarks(input) draws a day-precise event as a point at the middle of its day", () => {
    const data = indexed([{ id: "vote", start: "2025-07-14" }]);
    const mark = markOf(layout(data, JULY), data, "vote");
    expect(mark.kind).toBe("point");
    expect(mark.cx).toBeCloseTo(xOf(JULY, 1000, utc(2025, 7, 14, 12)), 6);
    expect(mark.label).toBe("Event vote");
    expect(mark.labelX).toBeGreaterThan(mark.cx + POINT_RADIUS_PX);
  });

  it("layoutMarks(input) draws a month-precise event wide enough to show as a span over its whole month", () => {
    const domain: Domain = [utc(2025, 6, 1), utc(2025, 10, 1)];
    const data = indexed([{ id: "talks", start: "2025-07" }]);
    const mark = markOf(layout(data, domain, { widthPx: 1200 }), data, "talks");
    expect(mark.kind).toBe("span");
    expect(mark.x0).toBeCloseTo(xOf(domain, 1200, utc(2025, 7, 1)), 6);
    expect(mark.x1).toBeCloseTo(xOf(domain, 1200, utc(2025, 8, 1)), 6);
  });

  it("layoutMarks(input) draws a month-precise event too thin to read as a point", () => {
    const domain: Domain = [utc(2015, 1, 1), utc(2035, 1, 1)];
    const data = indexed([{ id: "talks", start: "2025-07" }]);
    expect(markOf(layout(data, domain, { widthPx: 600 }), data, "talks").kind).toBe("point");
  });

  it("layoutMarks(input) draws a range as a span from its start to the end of its last day", () => {
    const data = indexed([{ id: "summit", start: "2025-07-10", end: "2025-07-20" }]);
    const mark = markOf(layout(data, JULY), data, "summit");
    expect(mark.kind).toBe("span");
    expect(mark.x0).toBeCloseTo(xOf(JULY, 1000, utc(2025, 7, 10)), 6);
    expect(mark.x1).toBeCloseTo(xOf(JULY, 1000, utc(2025, 7, 21)), 6);
  });

  it("layoutMarks(input) draws a week-precise event as a span over its seven days", () => {
    const data = indexed([{ id: "week", start: "2025-07-07", precision: "week" }]);
    const mark = markOf(layout(data, JULY), data, "week");
    expect(mark.kind).toBe("span");
    expect(mark.x1 - mark.x0).toBeCloseTo((7 / 31) * 1000, 6);
  });

  it("layoutMarks(input) does not lay out events outside the domain", () => {
    const data = indexed([
      { id: "june", start: "2025-06-20" },
      { id: "july", start: "2025-07-14" },
      { id: "august", start: "2025-08-02" },
      { id: "spring", start: "2025-03-01", end: "2025-04-01" },
    ]);
    const result = layout(data, JULY);
    expect(laidOut(result).map((e) => data.events[e]!.id)).toEqual(["july"]);
  });

  it("layoutMarks(input) lays out a long range that started before the domain and still runs", () => {
    const data = indexed([
      { id: "all-year", start: "2025-01-01", end: "2025-12-31" },
      { id: "feb", start: "2025-02-01" },
    ]);
    const result = layout(data, JULY);
    expect(laidOut(result).map((e) => data.events[e]!.id)).toEqual(["all-year"]);
  });

  it("layoutMarks(input) labels marks with labelOf when given, truncated to fit", () => {
    const data = indexed([{ id: "vote", start: "2025-07-14", title: "Vote" }]);
    const labelled = layout(data, JULY, { labelOf: (e) => `${e.title} (2 sources)` });
    expect(markOf(labelled, data, "vote").label).toBe("Vote (2 sources)");
    const long = layout(data, JULY, { widthPx: 100, labelOf: (e) => `${e.title} ${"and more ".repeat(10)}` });
    expect(markOf(long, data, "vote").label.endsWith("\u2026")).toBe(true);
  });

  it("layoutMarks(input) lays out only the events in a filtered index", () => {
    const all = indexed([
      { id: "shown", start: "2025-07-14" },
      { id: "hidden", start: "2025-07-15" },
      { id: "shown-too", start: "2025-07-20", lane: "world" },
    ]);
    const index = buildEventIndex(all.events, LANES, Uint8Array.from([1, 0, 1]));
    const result = layout({ events: all.events, index }, JULY);
    expect(
      laidOut(result)
        .map((e) => all.events[e]!.id)
        .sort(),
    ).toEqual(["shown", "shown-too"]);
  });

  it("layoutMarks(input) puts events whose labels would collide on different rows", () => {
    const data = indexed([
      { id: "a", start: "2025-07-14" },
      { id: "b", start: "2025-07-15" },
    ]);
    const result = layout(data, JULY);
    expect(markOf(result, data, "a").row).toBe(0);
    expect(markOf(result, data, "b").row).toBe(1);
    expect(markOf(result, data, "b").y).toBeGreaterThan(markOf(result, data, "a").y);
  });

  // Six events on one day in one lane, with room for one labelled row: the rest overflow into a cluster.
  const crowd = indexed(
    Array.from({ length: 6 }, (_, i): EventSpec => ({ id: `c${i}`, start: "2025-07-14" })),
  );

  it("layoutMarks(input) collapses events that fit no row into one counted cluster in the overflow row", () => {
    const result = layout(crowd, JULY, { availableHeightPx: 0 });
    expect(result.geometry.rows[0]).toBe(1);
    expect(result.marks.map((m) => m.row)).toEqual([0]);
    expect(result.clusters).toHaveLength(1);
    const cluster = result.clusters[0]!;
    expect(cluster.events).toHaveLength(5);
    // In time order (by rank) and in the overflow row.
    expect([...cluster.events].sort((a, b) => crowd.index.rank[a]! - crowd.index.rank[b]!)).toEqual(
      cluster.events,
    );
    expect(cluster.y).toBeGreaterThan(result.marks[0]!.y);
    expect(cluster.startMs).toBe(utc(2025, 7, 14));
    expect(cluster.endMs).toBe(utc(2025, 7, 15));
  });

  it("layoutMarks(input) with keepIndividual pulls that event out of its cluster", () => {
    const before = layout(crowd, JULY, { availableHeightPx: 0 });
    const focused = before.clusters[0]!.events[2]!;
    const result = layout(crowd, JULY, { availableHeightPx: 0, keepIndividual: focused });
    expect(result.clusters).toHaveLength(1);
    expect(result.clusters[0]!.events).toHaveLength(4);
    expect(result.clusters[0]!.events).not.toContain(focused);
    const mark = result.marks.find((m) => m.event === focused);
    expect(mark?.row).toBe(-1);
    expect(mark?.label).toBe("");
  });

  it("layoutMarks(input) with keepIndividual splits a cluster of two into two marks", () => {
    const pair = indexed(
      Array.from({ length: 3 }, (_, i): EventSpec => ({ id: `p${i}`, start: "2025-07-14" })),
    );
    const before = layout(pair, JULY, { availableHeightPx: 0 });
    expect(before.clusters[0]!.events).toHaveLength(2);
    const result = layout(pair, JULY, {
      availableHeightPx: 0,
      keepIndividual: before.clusters[0]!.events[0]!,
    });
    expect(result.clusters).toHaveLength(0);
    expect(result.marks.filter((m) => m.row === -1)).toHaveLength(2);
  });

  it("layoutMarks(input) gives busier lanes more rows", () => {
    const data = indexed([
      ...Array.from({ length: 4 }, (_, i): EventSpec => ({
        id: `p${i}`,
        start: "2025-07-14",
        lane: "politics",
      })),
      { id: "e0", start: "2025-07-14", lane: "economy" },
    ]);
    const result = layout(data, JULY);
    // The third lane has nothing in the window: its header alone.
    expect(result.geometry.rows).toEqual([4, 1, 0]);
    expect(new Set(result.marks.filter((m) => m.lane === 0).map((m) => m.row))).toEqual(
      new Set([0, 1, 2, 3]),
    );
  });

  describe("with random events (property)", () => {
    const specs = fc
      .array(
        fc.record({
          day: fc.integer({ min: 0, max: 120 }),
          kind: fc.constantFrom("day", "month", "range", "week"),
          length: fc.integer({ min: 1, max: 40 }),
          lane: fc.constantFrom(...LANES),
          title: fc.string({ minLength: 1, maxLength: 40 }).map((t) => `T ${t.replace(/\s+/g, " ")}`),
        }),
        { maxLength: 40 },
      )
      .map((items) =>
        items.map(({ day, kind, length, lane, title }, i): EventSpec => {
          const start = utc(2025, 5, 1) + day * 86_400_000;
          const id = `e${i}`;
          if (kind === "month") return { id, start: isoDay(start).slice(0, 7), lane, title };
          if (kind === "week") return { id, start: isoDay(start), precision: "week", lane, title };
          if (kind === "range")
            return { id, start: isoDay(start), end: isoDay(start + length * 86_400_000), lane, title };
          return { id, start: isoDay(start), lane, title };
        }),
      );
    const view = fc.record({
      startDay: fc.integer({ min: 0, max: 120 }),
      spanDays: fc.double({ min: 0.5, max: 150, noNaN: true }),
      widthPx: fc.integer({ min: 200, max: 1600 }),
      availableHeightPx: fc.integer({ min: 0, max: 900 }),
    });

    it("layoutMarks(input): marks and labels on the same lane and row never overlap", () => {
      fc.assert(
        fc.property(specs, view, (s, { startDay, spanDays, widthPx, availableHeightPx }) => {
          const data = indexed(s);
          const d0 = utc(2025, 5, 1) + startDay * 86_400_000;
          const result = layout(data, [d0, d0 + spanDays * 86_400_000], { widthPx, availableHeightPx });
          const rows = new Map<string, [number, number][]>();
          for (const mark of result.marks) {
            expect(mark.row).toBeLessThan(Math.min(MAX_ROWS, result.geometry.rows[mark.lane]!));
            if (mark.row < 0) continue;
            const key = `${mark.lane}:${mark.row}`;
            rows.set(key, [...(rows.get(key) ?? []), extent(mark)]);
          }
          for (const extents of rows.values()) {
            extents.sort((a, b) => a[0] - b[0]);
            for (let i = 1; i < extents.length; i++) {
              expect(extents[i - 1]![1]).toBeLessThanOrEqual(extents[i]![0]);
            }
          }
        }),
        { numRuns: 150 },
      );
    });

    it("layoutMarks(input) with keepRows keeps those rows, and still draws every event once without overlaps", () => {
      const rows = fc.array(fc.integer({ min: 1, max: MAX_ROWS }), {
        minLength: LANES.length,
        maxLength: LANES.length,
      });
      fc.assert(
        fc.property(specs, view, rows, (s, { startDay, spanDays, widthPx }, keepRows) => {
          const data = indexed(s);
          const d0 = utc(2025, 5, 1) + startDay * 86_400_000;
          const d1 = d0 + spanDays * 86_400_000;
          const result = layout(data, [d0, d1], { widthPx, keepRows });
          expect(result.geometry.rows).toEqual(keepRows);
          const visible = data.events.flatMap((e, i) => (e.endMs >= d0 && e.startMs <= d1 ? [i] : []));
          expect([...laidOut(result)].sort((a, b) => a - b)).toEqual(visible);
          const byRow = new Map<string, [number, number][]>();
          for (const mark of result.marks) {
            expect(mark.row).toBeLessThan(keepRows[mark.lane]!);
            if (mark.row >= 0)
              byRow.set(`${mark.lane}:${mark.row}`, [
                ...(byRow.get(`${mark.lane}:${mark.row}`) ?? []),
                extent(mark),
              ]);
          }
          for (const extents of byRow.values()) {
            extents.sort((a, b) => a[0] - b[0]);
            for (let i = 1; i < extents.length; i++)
              expect(extents[i - 1]![1]).toBeLessThanOrEqual(extents[i]![0]);
          }
        }),
        { numRuns: 150 },
      );
    });

    it("layoutMarks(input): every visible event appears exactly once, as a mark or in a cluster, in its own lane", () => {
      fc.assert(
        fc.property(
          specs,
          view,
          fc.option(fc.nat(), { nil: undefined }),
          (s, { startDay, spanDays, widthPx, availableHeightPx }, keep) => {
            const data = indexed(s);
            const d0 = utc(2025, 5, 1) + startDay * 86_400_000;
            const d1 = d0 + spanDays * 86_400_000;
            const keepIndividual = keep === undefined || s.length === 0 ? undefined : keep % s.length;
            const result = layout(data, [d0, d1], { widthPx, availableHeightPx, keepIndividual });
            const visible = data.events.flatMap((e, i) => (e.endMs >= d0 && e.startMs <= d1 ? [i] : []));
            expect([...laidOut(result)].sort((a, b) => a - b)).toEqual(visible);
            const laneOf = (e: number) => LANES.indexOf(data.events[e]!.lane);
            for (const m of result.marks) expect(m.lane).toBe(laneOf(m.event));
            for (const c of result.clusters) {
              expect(c.events.length).toBeGreaterThanOrEqual(2);
              for (const e of c.events) expect(c.lane).toBe(laneOf(e));
            }
            if (keepIndividual !== undefined) {
              for (const c of result.clusters) expect(c.events).not.toContain(keepIndividual);
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  });
});

describe("layoutMarks with margins (marginPx)", () => {
  it("lays out the window's own events as with no margins, and fits the margins' around them (property)", () => {
    const spec = fc.record({
      day: fc.integer({ min: 0, max: 90 }),
      length: fc.integer({ min: 0, max: 20 }),
      // Some at an exact hour: a day-precise mark is centred on its day, past such events.
      hour: fc.option(fc.integer({ min: 0, max: 23 })),
      lane: fc.constantFrom(...LANES),
      title: fc.string({ minLength: 1, maxLength: 30 }).map((t) => `T ${t.replace(/\s+/g, " ")}`),
    });
    const view = fc.record({
      startDay: fc.integer({ min: 0, max: 90 }),
      spanDays: fc.double({ min: 0.2, max: 60, noNaN: true }),
      widthPx: fc.integer({ min: 200, max: 1600 }),
      marginPx: fc.integer({ min: 1, max: 1200 }),
      availableHeightPx: fc.integer({ min: 0, max: 900 }),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 60 }), view, (items, v) => {
        const data = indexed(
          items.map(({ day, length, hour, lane, title }, i): EventSpec => {
            const start = utc(2025, 5, 1) + day * 86_400_000;
            if (hour !== null)
              return {
                id: `e${i}`,
                start: `${isoDay(start)}T${String(hour).padStart(2, "0")}:00Z`,
                lane,
                title,
              };
            const end = length === 0 ? {} : { end: isoDay(start + length * 86_400_000) };
            return { id: `e${i}`, start: isoDay(start), lane, title, ...end };
          }),
        );
        const d0 = utc(2025, 5, 1) + v.startDay * 86_400_000;
        const domain: Domain = [d0, d0 + v.spanDays * 86_400_000];
        const rest = layout(data, domain, { ...v, marginPx: 0 });
        const sliding = layout(data, domain, { ...v, keepRows: rest.geometry.rows });
        const inWindow = (m: EventMark) =>
          data.events[m.event]!.endMs >= domain[0] && data.events[m.event]!.startMs <= domain[1];
        const labelled = (result: Layout) =>
          result.marks.filter((m) => m.row >= 0 && inWindow(m)).sort((a, b) => a.event - b.event);
        expect(labelled(sliding)).toEqual(labelled(rest));
        // Margins included, marks and labels on a row never overlap.
        const rows = new Map<string, [number, number][]>();
        for (const mark of sliding.marks.filter((m) => m.row >= 0)) {
          const key = `${mark.lane}:${mark.row}`;
          rows.set(key, [...(rows.get(key) ?? []), extent(mark)]);
        }
        for (const spans of rows.values()) {
          spans.sort((a, b) => a[0] - b[0]);
          for (let i = 1; i < spans.length; i++)
            expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
        }
        // Every event in the margins is drawn: as a mark or in a cluster.
        const margins = data.events.flatMap((e, i) => {
          const x0 = xOf(domain, v.widthPx, e.startMs),
            x1 = xOf(domain, v.widthPx, e.endMs);
          return x1 >= -v.marginPx && x0 <= v.widthPx + v.marginPx && (x1 < 0 || x0 > v.widthPx) ? [i] : [];
        });
        expect(laidOut(sliding)).toEqual(expect.arrayContaining(margins));
      }),
      { numRuns: 200 },
    );
  });

  it("stacks the window's events before those after it, even where their marks interleave", () => {
    // A day-precise event on the window's last day is centred past an event at 03:00 that day,
    // after the window's end: with one row, the window's own event still gets it.
    const data = indexed([
      { id: "last-day", start: "2025-07-31" },
      { id: "after", start: "2025-07-31T03:00Z" },
    ]);
    const window: Domain = [utc(2025, 7, 1), utc(2025, 7, 31)];
    for (const marginPx of [0, 500]) {
      const result = layout(data, window, { keepRows: [1, 1, 1], marginPx });
      expect(markOf(result, data, "last-day").row).toBe(0);
    }
  });

  it("does not bin a lane no denser than at rest: its margins do not count towards the density limit", () => {
    // 250 events in a burst in view (fewer than the limit: laid out one by one), 150 more either side.
    const at = (ms: number) => new Date(ms).toISOString().slice(0, 16) + "Z";
    const burst = utc(2025, 7, 14, 10, 7);
    const data = indexed([
      ...Array.from({ length: 250 }, (_, i): EventSpec => ({ id: `b${i}`, start: at(burst + i * 60_000) })),
      ...Array.from({ length: 300 }, (_, i): EventSpec => ({
        id: `m${i}`,
        start: at((i < 150 ? utc(2025, 6, 20) : utc(2025, 8, 10)) + (i % 150) * 3_600_000 + 7 * 60_000),
      })),
    ]);
    const rest = layout(data, JULY);
    const sliding = layout(data, JULY, { marginPx: 1000 });
    // Clusters of events laid out one by one start with their first member (binned runs start on a bin).
    for (const result of [rest, sliding]) {
      expect(result.clusters.length).toBeGreaterThan(0);
      for (const c of result.clusters) expect(c.startMs).toBe(data.events[c.events[0]!]!.startMs);
    }
  });
});

describe("layoutMarks at scale (density bins)", () => {
  // 3,000 events in one lane over July: a burst of 2,000 on 14 July, the rest spread out.
  const specs: EventSpec[] = Array.from({ length: 3000 }, (_, i) => ({
    id: `e${i}`,
    start: i < 2000 ? "2025-07-14" : isoDay(utc(2025, 7, 1) + ((i - 2000) % 31) * 86_400_000),
  }));
  const data = indexed(specs);

  it("layoutMarks(...) represents each event in view exactly once: marks plus cluster counts", () => {
    const result = layout(data, JULY);
    const counted = result.marks.length + result.clusters.reduce((n, c) => n + c.count, 0);
    expect(counted).toBe(3000);
    expect(new Set(result.marks.map((m) => m.event)).size).toBe(result.marks.length);
  });

  it("layoutMarks(...) draws a dense burst as counted clusters carrying a bounded sample of ids", () => {
    const result = layout(data, JULY);
    const big = result.clusters.filter((c) => c.count > 100);
    expect(big.length).toBeGreaterThan(0);
    for (const c of big) expect(c.events.length).toBeLessThanOrEqual(200);
    // Past the sample, a cluster still knows its last member (its details show first – last).
    for (const c of result.clusters) {
      const ranks = c.events.map((e) => data.index.rank[e]!);
      expect(data.index.rank[c.last]!).toBeGreaterThanOrEqual(Math.max(...ranks));
    }
    const sampled = big.find((c) => c.count > c.events.length)!;
    expect(sampled).toBeDefined();
    expect(data.index.rank[sampled.last]! - data.index.rank[sampled.events[0]!]!).toBeGreaterThanOrEqual(
      sampled.count - 1,
    );
    // Work stays bounded by the screen, not by the data: few marks and clusters for 3,000 events.
    expect(result.marks.length + result.clusters.length).toBeLessThan(400);
  });

  it("layoutMarks(...) keeps the focused event individual even inside a dense burst", () => {
    const focused = data.events.findIndex((e) => e.id === "e1234");
    const result = layout(data, JULY, { keepIndividual: focused });
    expect(result.marks.some((m) => m.event === focused)).toBe(true);
  });

  it("layoutMarks(...) keeps dense clusters' members while panning: they slide, they do not re-count", () => {
    // Many events every few hours through July: dense everywhere at a month's zoom.
    const steady = indexed(
      Array.from({ length: 3000 }, (_, i) => ({
        id: `s${i}`,
        start: isoDay(utc(2025, 7, 1) + (i % 31) * 86_400_000),
      })),
    );
    const members = (result: Layout) =>
      new Map(result.clusters.map((c) => [`${c.startMs}:${c.count}:${c.events.join(",")}`, c.x0]));
    const before = members(layout(steady, JULY));
    const shift = 3.3 * 3_600_000;
    const after = members(layout(steady, [JULY[0] + shift, JULY[1] + shift]));
    const kept = [...before.keys()].filter((key) => after.has(key));
    // All but the clusters at the edges come back with the same members, moved left by the shift.
    expect(kept.length).toBeGreaterThan(before.size - 3);
    for (const key of kept)
      expect(after.get(key)! - before.get(key)!).toBeCloseTo(-xOf(JULY, 1000, JULY[0] + shift), 6);
  });

  it("layoutMarks(...) with margins lays the window out as without, and counts every event in reach once", () => {
    // Ranges across the window's start and the margin's start are where the two could disagree.
    const ranged = indexed([
      ...specs,
      { id: "across-window", start: "2025-07-08", end: "2025-07-12" },
      { id: "across-margin", start: "2025-07-03", end: "2025-07-07" },
      { id: "in-margin", start: "2025-07-06", end: "2025-07-08" },
      { id: "across-both", start: "2025-07-02", end: "2025-07-12" },
    ]);
    const window: Domain = [utc(2025, 7, 10), utc(2025, 7, 20)];
    const rest = layout(ranged, window);
    const sliding = layout(ranged, window, { marginPx: 500, keepRows: rest.geometry.rows });
    const inWindow = (m: EventMark) =>
      ranged.events[m.event]!.endMs >= window[0] && ranged.events[m.event]!.startMs <= window[1];
    const labelled = (result: Layout) =>
      result.marks.filter((m) => m.row >= 0 && inWindow(m)).sort((a, b) => a.event - b.event);
    expect(labelled(rest).length).toBeGreaterThan(0);
    expect(labelled(sliding)).toEqual(labelled(rest));
    const reach: Domain = [utc(2025, 7, 5), utc(2025, 7, 25)];
    const inReach = ranged.events.filter((e) => e.endMs >= reach[0] && e.startMs <= reach[1]).length;
    const counted = sliding.marks.length + sliding.clusters.reduce((n, c) => n + c.count, 0);
    expect(counted).toBe(inReach);
    expect(new Set(sliding.marks.map((m) => m.event)).size).toBe(sliding.marks.length);
  });

  it("layoutMarks(...) separates the burst into individual events once zoomed into it", () => {
    const few = indexed(
      Array.from({ length: 400 }, (_, i) => ({
        id: `f${i}`,
        start: `2025-07-14T${String(Math.floor(i / 20)).padStart(2, "0")}:${String((i % 20) * 3).padStart(2, "0")}Z`,
      })),
    );
    const hour: Domain = [utc(2025, 7, 14, 10), utc(2025, 7, 14, 10, 59)];
    const result = layout(few, hour);
    expect(result.clusters.every((c) => c.count < 20)).toBe(true);
    expect(result.marks.length + result.clusters.reduce((n, c) => n + c.count, 0)).toBe(20);
  });
});

describe("mergeCrowded", () => {
  const cluster = (lane: number, x0: number, x1: number, events: number[]): ClusterMark => ({
    lane,
    count: events.length,
    events,
    last: events.reduce((a, b) => (rank[a]! > rank[b]! ? a : b)),
    x0,
    x1,
    y: 10,
    startMs: x0,
    endMs: x1,
  });
  const rank = Uint32Array.from({ length: 20 }, (_, i) => 19 - i);

  it("merges a lane's clusters whose badges would overlap, adding counts and keeping members in time order", () => {
    const merged = mergeCrowded(
      [
        cluster(0, 0, 10, [1, 2]),
        cluster(0, 14, 20, [5, 4]),
        cluster(1, 12, 14, [7, 8]),
        cluster(0, 60, 70, [9, 10]),
      ],
      rank,
    );
    expect(merged).toHaveLength(3);
    expect(merged[0]).toMatchObject({ lane: 0, count: 4, x0: 0, x1: 20, startMs: 0, endMs: 20 });
    // In time order: a higher index is earlier here (rank runs backwards).
    expect(merged[0]!.events).toEqual([5, 4, 2, 1]);
    expect(merged[0]!.last).toBe(1);
    expect(merged.map((c) => c.lane)).toEqual([0, 0, 1]);
  });

  it("keeps badges apart (or merged clusters narrow) and every event counted once (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: 0, max: 2 }),
            fc.integer({ min: 0, max: 500 }),
            fc.integer({ min: 0, max: 30 }),
          ),
          {
            maxLength: 60,
          },
        ),
        (specs) => {
          const clusters = specs.map(([lane, x, w], i) => cluster(lane, x, x + w, [i]));
          const merged = mergeCrowded(
            clusters,
            Uint32Array.from({ length: specs.length }, (_, i) => i),
          );
          expect(merged.reduce((n, c) => n + c.count, 0)).toBe(clusters.length);
          expect(new Set(merged.flatMap((c) => c.events)).size).toBe(clusters.length);
          for (let i = 1; i < merged.length; i++) {
            const [a, b] = [merged[i - 1]!, merged[i]!];
            if (a.lane !== b.lane) continue;
            const apart = (b.x0 + b.x1) / 2 - (a.x0 + a.x1) / 2 >= BADGE_SPACING_PX;
            expect(apart || Math.max(a.x1, b.x1) - Math.min(a.x0, b.x0) > 64).toBe(true);
          }
        },
      ),
    );
  });
});
