import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalizeText";

describe("typography folds", () => {
  it("normalizeText folds curly double quotes and guillemets to straight double quotes", () => {
    expect(normalizeText("\u201CYes\u201D, \u201Eja\u201F and \u00ABoui\u00BB")).toBe(
      '"Yes", "ja" and "oui"',
    );
  });

  it("normalizeText folds curly single quotes and apostrophes to a straight apostrophe", () => {
    expect(normalizeText("\u2018It\u2019s the minister\u2019s\u2019 call\u201B")).toBe(
      "'It's the minister's' call'",
    );
  });

  it("normalizeText folds primes, acute accents and backticks used as apostrophes", () => {
    expect(normalizeText("don\u00B4t, can`t, 5\u2032 and 6\u2033")).toBe(`don't, can't, 5' and 6"`);
  });

  it("normalizeText folds en dashes, em dashes, minus signs and non-breaking hyphens to a hyphen", () => {
    expect(normalizeText("2019\u20132020 \u2014 a \u2212 b, non\u2011stop, x\u2010y")).toBe(
      "2019-2020 - a - b, non-stop, x-y",
    );
  });

  it("normalizeText folds the ellipsis character to three dots", () => {
    expect(normalizeText("and then\u2026")).toBe("and then...");
  });

  it("normalizeText folds non-breaking spaces, tabs, newlines and runs of spaces to one space", () => {
    expect(normalizeText("14\u00A0July  was\n\nthe\tday\r\nit\u202Fended")).toBe(
      "14 July was the day it ended",
    );
  });

  it("normalizeText trims leading and trailing whitespace", () => {
    expect(normalizeText(" \n\u00A0quoted text\t ")).toBe("quoted text");
  });

  it("normalizeText composes decomposed accents (NFC) so they match precomposed ones", () => {
    expect(normalizeText("caf\u0065\u0301")).toBe("caf\u00E9");
  });

  it("normalizeText makes a scraped article sentence and a hand-typed quote equal", () => {
    const scraped = "\u201CWe won\u2019t resign\u00A0\u2014 not now,\nnot ever\u2026\u201D";
    const typed = `"We won't resign - not now, not ever..."`;
    expect(normalizeText(scraped)).toBe(normalizeText(typed));
  });
});

describe("everything else is kept", () => {
  it("normalizeText leaves letters, digits, case and ordinary punctuation unchanged", () => {
    const text =
      "Résumé: Naïve Ørsted, 50% (approx.) up; costs $3.2bn — wait! Why? [sic] a/b & c_d #1 @x *y*";
    expect(normalizeText(text)).toBe(text.replace("—", "-"));
  });

  it("normalizeText does not fold case: a quote differing only in case does not match", () => {
    expect(normalizeText("The Minister said")).not.toBe(normalizeText("the minister said"));
  });

  it("normalizeText keeps a changed word different (resigned vs resign)", () => {
    expect(normalizeText("the minister resigned")).not.toBe(normalizeText("the minister resign"));
  });

  it("normalizeText keeps punctuation other than quotes and dashes (a comma is not a full stop)", () => {
    expect(normalizeText("Yes, he said")).not.toBe(normalizeText("Yes. he said"));
    expect(normalizeText("Yes, he said")).not.toBe(normalizeText("Yes he said"));
  });

  it("normalizeText does not drop spaces between words", () => {
    expect(normalizeText("note book")).not.toBe(normalizeText("notebook"));
  });

  it("normalizeText keeps accents: a letter without its accent does not match", () => {
    expect(normalizeText("résumé")).not.toBe(normalizeText("resume"));
  });
});

describe("normalizeText is fast on long texts and the same as the plain definition", () => {
  /** The definition: NFC, then the folds, then whitespace runs to one space. */
  const plain = (text: string) =>
    text
      .normalize("NFC")
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
      .replace(/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, "-")
      .replace(/\u2026/g, "...")
      .replace(/\s+/g, " ")
      .trim();

  it("gives what the definition gives, for any mix of folded, composing and space characters", () => {
    const unit = fc.constantFrom(
      "a",
      "e",
      " ",
      "  ",
      "\n",
      "\t",
      "\u00a0",
      "\u2000",
      "\u2019",
      "\u00b4",
      "\u0301",
      "\u0308",
      "\u2026",
      "\u2014",
      "\u00e9",
      "\u1100",
      "\u1161",
      "\u212b",
      "`",
      "\u2033",
    );
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 40 }).map((parts) => parts.join("")),
        (text) => normalizeText(text) === plain(text),
      ),
      { numRuns: 5000 },
    );
  });

  it("normalises a 30 MB article in well under the seconds it took", () => {
    const text = "A line of an article \u2019quoted\u2019 that goes on.\n".repeat(600_000);
    const t0 = performance.now();
    normalizeText(text);
    // ~0.3 s here on a quiet machine, ~5 s before: a guard against the quadratic version coming back.
    expect(performance.now() - t0).toBeLessThan(4000);
  });
});
