import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeRange } from "./describeRange";
import { indexed, isoDay, LANES, utc, type EventSpec } from "./testEvents";

const { index } = indexed([
  { id: "spring", start: "2025-03-01" },
  { id: "all-year", start: "2025-01-01", end: "2025-12-31" }, // began before the window, still runs
  { id: "july-14", start: "2025-07-14" },
  { id: "july-20", start: "2025-07-20", end: "2025-08-10" },
  { id: "june-end", start: "2025-06-25", end: "2025-07-02" }, // runs into the window
  { id: "october", start: "2025-10-01" },
  { id: "november", start: "2025-11-01" },
]);

describe("describeRange", () => {
  it("describeRange(index, domain) counts the events in view, earlier and later", () => {
    const d = describeRange(index, [utc(2025, 7, 1), utc(2025, 8, 1)]);
    expect(d).toMatchObject({ inView: 4, earlier: 1, later: 2 });
  });

  it("describeRange(index, domain) describes the window in words with the count", () => {
    expect(describeRange(index, [utc(2025, 7, 1), utc(2025, 8, 1)]).text).toBe(
      "1 Jul 2025 \u2013 1 Aug 2025: 4 of 7 events (UTC)",
    );
  });

  it("describeRange(index, domain) shows times of day for a window shorter than three days", () => {
    const d = describeRange(index, [utc(2025, 7, 14, 6), utc(2025, 7, 15, 18, 30)]);
    expect(d.text).toBe("14 Jul 2025 06:00 \u2013 15 Jul 2025 18:30: 2 of 7 events (UTC)");
    expect(d).toMatchObject({ inView: 2, earlier: 2, later: 3 });
  });

  it("describeRange(index, domain) says 'event' for a single event", () => {
    const one = indexed([{ id: "only", start: "2025-07-14" }]);
    expect(describeRange(one.index, [utc(2025, 7, 1), utc(2025, 8, 1)]).text).toBe(
      "1 Jul 2025 \u2013 1 Aug 2025: 1 of 1 event (UTC)",
    );
  });

  it("describeRange(index, domain) counts an event starting just after a fractional window end as later", () => {
    // A zoomed window ends at fractional milliseconds; the October event starts half a millisecond later.
    const d = describeRange(index, [utc(2025, 7, 1), utc(2025, 10, 1) - 0.5]);
    expect(d).toMatchObject({ earlier: 1, later: 2 });
  });

  it("describeRange(index, domain) agrees with counting each event by hand (property)", () => {
    const specs = fc
      .array(
        fc.record({
          day: fc.integer({ min: 0, max: 90 }),
          length: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
        }),
        { maxLength: 25 },
      )
      .map((items) =>
        items.map(({ day, length }, i): EventSpec => {
          const start = utc(2025, 6, 1) + day * 86_400_000;
          return {
            id: `e${i}`,
            start: isoDay(start),
            ...(length === undefined ? {} : { end: isoDay(start + length * 86_400_000) }),
            lane: LANES[i % LANES.length]!,
          };
        }),
      );
    fc.assert(
      fc.property(
        specs,
        fc.integer({ min: -5, max: 100 }),
        fc.integer({ min: 0, max: 40 }),
        // Window ends on or just off day boundaries, where the events start and end.
        fc.constantFrom(0, 0.25, 0.5, -0.5, 1, -1, 3_600_000),
        fc.constantFrom(0, 0.25, 0.5, -0.5, 1, -1),
        (s, startDay, spanDays, nudge0, nudge1) => {
          const { events, index: idx } = indexed(s);
          const d0 = utc(2025, 6, 1) + startDay * 86_400_000 + nudge0;
          const d1 = Math.max(d0, d0 - nudge0 + spanDays * 86_400_000 + nudge1);
          const d = describeRange(idx, [d0, d1]);
          expect(d.earlier).toBe(events.filter((e) => e.endMs < d0).length);
          expect(d.later).toBe(events.filter((e) => e.startMs > d1).length);
          expect(d.inView).toBe(events.length - d.earlier - d.later);
        },
      ),
      { numRuns: 300 },
    );
  });
});
