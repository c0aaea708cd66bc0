import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { lines, loadText, ROOT } from "./formats/testLoad";
import { streamDataset } from "./streamDataset";
import { validateDataset, type ArticleText } from "./validateDataset";

const FILE = "t.json";
const validate = (doc: unknown, texts = new Map<string, ArticleText>()) =>
  validateDataset(doc, { file: FILE, articleTexts: texts });
const messages = (doc: unknown, texts?: Map<string, ArticleText>) =>
  validate(doc, texts).issues.map(formatIssue);

describe("a dataset that is not strict (no `strict`, or false)", () => {
  it("needs only a date and a title, and gives the rest the shared defaults", () => {
    const result = validate({ events: [{ title: "Talks", start: "2025-07-10" }] });
    expect(result.issues).toEqual([]);
    expect(result.dataset.strict).toBeUndefined();
    expect(result.dataset.title).toBe("Untitled timeline");
    expect(result.dataset.lanes).toEqual([{ id: "events", label: "Events" }]);
    expect(result.dataset.events[0]).toMatchObject({
      id: "2025-07-10-talks",
      title: "Talks",
      summary: "",
      precision: "day",
      dateBasis: "stated",
      dateNote: "",
      lane: "events",
      actors: [],
      topics: [],
      sources: [],
    });
  });

  it("still requires the date and the title, naming the event and the field", () => {
    expect(messages({ events: [{ title: "No date" }, { id: "x", start: "2025" }] })).toEqual([
      "t.json: events[0]: start: is required",
      "t.json: events[1] (x): title: is required",
    ]);
  });

  it("gives two events with the same start and title different ids", () => {
    const event = { title: "Talks", start: "2025-07" };
    const result = validate({ events: [event, event] });
    expect(result.dataset.events.map((e) => [e.id, e.precision])).toEqual([
      ["2025-07-talks", "month"],
      ["2025-07-talks-2", "month"],
    ]);
  });

  it("leaves out a bad source with a warning and keeps the event; a quote not in its article is unverified", () => {
    const doc = {
      articles: [{ id: "a", title: "A", file: "a.txt" }],
      events: [
        {
          title: "Talks",
          start: "2025-07-10",
          sources: [
            { article: "a" },
            { article: "nope", quote: "a quote" },
            { article: "a", quote: "not there" },
          ],
        },
      ],
    };
    const result = validate(doc, new Map([["a", { ok: true, text: "Some other words." }]]));
    expect(result.issues.map(formatIssue)).toEqual([
      "warning: t.json: events[0]: sources[0].quote: is required (a verbatim quote); this source was left out",
      'warning: t.json: events[0]: sources[1].article: "nope" is not an article in this file; this source was left out',
      'warning: t.json: events[0]: sources[2].quote: is not verbatim in article "a" and is shown as unverified: "not there"',
    ]);
    expect(result.dataset.events[0]?.sources).toEqual([
      { article: "a", quote: "not there", verified: false },
    ]);
  });
});

describe('a dataset with "strict": true', () => {
  it("keeps today's rules: every field, a source and the articles cited", () => {
    const result = validate({
      strict: true,
      lanes: [{ id: "l", label: "L" }],
      articles: [{ id: "a", title: "A" }],
      events: [{ title: "Talks", start: "2025-07-10" }],
    });
    expect(result.dataset.strict).toBe(true);
    expect(result.dataset.events).toEqual([]);
    expect(result.issues.map(formatIssue)).toEqual([
      "t.json: (top level): title: is required",
      "t.json: events[0]: id: is required",
      "t.json: events[0]: summary: is required",
      "t.json: events[0]: precision: is required",
      "t.json: events[0]: dateBasis: is required",
      "t.json: events[0]: dateNote: is required",
      "t.json: events[0]: lane: is required",
      "t.json: events[0]: actors: is required",
      "t.json: events[0]: sources: is required",
      't.json: articles[0] (a): id: is not the source of any event; cite it, or mark it "background": true',
    ]);
  });

  it("rejects a strict that is not true or false", () => {
    expect(messages({ strict: "yes", events: [{ title: "T", start: "2025" }] })).toEqual([
      "t.json: (top level): strict: must be true or false",
    ]);
  });

  it("is on in the bundled story, so `npm run validate` checks it strictly", async () => {
    const json: unknown = JSON.parse(await readFile(resolve(ROOT, "data/events.json"), "utf8"));
    expect(json).toMatchObject({ strict: true });
  });

  it("given after the events of a streamed file, restarts the stream, with the same result as a whole load", async () => {
    const text = JSON.stringify({
      lanes: [],
      articles: [],
      events: [{ title: "Talks", start: "2025-07-10" }],
      strict: true,
    });
    let restarts = 0;
    const stream = streamDataset(
      FILE,
      () => Promise.resolve(text),
      (_d, f) => f,
      {
        displayName: FILE,
        onRestart: () => restarts++,
      },
    );
    stream.push(text);
    const streamed = await stream.end(() => Promise.resolve(text));
    expect(restarts).toBe(1);
    expect(streamed.dataset.events).toEqual([]);
    expect(lines(streamed)).toEqual(lines(await loadText(FILE, text)));
  });
});
