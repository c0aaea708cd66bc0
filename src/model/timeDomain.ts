/** A visible time window [startMs, endMs] in UTC milliseconds. Treated as immutable. */
export type Domain = readonly [number, number];

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Widens a domain by `fraction` of its span on each side; a zero-span domain becomes ±minHalfSpanMs. */
export function padDomain([d0, d1]: Domain, fraction: number, minHalfSpanMs = 15 * DAY_MS): Domain {
  const pad = Math.max((d1 - d0) * fraction, d1 === d0 ? minHalfSpanMs : 0);
  return [d0 - pad, d1 + pad];
}

/** The extent of all events, padded so end marks and labels are not cut at the edges. */
export function fitDomain(startMs: Float64Array, maxEndMs: Float64Array): Domain {
  if (startMs.length === 0) return padDomain([Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 1)], 0);
  return padDomain([startMs[0]!, maxEndMs[maxEndMs.length - 1]!], 0.04);
}

/**
 * The narrowest window holding `share` of the events (by start), padded: the story's centre of
 * gravity, so a few background events years earlier do not squeeze the rest into a corner.
 */
export function focusDomain(startMs: Float64Array, maxEndMs: Float64Array, share = 0.9): Domain {
  const n = startMs.length;
  const k = Math.ceil(n * share);
  if (n < 5 || k >= n) return fitDomain(startMs, maxEndMs);
  let best = 0;
  for (let i = 1; i + k - 1 < n; i++) {
    if (startMs[i + k - 1]! - startMs[i]! < startMs[best + k - 1]! - startMs[best]!) best = i;
  }
  return padDomain([startMs[best]!, startMs[best + k - 1]!], 0.06);
}

/**
 * Keeps a window within `bounds` and its span within [minSpanMs, bounds' span], preserving the
 * span when it has to slide back inside.
 */
export function clampDomain([d0, d1]: Domain, bounds: Domain, minSpanMs: number): Domain {
  const maxSpan = bounds[1] - bounds[0];
  let span = Math.min(Math.max(d1 - d0, minSpanMs), maxSpan);
  if (!(span > 0)) span = minSpanMs;
  const centre = (d0 + d1) / 2;
  let start = centre - span / 2;
  start = Math.min(Math.max(start, bounds[0]), bounds[1] - span);
  return [start, start + span];
}
