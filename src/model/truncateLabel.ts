/** Measures the rendered width of a label, in px. Injected so layout stays pure and testable. */
export type MeasureText = (text: string) => number;

const ELLIPSIS = "\u2026";

/** The longest prefix of `text` (cut at a word when possible, plus "…") whose width fits `maxPx`. */
export function truncateLabel(text: string, maxPx: number, measure: MeasureText): string {
  if (measure(text) <= maxPx) return text;
  let lo = 0,
    hi = text.length;
  // Binary search for the most characters that fit with the ellipsis.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (measure(text.slice(0, mid).trimEnd() + ELLIPSIS) <= maxPx) lo = mid;
    else hi = mid - 1;
  }
  if (lo === 0) return "";
  const cut = text.slice(0, lo);
  const space = cut.lastIndexOf(" ");
  const prefix = space > lo * 0.6 ? cut.slice(0, space) : cut;
  return prefix.trimEnd().replace(/[,;:.\u2013\u2014-]+$/, "") + ELLIPSIS;
}
