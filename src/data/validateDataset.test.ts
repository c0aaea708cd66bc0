import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { articleFiles, validateDataset, type ArticleText, type ValidationResult } from "./validateDataset";

type Json = Record<string, unknown>;

/** A dataset document as the tests build it: mutable, so each test can break one thing. */
interface Doc {
  [key: string]: unknown;
  lanes: Json[];
  articles: Json[];
  events: Json[];
}

const FILE = "data/events.json";

// Article texts as a scraper would save them: curly quotes, an em dash, a non-breaking space, newlines.
const MINISTER_TEXT =
  "POLITICS DESK\n\nOn Thursday the minister told reporters: \u201CWe won\u2019t resign \u2014 not now,\u00A0not ever.\u201D\n" +
  "The confidence vote is set for 14 July.";
const MARKETS_TEXT =
  "Markets fell 3% on Friday after the announcement.\nAnalysts called it a \u2018shock\u2019.";

const TEXTS: ReadonlyMap<string, ArticleText> = new Map<string, ArticleText>([
  ["minister-interview", { ok: true, text: MINISTER_TEXT }],
  ["markets-report", { ok: true, text: MARKETS_TEXT }],
]);

/** Two lanes, two articles with texts, three valid events. A fresh copy every call. */
function fixture(): Doc {
  return {
    $schema: "./events.schema.json",
    strict: true,
    title: "A week in July",
    description: "Fixture for the validator tests",
    lanes: [
      { id: "politics", label: "Politics" },
      { id: "economy", label: "Economy", description: "Markets and money" },
    ],
    articles: [
      {
        id: "minister-interview",
        title: "Minister will not resign",
        file: "articles/minister.txt",
        outlet: "The Daily",
        url: "https://example.org/minister",
        published: "2025-07-11",
        publishedBasis: "stated",
        publishedNote: "Dateline",
      },
      {
        id: "markets-report",
        title: "Markets fall",
        file: "articles/markets.txt",
        published: "2025-07-12T09:30+01:00",
      },
    ],
    events: [
      {
        id: "minister-vows",
        title: "Minister vows to stay",
        summary: "The minister says she will not resign.",
        start: "2025-07-10",
        precision: "day",
        dateBasis: "inferred",
        dateNote: 'Article of 11 July says "on Thursday"',
        lane: "politics",
        actors: ["Minister"],
        topics: ["government"],
        // Typed with straight quotes and a hyphen; the article has curly ones and an em dash.
        sources: [{ article: "minister-interview", quote: "We won't resign - not now, not ever." }],
      },
      {
        id: "markets-fall",
        title: "Markets fall",
        summary: "Shares drop after the announcement.",
        start: "2025-07-11",
        precision: "day",
        dateBasis: "inferred",
        dateNote: "Friday before the 12 July report",
        lane: "economy",
        actors: ["Markets"],
        sources: [{ article: "markets-report", quote: "Markets fell 3% on Friday" }],
      },
      {
        id: "confidence-vote",
        title: "Confidence vote",
        summary: "Parliament votes on the government.",
        start: "2025-07-14",
        end: "2025-07-15",
        precision: "day",
        dateBasis: "stated",
        dateNote: "Article gives the date",
        lane: "politics",
        actors: ["Parliament", "Minister"],
        sources: [{ article: "minister-interview", quote: "The confidence vote is set for 14 July." }],
        conflict: { note: "Timing disputed", events: ["minister-vows"] },
      },
    ],
  };
}

function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

/** The fixture with fields of events[index] replaced (a value of undefined removes the field). */
function withEvent(index: number, patch: Json, doc: Doc = fixture()): Doc {
  const merged: Json = { ...at(doc.events, index), ...patch };
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete merged[key];
  doc.events[index] = merged;
  return doc;
}

function withArticle(index: number, patch: Json, doc: Doc = fixture()): Doc {
  const merged: Json = { ...at(doc.articles, index), ...patch };
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete merged[key];
  doc.articles[index] = merged;
  return doc;
}

function validate(doc: unknown, texts: ReadonlyMap<string, ArticleText> = TEXTS): ValidationResult {
  return validateDataset(doc, { file: FILE, articleTexts: texts });
}

const messages = (result: ValidationResult): string[] => result.issues.map(formatIssue);
const eventIds = (result: ValidationResult): string[] => result.dataset.events.map((event) => event.id);
const ALL = ["minister-vows", "markets-fall", "confidence-vote"];

function eventById(result: ValidationResult, id: string) {
  const event = result.dataset.events.find((e) => e.id === id);
  if (event === undefined)
    throw new Error(`event ${id} was not kept; issues: ${messages(result).join("; ")}`);
  return event;
}

const utc = (text: string): number => Date.parse(text);

