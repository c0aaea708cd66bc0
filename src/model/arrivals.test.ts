import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createArrivals, density } from "./arrivals";
import { timeScale } from "./timeScale";
import { isoDay, LANES, makeEvents, utc, type EventSpec } from "./testEvents";

const DAY = 86_400_000;
const specs = (days: readonly number[], lane = (i: number) => LANES[i % LANES.length]!): EventSpec[] =>
  days.map((day, i) => ({ id: `e${i}`, start: isoDay(utc(2025, 1, 1) + day * DAY), lane: lane(i) }));

describe("createArrivals", () => {
  it("takes only the events not taken yet, with each one's start and lane row", () => {
    const events = makeEvents(specs([0, 10, 20, 30]));
    const log = createArrivals();
    log.take(events.slice(0, 2), LANES);
    log.take(events, LANES);
    expect(log.count).toBe(4);
    expect([...log.startsMs.subarray(0, 4)]).toEqual(events.map((e) => e.startMs));
    expect([...log.rows.subarray(0, 4)]).toEqual([0, 1, 2, 0]);
    expect(log.extent).toEqual([events[0]!.startMs, events[3]!.endMs]);
  });

  it("starts afresh when the check started again (fewer valid events than taken)", () => {
    const events = makeEvents(specs([0, 10, 20, 30]));
    const log = createArrivals();
    log.take(events, LANES);
    log.take(events.slice(2, 3), LANES);
    expect(log.count).toBe(1);
    expect(log.extent).toEqual([events[2]!.startMs, events[2]!.endMs]);
  });

  it("grows past its first capacity without losing what it holds", () => {
    const days = Array.from({ length: 3000 }, (_, i) => i % 365);
    const events = makeEvents(specs(days));
    const log = createArrivals();
    for (let at = 500; at <= events.length; at += 500) log.take(events.slice(0, at), LANES);
    expect(log.count).toBe(3000);
    expect(log.startsMs[2999]).toBe(events[2999]!.startMs);
    expect(log.rows[2999]).toBe(2999 % LANES.length);
  });
});

describe("density", () => {
  it("counts each event in view once, in its lane row and the column of its start", () => {
    const events = makeEvents(specs([0, 0, 1, 100, 400], () => "economy"));
    const log = createArrivals();
    log.take(events, LANES);
    // 2025 across 365 px: a day a pixel, so 3 px columns of 3 days.
    const x = timeScale([utc(2025, 1, 1), utc(2026, 1, 1)], 365);
    const d = density(log, x, LANES.length);
    expect(d.columns).toBe(122);
    expect(d.inView).toBe(4);
    expect(d.counts[1 * d.columns + 0]).toBe(3);
    expect(d.counts[1 * d.columns + 33]).toBe(1);
    expect(d.max).toBe(3);
    expect(d.counts.reduce((a, b) => a + b, 0)).toBe(4);
  });

  it("for any events and window, the counts add up to the events starting inside it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 730 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 700 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 50, max: 900 }),
        (days, from, span, widthPx) => {
          const log = createArrivals();
          const events = makeEvents(specs(days));
          log.take(events, LANES);
          const domain = [utc(2025, 1, 1) + from * DAY, utc(2025, 1, 1) + (from + span) * DAY] as const;
          const x = timeScale([domain[0], domain[1]], widthPx);
          const d = density(log, x, LANES.length);
          const inside = events.filter((e) => x(e.startMs) >= 0 && x(e.startMs) < widthPx).length;
          expect(d.inView).toBe(inside);
          expect(d.counts.reduce((a, b) => a + b, 0)).toBe(inside);
        },
      ),
    );
  });
});
