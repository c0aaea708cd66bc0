import { normalizeText } from "./normalizeText";

/**
 * Where a quote stands in an article's raw text, as [start, end) offsets into that text, matching
 * up to the same typography normalizeText forgives; undefined when it is not there.
 */
export function findQuote(text: string, quote: string): [number, number] | undefined {
  const needle = normalizeText(quote);
  if (needle === "") return undefined;
  // Normalise the text one character at a time, remembering where each normalised character came
  // from, so a match in normalised text maps back to raw offsets for highlighting.
  let normalized = "";
  const origin: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (/\s/.test(ch)) {
      pendingSpace = normalized.length > 0;
      continue;
    }
    if (pendingSpace) {
      normalized += " ";
      origin.push(i - 1);
      pendingSpace = false;
    }
    const folded = normalizeText(ch) || ch;
    for (const f of folded) {
      normalized += f;
      origin.push(i);
    }
  }
  const at = normalized.indexOf(needle);
  if (at < 0) return undefined;
  return [origin[at]!, origin[at + needle.length - 1]! + 1];
}
