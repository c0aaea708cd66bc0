import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { measure7 } from "./testEvents";
import { truncateLabel, wrapText } from "./truncateLabel";

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

  it("truncateLabel(text, maxPx, measure) finds the cut when narrow characters come first or last", () => {
    const widths: Record<string, number> = { i: 1, W: 20, [ELLIPSIS]: 7 };
    const measure = (s: string) => [...s].reduce((w, c) => w + (widths[c] ?? 7), 0);
    // 10 × i + 2 × W + … = 57 px fits in 60; the proportional first guess (9 characters) is short.
    expect(truncateLabel("iiiiiiiiiiWWWW", 60, measure)).toBe(`iiiiiiiiiiWW${ELLIPSIS}`);
    // The guess (9 characters) is long here: WWWW iiiii + … is 92 px; two W and … fit.
    expect(truncateLabel("WWWWiiiiiiiiii", 60, measure)).toBe(`WW${ELLIPSIS}`);
    // All of it may fit once a trailing space is trimmed (a case the property test below found).
    const wideSpace = (s: string) => [...s].reduce((w, c) => w + (c === " " ? 8 : 7), 0);
    expect(truncateLabel(" ", 7, wideSpace)).toBe(ELLIPSIS);
  });

  it("truncateLabel(text, maxPx, measure) keeps the most characters that fit, for any widths (property)", () => {
    // Reference: a binary search over the prefix length, with per-character widths from 1 to 20 px.
    const reference = (text: string, maxPx: number, measure: (s: string) => number) => {
      let lo = 0,
        hi = text.length;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= maxPx) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom("a", "W", "i", " ", "m", "-"), { minLength: 1, maxLength: 80 }),
        fc.dictionary(
          fc.constantFrom("a", "W", "i", " ", "m", "-", ELLIPSIS),
          fc.integer({ min: 1, max: 20 }),
        ),
        fc.integer({ min: 0, max: 600 }),
        (chars, widths, maxPx) => {
          const text = chars.join("");
          const measure = (s: string) => [...s].reduce((w, c) => w + (widths[c] ?? 7), 0);
          const label = truncateLabel(text, maxPx, measure);
          const n = reference(text, maxPx, measure);
          // The label is cut from the same prefix the binary search finds.
          const cut = text.slice(0, n);
          const space = cut.lastIndexOf(" ");
          const prefix = space > n * 0.6 ? cut.slice(0, space) : cut;
          const expected =
            measure(text) <= maxPx
              ? text
              : n === 0
                ? ""
                : prefix.trimEnd().replace(/[,;:.\u2013\u2014-]+$/, "") + ELLIPSIS;
          expect(label).toBe(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("truncateLabel(text, maxPx, measure, suffix) shortens the text and keeps the suffix whole", () => {
    const suffix = " \u00b7 2 sources";
    const label = truncateLabel("Trump shifts to firmer support for Ukraine", 30 * 7, measure7, suffix);
    expect(label.endsWith(`\u2026${suffix}`)).toBe(true);
    expect(measure7(label)).toBeLessThanOrEqual(30 * 7);
    expect(truncateLabel("Short", 200, measure7, suffix)).toBe(`Short${suffix}`);
  });
});

describe("wrapText", () => {
  it("wrapText breaks at spaces into lines that each fit", () => {
    expect(wrapText("one two three four", 70, measure7)).toEqual(["one two", "three four"]);
    expect(wrapText("short", 70, measure7)).toEqual(["short"]);
    expect(wrapText("", 70, measure7)).toEqual([""]);
  });

  it("wrapText cuts a word wider than a line, and keeps every other word", () => {
    const lines = wrapText("a Supercalifragilistic b", 70, measure7);
    expect(lines).toEqual(["a", "Supercali\u2026", "b"]);
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z]{1,8}$/), { maxLength: 30 }), (words) => {
        const lines = wrapText(words.join(" "), 70, measure7);
        for (const line of lines) expect(measure7(line)).toBeLessThanOrEqual(70);
        expect(
          lines
            .join(" ")
            .split(" ")
            .filter((w) => w !== ""),
        ).toEqual(words);
      }),
    );
  });
});
