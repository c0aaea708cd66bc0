import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Domain } from "./timeDomain";
import { interpolateDomain, panBy, pinch, zoomAround, type ZoomLimits } from "./zoomMath";

const DAY = 86_400_000;
const limits: ZoomLimits = { bounds: [0, 1000 * DAY], minSpanMs: 2 * 3_600_000 };
const close = (a: Domain, b: Domain, tolerance = 1) => {
  expect(Math.abs(a[0] - b[0])).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(a[1] - b[1])).toBeLessThanOrEqual(tolerance);
};

describe("zoomMath", () => {
  test("zoomAround(domain, anchor, 2) halves the span and keeps the anchored time in place", () => {
    const out = zoomAround([100 * DAY, 200 * DAY], 0.25, 2, limits);
    expect(out[1] - out[0]).toBe(50 * DAY);
    // The time a quarter of the way across stays a quarter of the way across.
    expect(out[0] + (out[1] - out[0]) * 0.25).toBe(125 * DAY);
  });

  test("zoomAround never goes below the minimum span or beyond the bounds", () => {
    const tight = zoomAround([100 * DAY, 100 * DAY + 3 * 3_600_000], 0.5, 100, limits);
    expect(tight[1] - tight[0]).toBe(limits.minSpanMs);
    const wide = zoomAround([100 * DAY, 200 * DAY], 0.5, 1 / 100, limits);
    expect(wide).toEqual([0, 1000 * DAY]);
  });

  test("zooming in then out by the same factor around the same point returns the same window (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10, max: 800, noNaN: true }),
        fc.double({ min: 1, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1.01, max: 8, noNaN: true }),
        (startDay, spanDays, anchor, factor) => {
          const domain: Domain = [startDay * DAY, Math.min(1000, startDay + spanDays) * DAY];
          fc.pre(domain[1] - domain[0] > limits.minSpanMs * factor);
          const back = zoomAround(zoomAround(domain, anchor, factor, limits), anchor, 1 / factor, limits);
          close(back, domain, 1);
        },
      ),
    );
  });

  test("panBy(domain, px, width) moves the window by the dragged distance and keeps its span", () => {
    const out = panBy([100 * DAY, 200 * DAY], 100, 1000, limits);
    expect(out).toEqual([90 * DAY, 190 * DAY]);
    expect(panBy([10 * DAY, 110 * DAY], 1000, 1000, limits)).toEqual([0, 100 * DAY]);
  });

  test("pinch keeps the times first under the two fingers under them as they spread", () => {
    const start: Domain = [0, 100 * DAY];
    // Fingers at 40% and 60% of a 1000 px chart spread to 20% and 80%: three times closer.
    const out = pinch(start, 400, 600, 200, 800, 1000, limits);
    expect(out[1] - out[0]).toBeCloseTo((100 * DAY) / 3, -3);
    const timeAt = (d: Domain, px: number) => d[0] + ((d[1] - d[0]) * px) / 1000;
    expect(timeAt(out, 200)).toBeCloseTo(40 * DAY, -3);
    expect(timeAt(out, 800)).toBeCloseTo(60 * DAY, -3);
  });

  test("pinch with fingers on the same spot pans instead of dividing by zero", () => {
    expect(pinch([100 * DAY, 200 * DAY], 500, 500, 600, 600, 1000, limits)).toEqual([90 * DAY, 190 * DAY]);
  });

  test("interpolateDomain goes from one window to the other, changing span geometrically", () => {
    const a: Domain = [0, 100 * DAY],
      b: Domain = [40 * DAY, 41 * DAY];
    close(interpolateDomain(a, b, 0), a);
    close(interpolateDomain(a, b, 1), b, 2);
    const mid = interpolateDomain(a, b, 0.5);
    expect(mid[1] - mid[0]).toBeCloseTo(10 * DAY, -3);
  });
});
