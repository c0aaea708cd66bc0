import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageOf, pageRange, pageStarts } from "./articlePages";

describe("pageStarts", () => {
  it("keeps a short text on one page", () => {
    expect(pageStarts("short", 100)).toEqual([0]);
    expect(pageStarts("", 100)).toEqual([0]);
  });

  it("ends a page after a line break in its second half, else at the limit", () => {
    const text = `${"a".repeat(70)}\n${"b".repeat(70)}`;
    expect(pageStarts(text, 100)).toEqual([0, 71]);
    expect(pageStarts("c".repeat(250), 100)).toEqual([0, 100, 200]);
  });

  it("never splits a surrogate pair", () => {
    const text = `${"a".repeat(99)}\u{1F600}${"b".repeat(50)}`;
    expect(pageStarts(text, 100)).toEqual([0, 99]);
  });

  it("pages cover the text exactly, each at most the limit, and pageOf finds every offset's page", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "\n", " ", "\u{1F600}"), maxLength: 2000 }),
        fc.integer({ min: 4, max: 300 }),
        (text, size) => {
          const starts = pageStarts(text, size);
          expect(starts[0]).toBe(0);
          for (let p = 0; p < starts.length; p++) {
            const [start, end] = pageRange(starts, p, text.length);
            expect(end - start).toBeLessThanOrEqual(size);
            expect(end > start || text.length === 0).toBe(true);
          }
          for (let offset = 0; offset < text.length; offset += 7) {
            const [start, end] = pageRange(starts, pageOf(starts, offset), text.length);
            expect(offset >= start && offset < end).toBe(true);
          }
        },
      ),
    );
  });

  it("splits 30 MB in one linear pass (under a second)", () => {
    const text = "A line of an article that goes on.\n".repeat(900_000);
    const t0 = performance.now();
    const starts = pageStarts(text);
    // A guard against quadratic work, not a measure (the page's budget is checked in the browser).
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(starts.length).toBeGreaterThan(1500);
  });
});
