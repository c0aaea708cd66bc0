import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildEventIndex, NOT_INDEXED, visibleRange } from "./eventIndex";
import { idsOf, indexed, isoDay, LANES, makeEvents, utc, type EventSpec } from "./testEvents";

/** Random day-precise events and ranges in 2025, with unique ids. */
const randomSpecs = fc
  .array(
    fc.record({
      day: fc.integer({ min: 0, max: 364 }),
      length: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
      lane: fc.constantFrom(...LANES),
    }),
    { minLength: 0, maxLength: 30 },
  )
  .map((items) =>
    items.map(({ day, length, lane }, i): EventSpec => {
      const start = utc(2025, 1, 1) + day * 86_400_000;
      return {
        id: `e${i}`,
        start: isoDay(start),
        ...(length === undefined ? {} : { end: isoDay(start + length * 86_400_000) }),
        lane,
      };
    }),
  );

describe("buildEventIndex", () => {
  it("buildEventIndex(events, laneIds) sorts by start, then end, then id", () => {
    const events = makeEvents([
      { id: "late", start: "2025-07-20" },
      { id: "whole-month", start: "2025-07" }, // 1 July to 1 August
      { id: "first-day", start: "2025-07-01" }, // 1 July to 2 July: same start, earlier end
      { id: "same-b", start: "2025-07-10" },
      { id: "same-a", start: "2025-07-10" },
    ]);
    const index = buildEventIndex(events, LANES);
    expect(idsOf(events, index.order)).toEqual(["first-day", "whole-month", "same-a", "same-b", "late"]);
    expect([...index.startMs]).toEqual([...index.order].map((e) => events[e]!.startMs));
    expect([...index.endMs]).toEqual([...index.order].map((e) => events[e]!.endMs));
  });

  it("buildEventIndex(events, laneIds) numbers lanes in display order", () => {
    const events = makeEvents([
      { id: "a", start: "2025-07-01", lane: "world" },
      { id: "b", start: "2025-07-02", lane: "politics" },
      { id: "c", start: "2025-07-03", lane: "economy" },
    ]);
    expect([...buildEventIndex(events, ["world", "economy", "politics"]).lane]).toEqual([0, 2, 1]);
  });

  it("buildEventIndex(events, laneIds) keeps maxEndMs the running maximum of endMs", () => {
    const { index } = indexed([
      { id: "long", start: "2025-01-01", end: "2025-12-31" },
      { id: "short", start: "2025-02-01" },
    ]);
    expect([...index.maxEndMs]).toEqual([utc(2026, 1, 1), utc(2026, 1, 1)]);
  });

  it("buildEventIndex(events, laneIds): rank is the inverse of order (property)", () => {
    fc.assert(
      fc.property(randomSpecs, (specs) => {
        const { events, index } = indexed(specs);
        expect(index.order.length).toBe(events.length);
        index.order.forEach((e, i) => expect(index.rank[e]).toBe(i));
        for (let i = 1; i < index.order.length; i++) {
          const a = events[index.order[i - 1]!]!,
            b = events[index.order[i]!]!;
          const key = (e: typeof a) => [e.startMs, e.endMs] as const;
          const [as, ae] = key(a),
            [bs, be] = key(b);
          expect(as < bs || (as === bs && (ae < be || (ae === be && a.id < b.id)))).toBe(true);
          expect(index.maxEndMs[i]).toBe(Math.max(index.maxEndMs[i - 1]!, index.endMs[i]!));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("buildEventIndex with a filter", () => {
  // Dataset order differs from time order, and the kept events sit at high dataset indices.
  const events = makeEvents([
    { id: "hidden-1", start: "2025-07-05" },
    { id: "hidden-2", start: "2025-07-01" },
    { id: "hidden-3", start: "2025-07-09" },
    { id: "kept-late", start: "2025-07-20" },
    { id: "kept-early", start: "2025-07-02" },
  ]);
  const include = Uint8Array.from([0, 0, 0, 1, 1]);

  it("buildEventIndex(events, laneIds, include) indexes only the included events, in time order", () => {
    const index = buildEventIndex(events, LANES, include);
    expect(idsOf(events, index.order)).toEqual(["kept-early", "kept-late"]);
    expect([...index.startMs]).toEqual([utc(2025, 7, 2), utc(2025, 7, 20)]);
  });

  it("buildEventIndex(events, laneIds, include) ranks every kept event and marks the rest NOT_INDEXED", () => {
    const index = buildEventIndex(events, LANES, include);
    expect(index.rank.length).toBe(events.length);
    expect([...index.rank]).toEqual([NOT_INDEXED, NOT_INDEXED, NOT_INDEXED, 1, 0]);
  });

  it("buildEventIndex(events, laneIds, include): rank is the inverse of order and NOT_INDEXED elsewhere (property)", () => {
    fc.assert(
      fc.property(
        randomSpecs.chain((specs) =>
          fc.tuple(
            fc.constant(specs),
            fc.array(fc.boolean(), { minLength: specs.length, maxLength: specs.length }),
          ),
        ),
        ([specs, keep]) => {
          const all = makeEvents(specs);
          const index = buildEventIndex(all, LANES, Uint8Array.from(keep, Number));
          expect(index.order.length).toBe(keep.filter(Boolean).length);
          index.order.forEach((e, i) => expect(index.rank[e]).toBe(i));
          keep.forEach((k, e) => {
            if (!k) expect(index.rank[e]).toBe(NOT_INDEXED);
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("visibleRange", () => {
  // A year-long range that started before the window, many short events before it, one inside, one after.
  const { events, index } = indexed([
    { id: "all-year", start: "2025-01-01", end: "2025-12-31" },
    { id: "feb-1", start: "2025-02-01" },
    { id: "feb-2", start: "2025-02-02" },
    { id: "feb-3", start: "2025-02-03" },
    { id: "feb-4", start: "2025-02-04" },
    { id: "feb-5", start: "2025-02-05" },
    { id: "in-october", start: "2025-10-10" },
    { id: "december", start: "2025-12-01" },
  ]);
  const inRange = (d0: number, d1: number) => {
    const [i0, i1] = visibleRange(index, d0, d1);
    return idsOf(events, index.order.slice(i0, i1));
  };

  it("visibleRange(index, d0, d1) includes a long event that started before the window and still runs", () => {
    expect(inRange(utc(2025, 10, 1), utc(2025, 10, 31))).toContain("all-year");
  });

  it("visibleRange(index, d0, d1) excludes events wholly after the window", () => {
    const ids = inRange(utc(2025, 10, 1), utc(2025, 10, 31));
    expect(ids).toContain("in-october");
    expect(ids).not.toContain("december");
  });

  it("visibleRange(index, d0, d1) excludes events wholly before the window once nothing earlier still runs", () => {
    // Without the year-long range, February ends long before October.
    const short = indexed([
      { id: "feb-1", start: "2025-02-01" },
      { id: "feb-2", start: "2025-02-02" },
      { id: "in-october", start: "2025-10-10" },
      { id: "december", start: "2025-12-01" },
    ]);
    const [i0, i1] = visibleRange(short.index, utc(2025, 10, 1), utc(2025, 10, 31));
    expect(idsOf(short.events, short.index.order.slice(i0, i1))).toEqual(["in-october"]);
  });

  it("visibleRange(index, d0, d1) includes an event starting exactly at d1", () => {
    expect(inRange(utc(2025, 11, 1), utc(2025, 12, 1))).toContain("december");
  });

  it("visibleRange(index, d0, d1) is empty after the last event", () => {
    const [i0, i1] = visibleRange(index, utc(2027, 1, 1), utc(2027, 2, 1));
    expect(i1 - i0).toBe(0);
  });

  it("visibleRange(index, d0, d1) holds every event that meets the window, and none that starts after it (property)", () => {
    fc.assert(
      fc.property(
        randomSpecs,
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (specs, startDay, spanDays) => {
          const { events, index } = indexed(specs);
          const d0 = utc(2025, 1, 1) + startDay * 86_400_000;
          const d1 = d0 + spanDays * 86_400_000;
          const [i0, i1] = visibleRange(index, d0, d1);
          expect(0 <= i0 && i0 <= i1 && i1 <= events.length).toBe(true);
          index.order.forEach((e, i) => {
            const event = events[e]!;
            if (event.endMs >= d0 && event.startMs <= d1) expect(i0 <= i && i < i1).toBe(true);
            if (event.startMs > d1) expect(i >= i1).toBe(true);
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});
