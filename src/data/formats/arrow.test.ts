import { Table, tableToIPC, Utf8, vectorFromArray, Int32, Schema } from "apache-arrow";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { generateDataset } from "../../../scripts/lib/generate";
import { formatIssue } from "../issues";
import { loadBytes, loadWholeBytes } from "../loadBytes";
import type { LoadedAnyFormat } from "../loadAnyFormat";
import { parseArrow } from "./arrow";
import { documentToArrow } from "./arrowWrite";
import { loadText } from "./testLoad";

const noArticles = () => Promise.reject(new Error("no article files here"));
const byName = (_: string, file: string) => file;
const load = (name: string, bytes: Uint8Array): Promise<LoadedAnyFormat> =>
  loadWholeBytes(new Uint8Array(bytes), name, noArticles, byName, { displayName: name });

describe("Arrow IPC: one event per row", () => {
  test("round trip: any generated dataset, damaged, written as Arrow (file or stream) loads as its JSON does", async () => {
    const damage = fc.record({
      event: fc.nat(),
      field: fc.constantFrom("id", "title", "start", "lane", "sources", "actors", "conflict", "media"),
      value: fc.constantFrom(undefined, null, 7, "", "2025-13-01", [], {}, ["a"], [{ article: 1 }]),
    });
    const file = fc.record({
      seed: fc.nat(),
      n: fc.integer({ min: 0, max: 15 }),
      damages: fc.array(damage, { maxLength: 3 }),
      format: fc.constantFrom("file" as const, "stream" as const),
    });
    await fc.assert(
      fc.asyncProperty(file, async ({ seed, n, damages, format }) => {
        const document = JSON.parse(JSON.stringify(generateDataset({ n, seed }))) as Record<
          string,
          unknown
        > & {
          events: Record<string, unknown>[];
        };
        for (const { event, field, value } of damages)
          if (document.events.length > 0) document.events[event % document.events.length]![field] = value;
        // Any name: Arrow is told by its first bytes.
        const loaded = await load("upload", documentToArrow(document, format));
        const json = await loadText("gen.json", JSON.stringify(document));
        expect(loaded.format).toBe("arrow");
        expect(loaded.dataset).toEqual(json.dataset);
        // The same problems, each on its row instead of its events[N].
        expect(
          loaded.issues.map((i) => `${i.path.replace("rows", "events")} ${i.field} ${i.message}`).sort(),
        ).toEqual(json.issues.map((i) => `${i.path} ${i.field} ${i.message}`).sort());
      }),
      { numRuns: 60 },
    );
  });

  test("a table written by another tool: any columns, a null is a field left out, rows named in issues", async () => {
    const table = new Table({
      title: vectorFromArray(["Visit", null, "Call"], new Utf8()),
      start: vectorFromArray(["2025-07-14", "2025-07-15", "2025-13-40"], new Utf8()),
      rank: vectorFromArray([1, 2, 3], new Int32()),
    });
    const loaded = await load("other.arrow", tableToIPC(table, "file"));
    expect(loaded.dataset.events.map((e) => e.title)).toEqual(["Visit"]);
    const lines = loaded.issues.map(formatIssue);
    expect(lines.some((l) => l.startsWith("other.arrow: rows[1]") && l.includes("title"))).toBe(true);
    expect(lines.some((l) => l.startsWith("other.arrow: rows[2]") && l.includes("start"))).toBe(true);
  });

  test("metadata `dataset` gives title, lanes and articles; bad metadata is one error, the rows stay", async () => {
    const good = documentToArrow({
      title: "Mine",
      lanes: [{ id: "m", label: "M" }],
      events: [{ title: "A", start: "2025", lane: "m" }],
    });
    const loaded = await load("m.arrow", good);
    expect(loaded.dataset.title).toBe("Mine");
    expect(loaded.dataset.events[0]?.lane).toBe("m");
    const base = new Table({
      title: vectorFromArray(["A"], new Utf8()),
      start: vectorFromArray(["2025"], new Utf8()),
    });
    const bad = new Table(new Schema(base.schema.fields, new Map([["dataset", "{oops"]])), base.batches);
    const broken = await load("b.arrow", tableToIPC(bad, "file"));
    expect(broken.dataset.events).toHaveLength(1);
    expect(broken.issues.map(formatIssue)[0]).toMatch(
      /^b\.arrow: \(top level\): metadata\.dataset: invalid JSON/,
    );
  });

  test("bytes that are not Arrow, named .arrow, are one file error; a cut file keeps the batches before the cut", async () => {
    const junk = await load("x.arrow", new TextEncoder().encode("not arrow at all"));
    expect(junk.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^x\.arrow: \(top level\): \(file\): is not a readable Arrow IPC file/),
    ]);
    const events = generateDataset({ n: 15_000, seed: 1 }).events;
    const stream = documentToArrow({ events }, "stream");
    const cut = parseArrow(stream.subarray(0, Math.floor(stream.length * 0.8)), "cut.arrows");
    const kept = (cut.json as { events: unknown[] }).events.length;
    expect(kept).toBeGreaterThanOrEqual(10_000);
    expect(kept).toBeLessThan(15_000);
    expect(cut.issues[0]?.message).toMatch(/after \d+ rows/);
  });

  test("read through loadBytes in pieces of any size, as the page streams it", async () => {
    const bytes = documentToArrow({ ...generateDataset({ n: 30, seed: 4 }) });
    const whole = await load("p.arrow", bytes);
    const pieces = loadBytes("p.arrow", noArticles, byName, { displayName: "p.arrow" });
    for (let at = 0; at < bytes.length; at += 3) pieces.push(new Uint8Array(bytes.slice(at, at + 3)));
    expect(await pieces.end()).toEqual(whole);
  });

  test("hostile columns and values stay data: a column named __proto__, a json column that is not an object", async () => {
    // fromEntries: in an object literal, __proto__ would set the prototype instead of naming a column.
    const table = new Table(
      Object.fromEntries([
        ["__proto__", vectorFromArray(['{"polluted":1}'], new Utf8())],
        ["title", vectorFromArray(["T"], new Utf8())],
        ["start", vectorFromArray(["2025"], new Utf8())],
        ["json", vectorFromArray(["[1,2]"], new Utf8())],
      ]),
    );
    const loaded = await load("h.arrow", tableToIPC(table, "file"));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(loaded.dataset.events.map((e) => e.title)).toEqual(["T"]);
    expect(loaded.issues.map(formatIssue)).toContainEqual(
      expect.stringMatching(/rows\[0\]: json: must be the text of a JSON object/),
    );
  });
});
