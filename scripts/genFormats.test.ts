import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main as convert } from "./convert";
import { genFormat, main as gen } from "./gen";
import { loadFromDisk } from "./lib/loadFromDisk";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "gen-formats-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const quiet = { log: () => {}, error: () => {} };

describe("npm run gen --format and npm run convert --to ndjson|arrow", () => {
  it("gen writes JSON, NDJSON and Arrow of the same events, byte-identical for the same seed", async () => {
    const loaded = [];
    for (const format of ["json", "ndjson", "arrow"]) {
      const out = join(dir, `g.${format}`);
      expect(gen(["--n", "300", "--seed", "7", "--format", format, "--out", out], () => {})).toBe(0);
      const first = await readFile(out);
      expect(gen(["--n", "300", "--seed", "7", "--format", format, "--out", out], () => {})).toBe(0);
      expect((await readFile(out)).equals(first)).toBe(true);
      const result = await loadFromDisk(out);
      expect(result.format).toBe(format);
      loaded.push(result);
    }
    expect(loaded[0]!.dataset.events).toHaveLength(300);
    // Every format carries the same dataset and the same (unverified-quote) warnings count.
    expect(loaded[1]!.dataset).toEqual(loaded[0]!.dataset);
    expect(loaded[2]!.dataset).toEqual(loaded[0]!.dataset);
    expect(loaded[1]!.issues.length).toBe(loaded[0]!.issues.length);
    expect(loaded[2]!.issues.length).toBe(loaded[0]!.issues.length);
  });

  it("gen's format follows --format, else OUT's extension, and refuses an unknown one", () => {
    expect(genFormat(undefined, "x.jsonl")).toBe("ndjson");
    expect(genFormat(undefined, "x.arrow")).toBe("arrow");
    expect(genFormat(undefined, "x.txt")).toBe("json");
    expect(genFormat("arrow", "x.json")).toBe("arrow");
    expect(() => genFormat("parquet", "x")).toThrow(/--format must be json, ndjson or arrow/);
  });

  it("convert writes the bundled story as NDJSON and Arrow, each read back with the same events and lanes", async () => {
    const original = await loadFromDisk("data/events.json");
    for (const to of ["ndjson", "arrow"]) {
      // Written outside data/, the articles' texts stay behind (convert says so): quotes unverified.
      const out = join(dir, `story.${to}`);
      expect(await convert(["data/events.json", "--to", to, "--out", out], quiet)).toBe(0);
      const back = await loadFromDisk(out);
      expect(back.format).toBe(to);
      expect(back.dataset.events.map((e) => e.id)).toEqual(original.dataset.events.map((e) => e.id));
      expect(back.dataset.lanes).toEqual(original.dataset.lanes);
    }
  });

  it("convert reads NDJSON and Arrow in: back to JSON with every event", async () => {
    const arrow = join(dir, "in.arrow");
    gen(["--n", "50", "--seed", "3", "--out", arrow], () => {});
    const json = join(dir, "from-arrow.json");
    expect(await convert([arrow, "--to", "json", "--out", json], quiet)).toBe(0);
    expect((JSON.parse(await readFile(json, "utf8")) as { events: unknown[] }).events).toHaveLength(50);
    const ndjson = join(dir, "from-json.ndjson");
    expect(await convert([json, "--to", "ndjson", "--out", ndjson], quiet)).toBe(0);
    const lines = (await readFile(ndjson, "utf8")).trimEnd().split("\n");
    expect(lines).toHaveLength(51);
    expect(lines[0]).toMatch(/^\{"dataset":\{/);
  });
});
