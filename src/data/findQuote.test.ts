import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findQuote } from "./findQuote";
import { normalizeText } from "./normalizeText";

/** The raw text findQuote points at, or undefined. */
function found(text: string, quote: string): string | undefined {
  const range = findQuote(text, quote);
  return range === undefined ? undefined : text.slice(range[0], range[1]);
}

describe("findQuote", () => {
  it("findQuote gives the [start, end) offsets of an exact quote in the raw text", () => {
    const text = "Markets fell 3% on Friday after the announcement.";
    expect(findQuote(text, "3% on Friday")).toEqual([13, 25]);
    expect(found(text, "Markets fell")).toBe("Markets fell");
    expect(found(text, "announcement.")).toBe("announcement.");
  });

  it("findQuote matches straight quotes and hyphens against curly quotes and dashes, returning the raw span", () => {
    const text = "She said: \u201CWe won\u2019t resign \u2014 not now.\u201D Then left.";
    expect(found(text, `"We won't resign - not now."`)).toBe(
      "\u201CWe won\u2019t resign \u2014 not now.\u201D",
    );
  });

  it("findQuote matches across newlines, non-breaking spaces and runs of whitespace", () => {
    const text = "The vote\n  is set\u00A0for\r\n14 July.";
    expect(found(text, "vote is set for 14 July")).toBe("vote\n  is set\u00A0for\r\n14 July");
  });

  it("findQuote matches three dots against an ellipsis character", () => {
    expect(found("and then\u2026 silence", "then... silence")).toBe("then\u2026 silence");
  });

  it("findQuote ignores whitespace around the quote", () => {
    expect(found("  leading and trailing  ", "  leading and  ")).toBe("leading and");
  });

  it("findQuote returns undefined for a quote that is not in the text or differs by a word or case", () => {
    const text = "The minister resigned on Friday.";
    expect(findQuote(text, "The minister resign on Friday")).toBeUndefined();
    expect(findQuote(text, "the minister resigned")).toBeUndefined();
    expect(findQuote(text, "Friday!")).toBeUndefined();
  });

  it("findQuote returns undefined for an empty or blank quote", () => {
    expect(findQuote("text", "")).toBeUndefined();
    expect(findQuote("text", " \n ")).toBeUndefined();
  });

  it("findQuote finds the first occurrence", () => {
    expect(findQuote("ab ab ab", "ab")).toEqual([0, 2]);
  });

  it("findQuote counts offsets in UTF-16 code units past astral characters", () => {
    const text = "\u{1F600} Markets fell";
    expect(findQuote(text, "Markets")).toEqual([3, 10]);
  });

  // Characters that normalizeText folds or keeps, but no combining marks: findQuote normalises
  // one character at a time, so it cannot compose "e" + U+0301 into "é" the way NFC on the whole
  // text does (see the report on that limitation).
  const piece = fc.constantFrom(
    "a",
    "b",
    "A",
    " ",
    "  ",
    "\n",
    "\t",
    "\u00A0",
    "'",
    "\u2019",
    '"',
    "\u201C",
    "-",
    "\u2014",
    ".",
    "\u2026",
    "\u00E9",
    "\u{1F600}",
  );
  const str = fc.array(piece, { maxLength: 14 }).map((pieces) => pieces.join(""));

  it("findQuote finds a quote exactly when the validator would verify it (normalised substring)", () => {
    fc.assert(
      fc.property(str, str, (text, quote) => {
        fc.pre(normalizeText(quote) !== "");
        const verified = normalizeText(text).includes(normalizeText(quote));
        expect(findQuote(text, quote) !== undefined).toBe(verified);
      }),
      { numRuns: 1000 },
    );
  });

  it("findQuote returns a raw span whose normalised text contains the quote", () => {
    fc.assert(
      fc.property(str, str, str, (before, quote, after) => {
        fc.pre(normalizeText(quote) !== "");
        const text = before + quote + after;
        const range = findQuote(text, quote);
        expect(range).toBeDefined();
        if (range === undefined) return;
        expect(range[0]).toBeGreaterThanOrEqual(0);
        expect(range[1]).toBeLessThanOrEqual(text.length);
        expect(normalizeText(text.slice(range[0], range[1]))).toContain(normalizeText(quote));
      }),
      { numRuns: 1000 },
    );
  });
});
