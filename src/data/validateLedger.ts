import { findQuote } from "./findQuote";
import type { DataIssue } from "./issues";
import {
  NOT_EVENT_KINDS,
  readLedgerEntry,
  type EntryContext,
  type LedgerEntry,
  type NotEventKind,
} from "./ledgerEntry";
import { clip, LedgerIssues } from "./ledgerIssues";
import { isRecord } from "./readFields";
import type { Article, Dataset, TimelineEvent } from "./types";

/**
 * The coverage ledger: every passage of every article, each with its verbatim quote and either the
 * events it supports or why it is not an event. Together the entries must cover each article's whole
 * text, so a passage nobody looked at cannot hide.
 */

export { NOT_EVENT_KINDS, quoteOccurrences, type LedgerEntry, type NotEventKind } from "./ledgerEntry";

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

/** An entry found in its article's text. */
type PlacedEntry = LedgerEntry & { readonly span: readonly [number, number] };

/** How much of the articles' text the entries cover (see LedgerSummary). */
type Coverage = Pick<LedgerSummary, "articlesCovered" | "articles" | "coveredChars" | "totalChars">;

const LEDGER_KEYS = ["$schema", "description", "dataset", "entries"];
/** A stretch of text left uncovered counts only if it holds a letter or digit (not a bullet or stray quote mark). */
const WORDY = /[\p{L}\p{N}]/u;

/** Checks a parsed ledger against its dataset and the article texts. Never throws on user data. */
export function validateLedger(json: unknown, options: LedgerOptions): LedgerResult {
  const { file, dataset, articleTexts } = options;
  const issues = new LedgerIssues(file);
  const entries = readEntries(json, issues, dataset, articleTexts);
  const byArticle = entriesByArticle(entries);
  checkOverlaps(byArticle, issues);
  // Every event supported by at least one entry.
  const supported = new Set(entries.flatMap((e) => e.events));
  for (const event of dataset.events) {
    if (!supported.has(event.id))
      issues.about(
        "events",
        event.id,
        "id",
        "is supported by no ledger entry; add the passage(s) that report it",
      );
  }
  checkSourcesListed(dataset.events, articleTexts, byArticle, issues);
  const coverage = checkCoverage(dataset.articles, articleTexts, byArticle, issues);
  const notEvent = Object.fromEntries(NOT_EVENT_KINDS.map((k) => [k, 0])) as Record<NotEventKind, number>;
  for (const entry of entries) if (entry.notEvent !== undefined) notEvent[entry.notEvent]++;
  return {
    entries,
    issues: issues.list,
    summary: {
      entries: entries.length,
      supporting: entries.filter((e) => e.events.length > 0).length,
      notEvent,
      eventsSupported: dataset.events.filter((e) => supported.has(e.id)).length,
      events: dataset.events.length,
      ...coverage,
    },
  };
}

/** The ledger's valid entries, in order, each placed in its article's text. */
function readEntries(
  json: unknown,
  issues: LedgerIssues,
  dataset: Dataset,
  articleTexts: ReadonlyMap<string, string>,
): LedgerEntry[] {
  const rawEntries = isRecord(json) && Array.isArray(json["entries"]) ? (json["entries"] as unknown[]) : [];
  if (!isRecord(json) || !Array.isArray(json["entries"])) {
    issues.add("", "entries", "must be an array of ledger entries");
  }
  if (isRecord(json)) {
    for (const key of Object.keys(json)) {
      if (!LEDGER_KEYS.includes(key)) issues.add("", key, "is not a known field", "warning");
    }
  }
  const cx: EntryContext = {
    issues,
    articleIds: new Set(dataset.articles.map((a) => a.id)),
    eventIds: new Set(dataset.events.map((e) => e.id)),
    articleTexts,
    claimed: new Map<string, [number, number][]>(),
  };
  const entries: LedgerEntry[] = [];
  rawEntries.forEach((item, i) => {
    const entry = readLedgerEntry(cx, item, i);
    if (entry !== undefined) entries.push(entry);
  });
  return entries;
}

/** The entries found in their article's text, by article, in the order of the text. */
function entriesByArticle(entries: readonly LedgerEntry[]): Map<string, PlacedEntry[]> {
  const byArticle = new Map<string, PlacedEntry[]>();
  for (const entry of entries) {
    if (!isPlaced(entry)) continue;
    const list = byArticle.get(entry.article) ?? [];
    list.push(entry);
    byArticle.set(entry.article, list);
  }
  for (const list of byArticle.values()) list.sort((a, b) => a.span[0] - b.span[0]);
  return byArticle;
}

const isPlaced = (entry: LedgerEntry): entry is PlacedEntry => entry.span !== undefined;

/** Each passage is accounted for once: entries of one article must not overlap. */
function checkOverlaps(byArticle: ReadonlyMap<string, readonly PlacedEntry[]>, issues: LedgerIssues): void {
  for (const list of byArticle.values()) {
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]!,
        cur = list[k]!;
      if (cur.span[0] < prev.span[1]) {
        issues.add(
          `entries[${cur.index}]`,
          "quote",
          `overlaps another entry of article "${cur.article}" ("${clip(prev.quote, 40)}"); split the passage instead`,
        );
      }
    }
  }
}

/** Every quote an event cites lies in a ledger entry that lists that event. */
function checkSourcesListed(
  events: readonly TimelineEvent[],
  articleTexts: ReadonlyMap<string, string>,
  byArticle: ReadonlyMap<string, readonly PlacedEntry[]>,
  issues: LedgerIssues,
): void {
  for (const event of events) {
    event.sources.forEach((source, j) => {
      const text = articleTexts.get(source.article);
      if (text === undefined) return;
      const at = findQuote(text, source.quote);
      if (at === undefined) return; // the dataset's own validation reports it
      const inLedger = (byArticle.get(source.article) ?? []).some(
        (entry) => entry.events.includes(event.id) && entry.span[0] < at[1] && at[0] < entry.span[1],
      );
      if (inLedger) return;
      issues.about(
        "events",
        event.id,
        `sources[${j}]`,
        `quotes a passage of "${source.article}" that no ledger entry lists for this event: "${clip(source.quote)}"`,
      );
    });
  }
}

/** Every passage of every article is in the ledger: nothing wordy left between the entries. */
function checkCoverage(
  articles: readonly Article[],
  articleTexts: ReadonlyMap<string, string>,
  byArticle: ReadonlyMap<string, readonly PlacedEntry[]>,
  issues: LedgerIssues,
): Coverage {
  let coveredChars = 0,
    totalChars = 0,
    articlesCovered = 0,
    articlesWithText = 0;
  for (const article of articles) {
    const text = articleTexts.get(article.id);
    if (text === undefined) continue;
    articlesWithText++;
    const covered = new Uint8Array(text.length);
    for (const entry of byArticle.get(article.id) ?? []) covered.fill(1, entry.span[0], entry.span[1]);
    if (reportGaps(issues, article.id, text, covered) === 0) articlesCovered++;
    for (let c = 0; c < text.length; c++) {
      if (!WORDY.test(text[c]!)) continue;
      totalChars++;
      if (covered[c]) coveredChars++;
    }
  }
  return { articlesCovered, articles: articlesWithText, coveredChars, totalChars };
}

/** Reports each stretch of an article's text outside every entry that holds a word; returns how many. */
function reportGaps(issues: LedgerIssues, articleId: string, text: string, covered: Uint8Array): number {
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
      issues.about("articles", articleId, "text", `is in no ledger entry: "${clip(gap)}"`);
    }
    k = end;
  }
  return gaps;
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
