import { formatDay } from "./formatDate";

/**
 * The number each event carries on an exported or printed chart: its position (from 1) in the list
 * printed under that chart, so a reader finds "7" on the chart as item 7 below it. Events not in
 * the list get no number (a printed list may stop short of a very long filter result).
 */
export function listNumbers(listOrder: readonly number[]): Map<number, number> {
  const numbers = new Map<number, number>();
  listOrder.forEach((event) => {
    if (!numbers.has(event)) numbers.set(event, numbers.size + 1);
  });
  return numbers;
}

/**
 * The numbers of a cluster's members, written as runs: [3, 4, 5, 8] → "3–5, 8". Past `maxRuns`
 * runs the rest is "…": a badge is a pointer into the list, not the list.
 */
export function numberRuns(numbers: readonly number[], maxRuns = 3): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (runs.length === maxRuns) {
      runs.push("\u2026");
      break;
    }
    runs.push(j === i ? String(sorted[i]) : `${sorted[i]}${j === i + 1 ? ", " : "\u2013"}${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(", ");
}

/**
 * The line that tells a picture's reader where it comes from: the dataset, the articles its events
 * are drawn from, and when it was made (a UTC date, written as the page writes dates).
 */
export function creditLine(
  datasetTitle: string,
  articleTitles: readonly string[],
  madeAtMs: number,
  made: "Exported" | "Printed" = "Exported",
): string {
  const sources = articleTitles.length === 0 ? "" : ` \u00b7 Sources: ${articleTitles.join("; ")}`;
  return `${datasetTitle}${sources} \u00b7 ${made} ${formatDay(madeAtMs)} (UTC)`;
}
