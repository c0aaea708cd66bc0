import { describe, expect, it } from "vitest";
import { axisTicks, formatContext, formatTick } from "./timeTicks";
import { timeScale } from "./timeScale";
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

describe("axisTicks", () => {
  const ticks = (a: string, b: string, widthPx: number, marginPx = 0) =>
    axisTicks(timeScale([Date.parse(a), Date.parse(b)], widthPx), marginPx).map((d) => d.toISOString());

  it("axisTicks(x) uses years, months, days or hours as the window narrows", () => {
    expect(ticks("2015-01-01", "2025-01-01", 1050)).toContain("2020-01-01T00:00:00.000Z");
    expect(ticks("2015-01-01", "2025-01-01", 1050).every((t) => t.slice(5, 10) === "01-01")).toBe(true);
    expect(ticks("2025-01-01", "2025-12-31", 1260).every((t) => t.slice(8, 10) === "01")).toBe(true);
    expect(ticks("2025-07-01", "2025-07-11", 1050).every((t) => t.endsWith("T00:00:00.000Z"))).toBe(true);
    expect(ticks("2025-07-14T00:00Z", "2025-07-14T12:00Z", 1260)).toContain("2025-07-14T05:00:00.000Z");
  });

  it("axisTicks(x) gives about one tick per 105 px, inside the window", () => {
    const inside = ticks("2025-01-01", "2025-12-31", 1260);
    expect(inside.length).toBeGreaterThanOrEqual(6);
    expect(inside.length).toBeLessThanOrEqual(24);
    expect(inside[0]! >= "2025-01-01").toBe(true);
  });

  it("axisTicks(x, marginPx) also ticks the margins on both sides", () => {
    const plain = ticks("2025-07-01", "2025-07-11", 1050);
    const wide = ticks("2025-07-01", "2025-07-11", 1050, 525);
    expect(wide[0]! < plain[0]!).toBe(true);
    expect(wide.at(-1)! > plain.at(-1)!).toBe(true);
    expect(wide.at(-1)! <= "2025-07-16T00:00:00.000Z").toBe(true);
  });

  it("axisTicks over centuries steps by whole years", () => {
    const years = ticks("1500-01-01", "2000-01-01", 1050);
    expect(years.length).toBeGreaterThan(3);
    expect(years.every((t) => t.slice(5, 10) === "01-01")).toBe(true);
  });
});
