/**
 * Greedy interval stacking: puts each item, in the given (left-to-right) order, on the first row
 * whose last item ends at least `gapPx` before it starts. Items that fit on no row get −1.
 * Returns the row of each item. Pure and O(n · rows).
 */
export function stackRows(left: Float64Array, right: Float64Array, rows: number, gapPx: number): Int16Array {
  const rowEnd = new Float64Array(rows).fill(-Infinity);
  const out = new Int16Array(left.length);
  for (let i = 0; i < left.length; i++) {
    out[i] = -1;
    for (let r = 0; r < rows; r++) {
      if (rowEnd[r]! + gapPx <= left[i]!) {
        rowEnd[r] = right[i]!;
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
