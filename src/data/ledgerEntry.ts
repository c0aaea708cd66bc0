// One entry of the coverage ledger: a passage of an article, quoted verbatim, with the events it
// supports or why it is not an event, and where the quote lies in the article's text.
import { findQuote } from "./findQuote";
import { clip, type LedgerIssues } from "./ledgerIssues";
import { isRecord, type JsonRecord } from "./readFields";

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

/** What reading an entry needs: where its issues go, the dataset's ids and the articles' texts. */
export interface EntryContext {
  readonly issues: LedgerIssues;
  readonly articleIds: ReadonlySet<string>;
  readonly eventIds: ReadonlySet<string>;
  /** Raw article texts by article id. */
  readonly articleTexts: ReadonlyMap<string, string>;
  /**
   * Spans already taken by earlier entries, per article: a quote that occurs more than once (a
   * heading repeated in the text) is placed at its first occurrence no earlier entry took.
   */
  readonly claimed: Map<string, [number, number][]>;
}

const QUOTE_MIN = 8;
const QUOTE_MAX = 600;
const ENTRY_KEYS = new Set(["article", "quote", "events", "notEvent", "reason"]);

/** What a passage is: the events it supports, or the kind of passage it is and why that is no event. */
type Resolution = Pick<LedgerEntry, "events" | "notEvent" | "reason">;

/** Where an entry's quote lies in its article; `missing` when the article's text does not hold it. */
interface Placement {
  readonly span?: [number, number];
  readonly missing: boolean;
}
/** An entry whose article is unknown, whose quote is empty or whose article's text is unavailable. */
const UNPLACED: Placement = { missing: false };

/**
 * The `i`th item of the ledger's entries, placed in its article's text; undefined when it is not
 * valid. Every problem of the item is noted, not only the first.
 */
export function readLedgerEntry(cx: EntryContext, item: unknown, i: number): LedgerEntry | undefined {
  const path = `entries[${i}]`;
  if (!isRecord(item)) return void cx.issues.add(path, "(record)", "must be an object");
  for (const key of Object.keys(item)) {
    if (!ENTRY_KEYS.has(key)) cx.issues.add(path, key, "is not a known field", "warning");
  }
  const article = typeof item["article"] === "string" ? item["article"].trim() : "";
  const quote = typeof item["quote"] === "string" ? item["quote"].trim() : "";
  const knownArticle = checkArticle(cx, path, article);
  const quoteFits = checkQuoteLength(cx, path, quote);
  const resolution = readResolution(cx, path, item);
  // An entry rejected for another reason (a quote of the wrong length, no events) is placed too:
  // the span it takes is not given to the entries after it.
  const placed = knownArticle && quote !== "" ? placeQuoteOf(cx, path, article, quote) : UNPLACED;
  if (!knownArticle || !quoteFits || resolution === undefined || placed.missing) return undefined;
  const { events, notEvent, reason } = resolution;
  return { index: i, article, quote, events, notEvent, reason, span: placed.span };
}

function checkArticle(cx: EntryContext, path: string, article: string): boolean {
  if (cx.articleIds.has(article)) return true;
  cx.issues.add(
    path,
    "article",
    article === "" ? "is required" : `"${article}" is not an article of the dataset`,
  );
  return false;
}

function checkQuoteLength(cx: EntryContext, path: string, quote: string): boolean {
  if (quote.length >= QUOTE_MIN && quote.length <= QUOTE_MAX) return true;
  cx.issues.add(
    path,
    "quote",
    `is ${quote.length} characters long; quotes must be ${QUOTE_MIN}–${QUOTE_MAX}`,
  );
  return false;
}

/** The entry's events, or its kind of not-an-event with a reason; exactly one of the two is given. */
function readResolution(cx: EntryContext, path: string, item: JsonRecord): Resolution | undefined {
  const hasEvents = Object.hasOwn(item, "events");
  if (hasEvents === Object.hasOwn(item, "notEvent")) {
    cx.issues.add(
      path,
      "events",
      'must give either "events" (the event ids it supports) or "notEvent" with a reason',
    );
    return undefined;
  }
  if (!hasEvents) return readNotEvent(cx, path, item);
  const events = readEventIds(cx, path, item["events"]);
  return events === undefined ? undefined : { events, notEvent: undefined, reason: undefined };
}

/** The ids of the events a passage supports: at least one, each an event of the dataset. */
function readEventIds(cx: EntryContext, path: string, value: unknown): string[] | undefined {
  if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === "string")) {
    cx.issues.add(path, "events", "must be a non-empty array of event ids");
    return undefined;
  }
  const events = value.map((v: string) => v.trim());
  let known = true;
  for (const id of events) {
    if (cx.eventIds.has(id)) continue;
    cx.issues.add(path, "events", `"${id}" is not an event of the dataset`);
    known = false;
  }
  return known ? events : undefined;
}

/** Why a passage is not an event: one of the kinds, and a reason in words. */
function readNotEvent(cx: EntryContext, path: string, item: JsonRecord): Resolution | undefined {
  const kind = item["notEvent"];
  const notEvent = isNotEventKind(kind) ? kind : undefined;
  if (notEvent === undefined) cx.issues.add(path, "notEvent", `must be one of ${NOT_EVENT_KINDS.join(", ")}`);
  const reason = typeof item["reason"] === "string" ? item["reason"].trim() : "";
  if (reason.length < 3) cx.issues.add(path, "reason", "is required: say why the passage is not an event");
  return notEvent === undefined || reason.length < 3 ? undefined : { events: [], notEvent, reason };
}

function isNotEventKind(value: unknown): value is NotEventKind {
  return typeof value === "string" && (NOT_EVENT_KINDS as readonly string[]).includes(value);
}

/** Places an entry's quote in its article's text and takes its span there, if the text is known. */
function placeQuoteOf(cx: EntryContext, path: string, article: string, quote: string): Placement {
  const text = cx.articleTexts.get(article);
  if (text === undefined) {
    cx.issues.add(path, "quote", `cannot be checked: the text of "${article}" is unavailable`);
    return UNPLACED;
  }
  const taken = cx.claimed.get(article) ?? [];
  const span = placeQuote(text, quote, taken);
  if (span === undefined) {
    cx.issues.add(path, "quote", `is not verbatim in article "${article}": "${clip(quote)}"`);
    return { missing: true };
  }
  cx.claimed.set(article, [...taken, span]);
  return { span, missing: false };
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
