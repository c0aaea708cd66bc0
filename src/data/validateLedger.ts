import { findQuote } from "./findQuote";
import type { DataIssue } from "./issues";
import { isRecord } from "./readFields";
import type { Dataset } from "./types";

/**
 * The coverage ledger: every passage of every article, each with its verbatim quote and either the
 * events it supports or why it is not an event. Together the entries must cover each article's whole
 * text, so a passage nobody looked at cannot hide.
 */

/** Why a passage is not an event. */
export const NOT_EVENT_KINDS = [
  "heading", // headline, subheading, question or bullet label: says nothing on its own
  "restatement", // repeats what another passage of the same article reports
  "commentary", // the article's own analysis, framing or prediction
  "stance", // an opinion or standing position reported without any time or occasion
  "background", // a general state of affairs with no time of its own
  "undatable", // reports something that happened, but names no occasion or time to place it
  "junk", // scraped page furniture, not part of the article
] as const;
export type NotEventKind = (typeof NOT_EVENT_KINDS)[number];

export interface LedgerEntry {
  /** Position in the file's `entries`. */
  readonly index: number;
  readonly article: string;
  readonly quote: string;
  /** The events the passage supports (at least one), or none when `notEvent` is set. */
  readonly events: readonly string[];
  readonly notEvent?: NotEventKind;
  readonly reason?: string;
  /** [start, end) in the article's raw text; undefined when the quote was not found. */
  readonly span?: readonly [number, number];
}

export interface LedgerSummary {
  readonly entries: number;
  /** Entries that support at least one event. */
  readonly supporting: number;
  /** Entries that are not an event, by kind (every kind listed, zero or not). */
  readonly notEvent: Readonly<Record<NotEventKind, number>>;
  /** Events the ledger supports, of how many in the dataset. */
  readonly eventsSupported: number;
  readonly events: number;
  /** Articles whose whole text the entries cover, of how many articles with text. */
  readonly articlesCovered: number;
  readonly articles: number;
  /** Characters of the articles' text (letters and digits only) inside some entry, of all. */
  readonly coveredChars: number;
  readonly totalChars: number;
}

export interface LedgerResult {
  readonly entries: readonly LedgerEntry[];
  readonly issues: readonly DataIssue[];
  readonly summary: LedgerSummary;
}

export interface LedgerOptions {
  /** File name used in every issue, e.g. `data/ledger.json`. */
  readonly file: string;
  /** The validated dataset the ledger accounts for. */
  readonly dataset: Dataset;
  /** Raw article texts by article id. */
  readonly articleTexts: ReadonlyMap<string, string>;
}

