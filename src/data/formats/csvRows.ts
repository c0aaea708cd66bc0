/**
 * CSV text → rows of cells: d3-dsv's `csvParseRows` (ISC licence, Mike Bostock), ported without
 * the formatting half of d3-dsv and its tab-separated twin, which the worker never uses but could
 * not tree-shake (−0.7 KB gzip). Quoted cells may hold commas, line breaks and "" for a quote; lines
 * end with \n, \r\n or \r; one final line break is ignored. A property test holds it to d3-dsv's.
 */
const QUOTE = 34,
  COMMA = 44,
  NEWLINE = 10,
  RETURN = 13;

export function csvParseRows(text: string): string[][] {
  const rows: string[][] = [];
  let n = text.length;
  let i = 0;
  let eof = n <= 0;
  let eol = false;
  // Strip the trailing line break.
  if (text.charCodeAt(n - 1) === NEWLINE) --n;
  if (text.charCodeAt(n - 1) === RETURN) --n;

  /** The next cell, or true at the end of a line, or false at the end of the text. */
  function token(): string | boolean {
    if (eof) return false;
    if (eol) return ((eol = false), true);
    const j = i;
    let c: number;
    if (text.charCodeAt(j) === QUOTE) {
      // A quoted cell ends at a quote not followed by another; the character after it is skipped.
      while ((i++ < n && text.charCodeAt(i) !== QUOTE) || text.charCodeAt(++i) === QUOTE);
      const end = i;
      if (end >= n) eof = true;
      else if ((c = text.charCodeAt(i++)) === NEWLINE) eol = true;
      else if (c === RETURN) {
        eol = true;
        if (text.charCodeAt(i) === NEWLINE) ++i;
      }
      return text.slice(j + 1, end - 1).replace(/""/g, '"');
    }
    while (i < n) {
      const end = i;
      c = text.charCodeAt(i++);
      if (c === NEWLINE) eol = true;
      else if (c === RETURN) {
        eol = true;
        if (text.charCodeAt(i) === NEWLINE) ++i;
      } else if (c !== COMMA) continue;
      return text.slice(j, end);
    }
    eof = true;
    return text.slice(j, n);
  }

  for (let t = token(); t !== false; t = token()) {
    const row: string[] = [];
    for (; typeof t === "string"; t = token()) row.push(t);
    rows.push(row);
    if (t === false) break;
  }
  return rows;
}
