import {
  utcDay,
  utcHour,
  utcMinute,
  utcMonday,
  utcMonth,
  utcSecond,
  utcYear,
  type UtcInterval,
} from "./utcIntervals";
import { utcFormat } from "./utcFormat";

const SECOND = 1000,
  MINUTE = 60 * SECOND,
  HOUR = 60 * MINUTE,
  DAY = 24 * HOUR,
  WEEK = 7 * DAY,
  MONTH = 30 * DAY,
  YEAR = 365 * DAY;

// Candidate tick spacings, as in d3-scale's time scale: the one closest to the wanted spacing wins.
const INTERVALS: [UtcInterval, number, number][] = [
  [utcSecond, 1, SECOND],
  [utcSecond, 5, 5 * SECOND],
  [utcSecond, 15, 15 * SECOND],
  [utcSecond, 30, 30 * SECOND],
  [utcMinute, 1, MINUTE],
  [utcMinute, 5, 5 * MINUTE],
  [utcMinute, 15, 15 * MINUTE],
  [utcMinute, 30, 30 * MINUTE],
  [utcHour, 1, HOUR],
  [utcHour, 3, 3 * HOUR],
  [utcHour, 6, 6 * HOUR],
  [utcHour, 12, 12 * HOUR],
  [utcDay, 1, DAY],
  [utcDay, 2, 2 * DAY],
  [utcMonday, 1, WEEK],
  [utcMonth, 1, MONTH],
  [utcMonth, 3, 3 * MONTH],
  [utcYear, 1, YEAR],
];

/**
 * A round step (1, 2 or 5 × 10^k) giving about `count` steps over `span`: d3-array's tickStep,
 * written out because it was all the page used of d3-array (0.3 KB gzip).
 */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const ratio = raw / power;
  return power * (ratio >= Math.sqrt(50) ? 10 : ratio >= Math.sqrt(10) ? 5 : ratio >= Math.sqrt(2) ? 2 : 1);
}

/** The interval whose spacing best gives about `count` ticks over [startMs, endMs]. */
export function tickInterval(startMs: number, endMs: number, count: number): UtcInterval {
  const target = Math.abs(endMs - startMs) / Math.max(1, count);
  const i = INTERVALS.findIndex(([, , duration]) => duration >= target);
  if (i < 0) {
    const step = Math.max(1, niceStep(Math.abs(endMs - startMs) / YEAR, count));
    return utcYear.every(Math.round(step));
  }
  const [interval, step, duration] =
    i > 0 && target / INTERVALS[i - 1]![2] < INTERVALS[i]![2] / target ? INTERVALS[i - 1]! : INTERVALS[i]!;
  void duration;
  return interval.every(step);
}

/** About `count` UTC tick dates over [startMs, endMs], on calendar boundaries. */
export function timeTicks(startMs: number, endMs: number, count: number): Date[] {
  return tickInterval(startMs, endMs, count).range(new Date(startMs), new Date(endMs + 1));
}

const formatMinute = utcFormat("%H:%M");
const formatHour = utcFormat("%H:00");
const formatDay = utcFormat("%-d %b");
const formatMonth = utcFormat("%b");
const formatYear = utcFormat("%Y");

/**
 * Multi-scale UTC tick label: each tick is labelled by the coarsest unit it starts, so a month
 * boundary reads "Jul" and a year boundary "2025" whatever the zoom.
 */
export function formatTick(date: Date): string {
  if (utcHour.floor(date) < date) return formatMinute(date);
  if (utcDay.floor(date) < date) return formatHour(date);
  if (utcMonth.floor(date) < date) return formatDay(date);
  if (utcYear.floor(date) < date) return formatMonth(date);
  return formatYear(date);
}

const contextDay = utcFormat("%A %-d %B %Y");
const contextMonth = utcFormat("%B %Y");
const contextYear = utcFormat("%Y");

/**
 * The context line above the ticks: the larger unit the ticks do not repeat (the day when ticks
 * are hours, the month when ticks are days, the year when ticks are months).
 */
export function formatContext(startMs: number, endMs: number): string {
  const span = endMs - startMs;
  const mid = new Date((startMs + endMs) / 2);
  if (span <= 2 * DAY) return contextDay(mid);
  if (span <= 62 * DAY) return contextMonth(mid);
  if (span <= 2 * 366 * DAY) return contextYear(mid);
  return "";
}
