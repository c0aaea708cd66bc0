import { utcDay, utcHour, utcMinute, utcMonth, utcYear } from "d3-time";
import { utcFormat } from "d3-time-format";

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
  if (utcMinute(date) < date) return formatMinute(date);
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
  if (span <= 2 * 86_400_000) return contextDay(mid);
  if (span <= 62 * 86_400_000) return contextMonth(mid);
  if (span <= 2 * 366 * 86_400_000) return contextYear(mid);
  return "";
}
