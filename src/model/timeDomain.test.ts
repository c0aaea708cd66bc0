import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampDomain, DAY_MS, fitDomain, focusDomain, padDomain, type Domain } from "./timeDomain";
import { utc } from "./testEvents";

/** Start and running-max-end arrays as an EventIndex holds them, from [start, end] pairs in time order. */
function arrays(pairs: readonly (readonly [number, number])[]): [Float64Array, Float64Array] {
  let max = -Infinity;
  return [
    Float64Array.from(pairs, ([s]) => s),
    Float64Array.from(pairs, ([, e]) => (max = Math.max(max, e))),
  ];
}

describe("padDomain", () => {
  it("padDomain(domain, fraction) widens each side by that fraction of the span", () => {
    expect(padDomain([100, 200], 0.1)).toEqual([90, 210]);
  });

  it("padDomain(domain, fraction) turns a zero-span domain into ±minHalfSpanMs", () => {
    const t = utc(2025, 7, 14);
    expect(padDomain([t, t], 0.1)).toEqual([t - 15 * DAY_MS, t + 15 * DAY_MS]);
    expect(padDomain([t, t], 0.1, 1000)).toEqual([t - 1000, t + 1000]);
  });

  it("padDomain(domain, 0) leaves a non-empty domain as it is", () => {
    expect(padDomain([100, 200], 0)).toEqual([100, 200]);
  });
});

describe("fitDomain", () => {
  it("fitDomain(startMs, maxEndMs) spans the first start to the last end, padded 4% each side", () => {
    const [s, e] = arrays([
      [utc(2025, 1, 1), utc(2025, 1, 2)],
      [utc(2025, 3, 1), utc(2025, 12, 31)], // ends last
      [utc(2025, 6, 1), utc(2025, 6, 2)], // starts last
    ]);
    const span = utc(2025, 12, 31) - utc(2025, 1, 1);
    expect(fitDomain(s, e)).toEqual([utc(2025, 1, 1) - span * 0.04, utc(2025, 12, 31) + span * 0.04]);
  });

  it("fitDomain(startMs, maxEndMs) of no events is the year 2025", () => {
    expect(fitDomain(new Float64Array(0), new Float64Array(0))).toEqual([utc(2025, 1, 1), utc(2026, 1, 1)]);
  });
});

describe("focusDomain", () => {
  // One background event years earlier, nine in two weeks of July 2025.
  const july = Array.from({ length: 9 }, (_, i) => utc(2025, 7, 1 + i * 2));
  const [s, e] = arrays([[utc(2019, 3, 1), utc(2019, 3, 2)], ...july.map((t) => [t, t + DAY_MS] as const)]);

  it("focusDomain(startMs, maxEndMs) picks the dense 90% window and ignores an outlier years earlier", () => {
    const [d0, d1] = focusDomain(s, e);
    const span = july[8]! - july[0]!;
    expect(d0).toBeCloseTo(july[0]! - span * 0.06, -1);
    expect(d1).toBeCloseTo(july[8]! + span * 0.06, -1);
  });

  it("focusDomain(startMs, maxEndMs) picks the dense window wherever it lies", () => {
    // The outlier now years later.
    const [s2, e2] = arrays([
      ...july.map((t) => [t, t + DAY_MS] as const),
      [utc(2031, 1, 1), utc(2031, 1, 2)],
    ]);
    const [d0, d1] = focusDomain(s2, e2);
    expect(d0).toBeGreaterThan(utc(2025, 6, 1));
    expect(d1).toBeLessThan(utc(2025, 8, 1));
  });

  it("focusDomain(startMs, maxEndMs) falls back to fitDomain for fewer than five events", () => {
    const [s3, e3] = arrays([
      [utc(2019, 3, 1), utc(2019, 3, 2)],
      [utc(2025, 7, 1), utc(2025, 7, 2)],
      [utc(2025, 7, 3), utc(2025, 7, 4)],
    ]);
    expect(focusDomain(s3, e3)).toEqual(fitDomain(s3, e3));
  });
});

