import { bin, bisector, max } from "d3-array";
import { scaleUtc, type ScaleTime } from "d3-scale";
import { DAY_MS } from "./timeDomain";

/** One bar of the overview: events starting in [x0Ms, x1Ms). */
export interface OverviewBin {
  readonly x0Ms: number;
  readonly x1Ms: number;
  /** Events of the whole dataset starting in it. */
  readonly total: number;
  /** Of those, the ones the filters and search leave shown. */
  readonly shown: number;
}

export interface Overview {
  /** Time (UTC ms) to x in px across the strip, over the whole dataset's extent (never the filter's). */
  readonly x: ScaleTime<number, number>;
  /** In time order, end to end, covering the scale's domain. */
  readonly bins: readonly OverviewBin[];
  readonly maxTotal: number;
}

/**
 * A histogram of event starts for the overview strip: bars on calendar boundaries (d3-scale's time
 * ticks: days, weeks, months, years…) no narrower than about `minBarPx`, over `extentMs` (the whole
 * dataset, so filtering never moves the strip's axis). `shownStartsMs` are counted in the same bins.
 */
export function overviewBins(
  allStartsMs: ArrayLike<number>,
  shownStartsMs: ArrayLike<number>,
  extentMs: readonly [number, number],
  widthPx: number,
  minBarPx = 6,
): Overview {
  // A single instant has no extent to spread over: a day either side of it.
  const [d0, d1] =
    extentMs[1] > extentMs[0] ? extentMs : ([extentMs[0] - DAY_MS, extentMs[0] + DAY_MS] as const);
  let count = Math.max(1, Math.floor(widthPx / minBarPx));
  const x = scaleUtc().domain([d0, d1]).range([0, widthPx]).nice(count);
  let thresholds = x.ticks(count).map(Number);
  // Time ticks come from a fixed list of intervals and may be up to twice as many as asked for.
  while (thresholds.length > Math.max(1, Math.floor(widthPx / minBarPx)) && count > 1) {
    count = Math.floor(count / 2);
    thresholds = x.ticks(count).map(Number);
  }
  const domain = x.domain().map(Number) as [number, number];
  const histogram = bin<number, number>().domain(domain).thresholds(thresholds);
  const all = histogram(Array.from(allStartsMs));
  const shown = histogram(Array.from(shownStartsMs));
  const bins = all.map((b, i) => ({
    x0Ms: b.x0 ?? domain[0],
    x1Ms: b.x1 ?? domain[1],
    total: b.length,
    shown: shown[i]?.length ?? 0,
  }));
  return { x, bins, maxTotal: max(bins, (b) => b.total) ?? 0 };
}

const byStart = bisector((b: OverviewBin) => b.x0Ms);

/** The bar under `px` on the strip (the first or last one beyond its ends); undefined when there are none. */
export function binAt(overview: Overview, px: number): OverviewBin | undefined {
  const { bins, x } = overview;
  if (bins.length === 0) return undefined;
  const i = byStart.right(bins, x.invert(px).getTime()) - 1;
  return bins[Math.min(bins.length - 1, Math.max(0, i))];
}

/**
 * The strip's tick labels, thinned so none overlaps the next or runs off the right edge: d3's
 * `ticks(n)` may give more than n (eight day labels in a 366 px strip), and a last label moved to end
 * at its tick ran into the one before it. Each kept tick is at least `gapPx` from the previous one,
 * with `labelPx` of room after it.
 */
export function spacedTicks(
  ticks: readonly Date[],
  x: (d: Date) => number,
  widthPx: number,
  gapPx = 64,
  labelPx = 44,
): Date[] {
  const kept: Date[] = [];
  let last = -Infinity;
  for (const tick of ticks) {
    const at = x(tick);
    if (at - last < gapPx || at + labelPx > widthPx) continue;
    kept.push(tick);
    last = at;
  }
  return kept;
}
