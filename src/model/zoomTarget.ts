import type { Precision, TimelineEvent } from "../data/types";
import { visibleRange, type EventIndex } from "./eventIndex";
import { clampDomain, DAY_MS, HOUR_MS, padDomain, type Domain } from "./timeDomain";

/**
 * The time a zoom by `factor` keeps in place: the focused event when it is in view (the reader is
 * looking at it); else the window's centre, unless zooming in around the centre would leave no
 * event in view, in which case the event in view nearest the centre (so + never lands in an empty
 * stretch). Undefined when the window holds no event: zoom around the centre.
 */
export function zoomAnchor(
  index: EventIndex,
  events: readonly TimelineEvent[],
  domain: Domain,
  factor: number,
  focused: number | undefined,
): number | undefined {
  const [d0, d1] = domain;
  const centreOf = (e: number) => (events[e]!.startMs + events[e]!.endMs) / 2;
  if (focused !== undefined) {
    const c = centreOf(focused);
    if (c >= d0 && c <= d1) return c;
  }
  const centre = (d0 + d1) / 2;
  if (factor <= 1) return centre;
  const half = (d1 - d0) / (2 * factor);
  const [i0, i1] = visibleRange(index, centre - half, centre + half);
  for (let i = i0; i < i1; i++) if (index.endMs[i]! >= centre - half) return centre;
  // Nothing there: anchor on the event in view whose centre is nearest the window's centre.
  const [j0, j1] = visibleRange(index, d0, d1);
  let best: number | undefined;
  for (let j = j0; j < j1; j++) {
    if (index.endMs[j]! < d0) continue;
    const c = centreOf(index.order[j]!);
    if (best === undefined || Math.abs(c - centre) < Math.abs(best - centre)) best = c;
  }
  return best;
}

/** The narrowest window that suits events known to a precision: a day-precise event never gets hourly ticks. */
const MIN_SPAN_MS: Record<Precision, number> = {
  time: 4 * HOUR_MS,
  day: 4 * DAY_MS,
  week: 4 * 7 * DAY_MS,
  month: 120 * DAY_MS,
  year: 4 * 365 * DAY_MS,
};
const FINEST: readonly Precision[] = ["time", "day", "week", "month", "year"];

/**
 * The window a click on a cluster zooms to: its extent padded by a quarter, and at least as wide as
 * its finest-known members need to be read at their own precision.
 */
export function clusterWindow(startMs: number, endMs: number, precisions: readonly Precision[]): Domain {
  const finest = FINEST.find((p) => precisions.includes(p)) ?? "day";
  const [p0, p1] = padDomain([startMs, endMs], 0.25);
  const span = Math.max(p1 - p0, MIN_SPAN_MS[finest]);
  const centre = (startMs + endMs) / 2;
  return [centre - span / 2, centre + span / 2];
}

/**
 * The window `factor` times narrower (2 = zoom in) than `[d0, d1]`, keeping the time at `anchorMs`
 * (the centre by default) where it is on screen. The span is clamped first, then placed so the
 * anchor stays put wherever the bounds allow (the caller clamps the placement).
 */
export function scaledWindow(
  [d0, d1]: Domain,
  factor: number,
  anchorMs: number | undefined,
  bounds: Domain,
  minSpanMs: number,
): Domain {
  const at = anchorMs ?? (d0 + d1) / 2;
  const share = (at - d0) / (d1 - d0);
  const [c0, c1] = clampDomain([d0, d0 + (d1 - d0) / factor], bounds, minSpanMs);
  const span = c1 - c0;
  return [at - span * share, at - span * share + span];
}
