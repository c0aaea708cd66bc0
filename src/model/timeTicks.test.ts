import { tickStep } from "d3-array";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatContext, formatTick, niceStep, timeTicks } from "./timeTicks";
import { utc } from "./testEvents";

const DAY = 86_400_000;
const tick = (ms: number) => formatTick(new Date(ms));

describe("formatTick", () => {
  it("formatTick(date) labels a year boundary with the year", () => {
    expect(tick(utc(2025, 1, 1))).toBe("2025");
  });

  it("formatTick(date) labels a month boundary with the month", () => {
    expect(tick(utc(2025, 7, 1))).toBe("Jul");
    expect(tick(utc(2025, 12, 1))).toBe("Dec");
  });

  it("formatTick(date) labels a day boundary with day and month", () => {
    expect(tick(utc(2025, 7, 14))).toBe("14 Jul");
    expect(tick(utc(2025, 1, 2))).toBe("2 Jan");
  });

  it("formatTick(date) labels an hour boundary with the hour", () => {
    expect(tick(utc(2025, 7, 14, 9))).toBe("09:00");
    expect(tick(utc(2025, 1, 1, 23))).toBe("23:00");
  });

  it("formatTick(date) labels other times with hours and minutes", () => {
    expect(tick(utc(2025, 7, 14, 9, 30))).toBe("09:30");
    expect(tick(utc(2025, 7, 14, 9, 30) + 15_000)).toBe("09:30");
  });
});

describe("formatContext", () => {
  const mid = utc(2025, 7, 14, 12);

  it("formatContext(start, end) names the day when the window is at most two days", () => {
    expect(formatContext(mid - 6 * 3_600_000, mid + 6 * 3_600_000)).toBe("Monday 14 July 2025");
    expect(formatContext(mid - DAY, mid + DAY)).toBe("Monday 14 July 2025");
  });

  it("formatContext(start, end) names the month when the window is at most 62 days", () => {
    expect(formatContext(mid - 5 * DAY, mid + 5 * DAY)).toBe("July 2025");
    expect(formatContext(mid - 31 * DAY, mid + 31 * DAY)).toBe("July 2025");
  });

  it("formatContext(start, end) names the year when the window is at most two years", () => {
    expect(formatContext(mid - 100 * DAY, mid + 100 * DAY)).toBe("2025");
  });

  it("formatContext(start, end) is empty for longer windows, whose ticks are years", () => {
    expect(formatContext(utc(2020, 1, 1), utc(2030, 1, 1))).toBe("");
  });

  it("formatContext(start, end) takes the day in UTC at the window's middle", () => {
    // 23:00 UTC on Monday 14 July is already Tuesday in Chatham.
    const late = utc(2025, 7, 14, 23);
    expect(formatContext(late - 3_600_000, late + 3_600_000)).toBe("Monday 14 July 2025");
  });
});

describe("timeTicks", () => {
  const span = (a: string, b: string, count: number) =>
    timeTicks(Date.parse(a), Date.parse(b), count).map((d) => d.toISOString());

  it("timeTicks(start, end, count) uses years, months, days or hours as the window narrows", () => {
    expect(span("2015-01-01", "2025-01-01", 10)).toContain("2020-01-01T00:00:00.000Z");
    expect(span("2015-01-01", "2025-01-01", 10).every((t) => t.slice(5, 10) === "01-01")).toBe(true);
    expect(span("2025-01-01", "2025-12-31", 12).every((t) => t.slice(8, 10) === "01")).toBe(true);
    expect(span("2025-07-01", "2025-07-11", 10).every((t) => t.endsWith("T00:00:00.000Z"))).toBe(true);
    expect(span("2025-07-14T00:00Z", "2025-07-14T12:00Z", 12)).toContain("2025-07-14T05:00:00.000Z");
  });

  it("timeTicks(start, end, count) gives about `count` ticks inside the window", () => {
    const ticks = timeTicks(Date.parse("2025-01-01"), Date.parse("2025-12-31"), 12);
    expect(ticks.length).toBeGreaterThanOrEqual(6);
    expect(ticks.length).toBeLessThanOrEqual(24);
    expect(+ticks[0]!).toBeGreaterThanOrEqual(Date.parse("2025-01-01"));
  });

  it("timeTicks over centuries steps by whole years", () => {
    const ticks = timeTicks(Date.parse("1500-01-01"), Date.parse("2000-01-01"), 10);
    expect(ticks.length).toBeGreaterThan(3);
    expect(ticks.every((d) => d.getUTCMonth() === 0 && d.getUTCDate() === 1)).toBe(true);
  });
});

describe("niceStep", () => {
  it("is d3-array's tickStep (1, 2 or 5 × 10^k)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e5, noNaN: true }),
        fc.integer({ min: 1, max: 40 }),
        (span, count) => {
          expect(niceStep(span, count) / tickStep(0, span, count)).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it("spaces year ticks 1, 2, 5, 10… years apart over long spans", () => {
    const years = (ticks: Date[]) => ticks.map((d) => d.getUTCFullYear());
    expect(years(timeTicks(utc(1900, 1), utc(2000, 1), 10))).toEqual([
      1900, 1910, 1920, 1930, 1940, 1950, 1960, 1970, 1980, 1990, 2000,
    ]);
    expect(years(timeTicks(utc(2000, 1), utc(2040, 1), 10))).toEqual([
      2000, 2005, 2010, 2015, 2020, 2025, 2030, 2035, 2040,
    ]);
  });
});
