import { bisectLeft } from "d3-array";
import type { TimelineEvent } from "../data/types";

/** Events sorted by time in typed arrays, so the visible window is two binary searches away. */
export interface EventIndex {
  /** Event indices (into the dataset's array) in time order: by start, then end, then id. */
  readonly order: Uint32Array;
  /** Start and exclusive end of each event in time order, UTC ms. */
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  /** Running maximum of endMs: non-decreasing, so it can be bisected to find the first event still visible. */
  readonly maxEndMs: Float64Array;
  /** Lane number of each event in time order. */
  readonly lane: Uint16Array;
  /** Position in time order of each event, by dataset index; NOT_INDEXED for events filtered out. */
  readonly rank: Uint32Array;
  /** Per lane: positions (in time order) of the lane's events, their starts and running max end. */
  readonly lanes: readonly LaneIndex[];
}

/** One lane's events in time order, so a lane's share of a window is also two binary searches away. */
export interface LaneIndex {
  readonly positions: Uint32Array;
  readonly startMs: Float64Array;
  readonly maxEndMs: Float64Array;
}

/** Every typed array of an index (to transfer it from a worker: see app/worker/handoff). */
export function indexArrays({ order, startMs, endMs, maxEndMs, lane, rank, lanes }: EventIndex) {
  return [
    order,
    startMs,
    endMs,
    maxEndMs,
    lane,
    rank,
    ...lanes.flatMap((l) => [l.positions, l.startMs, l.maxEndMs]),
  ];
}

/** rank of an event that a filter left out of the index. */
export const NOT_INDEXED = 0xffffffff;

/**
 * Builds the time-ordered index; `laneIds` gives lane numbers in display order. With `include`
 * (1 per dataset index to keep), filtered-out events are left out, so everything that reads the
 * index (visible window, navigation, counts) respects the filter.
 */
export function buildEventIndex(
  events: readonly TimelineEvent[],
  laneIds: readonly string[],
  include?: Uint8Array,
): EventIndex {
  // Times are gathered into typed arrays first: the sort compares them n log n times, and reading
  // them from the event objects made sorting 100,000 events several times slower.
  const starts = new Float64Array(events.length),
    ends = new Float64Array(events.length);
  for (let e = 0; e < events.length; e++) {
    starts[e] = events[e]!.startMs;
    ends[e] = events[e]!.endMs;
  }
  let n = 0;
  const order = new Uint32Array(include === undefined ? events.length : include.reduce((k, v) => k + v, 0));
  for (let e = 0; e < events.length; e++) if (include === undefined || include[e] === 1) order[n++] = e;
  order.sort((a, b) => {
    const byTime = starts[a]! - starts[b]! || ends[a]! - ends[b]!;
    if (byTime !== 0) return byTime;
    const ia = events[a]!.id,
      ib = events[b]!.id;
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  });
  const laneNumber = new Map(laneIds.map((id, i) => [id, i]));
  const startMs = new Float64Array(n),
    endMs = new Float64Array(n),
    maxEndMs = new Float64Array(n);
  const lane = new Uint16Array(n),
    rank = new Uint32Array(events.length).fill(NOT_INDEXED);
  let maxEnd = -Infinity;
  order.forEach((e, i) => {
    startMs[i] = starts[e]!;
    endMs[i] = ends[e]!;
    maxEnd = Math.max(maxEnd, ends[e]!);
    maxEndMs[i] = maxEnd;
    lane[i] = laneNumber.get(events[e]!.lane) ?? 0;
    rank[e] = i;
  });
  return {
    order,
    startMs,
    endMs,
    maxEndMs,
    lane,
    rank,
    lanes: laneIndexes(lane, startMs, endMs, laneIds.length),
  };
}

function laneIndexes(
  lane: Uint16Array,
  startMs: Float64Array,
  endMs: Float64Array,
  laneCount: number,
): LaneIndex[] {
  const counts = new Uint32Array(laneCount);
  for (const l of lane) counts[l]!++;
  const lanes = Array.from(counts, (count) => ({
    positions: new Uint32Array(count),
    startMs: new Float64Array(count),
    maxEndMs: new Float64Array(count),
  }));
  const filled = new Uint32Array(laneCount);
  const maxEnd = new Float64Array(laneCount).fill(-Infinity);
  for (let i = 0; i < lane.length; i++) {
    const l = lane[i]!,
      j = filled[l]!++;
    const target = lanes[l]!;
    target.positions[j] = i;
    target.startMs[j] = startMs[i]!;
    maxEnd[l] = Math.max(maxEnd[l]!, endMs[i]!);
    target.maxEndMs[j] = maxEnd[l]!;
  }
  return lanes;
}

/**
 * Positions [i0, i1) in time order of the events that may intersect [d0Ms, d1Ms]: every event
 * outside it lies outside the window; some inside may still end before d0 and are skipped by callers.
 */
export function visibleRange(index: EventIndex, d0Ms: number, d1Ms: number): [number, number] {
  const i0 = bisectLeft(index.maxEndMs, d0Ms);
  // First event starting after d1 (starts are whole ms; d1 may be fractional when zoomed).
  const i1 = bisectLeft(index.startMs, Math.floor(d1Ms) + 1);
  return [Math.min(i0, i1), i1];
}