describe("clampDomain", () => {
  const bounds: Domain = [0, 1000];

  it("clampDomain(domain, bounds, minSpan) leaves a window already inside alone", () => {
    expect(clampDomain([200, 400], bounds, 10)).toEqual([200, 400]);
  });

  it("clampDomain(domain, bounds, minSpan) slides a window back inside, preserving its span", () => {
    expect(clampDomain([-150, 50], bounds, 10)).toEqual([0, 200]);
    expect(clampDomain([900, 1100], bounds, 10)).toEqual([800, 1000]);
  });

  it("clampDomain(domain, bounds, minSpan) shrinks a window wider than the bounds to the bounds", () => {
    expect(clampDomain([-500, 3000], bounds, 10)).toEqual([0, 1000]);
  });

  it("clampDomain(domain, bounds, minSpan) widens a window narrower than minSpan about its centre", () => {
    expect(clampDomain([500, 502], bounds, 100)).toEqual([451, 551]);
    expect(clampDomain([300, 300], bounds, 100)).toEqual([250, 350]);
  });

  it("clampDomain(domain, bounds, minSpan) stays inside bounds with span in [minSpan, bounds span] (property)", () => {
    // Whole-millisecond inputs: the arithmetic is exact, so the bounds hold exactly.
    fc.assert(
      fc.property(
        fc.integer({ min: -4e12, max: 4e12 }),
        fc.integer({ min: 1, max: 4e12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: -1e13, max: 1e13 }),
        fc.integer({ min: -1e13, max: 1e13 }),
        (b0, boundsSpan, minShare, a, b) => {
          const b1 = b0 + boundsSpan;
          const minSpan = Math.max(1, Math.floor(boundsSpan * minShare));
          const [d0, d1] = clampDomain([Math.min(a, b), Math.max(a, b)], [b0, b1], minSpan);
          expect(d0).toBeGreaterThanOrEqual(b0);
          expect(d1).toBeLessThanOrEqual(b1);
          expect(d1 - d0).toBeGreaterThanOrEqual(minSpan);
          expect(d1 - d0).toBeLessThanOrEqual(boundsSpan);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("clampDomain(domain, bounds, minSpan) stays inside bounds, to rounding, for fractional windows (property)", () => {
    // A zoomed window has fractional ends; start + span may then round a few ulps past the bound.
    fc.assert(
      fc.property(
        fc.integer({ min: -4e12, max: 4e12 }),
        fc.integer({ min: 1, max: 4e12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: -1e13, max: 1e13, noNaN: true }),
        fc.double({ min: -1e13, max: 1e13, noNaN: true }),
        (b0, boundsSpan, minShare, a, b) => {
          const b1 = b0 + boundsSpan;
          const minSpan = Math.max(1, Math.floor(boundsSpan * minShare));
          const [d0, d1] = clampDomain([Math.min(a, b), Math.max(a, b)], [b0, b1], minSpan);
          const ulps = 4 * Number.EPSILON * Math.max(Math.abs(b0), Math.abs(b1), boundsSpan);
          expect(d0).toBeGreaterThanOrEqual(b0 - ulps);
          expect(d1).toBeLessThanOrEqual(b1 + ulps);
          expect(d1 - d0).toBeGreaterThanOrEqual(minSpan - ulps);
          expect(d1 - d0).toBeLessThanOrEqual(boundsSpan + ulps);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("clampDomain(domain, bounds, minSpan) keeps the span of a window that fits (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }),
        fc.integer({ min: 10, max: 1000 }),
        fc.integer({ min: -2e6, max: 2e6 }),
        (span, minSpan, start) => {
          fc.pre(span >= minSpan && span <= 1e6);
          const [d0, d1] = clampDomain([start, start + span], [0, 1e6], minSpan);
          expect(d1 - d0).toBe(span);
        },
      ),
    );
  });
});
