import { clampDomain, type Domain } from "./timeDomain";

/** Limits every gesture respects: the pannable extent and the narrowest window. */
export interface ZoomLimits {
  readonly bounds: Domain;
  readonly minSpanMs: number;
}

/**
 * Zooms by `factor` (2 = twice as close) keeping the time under `anchor` (0 = left edge, 1 = right
 * edge) where it is, then clamps to the limits.
 */
export function zoomAround([d0, d1]: Domain, anchor: number, factor: number, limits: ZoomLimits): Domain {
  const at = d0 + (d1 - d0) * anchor;
  const span = (d1 - d0) / factor;
  const clamped = clampDomain(
    [at - span * anchor, at + span * (1 - anchor)],
    limits.bounds,
    limits.minSpanMs,
  );
  // Clamping a span keeps its centre; re-anchor so the pointer's time stays put whenever it can.
  const s = clamped[1] - clamped[0];
  return clampDomain([at - s * anchor, at - s * anchor + s], limits.bounds, limits.minSpanMs);
}

/** Pans by a drag of `deltaPx` (positive = content moves right, so earlier times come into view). */
export function panBy([d0, d1]: Domain, deltaPx: number, widthPx: number, limits: ZoomLimits): Domain {
  const shift = (-deltaPx * (d1 - d0)) / widthPx;
  return clampDomain([d0 + shift, d1 + shift], limits.bounds, limits.minSpanMs);
}

/**
 * Two-finger pinch: the window in which the times first under the fingers (at x positions a0, b0
 * of the starting window) are now under the fingers at a1, b1.
 */
export function pinch(
  start: Domain,
  a0: number,
  b0: number,
  a1: number,
  b1: number,
  widthPx: number,
  limits: ZoomLimits,
): Domain {
  const perPx = (start[1] - start[0]) / widthPx;
  const ta = start[0] + a0 * perPx,
    tb = start[0] + b0 * perPx;
  if (Math.abs(b1 - a1) < 1 || Math.abs(b0 - a0) < 1)
    return panBy(start, (a1 + b1 - a0 - b0) / 2, widthPx, limits);
  const newPerPx = (tb - ta) / (b1 - a1);
  const d0 = ta - a1 * newPerPx;
  return clampDomain([d0, d0 + newPerPx * widthPx], limits.bounds, limits.minSpanMs);
}

/**
 * A point on the way from one window to another at t ∈ [0, 1]: the span changes geometrically and
 * the centre linearly, which reads as a smooth zoom rather than a lurch.
 */
export function interpolateDomain(from: Domain, to: Domain, t: number): Domain {
  const span = (from[1] - from[0]) ** (1 - t) * (to[1] - to[0]) ** t;
  const centre = (from[0] + from[1]) / 2 + ((to[0] + to[1]) / 2 - (from[0] + from[1]) / 2) * t;
  return [centre - span / 2, centre + span / 2];
}
