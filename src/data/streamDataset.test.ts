import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateDataset } from "../../scripts/lib/generate";
import { ROOT } from "./formats/testLoad";
import { loadAnyFormat, type LoadedAnyFormat } from "./loadAnyFormat";
import { streamDataset } from "./streamDataset";

const resolveFs = (datasetPath: string, file: string) => resolve(dirname(datasetPath), file);

interface Streamed {
  readonly loaded: LoadedAnyFormat;
  /** Whether the whole text had to be loaded the ordinary way at the end. */
  readonly fellBack: boolean;
  /** Events counted by progress reports made before the end (while the text was arriving). */
  readonly earlyProgress: number[];
  readonly restarts: number;
}

/** Streams `text`, cut into `chunks`, as the file at `location`; articles are read from disk. */
async function stream(location: string, text: string, cuts: readonly number[], displayName = location) {
  const read = (where: string) => (where === location ? Promise.resolve(text) : readFile(where, "utf8"));
  const earlyProgress: number[] = [];
  let restarts = 0;
  let ended = false;
  const loader = streamDataset(location, read, resolveFs, {
    displayName,
    progressEvery: 2,
    onProgress: (_checked, total, valid) => {
      if (!ended && total === undefined) earlyProgress.push(valid.length);
    },
    onRestart: () => restarts++,
  });
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, text.length]) {
    loader.push(text.slice(from, point));
    from = point;
    // Each piece comes in its own message in a browser: the article files may arrive in between.
    await new Promise((r) => setTimeout(r, 0));
  }
  ended = true;
  const loaded = await loader.end(() => Promise.resolve(text));
  return { loaded, fellBack: restarts > 0, earlyProgress, restarts } satisfies Streamed;
}

function whole(location: string, text: string, displayName = location): Promise<LoadedAnyFormat> {
  const read = (where: string) => (where === location ? Promise.resolve(text) : readFile(where, "utf8"));
  return loadAnyFormat(location, read, resolveFs, displayName);
}

const bundled = resolve(ROOT, "data/events.json");