const QUOTE_MIN = 8;
const QUOTE_MAX = 600;
const ENTRY_KEYS = new Set(["article", "quote", "events", "notEvent", "reason"]);
/** A stretch of text left uncovered counts only if it holds a letter or digit (not a bullet or stray quote mark). */
const WORDY = /[\p{L}\p{N}]/u;

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** Checks a parsed ledger against its dataset and the article texts. Never throws on user data. */
export function validateLedger(json: unknown, options: LedgerOptions): LedgerResult {
  const { file, dataset, articleTexts } = options;
  const issues: DataIssue[] = [];
  const issue = (path: string, field: string, message: string, severity: "error" | "warning" = "error") =>
    issues.push({ severity, file, path, field, message });
  /** An issue about a record of the dataset (an event or an article), named by its id. */
  const about = (path: string, id: string, field: string, message: string) =>
    issues.push({ severity: "error", file, path, id, field, message });

  const entries: LedgerEntry[] = [];
  const eventIds = new Set(dataset.events.map((e) => e.id));
  const articleIds = new Set(dataset.articles.map((a) => a.id));

  const rawEntries = isRecord(json) && Array.isArray(json["entries"]) ? (json["entries"] as unknown[]) : [];
  if (!isRecord(json) || !Array.isArray(json["entries"])) {
    issue("", "entries", "must be an array of ledger entries");
  }
  if (isRecord(json)) {
    for (const key of Object.keys(json)) {
      if (!["$schema", "description", "dataset", "entries"].includes(key))
        issue("", key, "is not a known field", "warning");
    }
  }

  // Spans already taken by earlier entries, per article: a quote that occurs more than once (a
  // heading repeated in the text) is placed at its first occurrence no earlier entry took.
  const claimed = new Map<string, [number, number][]>();
  rawEntries.forEach((item, i) => {
    const path = `entries[${i}]`;
    if (!isRecord(item)) return void issue(path, "(record)", "must be an object");
    for (const key of Object.keys(item)) {
      if (!ENTRY_KEYS.has(key)) issue(path, key, "is not a known field", "warning");
    }
    const article = typeof item["article"] === "string" ? item["article"].trim() : "";
    const quote = typeof item["quote"] === "string" ? item["quote"].trim() : "";
    let ok = true;
    if (!articleIds.has(article)) {
      issue(
        path,
        "article",
        article === "" ? "is required" : `"${article}" is not an article of the dataset`,
      );
      ok = false;
    }
    if (quote.length < QUOTE_MIN || quote.length > QUOTE_MAX) {
      issue(path, "quote", `is ${quote.length} characters long; quotes must be ${QUOTE_MIN}–${QUOTE_MAX}`);
      ok = false;
    }
    const hasEvents = Object.hasOwn(item, "events");
    const hasNotEvent = Object.hasOwn(item, "notEvent");
    let events: string[] = [];
    let notEvent: NotEventKind | undefined;
    let reason: string | undefined;
    if (hasEvents === hasNotEvent) {
      issue(
        path,
        "events",
        'must give either "events" (the event ids it supports) or "notEvent" with a reason',
      );
      ok = false;
    } else if (hasEvents) {
      const value = item["events"];
      if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string")) {
        issue(path, "events", "must be a non-empty array of event ids");
        ok = false;
      } else {
        events = value.map((v: string) => v.trim());
        for (const id of events) {
          if (!eventIds.has(id)) {
            issue(path, "events", `"${id}" is not an event of the dataset`);
            ok = false;
          }
        }
      }
    } else {
      const kind = item["notEvent"];
      if (typeof kind !== "string" || !(NOT_EVENT_KINDS as readonly string[]).includes(kind)) {
        issue(path, "notEvent", `must be one of ${NOT_EVENT_KINDS.join(", ")}`);
        ok = false;
      } else notEvent = kind as NotEventKind;
      reason = typeof item["reason"] === "string" ? item["reason"].trim() : "";
      if (reason.length < 3) {
        issue(path, "reason", "is required: say why the passage is not an event");
        ok = false;
      }
    }
    let span: [number, number] | undefined;
    const text = articleTexts.get(article);
    if (articleIds.has(article) && quote !== "") {
      if (text === undefined)
        issue(path, "quote", `cannot be checked: the text of "${article}" is unavailable`);
      else {
        span = placeQuote(text, quote, claimed.get(article) ?? []);
        if (span !== undefined) claimed.set(article, [...(claimed.get(article) ?? []), span]);
        if (span === undefined) {
          issue(path, "quote", `is not verbatim in article "${article}": "${clip(quote)}"`);
          ok = false;
        }
      }
    }
    if (ok) entries.push({ index: i, article, quote, events, notEvent, reason, span });
  });

  // Each passage is accounted for once: entries of one article must not overlap.
  const byArticle = new Map<string, { entry: LedgerEntry }[]>();
  for (const entry of entries) {
    if (entry.span === undefined) continue;
    const list = byArticle.get(entry.article) ?? [];
    list.push({ entry });
    byArticle.set(entry.article, list);
  }
  for (const list of byArticle.values()) {
    list.sort((a, b) => a.entry.span![0] - b.entry.span![0]);
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]!.entry,
        cur = list[k]!.entry;
      if (cur.span![0] < prev.span![1]) {
        issue(
          `entries[${cur.index}]`,
          "quote",
          `overlaps another entry of article "${cur.article}" ("${clip(prev.quote, 40)}"); split the passage instead`,
        );
      }
    }
  }

  // Every event supported by at least one entry.
  const supported = new Set(entries.flatMap((e) => e.events));
  dataset.events.forEach((event) => {
    if (!supported.has(event.id))
      about("events", event.id, "id", "is supported by no ledger entry; add the passage(s) that report it");
  });

  // Every quote an event cites lies in a ledger entry that lists that event.
  for (const event of dataset.events) {
    event.sources.forEach((source, j) => {
      const text = articleTexts.get(source.article);
      if (text === undefined) return;
      const at = findQuote(text, source.quote);
      if (at === undefined) return; // the dataset's own validation reports it
      const inLedger = (byArticle.get(source.article) ?? []).some(
        ({ entry }) => entry.events.includes(event.id) && entry.span![0] < at[1] && at[0] < entry.span![1],
      );
      if (!inLedger) {
        about(
          "events",
          event.id,
          `sources[${j}]`,
          `quotes a passage of "${source.article}" that no ledger entry lists for this event: "${clip(source.quote)}"`,
        );
      }
    });
  }

  // Every passage of every article is in the ledger: nothing wordy left between the entries.
  let coveredChars = 0,
    totalChars = 0,
    articlesCovered = 0,
    articlesWithText = 0;
  for (const article of dataset.articles) {
    const text = articleTexts.get(article.id);
    if (text === undefined) continue;
    articlesWithText++;
    const covered = new Uint8Array(text.length);
    for (const { entry } of byArticle.get(article.id) ?? []) covered.fill(1, entry.span![0], entry.span![1]);
    let gaps = 0;
    let k = 0;
    while (k < text.length) {
      if (covered[k]) {
        k++;
        continue;
      }
      let end = k;
      while (end < text.length && !covered[end]) end++;
      const gap = text.slice(k, end);
      if (WORDY.test(gap)) {
        gaps++;
        about("articles", article.id, "text", `is in no ledger entry: "${clip(gap)}"`);
      }
      k = end;
    }
    for (let c = 0; c < text.length; c++) {
      if (!WORDY.test(text[c]!)) continue;
      totalChars++;
      if (covered[c]) coveredChars++;
    }
    if (gaps === 0) articlesCovered++;
  }

  const notEvent = Object.fromEntries(NOT_EVENT_KINDS.map((k) => [k, 0])) as Record<NotEventKind, number>;
  for (const entry of entries) if (entry.notEvent !== undefined) notEvent[entry.notEvent]++;
  return {
    entries,
    issues,
    summary: {
      entries: entries.length,
      supporting: entries.filter((e) => e.events.length > 0).length,
      notEvent,
      eventsSupported: dataset.events.filter((e) => supported.has(e.id)).length,
      events: dataset.events.length,
      articlesCovered,
      articles: articlesWithText,
      coveredChars,
      totalChars,
    },
  };
}

