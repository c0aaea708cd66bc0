import { csvParseRows } from "d3-dsv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDataset } from "../validateDataset";
import { CSV_COLUMNS, CSV_DATE_NOTE, datasetToCsv, parseCsv } from "./csv";
import { lines, loadText } from "./testLoad";

const HEADER = CSV_COLUMNS.join(",");

/** A CSV file from a header and rows, with the header's lines counted as line 1. */
function csv(...rows: string[]): string {
  return [HEADER, ...rows].join("\n") + "\n";
}

describe("parseCsv: cells", () => {
  it("reads quoted cells holding commas, quote marks and line breaks", async () => {
    const { dataset, issues } = await loadText(
      "quoted.csv",
      csv(
        'e1,2025-07-10,,,"Talks, then a call","He said ""yes"",\nthen left.",Meetings,Ann,,Daily News,"a quote, with a comma\nand a line break",,',
      ),
    );
    expect(issues).toEqual([]);
    const [event] = dataset.events;
    expect(event?.title).toBe("Talks, then a call");
    expect(event?.summary).toBe('He said "yes",\nthen left.');
    expect(event?.sources[0]?.quote).toBe("a quote, with a comma\nand a line break");
  });

  it("splits actors and topics on semicolons, trimming and dropping empty items", async () => {
    const { dataset } = await loadText(
      "lists.csv",
      csv(
        "e1,2025-07-10,,,Title,Summary,Lane, Donald Trump ;Mark Rutte;;,weapons; ukraine ;,Src,long enough quote,,",
      ),
    );
    expect(dataset.events[0]?.actors).toEqual(["Donald Trump", "Mark Rutte"]);
    expect(dataset.events[0]?.topics).toEqual(["weapons", "ukraine"]);
  });

  it("accepts a byte-order mark, CRLF line ends, any column order and header names in any case", async () => {
    const text =
      "\uFEFFQuote, Title ,start,summary,lane,actors,source\r\nlong enough quote,Title,2025-07-10,Summary,Lane,Ann,Src\r\n";
    const { dataset, issues } = await loadText("excel.csv", text);
    expect(issues).toEqual([]);
    expect(dataset.events.map((e) => [e.title, e.start.text, e.sources[0]?.quote])).toEqual([
      ["Title", "2025-07-10", "long enough quote"],
    ]);
  });
});

describe("parseCsv: events, sources, lanes and articles", () => {
  it("adds a source for each further row with the same id", async () => {
    const { dataset, issues } = await loadText(
      "multi.csv",
      csv(
        "call,2025-07-10,,,Trump calls Rutte,A call.,Meetings,Donald Trump; Mark Rutte,,Reuters,Trump called me on Thursday,,",
        "other,2025-07-11,,,Another event,Else.,Weapons,Ann,,Reuters,a second Reuters quote,,",
        "call,,,,,,,,,AP,the president phoned on Thursday,,",
        "call,2025-07-10,,,Trump calls Rutte,,,,,Politico,a third source for the call,,",
      ),
    );
    expect(issues).toEqual([]);
    expect(dataset.events.map((e) => e.id)).toEqual(["call", "other"]);
    expect(dataset.events[0]?.sources.map((s) => [s.article, s.quote, s.verified])).toEqual([
      ["reuters", "Trump called me on Thursday", false],
      ["ap", "the president phoned on Thursday", false],
      ["politico", "a third source for the call", false],
    ]);
    // One article per distinct source, titled as written, with no text: quotes stay unverified.
    expect(dataset.articles.map((a) => [a.id, a.title, a.file])).toEqual([
      ["reuters", "Reuters", undefined],
      ["ap", "AP", undefined],
      ["politico", "Politico", undefined],
    ]);
  });

  it("makes a lane of each distinct label, in order of first use", async () => {
    const { dataset } = await loadText(
      "lanes.csv",
      csv(
        "a,2025-07-10,,,A,S,Meetings & diplomacy,Ann,,Src,long enough quote,,",
        "b,2025-07-11,,,B,S,Война,Ann,,Src,long enough quote,,",
        "c,2025-07-12,,,C,S,Meetings & diplomacy,Ann,,Src,long enough quote,,",
      ),
    );
    expect(dataset.lanes.map((l) => l.label)).toEqual(["Meetings & diplomacy", "Война"]);
    expect(dataset.lanes[0]?.id).toBe("meetings-diplomacy");
    expect(dataset.lanes[1]?.id).toMatch(/^lane-[0-9a-f]{8}$/);
    expect(dataset.events.map((e) => e.lane)).toEqual([
      "meetings-diplomacy",
      dataset.lanes[1]?.id,
      "meetings-diplomacy",
    ]);
  });

  it("derives a stable id from start and title when id is empty, merging rows of the same event", async () => {
    const text = csv(
      ",2025-07-10,,,Trump phones Rutte: help Ukraine,S,Lane,Ann,,Reuters,long enough quote,,",
      ",2025-07-10,,,Trump phones Rutte: help Ukraine,,,,,AP,a second source quote,,",
      ",-0043-03-15,,,Caesar is killed,S,Lane,Brutus,,Plutarch,Caesar fell at the Senate,,",
    );
    const first = await loadText("ids.csv", text);
    const again = await loadText("ids.csv", text);
    expect(first.issues).toEqual([]);
    expect(first.dataset.events.map((e) => e.id)).toEqual([
      "2025-07-10-trump-phones-rutte-help-ukraine",
      "minus-0043-03-15-caesar-is-killed",
    ]);
    expect(first.dataset.events[0]?.sources).toHaveLength(2);
    expect(again.dataset.events.map((e) => e.id)).toEqual(first.dataset.events.map((e) => e.id));
  });

  it("derives precision from the start's notation, and defaults date_basis and date_note", async () => {
    const { dataset, issues } = await loadText(
      "dates.csv",
      csv(
        "y,2025,,,Y,S,L,A,,Src,long enough quote,,",
        "m,2025-07~,,,M,S,L,A,,Src,long enough quote,,",
        "d,2025-07-10,,,D,S,L,A,,Src,long enough quote,inferred,On Thursday",
        "t,2025-04-24T11:00-04:00,,,T,S,L,A,,Src,long enough quote,,",
        "w,2025-07-07,,week,W,S,L,A,,Src,long enough quote,,",
      ),
    );
    expect(issues).toEqual([]);
    expect(dataset.events.map((e) => [e.id, e.precision, e.dateBasis, e.dateNote])).toEqual([
      ["y", "year", "stated", CSV_DATE_NOTE],
      ["m", "month", "stated", CSV_DATE_NOTE],
      ["d", "day", "inferred", "On Thursday"],
      ["t", "time", "stated", CSV_DATE_NOTE],
      ["w", "week", "stated", CSV_DATE_NOTE],
    ]);
  });

  it("titles the dataset after the file, since CSV has no title", () => {
    expect(parseCsv(csv(), "exports/My events.csv").json.title).toBe("My events");
  });
});

