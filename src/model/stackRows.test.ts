import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupByProximity, stackRows } from "./stackRows";

const f64 = (values: readonly number[]) => Float64Array.from(values);

describe("stackRows", () => {
  it("stackRows(left, right, rows, gap) puts overlapping items on different rows", () => {
    expect([...stackRows(f64([0, 5, 8]), f64([10, 20, 30]), 3, 0)]).toEqual([0, 1, 2]);
  });

  it("stackRows(left, right, rows, gap) reuses a row once the previous item there has ended", () => {
    // 12 clears row 0 (ended at 10) but not row 1; 25 clears row 0 again, which comes first.
    expect([...stackRows(f64([0, 5, 12, 25]), f64([10, 20, 22, 30]), 3, 0)]).toEqual([0, 1, 0, 0]);
  });

  it("stackRows(left, right, rows, gap) keeps gap px between items on a row", () => {
    // 10 + 5 <= 15 fits; 10 + 5 > 14 does not.
    expect([...stackRows(f64([0, 15]), f64([10, 20]), 2, 5)]).toEqual([0, 0]);
    expect([...stackRows(f64([0, 14]), f64([10, 20]), 2, 5)]).toEqual([0, 1]);
  });

  it("stackRows(left, right, rows, gap) gives -1 to items that fit on no row", () => {
    expect([...stackRows(f64([0, 1, 2, 40]), f64([30, 30, 30, 50]), 2, 0)]).toEqual([0, 1, -1, 0]);
    expect([...stackRows(f64([0]), f64([1]), 0, 0)]).toEqual([-1]);
  });

  it("stackRows(left, right, rows, gap): items on a row never come within gap, and -1 only when every row is blocked (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 80 })), {
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 12 }),
        fc.boolean(),
        (generated, rows, gap, sort) => {
          // Sorted or not (stacking must hold either way); copied, as fast-check reuses its values.
          const items = sort ? [...generated].sort((a, b) => a[0] - b[0]) : generated;
          const left = f64(items.map(([l]) => l));
          const right = f64(items.map(([l, w]) => l + w));
          const out = stackRows(left, right, rows, gap);
          const placed: number[][] = Array.from({ length: rows }, () => []);
          items.forEach((_, i) => {
            const row = out[i]!;
            expect(row).toBeGreaterThanOrEqual(-1);
            expect(row).toBeLessThan(rows);
            // Every earlier row (all rows for -1) was blocked at this item's left edge.
            const blockedUpTo = row < 0 ? rows : row;
            for (let r = 0; r < blockedUpTo; r++) {
              expect(placed[r]!.some((j) => right[j]! + gap > left[i]!)).toBe(true);
            }
            if (row >= 0) {
              // Clear of every item already on its row, gap included, and on one side of it.
              for (const j of placed[row]!) {
                const apart = right[j]! + gap <= left[i]! || right[i]! + gap <= left[j]!;
                expect(apart).toBe(true);
              }
              placed[row]!.push(i);
            }
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("stackRows around a window (before)", () => {
  it("stacks items before the window outwards from the rows' first items", () => {
    // Rows start at 20 and 30. Nearest first: 0–25 fits only before row 1's start (30), −10–18
    // before row 0's (20); then 0–15 fits before neither row's new start (−10, 0).
    const out = stackRows(
      f64([20, 30, 0, 0, -10]),
      f64([40, 60, 15, 25, 18]),
      2,
      0,
      Uint8Array.from([0, 0, 1, 1, 1]),
    );
    expect([...out]).toEqual([0, 1, -1, 1, 0]);
  });

  it("gives the other items the rows they get alone, and keeps every row's items apart (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -500, max: 500 }), fc.integer({ min: 0, max: 80 })), {
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 0, max: 12 }),
        (generated, rows, gap) => {
          // Items right of 0 are the window's; those ending before it are "before".
          const items = [...generated].sort((a, b) => a[0] - b[0]);
          const left = f64(items.map(([l]) => l));
          const right = f64(items.map(([l, w]) => l + w));
          const before = Uint8Array.from(items, ([l, w]) => +(l + w < 0));
          const out = stackRows(left, right, rows, gap, before);
          const kept = items.flatMap((_, i) => (before[i] ? [] : [i]));
          const alone = stackRows(f64(kept.map((i) => left[i]!)), f64(kept.map((i) => right[i]!)), rows, gap);
          expect(kept.map((i) => out[i])).toEqual([...alone]);
          for (let r = 0; r < rows; r++) {
            const spans = items
              .flatMap((_, i) => (out[i] === r ? [[left[i]!, right[i]!]] : []))
              .sort((a, b) => a[0]! - b[0]!);
            for (let i = 1; i < spans.length; i++)
              expect(spans[i]![0]!).toBeGreaterThanOrEqual(spans[i - 1]![1]! + gap);
          }
        },
      ),
    );
  });
});

describe("groupByProximity", () => {
  it("groupByProximity(left, right, gap) splits runs where the next item starts more than gap after the run", () => {
    expect(groupByProximity(f64([0, 12, 40, 44]), f64([10, 20, 42, 50]), 6)).toEqual([0, 2, 4]);
  });

  it("groupByProximity(left, right, gap) keeps items exactly gap apart together", () => {
    expect(groupByProximity(f64([0, 16]), f64([10, 20]), 6)).toEqual([0, 2]);
    expect(groupByProximity(f64([0, 17]), f64([10, 20]), 6)).toEqual([0, 1, 2]);
  });

  it("groupByProximity(left, right, gap) measures from the run's furthest right edge", () => {
    // The long first item reaches past the short second, so the third still joins.
    expect(groupByProximity(f64([0, 5, 95]), f64([100, 8, 110]), 6)).toEqual([0, 3]);
  });

  it("groupByProximity(left, right, gap) of nothing is [0]", () => {
    expect(groupByProximity(f64([]), f64([]), 6)).toEqual([0]);
  });

  it("groupByProximity(left, right, gap): groups partition the items and only split at real gaps (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 30 })), {
          maxLength: 40,
        }),
        fc.integer({ min: 0, max: 10 }),
        (generated, gap) => {
          const items = [...generated].sort((a, b) => a[0] - b[0]);
          const left = f64(items.map(([l]) => l));
          const right = f64(items.map(([l, w]) => l + w));
          const starts = groupByProximity(left, right, gap);
          expect(starts[starts.length - 1]).toBe(items.length);
          if (items.length > 0) expect(starts[0]).toBe(0);
          for (let i = 1; i < items.length; i++) {
            const runRight = Math.max(...right.slice(0, i));
            expect(starts.includes(i)).toBe(left[i]! > runRight + gap);
          }
        },
      ),
    );
  });
});
