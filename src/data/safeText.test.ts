import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { terminalSafe, xmlSafe } from "./safeText";

/** No lone surrogates (String.prototype.isWellFormed, without the ES2024 lib). */
const wellFormed = (text: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

const NASTY = fc.constantFrom(
  "\u001b[31m",
  "\u001b]0;title\u0007",
  "\r",
  "\n",
  "\u0000",
  "\u009b2J",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u2028",
  "\ud800",
  "\udfff",
  "\ud83d\ude00",
  "José",
  "a",
  "&#1;",
  "&#x1b;",
  "&#65;",
);

describe("terminalSafe", () => {
  it("shows escape sequences, carriage returns and bidi controls as \\u escapes", () => {
    expect(terminalSafe("red \u001b[31mRED\u001b[0m")).toBe("red \\u001b[31mRED\\u001b[0m");
    expect(terminalSafe("ok\rFAKE")).toBe("ok\\u000dFAKE");
    expect(terminalSafe("two\nlines")).toBe("two\\u000alines");
    expect(terminalSafe("abc\u202edcba")).toBe("abc\\u202edcba");
    expect(terminalSafe("\u009b2J")).toBe("\\u009b2J");
    expect(terminalSafe("lone \ud800 surrogate")).toBe("lone \\ud800 surrogate");
  });

  it("keeps ordinary text, accents, right-to-left script and emoji as they are", () => {
    for (const text of ["José Müller", "مرحبا بالعالم", "שלום", "👍🏽 family 👨‍👩‍👧", "tab-free, 100%"])
      expect(terminalSafe(text)).toBe(text);
  });

  it("leaves no control or bidi character in any text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(NASTY, fc.string())).map((parts) => parts.join("")),
        (text) => {
          const safe = terminalSafe(text);
          expect(safe).not.toMatch(
            /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
          );
          expect(wellFormed(safe)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("xmlSafe", () => {
  it("removes characters and references XML 1.0 cannot hold, keeps the rest", () => {
    expect(xmlSafe("a\u0000b\u001bc\u0007d")).toBe("abcd");
    expect(xmlSafe("tab\tnl\ncr\r")).toBe("tab\tnl\ncr\r");
    expect(xmlSafe("x&#1;y&#x1B;z&#65;&#x10FFFF;")).toBe("xyz&#65;&#x10FFFF;");
    expect(xmlSafe("lone\ud800 \udfff pair \ud83d\ude00")).toBe("lone  pair \ud83d\ude00");
  });

  it("whatever the text, the result is well-formed text", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(NASTY, fc.string())).map((parts) => parts.join("")),
        (text) => {
          const safe = xmlSafe(text);
          expect(wellFormed(safe)).toBe(true);
          expect(safe).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|&#0*1;|&#x0*1b;/i);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
