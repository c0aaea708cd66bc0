// Every function that runs a regular expression (or a scan) over user text takes time linear in the
// text's length: fed long adversarial strings (the prefixes, separators and near-misses that make a
// backtracking pattern try each position against the rest of the text), each returns in well under
// the 200 ms a task on the page may take. (src/data/** audited: the tag patterns of htmlToText were
// quadratic, 13.6 s on one TimelineJS string; they are now a single pass, see formats/htmlText.ts.)
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkArticlePath } from "./articlePath";
import { findQuote } from "./findQuote";
import { idFor, titleFromFileName } from "./formats/common";
import { formatFromName, parseAnyFormat } from "./formats/detectFormat";
import { htmlToText } from "./formats/timelinejs";
import { issueKind } from "./issueSummary";
import { tidyIssue } from "./issues";
import { normalizeText } from "./normalizeText";
import { parseEdtf } from "./parseEdtf";
import { terminalSafe, xmlSafe } from "./safeText";
import { validateDataset } from "./validateDataset";

/** Pieces that make backtracking patterns work hard, repeated into long strings. */
const PIECES = [
  "<p",
  "</",
  "<a ",
  "<!--",
  "<script",
  "</script ",
  "&#x",
  "&a",
  "&",
  "-",
  ".",
  "a.",
  '"',
  " ",
  "\t",
  "\n",
  "\u2018",
  "\u00a0",
  "2025-",
  "https://",
  "../",
  "%2e",
  "[1]",
  "\u001b[",
  "&#1",
];

/** A long adversarial string: a few pieces, each repeated many times, in some order. */
const adversarial = fc
  .array(fc.record({ piece: fc.constantFrom(...PIECES), times: fc.integer({ min: 1, max: 20_000 }) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((runs) =>
    runs
      .map(({ piece, times }) => piece.repeat(times))
      .join("")
      .slice(0, 100_000),
  );

/**
 * What catastrophic backtracking looks like (seconds on 100,000 characters: 13.6 s in the report),
 * far above what linear work takes even on a loaded machine. A guard against pathological patterns,
 * not a performance measure: the page's 200 ms task budget is checked in the browser tests.
 */
const BUDGET_MS = 1000;

/** How long `run` takes, to the end of what it returns when that is a promise (parseAnyFormat). */
async function timed(run: () => unknown): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

const USER_TEXT_FUNCTIONS: Record<string, (text: string) => unknown> = {
  htmlToText,
  normalizeText,
  findQuote: (text) => findQuote(text, "<p a quote that is not there"),
  idFor: (text) => idFor(text, "x"),
  titleFromFileName,
  formatFromName,
  parseEdtf,
  checkArticlePath,
  terminalSafe,
  xmlSafe,
  tidyIssue: (text) =>
    tidyIssue({
      severity: "error",
      file: text,
      path: "events[1]",
      field: text,
      message: `"${text}" ${text}`,
    }),
  issueKind: (text) =>
    issueKind({ severity: "error", file: "f", path: "events[1]", field: text, message: "" }),
  detectAndParse: (text) => parseAnyFormat(text, "events.txt"),
  validateFields: (text) =>
    validateDataset(
      {
        title: text,
        lanes: [{ id: text, label: "L" }],
        articles: [{ id: "a", title: "A", url: text, file: text }],
        events: [{ id: text, start: text, title: text, summary: "s", lane: text, sources: [] }],
      },
      { file: "f.json" },
    ),
};

describe("regular expressions over user text run in linear time", () => {
  it.each(Object.keys(USER_TEXT_FUNCTIONS))(
    "%s: 100,000 adversarial characters with no catastrophic backtracking (under a second)",
    async (name) => {
      const run = USER_TEXT_FUNCTIONS[name]!;
      await run("warm up <p> &amp; 2025-07-14");
      await fc.assert(
        fc.asyncProperty(adversarial, async (text) => {
          // The best of two: a collection or compilation can land in either.
          const ms = Math.min(await timed(() => run(text)), await timed(() => run(text)));
          expect(ms, `${name} on ${JSON.stringify(text.slice(0, 40))}… (${text.length} chars)`).toBeLessThan(
            BUDGET_MS,
          );
        }),
        { numRuns: 25 },
      );
    },
  );

  it("the TimelineJS tag string that took 13.6 s: unclosed tags, in a few milliseconds", async () => {
    const tags = "<p".repeat(50_000);
    expect(await timed(() => htmlToText(tags))).toBeLessThan(BUDGET_MS);
    expect(htmlToText(tags)).toBe(tags);
    expect(await timed(() => htmlToText(`<a ${"<b ".repeat(50_000)}`))).toBeLessThan(BUDGET_MS);
  });
});
