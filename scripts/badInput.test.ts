// The bad-input corpus (test/fixtures/bad/): every file goes through loadAnyFormat exactly as
// `npm run validate` reads it, and must give exactly the issue lines and the number of valid events
// that test/fixtures/bad/expected.json records. A few files also go through the real CLI.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type { FormatName } from "../src/data/formats/detectFormat";
import { decodeBytes, StreamDecoder } from "../src/data/decodeText";
import { streamDataset } from "../src/data/streamDataset";
import { readArticleFile } from "./lib/loadFromDisk";
import { facetOptions } from "../src/model/facetOptions";
import { formatIssue } from "../src/data/issues";
import { loadAnyFormat, summaryLine, type LoadedAnyFormat } from "../src/data/loadAnyFormat";
import { terminalSafe } from "../src/data/safeText";
import { utcMs } from "../src/data/parseEdtf";

const ROOT = resolve(fileURLToPath(import.meta.url), "../..");
const DIR = "test/fixtures/bad";

interface Expected {
  readonly note: string;
  readonly format: FormatName;
  readonly valid: number;
  /** Issue lines without the leading `FILE: ` (warnings keep `warning: `); `{c*N}` is N copies of c. */
  readonly issues: readonly string[];
  /** A known bug this file shows; its exact lines record today's behaviour. */
  readonly knownBug?: string;
}

const { files: expected } = JSON.parse(readFileSync(resolve(ROOT, DIR, "expected.json"), "utf8")) as {
  files: Record<string, Expected>;
};
const names = Object.keys(expected).sort();

/** An expected line as `npm run validate -- DIR/NAME` prints it. */
function fullLine(name: string, line: string): string {
  const text = line.replace(/\{(.)\*(\d+)\}/gu, (_, c: string, n: string) => c.repeat(Number(n)));
  const file = `${DIR}/${name}`;
  return text.startsWith("warning: ") ? `warning: ${file}: ${text.slice(9)}` : `${file}: ${text}`;
}

/** Loads a corpus file as scripts/validate.ts does: node fs, article files beside it. */
function load(name: string): Promise<LoadedAnyFormat> {
  return loadAnyFormat(
    resolve(ROOT, DIR, name),
    (location) => readFile(location).then(decodeBytes),
    (datasetPath, file) => resolve(dirname(datasetPath), file),
    `${DIR}/${name}`,
  );
}

const loaded = new Map<string, Promise<LoadedAnyFormat>>();
const loadOnce = (name: string) => {
  if (!loaded.has(name)) loaded.set(name, load(name));
  return loaded.get(name)!;
};

/** The issue lines of a file that says something about a very long value, for the echo checks. */
const LONG_LINE = 600;

describe("the bad-input corpus", () => {
  test("expected.json lists every data file in the corpus, and the corpus covers all three formats", () => {
    const onDisk = readdirSync(resolve(ROOT, DIR))
      .filter((name) => /\.(json|csv)$/.test(name) && name !== "expected.json")
      .sort();
    expect(names).toEqual(onDisk);
    expect(names.length).toBeGreaterThanOrEqual(45);
    const formats = names.map((name) => expected[name]!.format);
    expect(formats.filter((f) => f === "csv").length).toBeGreaterThanOrEqual(5);
    expect(formats.filter((f) => f === "timelinejs").length).toBeGreaterThanOrEqual(5);
    // The 10,000-event file stays small enough to commit.
    expect(readFileSync(resolve(ROOT, DIR, "same-instant-10000.json")).length).toBeLessThan(3_000_000);
  });

  test.each(names)("%s: exact issue lines and valid-event count, and nothing thrown", async (name) => {
    const want = expected[name]!;
    const result = await loadOnce(name);
    expect(result.format).toBe(want.format);
    expect(result.issues.map(formatIssue)).toEqual(want.issues.map((line) => fullLine(name, line)));
    expect(result.dataset.events.length).toBe(want.valid);
    // Every kept event has every field the timeline needs, so one bad record never costs the others.
    for (const event of result.dataset.events) {
      expect(Number.isFinite(event.startMs) && Number.isFinite(event.endMs)).toBe(true);
      expect(event.endMs).toBeGreaterThanOrEqual(event.startMs);
      // Only a strict dataset needs a source for every event.
      if (result.dataset.strict === true) expect(event.sources.length).toBeGreaterThan(0);
      expect(result.dataset.lanes.some((lane) => lane.id === event.lane)).toBe(true);
    }
  });

  test("no issue line echoes a long value back (files with a known echo bug are checked below)", async () => {
    for (const name of names.filter((n) => expected[n]!.knownBug === undefined)) {
      for (const line of (await loadOnce(name)).issues.map(formatIssue)) {
        expect(line.length, `${name}: ${line.slice(0, 120)}`).toBeLessThan(LONG_LINE);
      }
    }
    // A 100 KB title or summary is reported by its length.
    for (const name of ["long-title.json", "long-summary.json"]) {
      const lines = (await loadOnce(name)).issues.map(formatIssue);
      expect(lines).toHaveLength(1);
      expect(lines[0]!.length).toBeLessThan(120);
      expect(lines[0]).toMatch(/is 100000 characters long; at most \d+ allowed$/);
    }
  });

  // Once known bugs, now fixed and kept as regression tests.
  test.each(["csv-long-header.csv", "long-references.json", "tjs-long-date.json"])(
    "%s: a 100 KB value is quoted back only by its start",
    async (name) => {
      const lines = (await loadOnce(name)).issues.map(formatIssue);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.length).toBeLessThan(LONG_LINE);
    },
  );

  test("tjs-entities.json: &constructor; stays text, never Object's constructor", async () => {
    const titles = (await loadOnce("tjs-entities.json")).dataset.events.map((e) => e.title);
    expect(titles.join(" ")).not.toContain("function Object()");
  });
});