/** Every occurrence of a quote in a text, in order, as findQuote matches it. */
export function quoteOccurrences(text: string, quote: string): [number, number][] {
  const found: [number, number][] = [];
  for (let from = 0; from < text.length;) {
    const at = findQuote(text.slice(from), quote);
    if (at === undefined) break;
    found.push([from + at[0], from + at[1]]);
    from += at[0] + 1;
  }
  return found;
}

/** The first occurrence of the quote that overlaps none of `taken`; else the first occurrence. */
function placeQuote(
  text: string,
  quote: string,
  taken: readonly [number, number][],
): [number, number] | undefined {
  const all = quoteOccurrences(text, quote);
  return all.find(([s, e]) => taken.every(([ts, te]) => e <= ts || te <= s)) ?? all[0];
}

/** One line for the CLI: the verdict and the ledger's counts. */
export function ledgerSummaryLine(name: string, result: LedgerResult): string {
  const { summary: s, issues } = result;
  const errors = issues.filter((i) => i.severity === "error").length;
  const kinds = NOT_EVENT_KINDS.filter((k) => s.notEvent[k] > 0)
    .map((k) => `${s.notEvent[k]} ${k}`)
    .join(", ");
  const verdict = errors === 0 ? "OK" : `${errors} error${errors === 1 ? "" : "s"}`;
  return (
    `${name}: ${verdict}: ${s.entries} entries (${s.supporting} support events; ${s.entries - s.supporting} not an event: ${kinds}), ` +
    `${s.eventsSupported}/${s.events} events supported, ${s.articlesCovered}/${s.articles} articles fully covered`
  );
}
