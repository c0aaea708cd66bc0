import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSV_COLUMNS } from "../src/data/formats/csv";
import { SHEETS_COLUMNS } from "../src/data/formats/sheets";
import { loadFromDisk } from "./lib/loadFromDisk";
import { loadRepoFile } from "../src/data/formats/testLoad";
import { main } from "./convert";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
let dir = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "convert-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs main, collecting what it prints. */
async function run(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { log: (line) => out.push(line), error: (line) => err.push(line) });
  return { code, out, err };
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  );

// The bundled dataset's counts, read from it (not typed here), so the test follows the data.
const bundled = JSON.parse(await readFile(resolve(ROOT, "data/events.json"), "utf8")) as {
  events: { sources: unknown[]; conflict?: unknown }[];
};
const EVENTS = bundled.events.length;
const QUOTES = bundled.events.reduce((n, e) => n + e.sources.length, 0);
const CONFLICTS = bundled.events.filter((e) => e.conflict !== undefined).length;

describe("npm run convert", () => {
  it("converts data/events.json to CSV and back to JSON with every event", async () => {
    const csv = join(dir, "events.csv");
    const toCsv = await run(resolve(ROOT, "data/events.json"), "--to", "csv", "--out", csv);
    expect(toCsv.code).toBe(0);
    expect(toCsv.out.at(-1)).toBe(`${csv}: wrote ${EVENTS} events as csv`);
    expect(
      toCsv.out.some((line) => line.startsWith(`note: csv cannot hold: conflict notes (${CONFLICTS})`)),
    ).toBe(true);
    expect((await readFile(csv, "utf8")).split("\n")[0]).toBe(CSV_COLUMNS.join(","));

    const json = join(dir, "back.json");
    const toJson = await run(csv, "--to=json", `--out=${json}`);
    expect(toJson.code).toBe(0);
    expect(toJson.out[0]).toBe(
      `${csv}: OK: ${EVENTS} valid events, 5 lanes, 5 articles, 0/${QUOTES} quotes verified verbatim`,
    );
    const back = JSON.parse(await readFile(json, "utf8")) as { events: unknown[] };
    expect(back.events).toHaveLength(EVENTS);
  });

  it("keeps article files pointing at the same texts from the new location, when it is in the folder above them", async () => {
    await cp(resolve(ROOT, "data"), join(dir, "data"), { recursive: true });
    const out = join(dir, "data", "nested", "..", "copy.json");
    expect((await run(join(dir, "data", "events.json"), "--to", "json", "--out", out)).code).toBe(0);
    const copy = await loadRepoFile(out);
    expect(copy.issues).toEqual([]);
    expect(copy.dataset.events.flatMap((e) => e.sources).every((s) => s.verified)).toBe(true);
  });

  it("never writes an article file outside the new file's folder: it says the texts were left behind", async () => {
    const out = join(dir, "nested", "copy.json");
    const result = await run(resolve(ROOT, "data/events.json"), "--to", "json", "--out", out);
    expect(result.code).toBe(0);
    expect(result.out.join("\n")).toContain("article texts outside");
    const doc = JSON.parse(await readFile(out, "utf8")) as { articles: { file?: string }[] };
    expect(doc.articles.every((a) => a.file === undefined)).toBe(true);
  });

  it("writes TimelineJS that reads back as TimelineJS", async () => {
    const out = join(dir, "tl.json");
    expect((await run(resolve(ROOT, "data/events.json"), "--to", "timelinejs", "--out", out)).code).toBe(0);
    const doc = JSON.parse(await readFile(out, "utf8")) as { events: { start_date: unknown }[] };
    expect(doc.events).toHaveLength(EVENTS);
    expect(doc.events.every((e) => typeof e.start_date === "object")).toBe(true);
  });

  it("writes the TimelineJS Sheets template (--to sheets) that reads back with the same events and eras", async () => {
    const input = resolve(ROOT, "test/fixtures/timelinejs-full.json");
    const out = join(dir, "sheet.csv");
    const { code, out: printed } = await run(input, "--to", "sheets", "--out", out);
    expect(code).toBe(0);
    expect(printed.join("\n")).toContain(
      `note: sheets cannot hold: event ids (derived again from start and headline) (2); the time scale (1)`,
    );
    const text = await readFile(out, "utf8");
    expect(text.split("\n")[0]).toBe(SHEETS_COLUMNS.join(","));
    const back = await loadFromDisk(out);
    const original = await loadFromDisk(input);
    expect(back.format).toBe("timelinejs");
    expect(back.dataset.events.map((e) => [e.title, e.start.text, e.media])).toEqual(
      original.dataset.events.map((e) => [e.title, e.start.text, e.media]),
    );
    expect(back.dataset.eras).toEqual(original.dataset.eras);
  });

  it("shows control and bidi characters from the data as \\u escapes (the terminal never obeys them)", async () => {
    const out = join(dir, "escapes.csv");
    const result = await run(
      resolve(ROOT, "test/fixtures/bad/terminal-escapes.json"),
      "--to",
      "csv",
      "--out",
      out,
    );
    const printed = [...result.out, ...result.err].join("\n");
    expect(printed).toContain("\\u001b[31mred");
    expect(printed).not.toMatch(/[\u001b\u0007\r\u009b\u202e\u2066]/);
  });

  it("prints issues as validate does, exits 1, and still writes the valid records", async () => {
    const input = join(dir, "bad.csv");
    await writeFile(
      input,
      "id,start,title,summary,lane,actors,source,quote\nok,2025,Fine,S,L,A,Src,long enough quote\nbad,2025-02-30,Bad,S,L,A,Src,long enough quote\n",
    );
    const out = join(dir, "bad.json");
    const result = await run(input, "--to", "json", "--out", out);
    expect(result.code).toBe(1);
    expect(result.out.slice(0, 2)).toEqual([
      `${input}: rows[3] (bad): start: "2025-02-30" is not a calendar date: 2025-02 has 28 days`,
      `${input}: 1 error: 1 valid events, 1 lanes, 1 articles, 0/1 quotes verified verbatim`,
    ]);
    const written = JSON.parse(await readFile(out, "utf8")) as { events: { id: string }[] };
    expect(written.events.map((e) => e.id)).toEqual(["ok"]);
  });

  it("writes nothing when the input cannot be read", async () => {
    const out = join(dir, "never.json");
    const result = await run(join(dir, "missing.json"), "--to", "csv", "--out", out);
    expect(result.code).toBe(1);
    expect(result.err[0]).toMatch(/could not be read as a dataset; .* was not written$/);
    expect(await exists(out)).toBe(false);
  });

  it("exits 2 with the usage on a mistaken command line", async () => {
    for (const argv of [
      [],
      ["a.json", "--to", "xml", "--out", "b"],
      ["a.json", "--out", "b"],
      ["a.json", "--to", "csv"],
    ]) {
      const result = await run(...argv);
      expect(result.code).toBe(2);
      expect(result.err.join("\n")).toMatch(
        /usage: npm run convert -- IN --to json\|ndjson\|arrow\|csv\|timelinejs\|sheets --out FILE$/,
      );
    }
  });

  it("runs as a script through npx tsx", async () => {
    const out = join(dir, "cli.csv");
    const { stdout } = await promisify(execFile)(
      "npx",
      ["tsx", "scripts/convert.ts", "test/fixtures/timelinejs-example.json", "--to", "csv", "--out", out],
      { cwd: ROOT },
    );
    expect(stdout).toContain("test/fixtures/timelinejs-example.json: OK: 6 valid events");
    expect((await readFile(out, "utf8")).split("\n")).toHaveLength(8);
  }, 30_000);
});