describe("what the corpus's valid records hold", () => {
  test("markup is kept as text, character for character (the page shows it with textContent)", async () => {
    const { dataset } = await loadOnce("html-payloads.json");
    const img = '<img src=x onerror="window.__pwned=1;alert(1)">';
    expect(dataset.title).toBe(`Payloads ${img}`);
    expect(dataset.events.find((e) => e.id === "payload-img")?.actors).toContain(img);
    // Only http(s) URLs are kept; the articles themselves stay, so their events do too.
    const urls = Object.fromEntries(dataset.articles.map((a) => [a.id, a.url]));
    expect(urls).toEqual({
      hostile: undefined,
      unverified: "https://example.com/article?q=<script>alert(1)</script>",
      "data-url": undefined,
    });
    expect(dataset.events.flatMap((e) => e.sources).filter((s) => s.verified)).toHaveLength(4);
  });

  test("extreme zones and years before 1 CE are placed at their true instants", async () => {
    const zones = (await loadOnce("zones-valid.json")).dataset.events;
    const at = (id: string) => zones.find((e) => e.id === id)!.startMs;
    expect(at("kiribati")).toBe(Date.UTC(2025, 6, 13, 21, 0));
    expect(at("baker-island")).toBe(Date.UTC(2025, 6, 14, 23, 0));
    expect(at("nepal")).toBe(Date.UTC(2025, 6, 14, 5, 15));
    expect(at("minus-zero")).toBe(at("utc-z"));
    const bce = (await loadOnce("year-bce.json")).dataset.events;
    const ides = bce.find((e) => e.id === "ides-of-march")!;
    expect(ides.startMs).toBe(utcMs(-43, 2, 15));
    expect(new Date(ides.startMs).toISOString()).toBe("-000043-03-15T00:00:00.000Z");
  });

  test("prototype keys neither pollute Object.prototype nor supply fields", async () => {
    const { dataset } = await loadOnce("proto-keys.json");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(dataset.events.map((e) => e.id)).toEqual(["constructor", "prototype"]);
    expect(dataset.lanes.map((l) => l.label)).toEqual(["constructor", "__proto__"]);
  });

  test("quotes differing only in typography or Unicode composition are verified", async () => {
    const { dataset } = await loadOnce("quotes-not-in-article.json");
    expect(dataset.events.map((e) => [e.id, e.sources.every((s) => s.verified)])).toEqual([
      ["verbatim", true],
      ["typography", true],
      ["decomposed", true],
    ]);
  });
});

describe("one truth for the same bytes (issue 19)", () => {
  test("names-nfc-nfd.json: a name spelled precomposed and decomposed is one filter value", async () => {
    const { dataset } = await loadOnce("names-nfc-nfd.json");
    const facets = facetOptions(dataset);
    expect(facets.actors.map((a) => [a.value, a.count])).toEqual([["Jos\u00e9", 2]]);
    expect(facets.topics.map((t) => [t.value, t.count])).toEqual([["Z\u00fcrich", 2]]);
  });

  test("the encodings corpus: UTF-8 with two BOMs and UTF-16 with a BOM give the UTF-8 file's events", async () => {
    const titles = async (name: string) => (await loadOnce(name)).dataset.events.map((e) => [e.id, e.actors]);
    const want = await titles("encoding-double-bom.json");
    expect(want).toEqual([
      ["one", ["Jos\u00e9 M\u00fcller"]],
      ["two", ["Mark Rutte"]],
    ]);
    expect(await titles("encoding-utf16le.json")).toEqual(want);
    expect((await loadOnce("encoding-utf16be.csv")).dataset.events[0]?.actors).toEqual([
      "Jos\u00e9 M\u00fcller",
    ]);
  });
});

