/** Measures the rendered width of a label, in px. Injected so layout stays pure and testable. */
export type MeasureText = (text: string) => number;

const ELLIPSIS = "\u2026";

/**
 * The longest prefix of `text` (cut at a word when possible, plus "…") whose width fits `maxPx`.
 * A `suffix` (e.g. " · 2 sources") is kept whole after the cut text: only the text is shortened.
 */
export function truncateLabel(text: string, maxPx: number, measure: MeasureText, suffix = ""): string {
  if (suffix !== "") {
    if (measure(text + suffix) <= maxPx) return text + suffix;
    const cut = truncateLabel(text, maxPx - measure(suffix), measure);
    return cut === "" ? "" : cut + suffix;
  }
  const full = measure(text);
  if (full <= maxPx) return text;
  const fits = (n: number) => measure(text.slice(0, n).trimEnd() + ELLIPSIS) <= maxPx;
  // The most characters that fit with the ellipsis (widths grow with length): start from the share
  // of the text the width allows and step from there, usually two or three measurements where a
  // binary search took six or seven (measureText is most of a label's cost).
  let lo = Math.min(text.length - 1, Math.floor((text.length * maxPx) / full));
  while (lo > 0 && !fits(lo)) lo--;
  // Up to the whole text: with its trailing spaces trimmed, all of it may fit beside the ellipsis.
  while (lo < text.length && fits(lo + 1)) lo++;
  if (lo === 0) return "";
  const cut = text.slice(0, lo);
  const space = cut.lastIndexOf(" ");
  const prefix = space > lo * 0.6 ? cut.slice(0, space) : cut;
  return prefix.trimEnd().replace(/[,;:.\u2013\u2014-]+$/, "") + ELLIPSIS;
}

/**
 * `text` broken into lines that each fit `maxPx`, at spaces; a word wider than a line is cut to fit
 * it (with "…") rather than spill off a picture's edge.
 */
export function wrapText(text: string, maxPx: number, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter((w) => w !== "")) {
    const joined = line === "" ? word : `${line} ${word}`;
    if (measure(joined) <= maxPx) line = joined;
    else {
      if (line !== "") lines.push(line);
      line = measure(word) <= maxPx ? word : truncateLabel(word, maxPx, measure);
    }
  }
  if (line !== "" || lines.length === 0) lines.push(line);
  return lines;
}
