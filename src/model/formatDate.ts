import { utcFormat } from "d3-time-format";
import type { DateBasis, EdtfDate, Precision, TimelineEvent } from "../data/types";

const dayMonth = utcFormat("%-d %B");
const month = utcFormat("%B");
const clock = utcFormat("%H:%M");

/** A year as readers write it: 2025, 79, and 44 BCE for EDTF year -0043 (astronomical numbering). */
function year(date: Date): string {
  const y = date.getUTCFullYear();
  return y > 0 ? String(y) : `${1 - y} BCE`;
}
const dayMonthYear = (date: Date) => `${dayMonth(date)} ${year(date)}`;
const monthYear = (date: Date) => `${month(date)} ${year(date)}`;

function formatOffset(minutes: number): string {
  if (minutes === 0) return "UTC";
  const sign = minutes < 0 ? "\u2212" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function qualify(text: string, date: EdtfDate): string {
  if (date.approximate && date.uncertain) return `about ${text} (uncertain)`;
  if (date.approximate) return `about ${text}`;
  if (date.uncertain) return `${text} (uncertain)`;
  return text;
}

/** A date as written at its own granularity; times of day in the zone they were reported in. */
export function formatEdtf(date: EdtfDate): string {
  switch (date.granularity) {
    case "year":
      return qualify(year(new Date(date.startMs)), date);
    case "month":
      return qualify(monthYear(new Date(date.startMs)), date);
    case "day":
      return qualify(dayMonthYear(new Date(date.startMs)), date);
    case "time": {
      const offset = date.offsetMinutes ?? 0;
      const wall = new Date(date.startMs + offset * 60_000);
      return qualify(`${dayMonthYear(wall)}, ${clock(wall)} ${formatOffset(offset)}`, date);
    }
  }
}

/** A UTC day as the page writes one: "3 December 2026". */
export const formatDay = (ms: number): string => dayMonthYear(new Date(ms));

/** The month ("July 2025") or year ("2025", "44 BCE") that starts at `ms` UTC: a heading over events. */
export function formatPeriod(ms: number, unit: "month" | "year"): string {
  const date = new Date(ms);
  return unit === "month" ? monthYear(date) : year(date);
}

/** The date of an event as a reader should see it, e.g. "14–15 July 2025" or "week of 7 July 2025". */
export function formatEventDate(event: TimelineEvent): string {
  const start = formatEdtf(event.start);
  // A range that starts and ends on the same day (or month, or year) is that one date.
  const end = event.end === undefined ? undefined : formatEdtf(event.end);
  if (end !== undefined && end !== start) return `${start} \u2013 ${end}`;
  if (event.precision === "week") return `week of ${start}`;
  return start;
}

export const PRECISION_LABEL: Record<Precision, string> = {
  year: "known to the year",
  month: "known to the month",
  week: "known to the week",
  day: "known to the day",
  time: "known to the time of day",
};

export const BASIS_LABEL: Record<DateBasis, string> = {
  stated: "date stated in the article",
  inferred: "date inferred from the article's wording",
  reference: "date from outside reference",
};