describe("a valid dataset", () => {
  it("validateDataset accepts the fixture with zero issues and keeps every record", () => {
    const result = validate(fixture());
    expect(messages(result)).toEqual([]);
    expect(result.dataset.title).toBe("A week in July");
    expect(result.dataset.description).toBe("Fixture for the validator tests");
    expect(result.dataset.lanes).toEqual([
      { id: "politics", label: "Politics", description: undefined },
      { id: "economy", label: "Economy", description: "Markets and money" },
    ]);
    expect(result.dataset.articles.map((a) => a.id)).toEqual(["minister-interview", "markets-report"]);
    expect(eventIds(result)).toEqual(ALL);
    expect(result.rejectedEvents).toBe(0);
  });

  it("validateDataset turns a valid event into its full record with an honest extent", () => {
    const vows = eventById(validate(fixture()), "minister-vows");
    expect(vows).toMatchObject({
      id: "minister-vows",
      title: "Minister vows to stay",
      precision: "day",
      dateBasis: "inferred",
      lane: "politics",
      actors: ["Minister"],
      topics: ["government"],
      sources: [
        { article: "minister-interview", quote: "We won't resign - not now, not ever.", verified: true },
      ],
      startMs: utc("2025-07-10T00:00:00Z"),
      endMs: utc("2025-07-11T00:00:00Z"),
      isRange: false,
    });
    expect(vows.start.text).toBe("2025-07-10");
    expect(vows.end).toBeUndefined();
    expect(vows.conflict).toBeUndefined();
  });

  it("validateDataset reads articles' optional fields, published date included", () => {
    const [minister, markets] = validate(fixture()).dataset.articles;
    expect(minister).toMatchObject({
      title: "Minister will not resign",
      file: "articles/minister.txt",
      outlet: "The Daily",
      url: "https://example.org/minister",
      publishedBasis: "stated",
      publishedNote: "Dateline",
    });
    expect(minister?.published?.startMs).toBe(utc("2025-07-11T00:00:00Z"));
    expect(markets?.published?.startMs).toBe(utc("2025-07-12T08:30:00Z"));
  });

  it("validateDataset gives an event with an end an extent to the end of its last day, marked as a range", () => {
    const vote = eventById(validate(fixture()), "confidence-vote");
    expect([vote.startMs, vote.endMs, vote.isRange]).toEqual([
      utc("2025-07-14T00:00:00Z"),
      utc("2025-07-16T00:00:00Z"),
      true,
    ]);
    expect(vote.conflict).toEqual({ note: "Timing disputed", events: ["minister-vows"] });
  });

  it("validateDataset trims strings", () => {
    const result = validate(withEvent(1, { title: "  Markets fall \n", lane: " economy " }));
    expect(messages(result)).toEqual([]);
    expect(eventById(result, "markets-fall")).toMatchObject({ title: "Markets fall", lane: "economy" });
  });
});

