import { tickStep } from "d3-array";
import {
  utcDay,
  utcHour,
  utcMinute,
  utcMonday,
  utcMonth,
  utcSecond,
  utcYear,
  type CountableTimeInterval,
  type TimeInterval,
} from "d3-time";
import { utcFormat } from "./utcFormat";

const SECOND = 1000,
  MINUTE = 60 * SECOND,
  HOUR = 60 * MINUTE,
  DAY = 24 * HOUR,
  WEEK = 7 * DAY,
  MONTH = 30 * DAY,
  YEAR = 365 * DAY;

// Candidate tick spacings, as in d3-scale's time scale: the one closest to the wanted spacing wins.
const INTERVALS: [CountableTimeInterval, number, number][] = [
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

/** The interval whose spacing best gives about `count` ticks over [startMs, endMs]. */
export function tickInterval(startMs: number, endMs: number, count: number): TimeInterval {
  const target = Math.abs(endMs - startMs) / Math.max(1, count);
  const i = INTERVALS.findIndex(([, , duration]) => duration >= target);
  if (i < 0) {
    const step = Math.max(1, tickStep(startMs / YEAR, endMs / YEAR, count));
    return utcYear.every(Math.round(step)) ?? utcYear;
  }
  const [interval, step, duration] =
    i > 0 && target / INTERVALS[i - 1]![2] < INTERVALS[i]![2] / target ? INTERVALS[i - 1]! : INTERVALS[i]!;
  void duration;
  return (step === 1 ? interval : interval.every(step)) ?? interval;
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
  if (utcHour(date) < date) return formatMinute(date);
  if (utcDay(date) < date) return formatHour(date);
  if (utcMonth(date) < date) return formatDay(date);
  if (utcYear(date) < date) return formatMonth(date);
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
