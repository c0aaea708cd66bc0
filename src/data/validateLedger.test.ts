import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadLedgerFromDisk } from "../../scripts/lib/loadLedger";
import { formatIssue } from "./issues";
import { validateDataset } from "./validateDataset";
import { NOT_EVENT_KINDS, quoteOccurrences, validateLedger } from "./validateLedger";

const TEXT = [
  "Ministers meet",
  "The minister met his counterpart on Monday in Rome.",
  "He said the talks were “useful” — nothing more.",
  "Ministers meet",
  "Analysts expect little.",
].join("\n");

const DATASET = validateDataset(
  {
    title: "t",
    lanes: [{ id: "l", label: "L" }],
    articles: [{ id: "a", title: "A", file: "a.txt" }],
    events: [
      {
        id: "meeting",
        title: "Ministers meet",
        summary: "They met.",
        start: "2025-07-14",
        precision: "day",
        dateBasis: "inferred",
        dateNote: "on Monday",
        lane: "l",
        actors: ["minister"],
        sources: [{ article: "a", quote: "The minister met his counterpart on Monday in Rome." }],
      },
      {
        id: "remark",
        title: "Talks useful",
        summary: "He said so.",
        start: "2025-07-14",
        precision: "day",
        dateBasis: "inferred",
        dateNote: "on Monday",
        lane: "l",
        actors: ["minister"],
        sources: [{ article: "a", quote: 'the talks were "useful"' }],
      },
    ],
  },
  { file: "events.json", articleTexts: new Map([["a", { ok: true, text: TEXT }]]) },
).dataset;

const OPTIONS = { file: "ledger.json", dataset: DATASET, articleTexts: new Map([["a", TEXT]]) };

/** A ledger covering TEXT whole; `change` edits its entries. */
function ledger(change: (entries: Record<string, unknown>[]) => void = () => {}) {
  const entries: Record<string, unknown>[] = [
    { article: "a", quote: "Ministers meet", notEvent: "heading", reason: "the headline" },
    { article: "a", quote: "The minister met his counterpart on Monday in Rome.", events: ["meeting"] },
    // Straight quotes and a hyphen for the text's curly quotes and em dash.
    { article: "a", quote: 'He said the talks were "useful" - nothing more.', events: ["remark"] },
    { article: "a", quote: "Ministers meet", notEvent: "restatement", reason: "the headline again" },
    { article: "a", quote: "Analysts expect little.", notEvent: "commentary", reason: "analysis" },
  ];
  change(entries);
  return { entries };
}

const messages = (json: unknown) => validateLedger(json, OPTIONS).issues.map(formatIssue);

describe("validateLedger", () => {
  it("accepts a ledger that covers every passage, and counts it", () => {
    const result = validateLedger(ledger(), OPTIONS);
    expect(result.issues).toEqual([]);
    expect(result.summary).toMatchObject({
      entries: 5,
      supporting: 2,
      eventsSupported: 2,
      events: 2,
      articlesCovered: 1,
      articles: 1,
    });
    expect(result.summary.notEvent).toMatchObject({ heading: 1, restatement: 1, commentary: 1, junk: 0 });
    expect(result.summary.coveredChars).toBe(result.summary.totalChars);
  });

  it("places a repeated passage at its first occurrence no earlier entry took", () => {
    const [, , , fourth] = validateLedger(ledger(), OPTIONS).entries;
    expect(fourth!.span).toEqual(quoteOccurrences(TEXT, "Ministers meet")[1]);
    expect(quoteOccurrences(TEXT, "Ministers meet")).toHaveLength(2);
  });

  it("rejects a quote that differs from the article by more than typography", () => {
    expect(messages(ledger((e) => (e[4]!["quote"] = "Analysts expect a little.")))).toContain(
      'ledger.json: entries[4]: quote: is not verbatim in article "a": "Analysts expect a little."',
    );
  });

  it("rejects an entry that names an unknown event, gives no resolution, or both", () => {
    expect(messages(ledger((e) => (e[1]!["events"] = ["meeting", "nope"])))).toContain(
      'ledger.json: entries[1]: events: "nope" is not an event of the dataset',
    );
    expect(messages(ledger((e) => delete e[4]!["notEvent"]))).toContain(
      'ledger.json: entries[4]: events: must give either "events" (the event ids it supports) or "notEvent" with a reason',
    );
    expect(messages(ledger((e) => (e[4]!["events"] = ["meeting"])))).toContain(
      'ledger.json: entries[4]: events: must give either "events" (the event ids it supports) or "notEvent" with a reason',
    );
    expect(messages(ledger((e) => delete e[4]!["reason"]))).toContain(
      "ledger.json: entries[4]: reason: is required: say why the passage is not an event",
    );
    expect(messages(ledger((e) => (e[4]!["notEvent"] = "boring")))[0]).toMatch(
      /notEvent: must be one of heading/,
    );
  });

  it("reports an event no entry supports", () => {
    expect(
      messages(
        ledger((e) => Object.assign(e[2]!, { events: undefined, notEvent: "stance", reason: "x y z" })),
      ),
    ).toContain(
      "ledger.json: events (remark): id: is supported by no ledger entry; add the passage(s) that report it",
    );
  });

  it("reports an event quote that lies in no entry listing that event", () => {
    const issues = messages(
      ledger((e) => {
        e[1]!["events"] = ["remark"];
        e[2]!["events"] = ["meeting"];
      }),
    );
    expect(issues).toContain(
      'ledger.json: events (meeting): sources[0]: quotes a passage of "a" that no ledger entry lists for this event: "The minister met his counterpart on Monday in Rome."',
    );
  });

  it("reports text of an article that no entry covers", () => {
    expect(messages(ledger((e) => e.splice(4, 1)))).toEqual([
      'ledger.json: articles (a): text: is in no ledger entry: "Analysts expect little."',
    ]);
  });

  it("reports entries that overlap", () => {
    expect(
      messages(ledger((e) => e.push({ article: "a", quote: "on Monday in Rome", events: ["meeting"] }))),
    ).toContain(
      'ledger.json: entries[5]: quote: overlaps another entry of article "a" ("The minister met his counterpart on M..."); split the passage instead',
    );
  });

  it("rejects a document without entries, and never throws", () => {
    expect(messages(null)[0]).toBe("ledger.json: (top level): entries: must be an array of ledger entries");
    expect(() => validateLedger({ entries: [1, "x", null, { quote: 5 }] }, OPTIONS)).not.toThrow();
  });
});

describe("data/ledger.json", () => {
  it("has a schema whose kinds of not-an-event are the validator's", () => {
    const schema = JSON.parse(
      readFileSync(resolve(import.meta.dirname, "../../data/ledger.schema.json"), "utf8"),
    ) as { properties: { entries: { items: { properties: { notEvent: { enum: string[] } } } } } };
    expect(schema.properties.entries.items.properties.notEvent.enum).toEqual([...NOT_EVENT_KINDS]);
  });

  it("accounts for every passage of the bundled articles and every bundled event", async () => {
    const { result, datasetOk } = await loadLedgerFromDisk(
      resolve(import.meta.dirname, "../../data/ledger.json"),
    );
    expect(datasetOk).toBe(true);
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.summary.eventsSupported).toBe(result.summary.events);
    expect(result.summary.articlesCovered).toBe(5);
    const raw = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../data/ledger.json"), "utf8")) as {
      entries: unknown[];
    };
    expect(result.entries).toHaveLength(raw.entries.length);
  });
});
