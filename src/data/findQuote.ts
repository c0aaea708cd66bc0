import { normalizeText } from "./normalizeText";

/**
 * A text normalised as normalizeText does, one character at a time, with where each normalised
 * character came from, so a match in normalised text maps back to raw offsets for highlighting.
 */
export interface FoldedText {
  readonly normalized: string;
  readonly origin: readonly number[];
}

const isAsciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);
const SPACE = /\s/;
/** What each non-ASCII character folds to ("" for whitespace), worked out once per character. */
const FOLDED = new Map<string, string>();
function foldChar(ch: string): string {
  let folded = FOLDED.get(ch);
  if (folded === undefined) {
    folded = SPACE.test(ch) ? "" : normalizeText(ch) || ch;
    if (FOLDED.size < 10_000) FOLDED.set(ch, folded);
  }
  return folded;
}

/**
 * Folds a text once, in one pass (ASCII, nearly every character of an article, takes a fast path),
 * so any number of quotes can then be found in it with indexOf.
 */
export function foldText(text: string): FoldedText {
  const parts: string[] = [];
  const origin: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code < 128 ? undefined : foldChar(text[i]!);
    if (code < 128 ? isAsciiSpace(code) : folded === "") {
      pendingSpace = origin.length > 0;
      continue;
    }
    if (pendingSpace) {
      parts.push(" ");
      origin.push(i - 1);
      pendingSpace = false;
    }
    if (code < 128) {
      parts.push(text[i]!);
      origin.push(i);
      continue;
    }
    for (const f of folded!) {
      parts.push(f);
      origin.push(i);
    }
  }
  return { normalized: parts.join(""), origin };
}

/** Where a quote stands in a folded text, as [start, end) offsets into the raw text; undefined when it is not there. */
export function findFolded(folded: FoldedText, quote: string): [number, number] | undefined {
  const needle = normalizeText(quote);
  if (needle === "") return undefined;
  const at = folded.normalized.indexOf(needle);
  if (at < 0) return undefined;
  return [folded.origin[at]!, folded.origin[at + needle.length - 1]! + 1];
}

/**
 * Where a quote stands in an article's raw text, as [start, end) offsets into that text, matching
 * up to the same typography normalizeText forgives; undefined when it is not there.
 */
export function findQuote(text: string, quote: string): [number, number] | undefined {
  return findFolded(foldText(text), quote);
}
