import * as d3 from "d3-time";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  utcDay,
  utcHour,
  utcMinute,
  utcMonday,
  utcMonth,
  utcSecond,
  utcYear,
  type UtcInterval,
} from "./utcIntervals";

// Each interval with the steps the axis uses, and d3-time's own as the reference.
const CASES: [string, UtcInterval, d3.CountableTimeInterval, number[], number][] = [
  ["second", utcSecond, d3.utcSecond, [1, 5, 15, 30], 1000],
  ["minute", utcMinute, d3.utcMinute, [1, 5, 15, 30], 60_000],
  ["hour", utcHour, d3.utcHour, [1, 3, 6, 12], 3_600_000],
  ["day", utcDay, d3.utcDay, [1, 2], 86_400_000],
  ["monday", utcMonday, d3.utcMonday, [1], 7 * 86_400_000],
  ["month", utcMonth, d3.utcMonth, [1, 3], 30 * 86_400_000],
  ["year", utcYear, d3.utcYear, [1, 2, 5, 10, 50], 365 * 86_400_000],
];

describe("utcIntervals", () => {
  for (const [name, ours, theirs, steps, unit] of CASES) {
    it(`${name}: floor and range(every(k)) are d3-time's`, () => {
      fc.assert(
        fc.property(
          // From 3000 BCE to 3000 CE, over about a dozen ticks' worth of the interval.
          fc.integer({ min: -157_000_000_000_000, max: 32_000_000_000_000 }),
          fc.double({ min: 0, max: 40, noNaN: true }),
          fc.constantFrom(...steps),
          (startMs, units, step) => {
            const start = new Date(startMs),
              stop = new Date(startMs + units * unit * step);
            expect(ours.floor(start)).toEqual(theirs.floor(start));
            expect(ours.every(step).range(start, stop)).toEqual(theirs.every(step)!.range(start, stop));
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  it("starts a range at the first boundary at or after start", () => {
    const start = new Date(Date.UTC(2025, 6, 14));
    expect(utcDay.range(start, new Date(Date.UTC(2025, 6, 16)))).toEqual([
      start,
      new Date(Date.UTC(2025, 6, 15)),
    ]);
    expect(utcMonth.every(3).range(new Date(Date.UTC(2025, 1, 2)), new Date(Date.UTC(2026, 0, 2)))).toEqual([
      new Date(Date.UTC(2025, 3, 1)),
      new Date(Date.UTC(2025, 6, 1)),
      new Date(Date.UTC(2025, 9, 1)),
      new Date(Date.UTC(2026, 0, 1)),
    ]);
  });
});
