import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { quoteOccurrences, readLedgerEntry, type EntryContext } from "./ledgerEntry";
import { LedgerIssues } from "./ledgerIssues";

const TEXT = "Ministers meet\nThe minister met his counterpart on Monday.\nMinisters meet";

function context(texts: ReadonlyMap<string, string> = new Map([["a", TEXT]])): EntryContext {
  return {
    issues: new LedgerIssues("ledger.json"),
    articleIds: new Set(["a"]),
    eventIds: new Set(["meeting"]),
    articleTexts: texts,
    claimed: new Map(),
  };
}

describe("readLedgerEntry", () => {
  it("readLedgerEntry(cx, item, i) reads an entry that supports events, placed in its article", () => {
    const cx = context();
    const quote = "The minister met his counterpart on Monday.";
    expect(readLedgerEntry(cx, { article: "a", quote, events: [" meeting "] }, 3)).toEqual({
      index: 3,
      article: "a",
      quote,
      events: ["meeting"],
      span: [15, 15 + quote.length],
    });
    expect(cx.issues.list).toEqual([]);
  });

  it("readLedgerEntry(cx, item, i) places a repeated quote at its first occurrence no earlier entry took", () => {
    const cx = context();
    const heading = { article: "a", quote: "Ministers meet", notEvent: "heading", reason: "the headline" };
    const [first, second] = quoteOccurrences(TEXT, "Ministers meet");
    expect(readLedgerEntry(cx, heading, 0)?.span).toEqual(first);
    expect(readLedgerEntry(cx, { ...heading, notEvent: "restatement" }, 1)?.span).toEqual(second);
  });

  it("readLedgerEntry(cx, item, i) notes every problem of an entry, in order, and leaves it out", () => {
    const cx = context();
    expect(
      readLedgerEntry(cx, { article: "b", quote: "short", notEvent: "boring", typo: 1 }, 2),
    ).toBeUndefined();
    expect(cx.issues.list.map(formatIssue)).toEqual([
      "warning: ledger.json: entries[2]: typo: is not a known field",
      'ledger.json: entries[2]: article: "b" is not an article of the dataset',
      "ledger.json: entries[2]: quote: is 5 characters long; quotes must be 8–600",
      `ledger.json: entries[2]: notEvent: must be one of heading, restatement, commentary, stance, background, undatable, junk`,
      "ledger.json: entries[2]: reason: is required: say why the passage is not an event",
    ]);
  });

  it("readLedgerEntry(cx, item, i) keeps an entry whose article's text is unavailable, unplaced, with an error", () => {
    const cx = context(new Map());
    const entry = readLedgerEntry(cx, { article: "a", quote: "Ministers meet", events: ["meeting"] }, 0);
    expect(entry).toMatchObject({ article: "a", span: undefined });
    expect(cx.issues.list.map(formatIssue)).toEqual([
      'ledger.json: entries[0]: quote: cannot be checked: the text of "a" is unavailable',
    ]);
  });

  it("readLedgerEntry(cx, item, i) rejects a quote that is not in the text, and takes no span for it", () => {
    const cx = context();
    expect(
      readLedgerEntry(cx, { article: "a", quote: "Ministers met", events: ["meeting"] }, 0),
    ).toBeUndefined();
    expect(cx.claimed.size).toBe(0);
  });
});
