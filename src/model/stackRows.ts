/**
 * Greedy interval stacking: puts each item, in the given (left-to-right) order, on the first row
 * whose last item ends at least `gapPx` before it starts. Items that fit on no row get −1.
 * Returns the row of each item. Pure and O(n · rows).
 *
 * With `before` (1 for items left of a window, sorted by left like the rest), the others are stacked
 * first, exactly as if alone, and then those items right to left, outwards from each row's first
 * item: a window laid out with margins (see layoutMarks) stacks its own items as it does without.
 */
export function stackRows(
  left: Float64Array,
  right: Float64Array,
  rows: number,
  gapPx: number,
  before?: Uint8Array,
): Int16Array {
  const rowEnd = new Float64Array(rows).fill(-Infinity);
  const rowStart = new Float64Array(rows).fill(Infinity);
  const out = new Int16Array(left.length).fill(-1);
  for (let i = 0; i < left.length; i++) {
    if (before?.[i]) continue;
    for (let r = 0; r < rows; r++) {
      if (rowEnd[r]! + gapPx <= left[i]!) {
        rowEnd[r] = right[i]!;
        rowStart[r] = Math.min(rowStart[r]!, left[i]!);
        out[i] = r;
        break;
      }
    }
  }
  if (before === undefined) return out;
  // Outwards: the item nearest the window first.
  const outward = [...before.keys()].filter((i) => before[i]).sort((a, b) => right[b]! - right[a]!);
  for (const i of outward) {
    for (let r = 0; r < rows; r++) {
      if (right[i]! + gapPx <= rowStart[r]!) {
        rowStart[r] = left[i]!;
        out[i] = r;
        break;
      }
    }
  }
  return out;
}

/**
 * Groups items sorted by `left` into runs whose marks come within `gapPx` of each other.
 * Returns the index where each group starts, followed by left.length.
 */
export function groupByProximity(left: Float64Array, right: Float64Array, gapPx: number): number[] {
  const starts: number[] = [];
  let groupRight = -Infinity;
  for (let i = 0; i < left.length; i++) {
    if (left[i]! > groupRight + gapPx) starts.push(i);
    groupRight = Math.max(groupRight, right[i]!);
  }
  starts.push(left.length);
  return starts;
}
