import { scaleUtc, type ScaleTime } from "d3-scale";
import type { Domain } from "./timeDomain";

/**
 * The one time → pixel mapping of the chart: UTC milliseconds onto x pixels. Layout, axis,
 * hit-testing and rendering all read positions from the same scale (built once per frame).
 */
export type TimeScale = ScaleTime<number, number>;

/** A UTC time scale showing `domain` (UTC ms) across [0, widthPx]. */
export function timeScale(domain: Domain, widthPx: number): TimeScale {
  return scaleUtc().domain(domain).range([0, widthPx]);
}

/** The window a scale shows, in UTC ms. */
export function domainOf(x: TimeScale): Domain {
  const [d0, d1] = x.domain();
  return [+d0!, +d1!];
}

/** The width, in px, a scale maps its window onto. */
export function widthOf(x: TimeScale): number {
  const [r0, r1] = x.range();
  return r1! - r0!;
}

/** How many milliseconds one pixel spans at this scale. */
export function msPerPx(x: TimeScale): number {
  const [d0, d1] = domainOf(x);
  return (d1 - d0) / widthOf(x);
}
