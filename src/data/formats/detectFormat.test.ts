import { describe, expect, it } from "vitest";
import { formatFromName, parseAnyFormat } from "./detectFormat";

const OURS = JSON.stringify({ title: "t", lanes: [], articles: [], events: [] });
const TIMELINEJS = JSON.stringify({
  events: [{ start_date: { year: 2025 }, text: { headline: "An event", text: "Its text here." } }],
});
const CSV = "id,start,title,summary,lane,actors,source,quote\ne1,2025,T,S,L,A,Src,long enough quote\n";

describe("parseAnyFormat", () => {
  it("goes by the extension first", async () => {
    expect((await parseAnyFormat(CSV, "a.csv")).format).toBe("csv");
    expect((await parseAnyFormat(OURS, "a.json")).format).toBe("json");
    expect((await parseAnyFormat(TIMELINEJS, "a.JSON")).format).toBe("timelinejs");
    // A .csv file is CSV even when it starts like JSON.
    expect((await parseAnyFormat('{"a",b\n1,2\n', "odd.csv")).format).toBe("csv");
  });

  it("sniffs the content when the name says nothing", async () => {
    expect((await parseAnyFormat(CSV, "upload")).format).toBe("csv");
    expect((await parseAnyFormat(` \n${OURS}`, "upload.txt")).format).toBe("json");
    expect((await parseAnyFormat(`\uFEFF${TIMELINEJS}`, "data?v=2")).format).toBe("timelinejs");
  });

  it("passes this project's JSON through untouched", async () => {
    const parsed = await parseAnyFormat(OURS, "a.json");
    expect(parsed.json).toEqual(JSON.parse(OURS));
    expect(parsed.issues).toEqual([]);
  });

  it("converts CSV and TimelineJS into the dataset format", async () => {
    const csv = (await parseAnyFormat(CSV, "a.csv")).json as { events: { id: string }[] };
    expect(csv.events.map((e) => e.id)).toEqual(["e1"]);
    const tjs = (await parseAnyFormat(TIMELINEJS, "a.json")).json as { events: { title: string }[] };
    expect(tjs.events.map((e) => e.title)).toEqual(["An event"]);
  });

  it("reports JSON that does not parse, with its line and column", async () => {
    const parsed = await parseAnyFormat('{\n  "title": "t",\n}', "broken.json");
    expect(parsed.json).toBeUndefined();
    expect(parsed.issues).toHaveLength(1);
    expect(parsed.issues[0]).toMatchObject({ file: "broken.json", path: "", field: "(file)" });
    expect(parsed.issues[0]?.message).toMatch(/^invalid JSON at line 3, column 1\b/);
  });

  it("names formats from file names and URLs", async () => {
    expect(formatFromName("dir/Events.CSV")).toBe("csv");
    expect(formatFromName("https://example.org/e.json?x=1#top")).toBe("json");
    expect(formatFromName("events.tsv")).toBeUndefined();
  });
});