describe("the document", () => {
  it.each([
    ["an array", []],
    ["null", null],
    ["a string", "events"],
    ["a number", 7],
  ])(
    "validateDataset(%s) reports that the root must be an object and returns an empty dataset",
    (_, json) => {
      const result = validate(json);
      expect(messages(result)).toEqual([
        "data/events.json: (top level): (document): must be a JSON object with title, lanes, articles and events",
      ]);
      expect(result.dataset).toEqual({ title: "", description: "", lanes: [], articles: [], events: [] });
    },
  );

  it("validateDataset reports a missing title and still keeps every event", () => {
    const doc = fixture();
    delete doc["title"];
    const result = validate(doc);
    expect(messages(result)).toEqual(["data/events.json: (top level): title: is required"]);
    expect(result.dataset.title).toBe("Untitled timeline");
    expect(eventIds(result)).toEqual(ALL);
  });

  it("validateDataset reports missing lanes, and then every event's lane as unknown", () => {
    const doc: Json = { ...fixture() };
    delete doc["lanes"];
    expect(messages(validate(doc))).toEqual([
      "data/events.json: (top level): lanes: is required",
      'data/events.json: events[0] (minister-vows): lane: "politics" is not a lane in this file (lanes: )',
      'data/events.json: events[1] (markets-fall): lane: "economy" is not a lane in this file (lanes: )',
      'data/events.json: events[2] (confidence-vote): lane: "politics" is not a lane in this file (lanes: )',
    ]);
  });

  it("validateDataset reports missing articles, and then every source's article as unknown", () => {
    const doc: Json = { ...fixture() };
    delete doc["articles"];
    expect(messages(validate(doc))).toEqual([
      "data/events.json: (top level): articles: is required",
      'data/events.json: events[0] (minister-vows): sources[0].article: "minister-interview" is not an article in this file',
      'data/events.json: events[1] (markets-fall): sources[0].article: "markets-report" is not an article in this file',
      'data/events.json: events[2] (confidence-vote): sources[0].article: "minister-interview" is not an article in this file',
    ]);
  });

  it("validateDataset reports missing events and keeps lanes and articles", () => {
    const doc: Json = { ...fixture() };
    delete doc["events"];
    const result = validate(doc);
    expect(messages(result)).toEqual(["data/events.json: (top level): events: is required"]);
    expect(result.dataset.lanes).toHaveLength(2);
    expect(result.dataset.articles).toHaveLength(2);
  });

  it("validateDataset reports a number where the title string belongs", () => {
    expect(messages(validate({ ...fixture(), title: 5 }))).toEqual([
      "data/events.json: (top level): title: must be a string, not number 5",
    ]);
  });

  it("validateDataset reports an object where the events array belongs", () => {
    expect(messages(validate({ ...fixture(), events: { id: "x" } }))).toEqual([
      "data/events.json: (top level): events: must be an array, not an object",
    ]);
  });

  it("validateDataset reports an event that is not an object and keeps the others", () => {
    const doc = fixture();
    const result = validate({ ...doc, events: [at(doc.events, 0), "markets-fall", null, at(doc.events, 2)] });
    expect(messages(result)).toEqual([
      "data/events.json: events[1]: (record): must be an object",
      "data/events.json: events[2]: (record): must be an object",
      'data/events.json: articles[1] (markets-report): id: is not the source of any event; cite it, or mark it "background": true',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });
});

describe("event fields", () => {
  it("validateDataset reports a number where an event's title string belongs", () => {
    const result = validate(withEvent(1, { title: 5 }));
    expect(messages(result)).toEqual([
      "data/events.json: events[1] (markets-fall): title: must be a string, not number 5",
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });

  it("validateDataset reports a string where the actors array belongs", () => {
    expect(messages(validate(withEvent(1, { actors: "Markets" })))).toEqual([
      'data/events.json: events[1] (markets-fall): actors: must be an array of strings, not "Markets"',
    ]);
  });

  it("validateDataset reports a number inside the actors array, naming its index", () => {
    expect(messages(validate(withEvent(1, { actors: ["Markets", 3] })))).toEqual([
      "data/events.json: events[1] (markets-fall): actors[1]: must be a non-empty string",
    ]);
  });

  it("validateDataset reports an empty actors array", () => {
    expect(messages(validate(withEvent(1, { actors: [] })))).toEqual([
      "data/events.json: events[1] (markets-fall): actors: must list at least one",
    ]);
  });

  it("validateDataset reports each missing required event field", () => {
    const patch = { summary: undefined, dateBasis: undefined, dateNote: "  " };
    expect(messages(validate(withEvent(1, patch)))).toEqual([
      "data/events.json: events[1] (markets-fall): summary: is required",
      "data/events.json: events[1] (markets-fall): dateBasis: is required",
      "data/events.json: events[1] (markets-fall): dateNote: must not be empty",
    ]);
  });

  it("validateDataset reports a title longer than 120 characters", () => {
    expect(messages(validate(withEvent(1, { title: "x".repeat(121) })))).toEqual([
      "data/events.json: events[1] (markets-fall): title: is 121 characters long; at most 120 allowed",
    ]);
  });

  it("validateDataset reports a precision that is not one of the five", () => {
    expect(messages(validate(withEvent(1, { precision: "hour" })))).toEqual([
      'data/events.json: events[1] (markets-fall): precision: "hour" is not one of year, month, week, day, time',
    ]);
  });

  it("validateDataset reports an id that is not lowercase letters, digits and hyphens", () => {
    const result = validate(withEvent(1, { id: "Markets_Fall" }));
    expect(messages(result)).toEqual([
      'data/events.json: events[1] (Markets_Fall): id: "Markets_Fall" must be lowercase letters, digits and hyphens, starting with a letter or digit',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });

  it("validateDataset reports an id starting with a hyphen", () => {
    expect(messages(validate(withEvent(1, { id: "-markets" })))).toEqual([
      'data/events.json: events[1] (-markets): id: "-markets" must be lowercase letters, digits and hyphens, starting with a letter or digit',
    ]);
  });

  it("validateDataset reports the second of two events with the same id and keeps the first", () => {
    const result = validate(withEvent(2, { id: "minister-vows", title: "Second one" }));
    expect(messages(result)).toEqual([
      "data/events.json: events[2] (minister-vows): id: duplicates the id of events[0]",
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "markets-fall"]);
    expect(eventById(result, "minister-vows").title).toBe("Minister vows to stay");
  });

  it("validateDataset reports an event in a lane the file does not define", () => {
    const result = validate(withEvent(1, { lane: "sport" }));
    expect(messages(result)).toEqual([
      'data/events.json: events[1] (markets-fall): lane: "sport" is not a lane in this file (lanes: politics, economy)',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });

  it("validateDataset reports an unknown field as a warning and keeps the event", () => {
    const result = validate(withEvent(0, { colour: "red" }));
    expect(messages(result)).toEqual([
      "warning: data/events.json: events[0] (minister-vows): colour: is not a known field and was ignored",
    ]);
    expect(result.issues.map((issue) => issue.severity)).toEqual(["warning"]);
    expect(eventIds(result)).toEqual(ALL);
  });

  it("validateDataset warns about unknown fields at the top level and in sources, keeping everything", () => {
    const doc = withEvent(1, {
      sources: [{ article: "markets-report", quote: "Markets fell 3% on Friday", page: 2 }],
    });
    const result = validate({ ...doc, version: 2 });
    expect(messages(result)).toEqual([
      "warning: data/events.json: (top level): version: is not a known field and was ignored",
      "warning: data/events.json: events[1] (markets-fall): sources[0].page: is not a known field and was ignored",
    ]);
    expect(eventIds(result)).toEqual(ALL);
  });
});

describe("own fields only", () => {
  it("validateDataset reads only a record's own fields, never inherited ones", () => {
    const doc = fixture();
    const { title: _title, ...rest } = at(doc.events, 1);
    doc.events[1] = Object.assign(Object.create({ title: "Inherited title" }) as Json, rest);
    expect(messages(validate(doc))).toEqual([
      "data/events.json: events[1] (markets-fall): title: is required",
    ]);
  });
});

describe("sources and quotes", () => {
  it("validateDataset reports a source citing an article the file does not define", () => {
    const result = validate(
      withEvent(1, { sources: [{ article: "nope", quote: "Markets fell 3% on Friday" }] }),
    );
    expect(messages(result)).toEqual([
      'data/events.json: events[1] (markets-fall): sources[0].article: "nope" is not an article in this file',
      'data/events.json: articles[1] (markets-report): id: is not the source of any event; cite it, or mark it "background": true',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });

  it("validateDataset reports a quote that is not verbatim in its article", () => {
    const result = validate(
      withEvent(1, { sources: [{ article: "markets-report", quote: "Markets rose 3% on Friday" }] }),
    );
    expect(messages(result)).toEqual([
      'data/events.json: events[1] (markets-fall): sources[0].quote: is not verbatim in article "markets-report": "Markets rose 3% on Friday"',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });

  it("validateDataset shortens a long quote that is not verbatim to 57 characters and an ellipsis", () => {
    const quote = "Markets fell 3% on Friday after the announcement, and then fell again on Monday.";
    expect(messages(validate(withEvent(1, { sources: [{ article: "markets-report", quote }] })))).toEqual([
      'data/events.json: events[1] (markets-fall): sources[0].quote: is not verbatim in article "markets-report": "Markets fell 3% on Friday after the announcement, and the..."',
    ]);
  });

  it("validateDataset reports a quote found only in another article as not verbatim", () => {
    const sources = [{ article: "minister-interview", quote: "Markets fell 3% on Friday" }];
    expect(messages(validate(withEvent(1, { sources })))).toEqual([
      'data/events.json: events[1] (markets-fall): sources[0].quote: is not verbatim in article "minister-interview": "Markets fell 3% on Friday"',
      'data/events.json: articles[1] (markets-report): id: is not the source of any event; cite it, or mark it "background": true',
    ]);
  });

  it("validateDataset accepts a quote that differs from the article only in typography", () => {
    const sources = [
      { article: "markets-report", quote: "announcement. Analysts called it a 'shock'" },
      {
        article: "minister-interview",
        quote: "\u201CWe won\u2019t resign\u2014not now, not ever.\u201D".replace("\u2014", " \u2014 "),
      },
    ];
    const result = validate(withEvent(1, { sources }));
    expect(messages(result)).toEqual([]);
    expect(eventById(result, "markets-fall").sources.map((s) => s.verified)).toEqual([true, true]);
  });

  it("validateDataset reports a quote that differs from the article by one word, even with fixed typography", () => {
    const sources = [{ article: "minister-interview", quote: "We will not resign - not now, not ever." }];
    expect(messages(validate(withEvent(0, { sources })))).toEqual([
      'data/events.json: events[0] (minister-vows): sources[0].quote: is not verbatim in article "minister-interview": "We will not resign - not now, not ever."',
      'warning: data/events.json: events[2] (confidence-vote): conflict.events: "minister-vows" was left out because of its own errors',
    ]);
  });

  it("validateDataset reports a quote shorter than 8 characters", () => {
    expect(
      messages(validate(withEvent(1, { sources: [{ article: "markets-report", quote: " Markets " }] }))),
    ).toEqual([
      "data/events.json: events[1] (markets-fall): sources[0].quote: is 7 characters long; quotes must be 8–400 characters",
    ]);
  });

  it("validateDataset accepts a quote of exactly 8 characters", () => {
    expect(
      messages(validate(withEvent(1, { sources: [{ article: "markets-report", quote: "Analysts" }] }))),
    ).toEqual([]);
  });

  it("validateDataset reports a quote longer than 400 characters", () => {
    const quote = "a".repeat(401);
    expect(messages(validate(withEvent(1, { sources: [{ article: "markets-report", quote }] })))).toEqual([
      "data/events.json: events[1] (markets-fall): sources[0].quote: is 401 characters long; quotes must be 8–400 characters",
    ]);
  });

  it("validateDataset reports an empty sources list", () => {
    expect(messages(validate(withEvent(1, { sources: [] })))).toEqual([
      "data/events.json: events[1] (markets-fall): sources: must list at least one source",
      'data/events.json: articles[1] (markets-report): id: is not the source of any event; cite it, or mark it "background": true',
    ]);
  });

  it("validateDataset reports a source without a quote and one that is not an object", () => {
    const sources = [{ article: "markets-report" }, "markets-report"];
    expect(messages(validate(withEvent(1, { sources })))).toEqual([
      "data/events.json: events[1] (markets-fall): sources[0].quote: is required (a verbatim quote)",
      "data/events.json: events[1] (markets-fall): sources[1]: must be an object with article and quote",
    ]);
  });
});

describe("dates and precision", () => {
  it("validateDataset reports an impossible date 2025-02-30", () => {
    const result = validate(withEvent(1, { start: "2025-02-30" }));
    expect(messages(result)).toEqual([
      'data/events.json: events[1] (markets-fall): start: "2025-02-30" is not a calendar date: 2025-02 has 28 days',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });

  it("validateDataset reports month 13", () => {
    expect(messages(validate(withEvent(1, { start: "2025-13", precision: "month" })))).toEqual([
      'data/events.json: events[1] (markets-fall): start: "2025-13" has month 13; months run 01–12',
    ]);
  });

  it("validateDataset reports an impossible end date", () => {
    expect(messages(validate(withEvent(2, { end: "2025-07-32" })))).toEqual([
      'data/events.json: events[2] (confidence-vote): end: "2025-07-32" is not a calendar date: 2025-07 has 31 days',
    ]);
  });

  it("validateDataset reports a number where the start date string belongs", () => {
    expect(messages(validate(withEvent(1, { start: 2025 })))).toEqual([
      "data/events.json: events[1] (markets-fall): start: must be a string, not number 2025",
    ]);
  });

  it("validateDataset reports an end before the start", () => {
    const result = validate(withEvent(2, { end: "2025-07-13" }));
    expect(messages(result)).toEqual([
      'data/events.json: events[2] (confidence-vote): end: "2025-07-13" is before start "2025-07-14"',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "markets-fall"]);
  });

  it("validateDataset accepts an end time later on the start day", () => {
    const result = validate(
      withEvent(2, { start: "2025-07-14T09:00Z", end: "2025-07-14T17:30+02:00", precision: "time" }),
    );
    expect(messages(result)).toEqual([]);
    const vote = eventById(result, "confidence-vote");
    expect([vote.startMs, vote.endMs]).toEqual([utc("2025-07-14T09:00:00Z"), utc("2025-07-14T15:30:00Z")]);
  });

  it("validateDataset warns when end equals start and keeps the event", () => {
    const result = validate(withEvent(2, { end: "2025-07-14" }));
    expect(messages(result)).toEqual([
      "warning: data/events.json: events[2] (confidence-vote): end: equals start; leave end out for a single date",
    ]);
    expect(eventIds(result)).toEqual(ALL);
  });

  it('validateDataset reports precision "day" with start written as a month "2025-07"', () => {
    const result = validate(withEvent(1, { start: "2025-07" }));
    expect(messages(result)).toEqual([
      'data/events.json: events[1] (markets-fall): precision: "day" needs start written as YYYY-MM-DD, but start is "2025-07"',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });

  it('validateDataset reports precision "time" with start written as a day', () => {
    expect(messages(validate(withEvent(1, { precision: "time" })))).toEqual([
      'data/events.json: events[1] (markets-fall): precision: "time" needs start written as YYYY-MM-DDThh:mm with a zone, but start is "2025-07-11"',
    ]);
  });

  it('validateDataset reports precision "week" with start written as a month', () => {
    expect(messages(validate(withEvent(1, { precision: "week", start: "2025-07" })))).toEqual([
      'data/events.json: events[1] (markets-fall): precision: "week" needs start written as YYYY-MM-DD, but start is "2025-07"',
    ]);
  });

  it('validateDataset reports precision "year" with start written as a day', () => {
    expect(messages(validate(withEvent(1, { precision: "year" })))).toEqual([
      'data/events.json: events[1] (markets-fall): precision: "year" needs start written as YYYY, but start is "2025-07-11"',
    ]);
  });

  it("validateDataset gives a week-precision event an honest extent of 7 days from its start", () => {
    const result = validate(withEvent(1, { precision: "week", start: "2025-07-07" }));
    expect(messages(result)).toEqual([]);
    const event = eventById(result, "markets-fall");
    expect([event.startMs, event.endMs, event.isRange]).toEqual([
      utc("2025-07-07T00:00:00Z"),
      utc("2025-07-14T00:00:00Z"),
      false,
    ]);
  });

  it("validateDataset gives a month-precision event an extent covering the whole month", () => {
    const result = validate(withEvent(1, { precision: "month", start: "2024-02" }));
    expect(messages(result)).toEqual([]);
    const event = eventById(result, "markets-fall");
    expect([event.startMs, event.endMs]).toEqual([utc("2024-02-01T00:00:00Z"), utc("2024-03-01T00:00:00Z")]);
  });

  it("validateDataset gives a year-precision event an extent covering the whole year", () => {
    const event = eventById(validate(withEvent(1, { precision: "year", start: "2025~" })), "markets-fall");
    expect([event.startMs, event.endMs, event.start.approximate]).toEqual([
      utc("2025-01-01T00:00:00Z"),
      utc("2026-01-01T00:00:00Z"),
      true,
    ]);
  });

  it("validateDataset makes a time-precision event an instant at the written time in UTC", () => {
    const result = validate(withEvent(1, { precision: "time", start: "2025-07-11T09:30-04:00" }));
    expect(messages(result)).toEqual([]);
    const event = eventById(result, "markets-fall");
    expect([event.startMs, event.endMs]).toEqual([utc("2025-07-11T13:30:00Z"), utc("2025-07-11T13:30:00Z")]);
    expect(event.start.offsetMinutes).toBe(-240);
  });

  it("validateDataset keeps an imprecise start's whole window when the end falls inside it", () => {
    const result = validate(withEvent(2, { precision: "month", start: "2025-07", end: "2025-07-20" }));
    expect(messages(result)).toEqual([]);
    const vote = eventById(result, "confidence-vote");
    expect([vote.startMs, vote.endMs, vote.isRange]).toEqual([
      utc("2025-07-01T00:00:00Z"),
      utc("2025-08-01T00:00:00Z"),
      true,
    ]);
  });

  it("validateDataset extends a week-precision event with a later end to the end of that end", () => {
    const vote = eventById(
      validate(withEvent(2, { precision: "week", start: "2025-07-07", end: "2025-07-20" })),
      "confidence-vote",
    );
    expect([vote.startMs, vote.endMs]).toEqual([utc("2025-07-07T00:00:00Z"), utc("2025-07-21T00:00:00Z")]);
  });
});

describe("conflicts", () => {
  it("validateDataset reports conflict.events naming an event that is not in the file", () => {
    const result = validate(
      withEvent(2, { conflict: { note: "Timing disputed", events: ["minister-vows", "ghost"] } }),
    );
    expect(messages(result)).toEqual([
      'data/events.json: events[2] (confidence-vote): conflict.events: "ghost" is not an event in this file',
    ]);
    // The event itself is valid, so it is kept.
    expect(eventIds(result)).toEqual(ALL);
  });

  it("validateDataset accepts conflict.events pointing forwards to a later event", () => {
    const result = validate(
      withEvent(0, { conflict: { note: "Contradicted", events: ["confidence-vote"] } }),
    );
    expect(messages(result)).toEqual([]);
    expect(eventById(result, "minister-vows").conflict).toEqual({
      note: "Contradicted",
      events: ["confidence-vote"],
    });
  });

  it("validateDataset reports a conflict without a note and one whose events are not strings", () => {
    expect(messages(validate(withEvent(0, { conflict: { events: [] } })))).toEqual([
      "data/events.json: events[0] (minister-vows): conflict.note: is required",
      'warning: data/events.json: events[2] (confidence-vote): conflict.events: "minister-vows" was left out because of its own errors',
    ]);
    expect(messages(validate(withEvent(0, { conflict: { note: "n", events: [1] } })))).toEqual([
      "data/events.json: events[0] (minister-vows): conflict.events: must be an array of event ids",
      'warning: data/events.json: events[2] (confidence-vote): conflict.events: "minister-vows" was left out because of its own errors',
    ]);
  });
});

describe("articles and their texts", () => {
  it("validateDataset reports an article whose text failed to load, and keeps its events unverified", () => {
    const texts = new Map<string, ArticleText>([
      ...TEXTS,
      ["markets-report", { ok: false, message: "HTTP 404" }],
    ]);
    const result = validate(fixture(), texts);
    expect(messages(result)).toEqual([
      'data/events.json: articles[1] (markets-report): file: could not read "articles/markets.txt": HTTP 404',
      'warning: data/events.json: events[1] (markets-fall): sources[0].quote: cannot be verified: the text of article "markets-report" is unavailable',
    ]);
    expect(result.issues.map((issue) => issue.severity)).toEqual(["error", "warning"]);
    expect(eventIds(result)).toEqual(ALL);
    expect(eventById(result, "markets-fall").sources).toEqual([
      { article: "markets-report", quote: "Markets fell 3% on Friday", verified: false },
    ]);
    expect(result.dataset.articles.map((a) => a.id)).toEqual(["minister-interview", "markets-report"]);
  });

  it("validateDataset reports an article whose text was never loaded, and keeps its events unverified", () => {
    const texts = new Map<string, ArticleText>([["minister-interview", { ok: true, text: MINISTER_TEXT }]]);
    const result = validate(fixture(), texts);
    expect(messages(result)).toEqual([
      'data/events.json: articles[1] (markets-report): file: text of "articles/markets.txt" was not loaded',
      'warning: data/events.json: events[1] (markets-fall): sources[0].quote: cannot be verified: the text of article "markets-report" is unavailable',
    ]);
    expect(eventById(result, "markets-fall").sources[0]?.verified).toBe(false);
  });

  it("validateDataset gives sources citing an article without a file verified: false and no issue", () => {
    const result = validate(withArticle(1, { file: undefined }), new Map());
    expect(messages(result).filter((m) => m.includes("markets"))).toEqual([]);
    expect(eventById(result, "markets-fall").sources).toEqual([
      { article: "markets-report", quote: "Markets fell 3% on Friday", verified: false },
    ]);
    expect(eventById(result, "minister-vows").sources[0]?.verified).toBe(false);
  });

  it("validateDataset reports the second of two articles with the same id and keeps only the first", () => {
    const doc = fixture();
    doc.articles.push({ id: "markets-report", title: "A second markets report" });
    const result = validate(doc);
    expect(messages(result)).toEqual([
      'data/events.json: articles[2] (markets-report): id: duplicates articles id "markets-report"',
    ]);
    expect(result.dataset.articles.map((a) => a.title)).toEqual(["Minister will not resign", "Markets fall"]);
    expect(eventById(result, "markets-fall").sources[0]?.verified).toBe(true);
  });

  it("validateDataset reports an article url that is not http(s)", () => {
    expect(messages(validate(withArticle(0, { url: "ftp://example.org/a" })))).toEqual([
      'data/events.json: articles[0] (minister-interview): url: "ftp://example.org/a" must be an http(s) URL',
    ]);
  });

  it("validateDataset reports an impossible published date", () => {
    expect(messages(validate(withArticle(0, { published: "2025-02-29" })))).toEqual([
      'data/events.json: articles[0] (minister-interview): published: "2025-02-29" is not a calendar date: 2025-02 has 28 days',
    ]);
  });
});

describe("lanes", () => {
  it("validateDataset reports a duplicate lane and keeps the first", () => {
    const doc = fixture();
    doc.lanes.push({ id: "economy", label: "Economy again" });
    const result = validate(doc);
    expect(messages(result)).toEqual([
      'data/events.json: lanes[2] (economy): id: duplicates lanes id "economy"',
    ]);
    expect(result.dataset.lanes.map((lane) => lane.label)).toEqual(["Politics", "Economy"]);
  });

  it("validateDataset drops a lane with an error, and reports its events' lane as unknown", () => {
    const doc = fixture();
    doc.lanes[1] = { id: "economy", label: 7 };
    const result = validate(doc);
    expect(messages(result)).toEqual([
      "data/events.json: lanes[1] (economy): label: must be a string, not number 7",
      'data/events.json: events[1] (markets-fall): lane: "economy" is not a lane in this file (lanes: politics)',
    ]);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
  });
});

describe("nothing valid is lost", () => {
  it("validateDataset returns every valid event when one event in the file is bad", () => {
    const result = validate(withEvent(1, { start: "2025-02-30", lane: "sport", title: 5 }));
    expect(result.issues.every((issue) => issue.path === "events[1]")).toBe(true);
    expect(eventIds(result)).toEqual(["minister-vows", "confidence-vote"]);
    expect(result.dataset.lanes).toHaveLength(2);
    expect(result.dataset.articles).toHaveLength(2);
    expect(result.rejectedEvents).toBe(1);
  });

  it("validateDataset reports every problem of a bad event in one run", () => {
    expect(messages(validate(withEvent(1, { start: "2025-02-30", lane: "sport", title: 5 })))).toEqual([
      "data/events.json: events[1] (markets-fall): title: must be a string, not number 5",
      'data/events.json: events[1] (markets-fall): start: "2025-02-30" is not a calendar date: 2025-02 has 28 days',
      'data/events.json: events[1] (markets-fall): lane: "sport" is not a lane in this file (lanes: politics, economy)',
    ]);
  });

  it("validateDataset keeps every valid event among many bad ones", () => {
    const doc = fixture();
    const good = at(doc.events, 1);
    const bad: unknown[] = [
      { ...good, id: "bad-date", start: "2025-13-01" },
      { ...good, id: "bad-lane", lane: "nowhere" },
      {
        ...good,
        id: "bad-quote",
        sources: [{ article: "markets-report", quote: "Markets soared on Friday" }],
      },
      42,
      { ...good, id: "bad-end", end: "2025-01-01" },
    ];
    const result = validate({
      ...doc,
      events: [bad[0], at(doc.events, 0), ...bad.slice(1, 4), good, bad[4], at(doc.events, 2)],
    });
    expect(eventIds(result)).toEqual(ALL);
    expect(result.issues.filter((issue) => issue.severity === "error")).toHaveLength(5);
    expect(result.rejectedEvents).toBe(5);
  });

  it("validateDataset counts a duplicate as a rejected event but not an event kept with a warning", () => {
    const doc = withEvent(2, { id: "minister-vows" }, withEvent(1, { colour: "red" }));
    expect(validate(doc).rejectedEvents).toBe(1);
  });
});

describe("articleFiles", () => {
  it("articleFiles lists the id and file of each article that has a file", () => {
    expect(articleFiles(fixture())).toEqual([
      { id: "minister-interview", file: "articles/minister.txt" },
      { id: "markets-report", file: "articles/markets.txt" },
    ]);
  });

  it("articleFiles trims, and skips articles without a usable id or file", () => {
    const articles = [
      { id: " a ", file: " a.txt " },
      { id: "b" },
      { id: "c", file: "  " },
      { id: 4, file: "d.txt" },
      { id: "e", file: 5 },
      "f",
      null,
    ];
    expect(articleFiles({ articles })).toEqual([{ id: "a", file: "a.txt" }]);
  });

  it.each([null, [], "articles", { articles: {} }, { articles: "a.txt" }, {}])(
    "articleFiles(%j) is empty for a document without an articles array",
    (json) => {
      expect(articleFiles(json)).toEqual([]);
    },
  );
});

describe("validateDataset never throws on user data", () => {
  // Values a careless or hostile file could hold, with keys that are special on plain objects.
  const trickyKey = fc.constantFrom(
    "__proto__",
    "constructor",
    "toString",
    "hasOwnProperty",
    "valueOf",
    "length",
  );
  const withTrickyKeys = <T extends object>(record: fc.Arbitrary<T>): fc.Arbitrary<Json> =>
    fc
      .tuple(record, fc.dictionary(trickyKey, fc.jsonValue(), { maxKeys: 2 }))
      .map(([fields, extra]) => ({ ...extra, ...fields }));
  const orJunk = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) });

  const laneId = fc.constantFrom("politics", "economy", "constructor", "__proto__", "Bad Lane");
  const articleId = fc.constantFrom("a", "b", "constructor", "tostring", "__proto__");
  const eventId = fc.constantFrom("e1", "e2", "e3", "constructor", "__proto__", "hasownproperty");
  const dateText = fc.oneof(
    fc.constantFrom(
      "2025",
      "2025-07",
      "2025-07-10",
      "2025-07-14",
      "2025-07-10T11:00-04:00",
      "2025-07-10T23:59Z",
      "2024-12-31",
    ),
    fc.constantFrom("2025-02-30", "2025-13", "2025-07-10T11:00", "0044~", "-0044-02-29", "", "x"),
    fc
      .tuple(
        fc.integer({ min: -9999, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
      )
      .map(
        ([y, m, d]) =>
          `${y < 0 ? "-" : ""}${String(Math.abs(y)).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
      ),
  );
  const quote = fc.constantFrom(
    "Markets fell 3% on Friday",
    "the quick brown fox",
    "short",
    "We won't resign",
  );
  const text = fc.oneof(fc.constantFrom("Title", "Minister", "x"), fc.string({ maxLength: 20 }));
  // Start and precision usually agree, so that some generated events are valid.
  const dated = fc.oneof(
    {
      weight: 4,
      arbitrary: fc.constantFrom<[string, string]>(
        ["2025", "year"],
        ["2025-07~", "month"],
        ["2025-07-10", "day"],
        ["2025-07-07", "week"],
        ["2025-07-10T11:00-04:00", "time"],
      ),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(dateText, fc.constantFrom("year", "month", "week", "day", "time", "hour")),
    },
  );

  const lane = withTrickyKeys(fc.record({ id: orJunk(laneId), label: orJunk(text) }));
  const article = withTrickyKeys(
    fc.record(
      {
        id: orJunk(articleId),
        title: orJunk(text),
        file: orJunk(fc.constantFrom("a.txt", "b.txt")),
        published: orJunk(dateText),
      },
      { requiredKeys: ["id", "title"] },
    ),
  );
  const source = withTrickyKeys(fc.record({ article: orJunk(articleId), quote: orJunk(quote) }));
  const event = withTrickyKeys(
    fc
      .record(
        {
          id: orJunk(eventId),
          title: orJunk(text),
          summary: orJunk(text),
          dated: orJunk(dated),
          end: orJunk(dateText),
          dateBasis: orJunk(fc.constantFrom("stated", "inferred", "reference")),
          dateNote: orJunk(text),
          lane: orJunk(laneId),
          actors: orJunk(fc.array(text, { minLength: 1, maxLength: 2 })),
          topics: orJunk(fc.array(text, { maxLength: 2 })),
          sources: orJunk(fc.array(source, { minLength: 1, maxLength: 2 })),
          conflict: orJunk(
            fc.record({ note: orJunk(text), events: orJunk(fc.array(eventId, { maxLength: 2 })) }),
          ),
        },
        {
          requiredKeys: [
            "id",
            "title",
            "summary",
            "dated",
            "dateBasis",
            "dateNote",
            "lane",
            "actors",
            "sources",
          ],
        },
      )
      .map(({ dated: pair, ...fields }) =>
        Array.isArray(pair) ? { ...fields, start: pair[0], precision: pair[1] } : { ...fields, start: pair },
      ),
  );
  const document = withTrickyKeys(
    fc.record(
      {
        strict: fc.constant(true),
        title: orJunk(text),
        lanes: orJunk(fc.array(orJunk(lane), { minLength: 1, maxLength: 3 })),
        articles: orJunk(fc.array(orJunk(article), { minLength: 1, maxLength: 3 })),
        events: orJunk(fc.array(orJunk(event), { maxLength: 5 })),
      },
      { requiredKeys: [] },
    ),
  );
  const articleText: fc.Arbitrary<ArticleText> = fc.oneof(
    fc.constant({ ok: true as const, text: MARKETS_TEXT + MINISTER_TEXT }),
    fc.string().map((t) => ({ ok: true as const, text: t })),
    fc.string().map((message) => ({ ok: false as const, message })),
  );
  const texts = fc
    .array(fc.tuple(articleId, articleText), { maxLength: 3 })
    .map((entries) => new Map<string, ArticleText>(entries));

  /** The invariants of any result: events have a sane extent, a lane and articles that exist, unique ids. */
  function checkResult(result: ValidationResult): void {
    const lanes = new Set(result.dataset.lanes.map((l) => l.id));
    const articles = new Set(result.dataset.articles.map((a) => a.id));
    for (const e of result.dataset.events) {
      expect(Number.isFinite(e.startMs) && Number.isFinite(e.endMs)).toBe(true);
      expect(e.startMs).toBeLessThanOrEqual(e.endMs);
      expect(lanes.has(e.lane)).toBe(true);
      // Only a strict dataset needs a source for every event.
      if (result.dataset.strict === true) expect(e.sources.length).toBeGreaterThan(0);
      for (const s of e.sources) expect(articles.has(s.article)).toBe(true);
    }
    const ids = result.dataset.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(result.dataset.lanes.map((l) => l.id)).size).toBe(lanes.size);
    expect(new Set(result.dataset.articles.map((a) => a.id)).size).toBe(result.dataset.articles.length);
    for (const issue of result.issues)
      expect(
        formatIssue(issue).startsWith(`${issue.severity === "warning" ? "warning: " : ""}${FILE}: `),
      ).toBe(true);
  }

  it("validateDataset never throws on arbitrary JSON values", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const result = validate(json, new Map());
        checkResult(result);
        if (typeof json !== "object" || json === null || Array.isArray(json))
          expect(result.issues).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it("validateDataset never throws on format-shaped documents with random values and __proto__/constructor keys", () => {
    fc.assert(
      fc.property(document, texts, (doc, articleTexts) => {
        checkResult(validate(doc, articleTexts));
        // The same document as JSON.parse would deliver it: __proto__ as an own key, never a prototype.
        checkResult(validate(JSON.parse(JSON.stringify(doc)), articleTexts));
      }),
      { numRuns: 300 },
    );
  });

  // The fixture with a few fields of a few records set to random values, removed, or added under
  // special keys: mostly valid documents, so the invariants are checked on events that are kept.
  const knownKey = fc.constantFrom(
    "id",
    "title",
    "label",
    "lanes",
    "articles",
    "events",
    "file",
    "published",
    "start",
    "end",
    "precision",
    "lane",
    "actors",
    "sources",
    "conflict",
    "article",
    "quote",
    "note",
  );
  interface Edit {
    readonly target: "root" | "lanes" | "articles" | "events" | "sources" | "conflict";
    readonly index: number;
    readonly key: string;
    /** null removes the field. */
    readonly value: unknown;
  }
  const edit: fc.Arbitrary<Edit> = fc.record({
    target: fc.constantFrom("root", "lanes", "articles", "events", "sources", "conflict"),
    index: fc.nat(3),
    key: fc.oneof(knownKey, trickyKey),
    value: fc.option(
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), dateText, laneId, articleId, eventId, quote, text),
      { freq: 5 },
    ),
  });
  // Edits of an event's dates and precision, the fields the extent is computed from.
  const dateEdit: fc.Arbitrary<Edit> = fc.record({
    target: fc.constant("events" as const),
    index: fc.nat(3),
    key: fc.constantFrom("start", "end", "precision"),
    value: fc.oneof(dateText, fc.constantFrom("year", "month", "week", "day", "time")),
  });
  const fixtureTexts = fc.constantFrom<ReadonlyMap<string, ArticleText>>(
    TEXTS,
    new Map(),
    new Map([["markets-report", { ok: false, message: "HTTP 500" }]]),
  );

  /** Items of a value that may have been replaced by an edit: an array's items, or the value itself. */
  const itemsOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
  const fieldOf = (value: unknown, key: string): unknown =>
    typeof value === "object" && value !== null ? (value as Json)[key] : undefined;

  function applyEdits(edits: readonly Edit[]): Doc {
    const doc = fixture();
    for (const { target, index, key, value } of edits) {
      const events = itemsOf(doc["events"]);
      const event = events[index % events.length];
      const records =
        target === "root"
          ? [doc]
          : target === "sources"
            ? itemsOf(fieldOf(event, "sources"))
            : target === "conflict"
              ? [fieldOf(event, "conflict")]
              : itemsOf(doc[target]);
      const record = records[index % records.length];
      if (typeof record !== "object" || record === null || Array.isArray(record)) continue;
      // As JSON.parse does it: an own property, even for __proto__.
      if (value === null) Reflect.deleteProperty(record, key);
      else
        Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return doc;
  }

  it("validateDataset keeps sane events in randomly edited copies of a valid fixture", () => {
    let keptEvents = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(edit, dateEdit), { minLength: 1, maxLength: 4 }),
        fixtureTexts,
        (edits, articleTexts) => {
          const result = validate(applyEdits(edits), articleTexts);
          checkResult(result);
          keptEvents += result.dataset.events.length;
        },
      ),
      { numRuns: 300 },
    );
    // The edits must leave valid events behind, or the invariants above are checked on nothing.
    expect(keptEvents).toBeGreaterThan(300);
  });
});

describe("article coverage and conflicts with rejected events", () => {
  it("validateDataset reports an article no event cites, unless it is marked background", () => {
    const doc = fixture();
    const extra = { id: "unused", title: "Background piece" };
    expect(messages(validate({ ...doc, articles: [...doc.articles, extra] }))).toEqual([
      'data/events.json: articles[2] (unused): id: is not the source of any event; cite it, or mark it "background": true',
    ]);
    expect(
      messages(validate({ ...doc, articles: [...doc.articles, { ...extra, background: true }] })),
    ).toEqual([]);
    expect(
      messages(validate({ ...doc, articles: [...doc.articles, { ...extra, background: "yes" }] })),
    ).toEqual([
      "data/events.json: articles[2] (unused): background: must be true or false",
      'data/events.json: articles[2] (unused): id: is not the source of any event; cite it, or mark it "background": true',
    ]);
  });
});
