/**
 * CSV injection (OWASP, "CSV Injection"): a spreadsheet evaluates a cell that begins with `=`, `+`,
 * `-` or `@` (and, in some, a tab or carriage return) as a formula, so an exported title like
 * `=HYPERLINK(…)` would run when the file is opened. Such a cell is written with a leading `'`,
 * which spreadsheets show as text, and the cell is quoted. Reading a CSV back, one leading `'` is
 * taken off a cell that was written that way, so every text comes back exactly (round-trip tested).
 *
 * The rule is a bijection: a value is prefixed when it is any number of `'` followed by a formula
 * character, and exactly those cells (a `'` more) lose one on import; nothing else changes.
 */

/** Written with a leading `'`: optional `'`s, then a character a spreadsheet starts a formula with. */
const FORMULA = /^'*[=+\-@\t\r]/;
/** Read back without one `'`: what neutraliseCsvCell wrote. */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/** The text to write for a CSV cell so that no spreadsheet evaluates it (then quoted as usual). */
export function neutraliseCsvCell(value: string): string {
  return FORMULA.test(value) ? `'${value}` : value;
}

/** Whether a value needs quoting in CSV: it holds a quote, comma or line break, or was neutralised. */
export function csvCellNeedsQuotes(value: string): boolean {
  return /[",\n\r\t]/.test(value) || value.startsWith("'");
}

/** A cell's text as written by a person or by neutraliseCsvCell: the neutralising `'` is taken off. */
export function restoreCsvCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** One CSV cell, safe to open in a spreadsheet: neutralised, then quoted as RFC 4180 does. */
export function safeCsvCell(value: string): string {
  const text = neutraliseCsvCell(value);
  return csvCellNeedsQuotes(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
