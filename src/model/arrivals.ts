import type { TimelineEvent } from "../data/types";
import type { Domain } from "./timeDomain";
import type { TimeScale } from "./timeScale";

/**
 * The events of a file that is still loading, as the loading view needs them: when each starts and
 * in which lane row, in typed arrays that grow by doubling (a 100,000-event file adds a thousand at
 * a time; objects per event would double the page's heap for a view that lasts seconds).
 */
export interface Arrivals {
  /** Events taken so far. */
  readonly count: number;
  /** Start of each, UTC ms; only the first `count` entries are events. */
  readonly startsMs: Float64Array;
  /** Lane row of each (its lane's position in the file's lanes). */
  readonly rows: Uint16Array;
  /** Earliest start and latest end so far; undefined before the first event. */
  readonly extent: Domain | undefined;
}

/** Arrivals, and how to add to them. */
export interface ArrivalLog extends Arrivals {
  /**
   * Takes the events of `valid` not taken yet (it only ever grows, except when the check started
   * again: then it is shorter than what was taken, and everything is taken afresh).
   */
  take(valid: readonly TimelineEvent[], laneIds: readonly string[]): void;
}

export function createArrivals(): ArrivalLog {
  let startsMs = new Float64Array(1024);
  let rows = new Uint16Array(1024);
  let count = 0;
  let extent: [number, number] | undefined;
  return {
    get count() {
      return count;
    },
    get startsMs() {
      return startsMs;
    },
    get rows() {
      return rows;
    },
    get extent() {
      return extent;
    },
    take(valid, laneIds) {
      if (valid.length < count) {
        count = 0;
        extent = undefined;
      }
      const rowOf = new Map(laneIds.map((id, i) => [id, i]));
      if (valid.length > startsMs.length) {
        const size = 2 ** Math.ceil(Math.log2(valid.length));
        startsMs = grow(startsMs, new Float64Array(size));
        rows = grow(rows, new Uint16Array(size));
      }
      for (let e = count; e < valid.length; e++) {
        const event = valid[e]!;
        startsMs[e] = event.startMs;
        // A valid event's lane is one of the file's (the validator checks it).
        rows[e] = rowOf.get(event.lane) ?? 0;
        extent = extent
          ? [Math.min(extent[0], event.startMs), Math.max(extent[1], event.endMs)]
          : [event.startMs, event.endMs];
      }
      count = valid.length;
    },
  };
}

function grow<T extends Float64Array | Uint16Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** How many events start in each column of each lane row, for the loading view's heat strips. */
export interface Density {
  readonly columns: number;
  readonly columnPx: number;
  /** Row by row: `counts[row * columns + column]`. */
  readonly counts: Uint32Array;
  /** The largest count (0 when nothing is in view). */
  readonly max: number;
  /** Events starting inside the window. */
  readonly inView: number;
}

/**
 * Counts the arrivals starting in each `columnPx`-wide column of the window `x` shows, lane row by
 * lane row. Linear in the events (a few milliseconds at 100,000), so the view is counted afresh for
 * every frame of a zoom rather than kept in bins that would have to follow the window.
 */
export function density(arrivals: Arrivals, x: TimeScale, rowCount: number, columnPx = 3): Density {
  const [r0, r1] = x.range() as [number, number];
  const columns = Math.max(1, Math.ceil((r1 - r0) / columnPx));
  const counts = new Uint32Array(Math.max(1, rowCount) * columns);
  const { startsMs, rows } = arrivals;
  let max = 0,
    inView = 0;
  for (let e = 0; e < arrivals.count; e++) {
    const px = x(startsMs[e]!) - r0;
    if (!(px >= 0 && px < r1 - r0)) continue;
    const at = Math.min(rows[e]!, rowCount - 1) * columns + Math.floor(px / columnPx);
    const n = counts[at]! + 1;
    counts[at] = n;
    if (n > max) max = n;
    inView++;
  }
  return { columns, columnPx, counts, max, inView };
}
