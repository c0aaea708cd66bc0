// The one way the CLIs print anything that comes from a dataset (issue lines, summaries, names):
// control and bidirectional characters are shown as `\uXXXX` escapes, so the terminal shows the data
// and never obeys it (no colours, cursor moves, rewritten lines, window titles or reordered text).
import { terminalSafe } from "../../src/data/safeText.ts";

/** A line for the terminal: data in it is shown, never obeyed. */
export const safeLine: (line: string) => string = terminalSafe;

/** Prints lines that may hold data to stdout, each made safe. */
export function printLines(...lines: readonly string[]): void {
  for (const line of lines) console.log(safeLine(line));
}

/** Prints a line that may hold data to stderr, made safe. */
export function printWarning(line: string): void {
  console.warn(safeLine(line));
}
