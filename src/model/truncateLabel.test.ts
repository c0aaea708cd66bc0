import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measure7 } from "./testEvents";
import { truncateLabel } from "./truncateLabel";

const ELLIPSIS = "\u2026";

describe("truncateLabel", () => {
  it("truncateLabel(text, maxPx, measure) returns a label that fits unchanged", () => {
    expect(truncateLabel("Markets fall", 84, measure7)).toBe("Markets fall");
    expect(truncateLabel("Markets fall", 500, measure7)).toBe("Markets fall");
  });

  it("truncateLabel(text, maxPx, measure) shortens with an ellipsis to within maxPx", () => {
    const label = truncateLabel("Minister vows to stay in office", 100, measure7);
    expect(label.endsWith(ELLIPSIS)).toBe(true);
    expect(measure7(label)).toBeLessThanOrEqual(100);
    expect(label).toBe("Minister vows\u2026");
  });

  it("truncateLabel(text, maxPx, measure) cuts at a word boundary rather than mid-word", () => {
    // Room for "Minister vows t" + "…", but the word "t" is dropped.
    expect(truncateLabel("Minister vows to stay in office", 112, measure7)).toBe("Minister vows\u2026");
  });

  it("truncateLabel(text, maxPx, measure) cuts mid-word when the last space is too early to be worth it", () => {
    expect(truncateLabel("A supercalifragilistic word", 84, measure7)).toBe("A supercali\u2026");
  });

  it("truncateLabel(text, maxPx, measure) drops trailing punctuation before the ellipsis", () => {
    expect(truncateLabel("Talks, sanctions and tariffs", 56, measure7)).toBe("Talks\u2026");
  });

  it('truncateLabel(text, maxPx, measure) returns "" when even one character and the ellipsis cannot fit', () => {
    expect(truncateLabel("Markets fall", 13, measure7)).toBe("");
    expect(truncateLabel("Markets fall", 7, measure7)).toBe("");
    expect(truncateLabel("Markets fall", 14, measure7)).toBe(`M${ELLIPSIS}`);
  });

  it("truncateLabel(text, maxPx, measure) always fits and is a prefix of the text (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "b", "c", " ", ",", "-", "Z"), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 0, max: 500 }),
        (chars, maxPx) => {
          const text = chars.join("");
          const label = truncateLabel(text, maxPx, measure7);
          if (measure7(text) <= maxPx) {
            expect(label).toBe(text);
          } else if (label !== "") {
            expect(measure7(label)).toBeLessThanOrEqual(maxPx);
            expect(label.endsWith(ELLIPSIS)).toBe(true);
            expect(text.startsWith(label.slice(0, -1))).toBe(true);
          } else {
            // Empty only when one character and the ellipsis do not fit.
            expect(measure7(text.slice(0, 1) + ELLIPSIS)).toBeGreaterThan(maxPx);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