describe("parseCsv: problems name the row and column, and other rows survive", () => {
  it("reports each missing required column (start, title) against the header and reads no rows", async () => {
    const loaded = await loadText("cols.csv", "id,summary,lane\ne1,S,L\n");
    expect(lines(loaded)).toEqual([
      `cols.csv: rows[1]: start: column is missing from the header (${HEADER})`,
      `cols.csv: rows[1]: title: column is missing from the header (${HEADER})`,
    ]);
    expect(loaded.dataset.events).toEqual([]);
    expect(loaded.rejectedEvents).toBe(1);
  });

  it("reads a file of only dates and titles, giving every event the shared defaults", async () => {
    const loaded = await loadText("plain.csv", "start,title\n2025-07-10,Talks\n2025-07,Summit\n");
    expect(loaded.issues).toEqual([]);
    expect(loaded.dataset.lanes).toEqual([{ id: "events", label: "Events" }]);
    expect(loaded.dataset.articles).toEqual([]);
    const [talks, summit] = loaded.dataset.events;
    expect(talks).toMatchObject({
      id: "2025-07-10-talks",
      title: "Talks",
      summary: "",
      precision: "day",
      dateBasis: "stated",
      dateNote: CSV_DATE_NOTE,
      lane: "events",
      actors: [],
      topics: [],
      sources: [],
    });
    expect(summit?.precision).toBe("month");
  });

  it("keeps an event whose row has a source but no quote, leaving that source out with a warning", async () => {
    const loaded = await loadText("noquote.csv", "start,title,source\n2025-07-10,Talks,Daily News\n");
    expect(lines(loaded)).toEqual([
      "warning: noquote.csv: rows[2] (2025-07-10-talks): quote: is required (a verbatim quote); this source was left out",
    ]);
    expect(loaded.dataset.events.map((e) => [e.id, e.sources])).toEqual([["2025-07-10-talks", []]]);
  });

  it("reports an empty file", async () => {
    const loaded = await loadText("empty.csv", "");
    expect(lines(loaded)).toEqual([`empty.csv: rows[1]: (header): must be the first line: ${HEADER}`]);
  });

  it("warns about unknown and repeated columns but reads the rest", async () => {
    const loaded = await loadText(
      "extra.csv",
      `${HEADER},notes,title\ne1,2025-07-10,,,T,S,L,A,,Src,long enough quote,,,a note,Other\n`,
    );
    expect(lines(loaded)).toEqual([
      "warning: extra.csv: rows[1]: notes: is not a known column and was ignored",
      "warning: extra.csv: rows[1]: title: appears twice in the header; the first one is used",
    ]);
    expect(loaded.dataset.events.map((e) => e.title)).toEqual(["T"]);
  });

  it("reports a row with a missing title at its line and column, keeping the rows around it", async () => {
    const loaded = await loadText(
      "bad.csv",
      csv(
        'good-1,2025-07-10,,,First,"two\nlines",L,A,,Src,long enough quote,,',
        ",2025-07-11,,,,No title here,L,A,,Src,long enough quote,,",
        "with-id,2025-07-12,,,,No title either,L,A,,Src,long enough quote,,",
        "good-2,2025-07-13,,,Last,S,L,A,,Src,long enough quote,,",
      ),
    );
    // The first data row spans lines 2–3, so the bad rows start on lines 4 and 5.
    expect(lines(loaded)).toEqual([
      "bad.csv: rows[4]: title: is required",
      "bad.csv: rows[5] (with-id): title: is required",
    ]);
    expect(loaded.dataset.events.map((e) => e.id)).toEqual(["good-1", "good-2"]);
    expect(loaded.rejectedEvents).toBe(2);
  });

  it("moves the validator's findings to CSV rows and column names", async () => {
    const loaded = await loadText(
      "mapped.csv",
      csv(
        "e1,2025-02-30,,,Bad date,S,L,A,,Src,long enough quote,sure,",
        "e2,2025-07-10,,,Fine,S,L,A,,Src,long enough quote,,",
        "e2,,,,,,,,,Src,short,,",
        "e2,,,,,,,,,,quote without a source,,",
        "e3,2025-07,,day,Bad precision,S,L,,,Src,long enough quote,,",
      ),
    );
    expect(lines(loaded)).toEqual([
      'mapped.csv: rows[2] (e1): start: "2025-02-30" is not a calendar date: 2025-02 has 28 days',
      'mapped.csv: rows[2] (e1): date_basis: "sure" is not one of stated, inferred, reference',
      "warning: mapped.csv: rows[5] (e2): source: is required (an article id or title); this source was left out",
      'mapped.csv: rows[6] (e3): precision: "day" needs start written as YYYY-MM-DD, but start is "2025-07"',
    ]);
    // Not a strict dataset: a short quote is a quote, and a bad source costs only itself.
    expect(loaded.dataset.events.map((e) => [e.id, e.sources.map((s) => s.quote)])).toEqual([
      ["e2", ["long enough quote", "short"]],
    ]);
  });

  it("reports an over-long lane label and source title on the row that introduced them", async () => {
    const longLane = "L".repeat(61);
    const longSource = "S".repeat(201);
    const loaded = await loadText(
      "long.csv",
      csv(
        "ok,2025-07-10,,,Fine,S,Lane,A,,Src,long enough quote,,",
        `lane,2025-07-11,,,Lane too long,S,${longLane},A,,Src,long enough quote,,`,
        `src,2025-07-12,,,Source too long,S,Lane,A,,${longSource},long enough quote,,`,
      ),
    );
    const found = lines(loaded);
    expect(found).toContain("long.csv: rows[3]: lane: is 61 characters long; at most 60 allowed");
    expect(found).toContain("long.csv: rows[4]: source: is 201 characters long; at most 200 allowed");
    // The event whose source was refused stays, without that source.
    expect(loaded.dataset.events.map((e) => [e.id, e.sources.length])).toEqual([
      ["ok", 1],
      ["src", 0],
    ]);
  });

  it("warns when a further row of an event changes one of its fields", async () => {
    const loaded = await loadText(
      "differs.csv",
      csv(
        "e1,2025-07-10,,,Title,S,L,A,,Src,long enough quote,,",
        "e1,2025-07-11,,,Title,,,,,AP,another long quote,,",
      ),
    );
    expect(lines(loaded)).toEqual([
      "warning: differs.csv: rows[3] (e1): start: differs from the event's first row, rows[2]; that row's value is used",
    ]);
    expect(loaded.dataset.events[0]?.start.text).toBe("2025-07-10");
    expect(loaded.dataset.events[0]?.sources).toHaveLength(2);
  });

  it("warns about a row with the wrong number of cells", async () => {
    const loaded = await loadText("cells.csv", csv("e1,2025-07-10,,,T,S,L,A,,Src,long enough quote"));
    expect(lines(loaded)).toEqual(["warning: cells.csv: rows[2]: (row): has 11 cells but the header has 13"]);
    expect(loaded.dataset.events).toHaveLength(1);
  });

  it("reports a quote that is never closed instead of silently swallowing the rest of the file", async () => {
    const loaded = await loadText(
      "unclosed.csv",
      csv(
        "e1,2025-07-10,,,First,S,L,A,,Src,long enough quote,,",
        'e2,2025-07-11,,,"Second,S,L,A,,Src,long enough quote,,',
        "e3,2025-07-12,,,Third,S,L,A,,Src,long enough quote,,",
      ),
    );
    expect(lines(loaded)).toEqual([
      'unclosed.csv: rows[3]: (row): has a quoted cell that is never closed, so the rest of the file was read into it; close the quote (write "" for a quote mark inside a cell)',
    ]);
    expect(loaded.dataset.events.map((e) => e.id)).toEqual(["e1"]);
  });

  it("does not take a quote mark inside an unquoted cell for an opening quote", async () => {
    const loaded = await loadText(
      "inch.csv",
      csv('e1,2025-07-10,,,A 5" screen,S,L,A,,Src,long enough quote,,'),
    );
    expect(loaded.issues).toEqual([]);
    expect(loaded.dataset.events[0]?.title).toBe('A 5" screen');
  });
});

