import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { loadDataset, type ReadText, type ResolvePath } from "./loadDataset";

const ARTICLE = "Markets fell 3% on Friday after the announcement.";

const DOC = {
  title: "Loader fixture",
  lanes: [{ id: "economy", label: "Economy" }],
  articles: [
    { id: "markets", title: "Markets fall", file: "articles/markets.txt" },
    { id: "wire", title: "Wire report" },
  ],
  events: [
    {
      id: "markets-fall",
      title: "Markets fall",
      summary: "Shares drop.",
      start: "2025-07-11",
      precision: "day",
      dateBasis: "stated",
      dateNote: "Friday",
      lane: "economy",
      actors: ["Markets"],
      sources: [{ article: "markets", quote: "Markets fell 3% on Friday" }],
    },
    {
      id: "wire-note",
      title: "Wire note",
      summary: "A wire report.",
      start: "2025-07",
      precision: "month",
      dateBasis: "inferred",
      dateNote: "Month of the report",
      lane: "economy",
      actors: ["Agency"],
      sources: [{ article: "wire", quote: "quoted from a wire report" }],
    },
  ],
};

/** A fake file system: reading a path it does not hold rejects like fs.readFile does. */
function fakeRead(files: Record<string, string>): { read: ReadText; reads: string[] } {
  const reads: string[] = [];
  const read: ReadText = (location) => {
    reads.push(location);
    const text = files[location];
    return text === undefined
      ? Promise.reject(new Error(`ENOENT: no such file, open '${location}'`))
      : Promise.resolve(text);
  };
  return { read, reads };
}

/** Resolves `file` against the directory of the dataset, like the CLI's path.resolve(dirname()). */
const resolve: ResolvePath = (datasetLocation, file) =>
  `${datasetLocation.slice(0, datasetLocation.lastIndexOf("/") + 1)}${file}`;

const LOCATION = "/site/data/events.json";
const ARTICLE_PATH = "/site/data/articles/markets.txt";

describe("loadDataset", () => {
  it("loadDataset reads the dataset, resolves and reads each article file, and verifies quotes", async () => {
    const { read, reads } = fakeRead({ [LOCATION]: JSON.stringify(DOC), [ARTICLE_PATH]: ARTICLE });
    const result = await loadDataset(LOCATION, read, resolve, "events.json");
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(reads).toEqual([LOCATION, ARTICLE_PATH]);
    expect(result.dataset.events.map((e) => [e.id, e.sources[0]?.verified])).toEqual([
      ["markets-fall", true],
      ["wire-note", false],
    ]);
    expect(result.rejectedEvents).toBe(0);
    expect([...result.texts]).toEqual([["markets", ARTICLE]]);
  });

  it("loadDataset reports an unreadable dataset as one (file) issue and an empty dataset", async () => {
    const { read } = fakeRead({});
    const result = await loadDataset(LOCATION, read, resolve, "events.json");
    expect(result.issues.map(formatIssue)).toEqual([
      `events.json: (top level): (file): could not be read: ENOENT: no such file, open '${LOCATION}'`,
    ]);
    expect(result.dataset).toEqual({ title: "", description: "", lanes: [], articles: [], events: [] });
    expect(result.rejectedEvents).toBe(0);
    expect(result.texts.size).toBe(0);
  });

  it("loadDataset names issues after the location when no display name is given", async () => {
    const result = await loadDataset(LOCATION, fakeRead({}).read, resolve);
    expect(result.issues.map((issue) => issue.file)).toEqual([LOCATION]);
  });

  it("loadDataset turns a read that throws a non-Error into a (file) issue", async () => {
    const read: ReadText = () => Promise.reject("HTTP 404 Not Found");
    const result = await loadDataset("events.json", read, resolve);
    expect(result.issues.map(formatIssue)).toEqual([
      "events.json: (top level): (file): could not be read: HTTP 404 Not Found",
    ]);
  });

  it("loadDataset turns a read that throws synchronously into a (file) issue", async () => {
    const read: ReadText = () => {
      throw new TypeError("Failed to fetch");
    };
    const result = await loadDataset("events.json", read, resolve);
    expect(result.issues.map(formatIssue)).toEqual([
      "events.json: (top level): (file): could not be read: Failed to fetch",
    ]);
  });

  it("loadDataset reports invalid JSON with its line and column as one (file) issue", async () => {
    const { read, reads } = fakeRead({ [LOCATION]: '{\n  "title": "T",\n  "lanes": [],\n}' });
    const result = await loadDataset(LOCATION, read, resolve, "events.json");
    expect(result.issues.map(formatIssue)).toEqual([
      "events.json: (top level): (file): invalid JSON at line 4, column 1: Expected double-quoted property name",
    ]);
    expect(result.dataset.events).toEqual([]);
    expect(reads).toEqual([LOCATION]);
  });

  it("loadDataset reports an article file that cannot be read and keeps its events, unverified", async () => {
    const { read } = fakeRead({ [LOCATION]: JSON.stringify(DOC) });
    const result = await loadDataset(LOCATION, read, resolve, "events.json");
    expect(result.issues.map(formatIssue)).toEqual([
      `events.json: articles[0] (markets): file: could not read "articles/markets.txt": ENOENT: no such file, open '${ARTICLE_PATH}'`,
      'warning: events.json: events[0] (markets-fall): sources[0].quote: cannot be verified: the text of article "markets" is unavailable',
    ]);
    expect(result.dataset.events.map((e) => [e.id, e.sources[0]?.verified])).toEqual([
      ["markets-fall", false],
      ["wire-note", false],
    ]);
    expect(result.texts.size).toBe(0);
  });

  it("loadDataset treats a resolve that throws as an article that cannot be read", async () => {
    const { read } = fakeRead({ [LOCATION]: JSON.stringify(DOC) });
    const badResolve: ResolvePath = () => {
      throw new Error("bad URL");
    };
    const result = await loadDataset(LOCATION, read, badResolve, "events.json");
    expect(result.issues.map(formatIssue)[0]).toBe(
      'events.json: articles[0] (markets): file: could not read "articles/markets.txt": bad URL',
    );
    expect(result.dataset.events).toHaveLength(2);
  });

  it("loadDataset validates what it read: a bad event is reported and the others kept", async () => {
    const doc = { ...DOC, events: [{ ...DOC.events[0], start: "2025-02-30" }, DOC.events[1]] };
    const { read } = fakeRead({ [LOCATION]: JSON.stringify(doc), [ARTICLE_PATH]: ARTICLE });
    const result = await loadDataset(LOCATION, read, resolve, "events.json");
    expect(result.issues.map(formatIssue)).toEqual([
      'events.json: events[0] (markets-fall): start: "2025-02-30" is not a calendar date: 2025-02 has 28 days',
    ]);
    expect(result.dataset.events.map((e) => e.id)).toEqual(["wire-note"]);
    expect(result.rejectedEvents).toBe(1);
  });

  it("loadDataset never rejects, whatever read and resolve do", async () => {
    const outcomes: ReadText[] = [
      () => Promise.reject(new Error("x")),
      () => Promise.reject(undefined),
      () => Promise.resolve(""),
      () => Promise.resolve("null"),
      () => Promise.resolve("[1, 2"),
      () => Promise.resolve('{"articles": [{"id": "a", "file": "a.txt"}], "events": 5}'),
    ];
    for (const read of outcomes) {
      const result = await loadDataset("events.json", read, resolve);
      expect(result.issues.length).toBeGreaterThan(0);
      expect(result.issues.every((issue) => issue.file === "events.json")).toBe(true);
    }
  });
});
