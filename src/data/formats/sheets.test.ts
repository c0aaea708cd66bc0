import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "./csv";
import { isSheetsHeader, readTime, SHEETS_COLUMNS } from "./sheets";
import { lines, loadText, ROOT } from "./testLoad";

const fixture = (name: string) => readFileSync(resolve(ROOT, "test/fixtures", name), "utf8");
const CSV = fixture("sheets-template.csv");
const TSV = fixture("sheets-template.tsv");
const JSON_TEXT = fixture("sheets-template.json");
// One name without an extension for all three, so only their content tells them apart (and the
// synthetic article that stands for the file has the same title in each).
const NAME = "sheets-template";

describe("the TimelineJS Sheets template (CSV or TSV export)", () => {
  it("fixtures use every template column", () => {
    const header = CSV.split("\n")[0]?.split(",");
    expect(header).toEqual([...SHEETS_COLUMNS]);
    expect(TSV.split("\n")[0]?.split("\t")).toEqual([...SHEETS_COLUMNS]);
  });

  it("is told from this project's CSV by its header row", () => {
    expect(isSheetsHeader([...SHEETS_COLUMNS])).toBe(true);
    expect(isSheetsHeader([" year ", "HEADLINE"])).toBe(true);
    expect(isSheetsHeader([...CSV_COLUMNS])).toBe(false);
  });

  it("gives exactly the dataset of the equivalent TimelineJS JSON, as CSV and as TSV", async () => {
    const fromJson = await loadText(NAME, JSON_TEXT);
    const fromCsv = await loadText(NAME, CSV);
    const fromTsv = await loadText(NAME, TSV);
    expect(fromJson.format).toBe("timelinejs");
    expect(fromCsv.format).toBe("timelinejs");
    expect(fromTsv.format).toBe("timelinejs");
    expect(fromCsv.dataset).toEqual(fromJson.dataset);
    expect(fromTsv.dataset).toEqual(fromJson.dataset);
    expect(fromCsv.issues.map((i) => [i.severity, i.message])).toEqual(
      fromJson.issues.map((i) => [i.severity, i.message]),
    );
  });

  it("reads the title row as the dataset's title and description, and every event row", async () => {
    const { dataset } = await loadText(NAME, CSV);
    expect(dataset.title).toBe("A Sheets timeline");
    expect(dataset.description).toBe("Made from the TimelineJS template & exported as CSV.");
    expect(dataset.events.map((e) => [e.title, e.start.text, e.end?.text, e.lane])).toEqual([
      ["Rutte visits Washington", "2025-07-14T14:30Z", "2025-07-15T09:05Z", "meetings"],
      ["Summit", "2025-06", undefined, "nato"],
      ["Spending rises across the alliance, to 5% by 2035.", "2025", undefined, "nato"],
      ["Trump phones Rutte", "2025-07-10T08:15:30Z", undefined, "meetings"],
    ]);
    expect(dataset.events[0]?.dateNote).toContain('shows the date as "Mid-July 2025"');
  });

  it("names the row (the line it starts on) and the template column of each problem", async () => {
    const sheet = [
      SHEETS_COLUMNS.join(","),
      ',,,,,,,,,"Two\ntitles",,,,,,title,,,',
      "2025,7,40,,,,,,,Bad day,,,,,,,,,",
      "2025,7,1,25 PM,,,,,,Bad time,,,,,,,,,",
      "twenty,,,,,,,,,Bad year,,,,,,,,,",
      "2025,,,,,,,,,Odd type,,,,,,slide,,,",
      "2025,,,,,,,,,Fine,,,,,,,,,",
    ].join("\n");
    const loaded = await loadText("s.csv", sheet);
    expect(lines(loaded)).toEqual([
      's.csv: rows[4] (2025-07-40-bad-day): Year/Month/Day: "2025-07-40" is not a calendar date: 2025-07 has 31 days',
      'warning: s.csv: rows[5]: Time: "25 PM" is not a time of day (hh:mm, hh:mm:ss); the date is read without it',
      's.csv: rows[6]: Year: must be a whole number, not "twenty"',
      'warning: s.csv: rows[7]: Type: "slide" is not "title" or "era"; the row is read as an event',
    ]);
    expect(loaded.dataset.title).toBe("Two titles");
    expect(loaded.dataset.events.map((e) => e.title)).toEqual(["Bad time", "Odd type", "Fine"]);
  });

  it("reads times as the template writes them", () => {
    expect(readTime("14:30")).toEqual({ hour: "14", minute: "30" });
    expect(readTime("8:15:30.250")).toEqual({ hour: "8", minute: "15", second: "30", millisecond: "250" });
    expect(readTime("12:05 am")).toEqual({ hour: "0", minute: "05" });
    expect(readTime("1 PM")).toEqual({ hour: "13" });
    expect(readTime("13 PM")).toBeUndefined();
    expect(readTime("noon")).toBeUndefined();
  });
});