describe("datasetToCsv", () => {
  const json = {
    title: "t",
    lanes: [{ id: "meet", label: "Meetings, talks" }],
    articles: [
      { id: "a1", title: 'The "big" report' },
      { id: "a2", title: "Second" },
    ],
    events: [
      {
        id: "e1",
        title: "Call",
        summary: "Line one,\nline two",
        start: "2025-07-10",
        end: "2025-07-12",
        precision: "day",
        dateBasis: "inferred",
        dateNote: "On Thursday",
        lane: "meet",
        actors: ["Ann", "Bob"],
        topics: ["x"],
        sources: [
          { article: "a1", quote: "first quote here" },
          { article: "a2", quote: "second quote here" },
        ],
      },
    ],
  };

  it("writes the documented header, one row per source, quoting where CSV needs it", () => {
    const { dataset } = validateDataset(json, { file: "t.json" });
    expect(datasetToCsv(dataset)).toBe(
      `${HEADER}\n` +
        'e1,2025-07-10,2025-07-12,day,Call,"Line one,\nline two","Meetings, talks",Ann; Bob,x,"The ""big"" report",first quote here,inferred,On Thursday\n' +
        "e1,,,,,,,,,Second,second quote here,,\n",
    );
  });

  it("is read back into the same events", async () => {
    const { dataset } = validateDataset(json, { file: "t.json" });
    const back = await loadText("t.csv", datasetToCsv(dataset));
    expect(back.issues).toEqual([]);
    expect(datasetToCsv(back.dataset)).toBe(datasetToCsv(dataset));
  });

  it("writes any cell text so a CSV reader gets it back exactly", () => {
    const text = fc.string({ unit: fc.constantFrom("a", " ", ",", '"', "\n", "\r", "é", ";") });
    fc.assert(
      fc.property(text, text, (title, summary) => {
        const record = { ...json.events[0]!, title: `T${title}`.slice(0, 120), summary: `S${summary}` };
        const { dataset } = validateDataset({ ...json, events: [record] }, { file: "t.json" });
        const event = dataset.events[0]!;
        const [, first] = csvParseRows(datasetToCsv(dataset));
        expect(first![CSV_COLUMNS.indexOf("title")]).toBe(event.title);
        expect(first![CSV_COLUMNS.indexOf("summary")]).toBe(event.summary);
      }),
    );
  });
});

