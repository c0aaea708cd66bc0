/**
 * A long article split into pages the source reader shows one at a time, so opening a 30 MB article
 * lays out one page (~20,000 characters), not the whole text. Pages end at a line break where one
 * falls in the page's second half, else at the size limit (never inside a surrogate pair).
 */
export const PAGE_CHARS = 20_000;

/** The offsets each page starts at: [0, …], ascending; one page for a short text. */
export function pageStarts(text: string, pageChars = PAGE_CHARS): number[] {
  const starts = [0];
  let start = 0;
  while (text.length - start > pageChars) {
    let end = start + pageChars;
    const lineBreak = text.lastIndexOf("\n", end - 1);
    if (lineBreak >= start + pageChars / 2) end = lineBreak + 1;
    else {
      const code = text.charCodeAt(end - 1);
      if (code >= 0xd800 && code <= 0xdbff) end--;
    }
    starts.push(end);
    start = end;
  }
  return starts;
}

/** The page (index into starts) that holds the character at `offset`. */
export function pageOf(starts: readonly number[], offset: number): number {
  let lo = 0,
    hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The [start, end) of page `page`. */
export function pageRange(starts: readonly number[], page: number, length: number): [number, number] {
  return [starts[page] ?? 0, starts[page + 1] ?? length];
}

/** The text cut into its pages (see pageStarts): what the source reader shows, one at a time. */
export function splitPages(text: string, pageChars = PAGE_CHARS): string[] {
  const starts = pageStarts(text, pageChars);
  return starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
}