describe("streamDataset", () => {
  test("loads the bundled story, cut anywhere, exactly as a whole-text load, its quotes verified", async () => {
    const text = await readFile(bundled, "utf8");
    const expected = await whole(bundled, text, "events.json");
    expect(expected.dataset.events.length).toBeGreaterThan(30);
    expect(expected.dataset.events.every((e) => e.sources.every((s) => s.verified))).toBe(true);
    for (const cuts of [[], [1], [text.length >> 1], [100, 5000, 5001, 20_000, 40_000]]) {
      const result = await stream(bundled, text, cuts, "events.json");
      expect(result.loaded).toEqual(expected);
      expect(result.fellBack).toBe(false);
    }
  });

  test("checks events while the text arrives, and reports them before the end", async () => {
    const text = JSON.stringify(generateDataset({ n: 40, seed: 3 }));
    const cuts = Array.from({ length: 20 }, (_, i) => Math.round(((i + 1) * text.length) / 21));
    const result = await stream("/gen.json", text, cuts);
    expect(result.fellBack).toBe(false);
    expect(result.earlyProgress.length).toBeGreaterThan(5);
    expect(result.earlyProgress[0]).toBeLessThanOrEqual(4);
    expect(result.loaded).toEqual(await whole("/gen.json", text));
  });

  test("reads a member repeated before the events as JSON.parse does: the last one counts", async () => {
    const gen = JSON.stringify(generateDataset({ n: 6, seed: 2 }));
    const text = gen
      .replace('"lanes":', '"title":"again","title":"twice","lanes":')
      .replace(/\}$/, ',"title":"thrice"}');
    const result = await stream("/repeated.json", text, [300, 2000]);
    expect(result.fellBack).toBe(false);
    expect(result.loaded.dataset.title).toBe("thrice");
    expect(result.loaded).toEqual(await whole("/repeated.json", text));
  });

  test("gives the same issues, in the same order, for damaged records and top-level fields", async () => {
    const fixture = resolve(ROOT, "test/fixtures/invalid-events.json");
    const text = await readFile(fixture, "utf8");
    const expected = await whole(fixture, text, "invalid-events.json");
    expect(expected.issues.length).toBeGreaterThanOrEqual(3);
    const result = await stream(fixture, text, [10, 700, 701, 3000], "invalid-events.json");
    expect(result.fellBack).toBe(false);
    expect(result.loaded).toEqual(expected);
  });

  test("any generated file, with records damaged, members reordered and cut anywhere, loads as a whole one", async () => {
    const damage = fc.record({
      event: fc.nat(),
      field: fc.constantFrom(
        "id",
        "title",
        "start",
        "end",
        "precision",
        "lane",
        "sources",
        "conflict",
        "extra",
      ),
      value: fc.constantFrom(undefined, null, 7, "", "x", "2025-13-01", [], {}, ["a"], {
        note: "n",
        events: ["zz"],
      }),
    });
    const file = fc.record({
      seed: fc.nat(),
      n: fc.integer({ min: 0, max: 12 }),
      damages: fc.array(damage, { maxLength: 4 }),
      order: fc.shuffledSubarray(["$schema", "title", "description", "unknown"], { minLength: 0 }),
      cuts: fc.array(fc.nat(), { maxLength: 8 }),
      indent: fc.constantFrom(0, 1),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ seed, n, damages, order, cuts, indent }) => {
        const dataset = generateDataset({ n, seed });
        const events: Record<string, unknown>[] = dataset.events.map((e) => ({ ...e }));
        for (const { event, field, value } of damages) {
          if (events.length > 0) events[event % events.length]![field] = value;
        }
        // Lanes and articles come first (the order that can be followed); the rest anywhere.
        const extra: Record<string, unknown> = {
          $schema: "s",
          title: dataset.title,
          description: 5,
          unknown: 1,
        };
        const document: Record<string, unknown> = { lanes: dataset.lanes, articles: dataset.articles };
        for (const key of order.slice(0, 2)) document[key] = extra[key];
        document["events"] = events;
        for (const key of order.slice(2)) document[key] = extra[key];
        const text = JSON.stringify(document, null, indent);
        const result = await stream("/gen.json", text, cuts);
        expect(result.fellBack).toBe(false);
        expect(result.loaded).toEqual(await whole("/gen.json", text));
      }),
      { numRuns: 150 },
    );
  });

  test("falls back to the whole text for what it cannot follow, with the same result", async () => {
    const gen = JSON.stringify(generateDataset({ n: 6, seed: 1 }));
    const timelineJs = await readFile(resolve(ROOT, "test/fixtures/timelinejs-example.json"), "utf8");
    const csv = await readFile(resolve(ROOT, "test/fixtures/own-events.csv"), "utf8");
    const cases: [name: string, text: string][] = [
      ["csv by name", csv],
      ["csv sniffed", csv],
      ["timelinejs.json", timelineJs],
      ["truncated.json", gen.slice(0, -40)],
      ["trailing.json", `${gen} x`],
      ["lanes-again.json", gen.replace(/\]\}$/, '],"lanes":[]}')],
      ["events-again.json", gen.replace(/\]\}$/, '],"events":[]}')],
      ["events-first.json", JSON.stringify({ events: [], ...JSON.parse(gen) })],
      ["late-timelinejs.json", gen.replace(/\]\}$/, ',{"start_date":{"year":2020}}]}')],
      ["not-an-object.json", `[${gen}]`],
    ];
    for (const [name, text] of cases) {
      const displayName = name === "csv by name" ? "rows.csv" : name === "csv sniffed" ? "rows" : name;
      const result = await stream(`/${displayName}`, text, [50, 200, 900]);
      expect(result.fellBack, name).toBe(true);
      expect(result.loaded, name).toEqual(await whole(`/${displayName}`, text));
    }
  });

  test("takes back the events it reported when it has to start again", async () => {
    const gen = JSON.stringify(generateDataset({ n: 12, seed: 5 }));
    const result = await stream("/late.json", gen.replace(/\]\}$/, ',{"start_date":{"year":2020}}]}'), [
      gen.length >> 1,
    ]);
    expect(result.earlyProgress.length).toBeGreaterThan(0);
    expect(result.restarts).toBe(1);
    expect(result.fellBack).toBe(true);
  });

  test("events given twice (a second events array): the events reported early are taken back, and the result is the CLI's", async () => {
    // The page drew 2,978 events for such a file and the CLI 2: a worker had sent on the first
    // array's events, and the stream began again on the second without saying so.
    const gen = JSON.stringify(generateDataset({ n: 40, seed: 6 }));
    const again = JSON.stringify(generateDataset({ n: 2, seed: 7 }).events);
    const text = `${gen.slice(0, -1)},"events":${again}}`;
    const result = await stream("/twice.json", text, [gen.length >> 1, gen.length - 5]);
    const expected = await whole("/twice.json", text);
    expect(expected.dataset.events).toHaveLength(2);
    expect(result.loaded).toEqual(expected);
    expect(result.earlyProgress.length).toBeGreaterThan(0);
    expect(result.restarts).toBe(1);
  });
});
