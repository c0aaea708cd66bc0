import { describe, expect, it } from "vitest";
import { validateDataset } from "../../src/data/validateDataset";
import { FIRST_YEAR, generateDataset, LAST_YEAR, mulberry32 } from "./generate";

describe("mulberry32", () => {
  it("is reproducible and stays in [0, 1)", () => {
    const a = mulberry32(42),
      b = mulberry32(42);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe("generateDataset", () => {
  const big = generateDataset({ n: 2000, seed: 7 });

  it("gives byte-identical JSON for the same seed", () => {
    expect(JSON.stringify(generateDataset({ n: 500, seed: 3 }))).toBe(
      JSON.stringify(generateDataset({ n: 500, seed: 3 })),
    );
  });

  it("gives different data for different seeds", () => {
    expect(JSON.stringify(generateDataset({ n: 500, seed: 1 }))).not.toBe(
      JSON.stringify(generateDataset({ n: 500, seed: 2 })),
    );
  });

  it.each([0, 1, 7, 100, 1234])("makes exactly n = %i events", (n) => {
    expect(generateDataset({ n, seed: 1 }).events).toHaveLength(n);
  });

  it("rejects a negative or fractional n", () => {
    expect(() => generateDataset({ n: -1, seed: 1 })).toThrow(RangeError);
    expect(() => generateDataset({ n: 1.5, seed: 1 })).toThrow(RangeError);
  });

  it("passes the project's validator with no errors or warnings (n = 2000)", () => {
    const { dataset, issues, rejectedEvents } = validateDataset(JSON.parse(JSON.stringify(big)), {
      file: "generated.json",
    });
    expect(issues).toEqual([]);
    expect(rejectedEvents).toBe(0);
    expect(dataset.events).toHaveLength(2000);
    expect(dataset.lanes).toHaveLength(6);
    expect(dataset.articles.length).toBeGreaterThanOrEqual(3);
    expect(dataset.articles.length).toBeLessThanOrEqual(5);
    // No article has a text, so every quote is shown as unverified.
    expect(dataset.events.every((e) => e.sources.every((s) => !s.verified))).toBe(true);
  });

  it("has about 20% ranges", () => {
    const share = big.events.filter((e) => e.end !== undefined).length / big.events.length;
    expect(share).toBeGreaterThan(0.16);
    expect(share).toBeLessThan(0.24);
  });

  it("has unique ids", () => {
    const { events } = generateDataset({ n: 20_000, seed: 11 });
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it("mixes precisions (mostly day) and all three date bases", () => {
    const count = (key: string, value: string) =>
      big.events.filter((e) => (e as unknown as Record<string, unknown>)[key] === value).length;
    expect(count("precision", "day")).toBeGreaterThan(big.events.length / 2);
    for (const precision of ["time", "month", "week", "year"]) {
      expect(count("precision", precision)).toBeGreaterThan(0);
    }
    for (const basis of ["stated", "inferred", "reference"])
      expect(count("dateBasis", basis)).toBeGreaterThan(0);
    expect(big.events.some((e) => /T\d\d:\d\d-04:00$/.test(e.start))).toBe(true);
  });

  it("keeps titles at 8–110 characters and quotes at 8–200, with 1–2 sources", () => {
    for (const e of big.events) {
      expect(e.title.length).toBeGreaterThanOrEqual(8);
      expect(e.title.length).toBeLessThanOrEqual(110);
      expect(e.sources.length).toBeGreaterThanOrEqual(1);
      expect(e.sources.length).toBeLessThanOrEqual(2);
      for (const s of e.sources) {
        expect(s.quote.length).toBeGreaterThanOrEqual(8);
        expect(s.quote.length).toBeLessThanOrEqual(200);
        expect(s.quote).toBe(s.quote.trim());
      }
    }
    const lengths = big.events.map((e) => e.title.length);
    expect(Math.min(...lengths)).toBeLessThan(20);
    expect(Math.max(...lengths)).toBeGreaterThan(80);
  });

  it("spreads over the years with more events recently, bursts on some days", () => {
    const { events } = generateDataset({ n: 20_000, seed: 5 });
    const years = events.map((e) => Number(e.start.slice(0, 4)));
    expect(Math.min(...years)).toBeGreaterThanOrEqual(FIRST_YEAR);
    expect(Math.max(...years)).toBeLessThanOrEqual(LAST_YEAR + 1);
    const firstDecade = years.filter((y) => y < FIRST_YEAR + 10).length;
    const lastDecade = years.filter((y) => y > LAST_YEAR - 10).length;
    expect(lastDecade).toBeGreaterThan(3 * firstDecade);
    const perDay = new Map<string, number>();
    for (const e of events) perDay.set(e.start.slice(0, 10), (perDay.get(e.start.slice(0, 10)) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeGreaterThanOrEqual(100);
  });

  it("names each event by its day (UTC, whatever the process time zone)", () => {
    // The unit project pins TZ to Pacific/Chatham, so a slip into local time would shift days here.
    const days = big.events.filter((e) => e.precision === "day" || e.precision === "week");
    expect(days.every((e) => e.id.startsWith(e.start.replace(/[~?%]$/, "")))).toBe(true);
  });
});
