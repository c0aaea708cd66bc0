import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EMPTY_LANE_PAD_PX,
  LANE_HEADER_PX,
  laneGeometry,
  MAX_ROWS,
  ROW_HEIGHT_PX,
  rowCentrePx,
} from "./laneGeometry";

/** Height of a lane with `rows` labelled rows: header, those rows and the overflow row. */
const laneHeight = (rows: number) =>
  rows > 0 ? LANE_HEADER_PX + (rows + 1) * ROW_HEIGHT_PX : LANE_HEADER_PX + EMPTY_LANE_PAD_PX;

describe("laneGeometry", () => {
  it("laneGeometry(demand, availablePx) gives every lane with demand at least one row, even with no room", () => {
    expect(laneGeometry([1, 3, 7], 0).rows).toEqual([1, 1, 1]);
  });

  it("laneGeometry(demand, availablePx) leaves a lane with nothing to show its header alone", () => {
    expect(laneGeometry([0, 3, 7], 0).rows).toEqual([0, 1, 1]);
    expect(laneGeometry([0, 0], 10_000).rows).toEqual([0, 0]);
    expect(laneGeometry([0, 2], 10_000).laneHeightPx).toEqual([
      LANE_HEADER_PX + EMPTY_LANE_PAD_PX,
      laneHeight(2),
    ]);
  });

  it("laneGeometry(demand, availablePx) meets every demand when there is room, capped at MAX_ROWS", () => {
    expect(laneGeometry([1, 5, 2, 40], 10_000).rows).toEqual([1, 5, 2, MAX_ROWS]);
  });

  it("laneGeometry(demand, availablePx) gives scarce rows to the lanes with most unmet demand", () => {
    // Two lanes' fixed part plus three spare rows.
    const available = 2 * laneHeight(1) + 3 * ROW_HEIGHT_PX;
    expect(laneGeometry([2, 6], available).rows).toEqual([1, 4]);
    // Equal unmet demand: the earlier lane first.
    expect(laneGeometry([3, 3], 2 * laneHeight(1) + ROW_HEIGHT_PX).rows).toEqual([2, 1]);
  });

  it("laneGeometry(demand, availablePx) stacks lanes: tops are cumulative heights", () => {
    const g = laneGeometry([1, 3, 2], 10_000);
    expect(g.laneHeightPx).toEqual([laneHeight(1), laneHeight(3), laneHeight(2)]);
    expect(g.laneTopPx).toEqual([0, laneHeight(1), laneHeight(1) + laneHeight(3)]);
    expect(g.heightPx).toBe(laneHeight(1) + laneHeight(3) + laneHeight(2));
  });

  it("laneGeometry(demand, availablePx) fits the available height whenever one row per lane does (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 3000 }),
        (demand, availablePx) => {
          const g = laneGeometry(demand, availablePx);
          g.rows.forEach((r, i) => {
            expect(r).toBeGreaterThanOrEqual(demand[i]! > 0 ? 1 : 0);
            expect(r).toBeLessThanOrEqual(Math.min(demand[i]!, MAX_ROWS));
          });
          const minimum = demand.reduce((sum, d) => sum + laneHeight(d > 0 ? 1 : 0), 0);
          if (availablePx >= minimum) expect(g.heightPx).toBeLessThanOrEqual(availablePx);
          else expect(g.heightPx).toBe(minimum);
          // No row left unused that a lane wanted while there was room for it.
          const wanted = g.rows.some((r, i) => r < Math.min(demand[i]!, MAX_ROWS));
          if (wanted) expect(g.heightPx + ROW_HEIGHT_PX).toBeGreaterThan(Math.max(availablePx, minimum));
          let top = 0;
          g.laneHeightPx.forEach((h, i) => {
            expect(g.laneTopPx[i]).toBe(top);
            top += h;
          });
          expect(g.heightPx).toBe(top);
        },
      ),
    );
  });
});

describe("rowCentrePx", () => {
  const g = laneGeometry([2, 3], 10_000);

  it("rowCentrePx(geometry, lane, row) is the middle of a labelled row below the lane header", () => {
    expect(rowCentrePx(g, 0, 0)).toBe(LANE_HEADER_PX + ROW_HEIGHT_PX / 2);
    expect(rowCentrePx(g, 1, 2)).toBe(laneHeight(2) + LANE_HEADER_PX + 2.5 * ROW_HEIGHT_PX);
  });

  it("rowCentrePx(geometry, lane, -1) is the overflow row, just below the labelled rows", () => {
    expect(rowCentrePx(g, 0, -1)).toBe(LANE_HEADER_PX + 2.5 * ROW_HEIGHT_PX);
    expect(rowCentrePx(g, 1, -1)).toBe(rowCentrePx(g, 1, 2) + ROW_HEIGHT_PX);
    // Inside its lane.
    expect(rowCentrePx(g, 1, -1)).toBeLessThan(g.laneTopPx[1]! + g.laneHeightPx[1]!);
    expect(rowCentrePx(g, 0, -1)).toBeLessThan(g.laneTopPx[1]!);
  });
});
