import { csvParseRows as d3CsvParseRows } from "d3-dsv";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { csvParseRows } from "./csvRows";

describe("csvParseRows", () => {
  test("reads quoted cells with commas, line breaks and doubled quotes", () => {
    expect(csvParseRows('id,title\r\na,"Rutte, Trump"\nb,"two\nlines"\rc,"say ""no"""\n')).toEqual([
      ["id", "title"],
      ["a", "Rutte, Trump"],
      ["b", "two\nlines"],
      ["c", 'say "no"'],
    ]);
  });

  test("keeps empty cells and lines, and ignores one final line break", () => {
    expect(csvParseRows("a,,b\n\n,\n")).toEqual([["a", "", "b"], [""], ["", ""]]);
    expect(csvParseRows("")).toEqual([]);
  });

  test("reads any text exactly as d3-dsv does, malformed quoting included", () => {
    const csvish = fc.string({ unit: fc.constantFrom("a", "b", " ", ",", '"', "\n", "\r", "é") });
    fc.assert(
      fc.property(csvish, (text) => {
        expect(csvParseRows(text)).toEqual(d3CsvParseRows(text));
      }),
      { numRuns: 3000 },
    );
  });
});
