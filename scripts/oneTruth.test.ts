// One truth (issue 19): the same bytes give the same events and problems in the CLI and in the page,
// including the page's way through the loading worker (workerSide → messages → pageSide), where
// events are sent on while the file is still being checked. Files with ~3,000 repeated events: the
// same id over and over, the same content under different ids, and `events` given twice (the case
// where the page once drew 2,978 events and the CLI 2).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { pageSide, workerSide } from "../src/app/worker/handoff";
import type { CheckedFile, LoadMessage } from "../src/app/worker/loadProtocol";
import { formatIssue } from "../src/data/issues";
import { loadFromDisk } from "./lib/loadFromDisk";

const dir = mkdtempSync(join(tmpdir(), "one-truth-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (id: string) => ({
  id,
  title: "The same event",
  summary: "S.",
  start: "2025-07-14",
  precision: "day",
  dateBasis: "stated",
  dateNote: "N.",
  lane: "main",
  actors: ["A"],
  sources: [{ article: "a1", quote: "the two leaders met at the White House" }],
});
const head = JSON.stringify({
  title: "Repeated events",
  lanes: [{ id: "main", label: "Main" }],
  articles: [{ id: "a1", title: "An article without a text file" }],
}).slice(0, -1);
const list = (ids: readonly string[]) => `[${ids.map((id) => JSON.stringify(event(id))).join(",")}]`;
const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

const FILES = {
  "same-id.json": `${head},"events":${list(Array<string>(2978).fill("same"))}}`,
  "same-content.json": `${head},"events":${list(ids("e-", 2978))}}`,
  "events-twice.json": `${head},"events":${list(ids("first-", 2976))},"events":${list(ids("second-", 2))}}`,
};

/** The page's way through a worker: the file's bytes in pieces, and every message structured-cloned. */
async function throughTheWorker(name: string, bytes: Uint8Array<ArrayBuffer>, piece: number) {
  const messages: LoadMessage["type"][] = [];
  let resolve: (checked: CheckedFile) => void = () => {};
  const result = new Promise<CheckedFile>((done) => (resolve = done));
  const toPage = pageSide(() => {}, resolve);
  const toWorker = workerSide((message) => {
    messages.push(message.type);
    toPage(structuredClone(message));
  });
  const file = new File([bytes], name, { type: "application/json" });
  toWorker({ location: name, displayName: name, file });
  // The pieces arrive over time, as a download's do: the worker checks (and sends on) in between.
  for (let at = 0; at < bytes.length; at += piece) {
    toWorker(bytes.slice(at, at + piece));
    await new Promise((next) => setTimeout(next, 0));
  }
  toWorker(null);
  const checked = await result;
  const all = checked.allIssues;
  const lines = all instanceof Blob ? (await all.text()).trimEnd().split("\n") : all.map(formatIssue);
  return { checked, lines: lines.filter(Boolean), messages };
}

describe("the same bytes, the same verdict: CLI and page (through the loading worker)", () => {
  test.each(Object.keys(FILES) as (keyof typeof FILES)[])("%s", async (name) => {
    const path = join(dir, name);
    writeFileSync(path, FILES[name]);
    const cli = await loadFromDisk(path, name);
    const bytes = new TextEncoder().encode(FILES[name]);
    // Small pieces: the worker sends events on (in batches of 1,000) long before the file is complete.
    const page = await throughTheWorker(name, bytes, 4096);
    expect(page.checked.dataset.events.map((e) => e.id)).toEqual(cli.dataset.events.map((e) => e.id));
    expect(page.checked.dataset.events).toEqual(cli.dataset.events);
    expect(page.lines).toEqual(cli.issues.map(formatIssue));
    expect(page.checked.report.errors).toBe(cli.issues.filter((i) => i.severity === "error").length);
    expect(page.checked.rejectedEvents).toBe(cli.rejectedEvents);
    expect(page.messages).toContain("events");
  });

  test("the verdicts: 1 event for one id repeated, 2,978 for one content under 2,978 ids, 2 for events given twice", async () => {
    const counts: Record<string, number> = {};
    for (const name of Object.keys(FILES) as (keyof typeof FILES)[]) {
      const bytes = new TextEncoder().encode(FILES[name]);
      counts[name] = (await throughTheWorker(name, bytes, 4096)).checked.dataset.events.length;
    }
    expect(counts).toEqual({ "same-id.json": 1, "same-content.json": 2978, "events-twice.json": 2 });
  });

  test("events given twice: the events the worker sent from the first list are taken back", async () => {
    const bytes = new TextEncoder().encode(FILES["events-twice.json"]);
    const { messages } = await throughTheWorker("events-twice.json", bytes, 4096);
    expect(messages.indexOf("events")).toBeLessThan(messages.indexOf("restart"));
  });
});