describe("the optional media columns", () => {
  const MEDIA_HEADER = `${HEADER},media,media_caption,media_credit,media_alt`;
  it("read an event's media, checked as in every format, naming row and column", async () => {
    const text = [
      MEDIA_HEADER,
      ",2025-07-14,,,Visit,,,,,,,,,https://upload.wikimedia.org/a.jpg,The visit,AP,Two men",
      ",2025-07-15,,,Plain http,,,,,,,,,http://example.org/b.jpg,,,",
      ",2025-07-16,,,No media,,,,,,,,,,,,",
    ].join("\n");
    const result = await loadText("m.csv", text);
    expect(result.dataset.events.map((e) => e.media)).toEqual([
      { url: "https://upload.wikimedia.org/a.jpg", caption: "The visit", credit: "AP", alt: "Two men" },
      undefined,
      undefined,
    ]);
    expect(lines(result)).toEqual([
      'warning: m.csv: rows[3] (2025-07-15-plain-http): media: "http://example.org/b.jpg" must be an https URL',
      "warning: m.csv: rows[3] (2025-07-15-plain-http): media: was left out (see the problems above)",
    ]);
    // Written back only for a dataset that has media, so the columns round-trip.
    const csv = datasetToCsv(result.dataset);
    expect(csv.split("\n")[0]).toBe(MEDIA_HEADER);
    expect((await loadText("m.csv", csv)).dataset.events[0]!.media).toEqual(result.dataset.events[0]!.media);
    expect(datasetToCsv({ ...result.dataset, events: result.dataset.events.slice(1) }).split("\n")[0]).toBe(
      HEADER,
    );
  });
});
