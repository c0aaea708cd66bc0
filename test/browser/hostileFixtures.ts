// Hostile inputs too large to commit, written beside the test fixtures by globalSetup (issue 19:
// no task over 200 ms on the page's main thread, for any input).
import { mkdirSync, writeFileSync } from "node:fs";

export const HOSTILE_DIR = "fixtures/hostile";
/** A 30 MB article with a quote near its end (verbatim) and one in its middle (typography differs). */
export const BIG_ARTICLE = `${HOSTILE_DIR}/big-article/events.json`;
/** 20,000 valid events with 27 unknown fields each: 540,000 warnings. */
export const MANY_PROBLEMS = `${HOSTILE_DIR}/many-problems.json`;
export const MANY_PROBLEMS_COUNT = 540_000;
/** One event in disagreement with 5,000 others, all drawn from one article. */
export const MANY_CONFLICTS = `${HOSTILE_DIR}/many-conflicts.json`;

/** Events given twice: a first array of 2,976 and a second of 2 (JSON.parse keeps the second). */
export const EVENTS_TWICE = `${HOSTILE_DIR}/events-twice.json`;

export const LATE_QUOTE = "the final line of the very long article says Rutte met Trump";
export const MIDDLE_QUOTE = "In the middle, Rutte's aides said it wasn't settled";

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Event ${id}`,
  summary: "S.",
  start: "2025-07-14",
  precision: "day",
  dateBasis: "stated",
  dateNote: "N.",
  lane: "main",
  actors: ["A"],
  sources: [{ article: "a1", quote: "the two leaders met at the White House" }],
  ...extra,
});

export function writeHostileFixtures(outDir: string): void {
  const dir = `${outDir}/${HOSTILE_DIR}`;
  mkdirSync(`${dir}/big-article`, { recursive: true });
  const line = "A line of a very long article that goes on and on about the meetings.\n";
  const half = line.repeat(210_000); // ~15 MB
  writeFileSync(
    `${dir}/big-article/article.txt`,
    `${half}In the middle, Rutte\u2019s aides said it wasn\u2019t settled.\n${half}And ${LATE_QUOTE}.\n`,
  );
  writeFileSync(
    `${dir}/big-article/events.json`,
    JSON.stringify({
      title: "A 30 MB article",
      lanes: [{ id: "main", label: "Main" }],
      articles: [{ id: "a1", title: "The long article", file: "article.txt" }],
      events: [
        event("late", { sources: [{ article: "a1", quote: LATE_QUOTE }] }),
        event("middle", { start: "2025-07-20", sources: [{ article: "a1", quote: MIDDLE_QUOTE }] }),
      ],
    }),
  );

  const unknown = Object.fromEntries(Array.from({ length: 27 }, (_, k) => [`x${k}`, 0]));
  writeFileSync(
    `${outDir}/${MANY_PROBLEMS}`,
    JSON.stringify({
      title: "540,000 problems",
      lanes: [{ id: "main", label: "Main" }],
      articles: [{ id: "a1", title: "An article without a text file" }],
      events: Array.from({ length: MANY_PROBLEMS_COUNT / 27 }, (_, i) => ({
        ...event(`e${i}`, { start: `2025-07-${String(1 + (i % 28)).padStart(2, "0")}` }),
        ...unknown,
      })),
    }),
  );

  writeFileSync(`${dir}/conflict-article.txt`, "the two leaders met at the White House, aides said.\n");
  const others = Array.from({ length: 5000 }, (_, i) => `other-${i}`);
  writeFileSync(
    `${outDir}/${MANY_CONFLICTS}`,
    JSON.stringify({
      title: "One event against 5,000",
      lanes: [{ id: "main", label: "Main" }],
      articles: [{ id: "a1", title: "The article", file: "conflict-article.txt" }],
      events: [
        event("disputed", { start: "2025-07-01", conflict: { note: "Everyone disagrees.", events: others } }),
        ...others.map((id, i) =>
          event(id, {
            start: `2025-07-${String(2 + (i % 27)).padStart(2, "0")}`,
            conflict: { note: "No.", events: ["disputed"] },
          }),
        ),
      ],
    }),
  );

  // Valid events, so a worker sends them on while it checks (and must take them back); spaces
  // between them take the file over PAGE_CHECK_LIMIT_BYTES (8 MiB), so a worker checks it.
  const first = Array.from({ length: 2976 }, (_, i) => JSON.stringify(event(`first-${i}`)));
  const second = [event("second-0"), event("second-1")];
  const head = JSON.stringify({
    title: "Events given twice",
    lanes: [{ id: "main", label: "Main" }],
    articles: [{ id: "a1", title: "An article without a text file" }],
  });
  writeFileSync(
    `${outDir}/${EVENTS_TWICE}`,
    `${head.slice(0, -1)},"events":[${first.join(`${" ".repeat(3000)},`)}],"events":${JSON.stringify(second)}}`,
  );
}
