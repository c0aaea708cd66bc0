import { utcDay, utcHour, utcMonth, utcYear } from "d3-time";
import { utcFormat } from "d3-time-format";
import { DAY_MS } from "./timeDomain";
import { msPerPx, type TimeScale } from "./timeScale";

/** About one tick per this many px: room for the widest label ("30 Sep") and a gap. */
const TICK_SPACING_PX = 105;

/**
 * The axis's ticks for a scale, on UTC calendar boundaries chosen by d3-scale, from `marginPx`
 * before the window to as far past it (a drag slides them into view before it lays out again).
 */
export function axisTicks(x: TimeScale, marginPx = 0): Date[] {
  const [r0, r1] = x.range();
  const perPx = msPerPx(x);
  const [d0, d1] = x.domain();
  const wide = x.copy().domain([+d0! - marginPx * perPx, +d1! + marginPx * perPx]);
  return wide.ticks(Math.max(5, Math.floor((r1! - r0! + 2 * marginPx) / TICK_SPACING_PX)));
}

const formatMinute = utcFormat("%H:%M");
const formatHour = utcFormat("%H:00");
const formatDay = utcFormat("%-d %b");
const formatMonth = utcFormat("%b");
const formatYear = utcFormat("%Y");

/**
 * Multi-scale UTC tick label: each tick is labelled by the coarsest unit it starts, so a month
 * boundary reads "Jul" and a year boundary "2025" whatever the zoom. (d3-scale's default tickFormat
 * does the same with 12-hour clock labels; news is dated by the 24-hour clock and day-month order.)
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
  if (span <= 2 * DAY_MS) return contextDay(mid);
  if (span <= 62 * DAY_MS) return contextMonth(mid);
  if (span <= 2 * 366 * DAY_MS) return contextYear(mid);
  return "";
}