describe("the page's way of reading gives the CLI's verdict, for every corpus file (issue 19: one truth)", () => {
  /** As the page reads a file: its bytes in chunks through StreamDecoder, followed by streamDataset. */
  async function asThePageReads(name: string, chunk: number): Promise<LoadedAnyFormat> {
    const location = resolve(ROOT, DIR, name);
    const bytes = new Uint8Array(await readFile(location));
    const stream = streamDataset(
      location,
      (article) => readArticleFile(location, article),
      (_, file) => file,
      {
        displayName: `${DIR}/${name}`,
      },
    );
    const decoder = new StreamDecoder();
    for (let at = 0; at < bytes.length; at += chunk)
      stream.push(decoder.decode(bytes.subarray(at, at + chunk), { stream: true }));
    stream.push(decoder.decode());
    return stream.end(async () => decodeBytes(bytes));
  }

  test.each(names)("%s: the same issues and events, read in chunks of 7 and 4096 bytes", async (name) => {
    const cli = await loadOnce(name);
    for (const chunk of [7, 4096]) {
      const page = await asThePageReads(name, chunk);
      expect(page.issues.map(formatIssue), `${chunk}`).toEqual(cli.issues.map(formatIssue));
      expect(page.dataset.events.map((e) => e.id)).toEqual(cli.dataset.events.map((e) => e.id));
    }
  });
});

describe("article files (issue 19: files stay inside)", () => {
  test("article-paths.json: only the files inside the dataset's folder are ever read", async () => {
    const read: string[] = [];
    const result = await loadAnyFormat(
      resolve(ROOT, DIR, "article-paths.json"),
      (location) => {
        read.push(location);
        return readFile(location, "utf8");
      },
      (datasetPath, file) => resolve(dirname(datasetPath), file),
      "article-paths.json",
    );
    expect(read.map((location) => location.slice(ROOT.length + 1)).sort()).toEqual([
      `${DIR}/article-paths.json`,
      `${DIR}/article.txt`,
      `${DIR}/article.txt`,
    ]);
    // Every event stays: those citing a refused file are kept unverified.
    expect(result.dataset.events.map((e) => e.sources[0]!.verified).filter(Boolean)).toHaveLength(2);
    expect(result.dataset.events).toHaveLength(11);
  });
});

describe("npm run validate on corpus files (the real CLI)", () => {
  /** Runs `npx tsx scripts/validate.ts FILE...` from the repository root. */
  function cli(...files: string[]): { code: number | null; lines: string[] } {
    const run = spawnSync("npx", ["tsx", "scripts/validate.ts", ...files.map((f) => `${DIR}/${f}`)], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: run.status, lines: run.stdout.split("\n").filter((line) => line !== "") };
  }

  /** What the CLI must print for these files: each expected line, then the file's summary line. */
  async function printed(...files: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const name of files) {
      const result = await loadOnce(name);
      out.push(...expected[name]!.issues.map((line) => fullLine(name, line)));
      out.push(summaryLine(`${DIR}/${name}`, result.dataset, result.issues));
    }
    return out;
  }

  test("files with errors: every line printed as recorded, exit code 1", async () => {
    const files = ["json-trailing-comma.json", "date-feb-30.json", "csv-bad-rows.csv", "tjs-bad-dates.json"];
    const { code, lines } = cli(...files);
    expect(lines).toEqual(await printed(...files));
    expect(lines.at(-1)).toBe(
      `${DIR}/tjs-bad-dates.json: 10 errors: 1 valid events, 1 lanes, 1 articles, 0/1 quotes verified verbatim`,
    );
    expect(code).toBe(1);
  }, 20_000);

  test("valid files and files with only warnings: exit code 0", async () => {
    const files = ["json-bom.json", "unknown-fields.json", "same-instant-10000.json"];
    const { code, lines } = cli(...files);
    expect(lines).toEqual(await printed(...files));
    expect(lines).toContain(
      `${DIR}/same-instant-10000.json: OK: 10000 valid events, 2 lanes, 1 articles, 0/10000 quotes verified verbatim`,
    );
    expect(code).toBe(0);
  }, 20_000);

  test("terminal-escapes.json: escape sequences, carriage returns and bidi controls are shown as \\u escapes, never sent to the terminal", async () => {
    const { code, lines } = cli("terminal-escapes.json");
    expect(lines).toEqual((await printed("terminal-escapes.json")).map(terminalSafe));
    const out = lines.join("\n");
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028]/);
    expect(out).toContain('lane: "\\u001b[31mred\\u001b[0m" is not a lane');
    expect(out).toContain('"main\\u000dOK: 0 errors\\u001b[K"');
    expect(out).toContain('"\\u202egnp.exe"');
    expect(code).toBe(1);
  }, 20_000);

  test("an HTML page, an empty file and a 100 KB summary: short messages, exit code 1", async () => {
    const files = ["json-not-json.json", "json-empty.json", "long-summary.json"];
    const { code, lines } = cli(...files);
    expect(lines).toEqual(await printed(...files));
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(200);
    expect(code).toBe(1);
  }, 20_000);
});
