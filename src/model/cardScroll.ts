import { bisectLeft, bisectRight } from "d3-array";

/** Cards [first, end) in time order; first === end when none is in view. */
export interface CardRange {
  readonly first: number;
  readonly end: number;
}

/**
 * The cards that intersect the band [viewTopPx, viewBottomPx) of the page. `topsPx` and
 * `bottomsPx` are the cards' edges in page coordinates, in card order: one column, so both rise.
 * The first of them is the "current" card, the one the reader is at. Two binary searches.
 */
export function visibleCards(
  topsPx: Float64Array,
  bottomsPx: Float64Array,
  viewTopPx: number,
  viewBottomPx: number,
): CardRange {
  // A card that ends exactly at the top edge is above the band.
  const first = bisectRight(bottomsPx, viewTopPx);
  const end = Math.max(first, bisectLeft(topsPx, viewBottomPx));
  return { first, end };
}

/**
 * The card to bring into view for the time interval [t0Ms, t1Ms) (a bar of the overview): the
 * first card starting in it; when none does, the card starting nearest to it (the earlier one on
 * a tie). -1 when there are no cards. `startsMs` is the cards' starts in card (time) order.
 */
export function cardNearTime(startsMs: Float64Array, t0Ms: number, t1Ms: number): number {
  const n = startsMs.length;
  if (n === 0) return -1;
  const i = bisectLeft(startsMs, t0Ms);
  if (i < n && startsMs[i]! < t1Ms) return i;
  if (i === 0) return 0;
  if (i === n) return n - 1;
  return t0Ms - startsMs[i - 1]! <= startsMs[i]! - t1Ms ? i - 1 : i;
}
