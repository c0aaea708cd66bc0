import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateDataset } from "../../../scripts/lib/generate";
import { loadWholeBytes } from "../loadBytes";
import type { LoadedAnyFormat } from "../loadAnyFormat";
import { documentToNdjson, looksLikeNdjson, parseNdjson } from "./ndjson";
import { lines, loadText } from "./testLoad";

const noArticles = () => Promise.reject(new Error("no article files here"));
const byName = (_: string, file: string) => file;

/** Loads text as the CLI and the page do: its bytes through loadBytes, cut into pieces at `cuts`. */
async function viaBytes(name: string, text: string, cuts: readonly number[] = []): Promise<LoadedAnyFormat> {
  const bytes = new TextEncoder().encode(text);
  if (cuts.length === 0) return loadWholeBytes(bytes, name, noArticles, byName, { displayName: name });
  const { loadBytes } = await import("../loadBytes");
  const load = loadBytes(name, noArticles, byName, { displayName: name, progressEvery: 2 });
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let from = 0;
  for (const point of [...points, bytes.length]) {
    load.push(bytes.slice(from, point));
    from = point;
    await new Promise((r) => setTimeout(r, 0));
  }
  return load.end();
}

const header = JSON.stringify({
  dataset: {
    title: "Mine",
    lanes: [{ id: "m", label: "Meetings" }],
    articles: [{ id: "a1", title: "An article" }],
  },
});

describe("NDJSON: the dataset with one event per line", () => {
  test("a header and event lines load as the JSON document they stand for", async () => {
    const text = `${header}\n{"title":"Visit","start":"2025-07-14","lane":"m"}\r\n\n{"title":"Call","start":"2025-07"}\n`;
    const loaded = await loadText("mine.ndjson", text);
    expect(loaded.format).toBe("ndjson");
    expect(loaded.dataset.title).toBe("Mine");
    expect(loaded.dataset.events.map((e) => [e.title, e.lane])).toEqual([
      ["Visit", "m"],
      ["Call", "events"],
    ]);
  });

  test("a line that is not JSON is one error naming its line; the other lines keep their events", async () => {
    const text = `${header}\n{"title":"One","start":"2025-01-01"}\n{"title": oops}\n{"title":"Two","start":"2025-13-01"}\n{"title":"Three","start":"2025-03-03"}\n`;
    const loaded = await loadText("mine.jsonl", text);
    expect(loaded.dataset.events.map((e) => e.title)).toEqual(["One", "Three"]);
    const found = lines(loaded);
    expect(found.some((l) => /^mine\.jsonl: lines\[3\]: \(line\): invalid JSON/.test(l))).toBe(true);
    // The validator's `events[1]` is moved to the line the event was on, with its field.
    expect(found.some((l) => l.startsWith("mine.jsonl: lines[4]") && l.includes(": start: "))).toBe(true);
    expect(loaded.rejectedEvents).toBe(2);
  });

  test("the header must be the first line, and holds no events", async () => {
    const late = `{"title":"One","start":"2025-01-01"}\n${header}\n`;
    expect(lines(await loadText("x.ndjson", late))).toContainEqual(
      expect.stringMatching(/^x\.ndjson: lines\[2\]: dataset: the header must be the first line/),
    );
    const withEvents = `{"dataset":{"events":[{"title":"Hidden","start":"2025"}]}}\n{"title":"Shown","start":"2025"}\n`;
    const loaded = await loadText("y.ndjson", withEvents);
    expect(loaded.dataset.events.map((e) => e.title)).toEqual(["Shown"]);
    expect(lines(loaded)[0]).toMatch(/lines\[1\]: dataset\.events: events go one per line/);
  });

  test("is told by extension, by its header, or by a first line that is a whole object with more after it", () => {
    expect(looksLikeNdjson(`${header}`)).toBe(true);
    expect(looksLikeNdjson(`{"title":"a","start":"2025"}\n{"title":"b","start":"2025"}`)).toBe(true);
    expect(looksLikeNdjson(`{"events":[]}\n`)).toBe(false);
    expect(looksLikeNdjson(`{\n  "events": []\n}\n`)).toBe(false);
  });

  test("sniffed without a telling name, through loadBytes as through loadAnyFormat", async () => {
    const text = `{"title":"a","start":"2025"}\n{"title":"b","start":"2025-02"}\n`;
    for (const name of ["upload", "events.json"]) {
      const bytes = await viaBytes(name, text);
      expect(bytes.format).toBe("ndjson");
      expect(bytes).toEqual(await loadText(name, text));
    }
  });

  test("hostile text stays data: a __proto__ member, a huge line, control characters", async () => {
    const huge = "x".repeat(200_000);
    const text = `{"dataset":{"__proto__":{"polluted":1},"title":"\\u001b[31mred"}}\n{"title":"${huge}","start":"2025"}\n{"__proto__":{"title":"p"},"title":"ok","start":"2025"}\n`;
    const loaded = await loadText("h.ndjson", text);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(loaded.dataset.events.map((e) => e.title)).toContain("ok");
    expect(lines(loaded).every((l) => l.length < 1000)).toBe(true);
  });

  test("round trip: any generated dataset written as NDJSON, damaged and cut anywhere, streams to the whole load, and equals its JSON", async () => {
    const damage = fc.record({
      event: fc.nat(),
      field: fc.constantFrom("id", "title", "start", "end", "lane", "sources", "conflict"),
      value: fc.constantFrom(undefined, null, 7, "", "2025-13-01", [], {}, ["a"]),
    });
    const file = fc.record({
      seed: fc.nat(),
      n: fc.integer({ min: 0, max: 12 }),
      damages: fc.array(damage, { maxLength: 3 }),
      brokenLine: fc.option(fc.nat(), { nil: undefined }),
      cuts: fc.array(fc.nat(), { maxLength: 8 }),
      crlf: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ seed, n, damages, brokenLine, cuts, crlf }) => {
        const document = JSON.parse(JSON.stringify(generateDataset({ n, seed }))) as Record<
          string,
          unknown
        > & {
          events: Record<string, unknown>[];
        };
        for (const { event, field, value } of damages)
          if (document.events.length > 0) document.events[event % document.events.length]![field] = value;
        let text = documentToNdjson(document);
        const whole = await loadText("gen.ndjson", text);
        // Undamaged, NDJSON gives exactly the JSON file's events and problems (on `lines[N]`).
        const json = await loadText("gen.json", JSON.stringify(document));
        expect(whole.dataset).toEqual(json.dataset);
        expect(whole.issues.length).toBe(json.issues.length);
        if (brokenLine !== undefined) {
          const all = text.split("\n");
          all[brokenLine % all.length] = "{not json";
          text = all.join("\n");
        }
        if (crlf) text = text.replaceAll("\n", "\r\n");
        const expected = await loadText("gen.ndjson", text);
        expect(await viaBytes("gen.ndjson", text, cuts)).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  test("parseNdjson takes time linear in the lines", () => {
    const event = JSON.stringify({ title: "t", start: "2025" });
    const time = (n: number) => {
      const text = Array.from({ length: n }, () => event).join("\n");
      const t0 = performance.now();
      parseNdjson(text, "f.ndjson");
      return performance.now() - t0;
    };
    time(20_000);
    expect(time(80_000)).toBeLessThan(time(20_000) * 4 * 3 + 20);
  });
});
