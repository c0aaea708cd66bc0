import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncateText } from "./truncateText";

describe("truncateText", () => {
  it("truncateText(text, maxChars) keeps a text that fits whole", () => {
    expect(truncateText("Trump called me on Thursday", 40)).toBe("Trump called me on Thursday");
  });

  it("truncateText(text, maxChars) cuts at a word and marks the cut", () => {
    expect(truncateText("Trump called me on Thursday and said", 20)).toBe("Trump called me on\u2026");
  });

  it("truncateText(text, maxChars) is never longer than maxChars characters and never splits a pair", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 300 }),
        fc.integer({ min: 2, max: 200 }),
        (text, max) => {
          const out = truncateText(text, max);
          expect([...out].length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
        },
      ),
    );
  });
});
