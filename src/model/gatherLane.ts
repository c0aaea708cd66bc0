import { bisectLeft } from "d3-array";
import { NOT_INDEXED, type EventIndex, type LaneIndex } from "./eventIndex";
import { CLUSTER_SAMPLE, type ClusterMark } from "./marks";
import type { Domain } from "./timeDomain";
import type { TimeScale } from "./timeScale";

/** A lane with more events than this in the window is laid out by density bins. */
const DENSE_LANE_EVENTS = 300;
const BIN_PX = 12;
/** A bin with more events than this is drawn as (part of) a counted cluster. */
const MAX_PER_BIN = 3;
const MAX_RUN_BINS = 4;

export interface DenseRun {
  /** Range [p0, p1) of `positions`: the lane's time-order positions, or some of them. */
  readonly positions: Uint32Array;
  readonly p0: number;
  readonly p1: number;
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * A lane's events in the window, as time-order positions to lay out one by one plus runs of
 * dense bins to draw as counted clusters. Sparse lanes return every event; lanes with more than
 * DENSE_LANE_EVENTS in the window are cut into BIN_PX-wide bins by start time, so the cost per frame
 * depends on the width of the screen, not on how many events there are. With margins
 * (`marginMs`), the window's own events come out exactly as without, then those of the margins.
 */
export function gatherLane(
  lane: LaneIndex,
  [d0, d1]: Domain,
  marginMs: number,
  k: number,
  keepRank: number,
  index: EventIndex,
): { candidates: number[]; dense: DenseRun[] } {
  const [jStart, j1, early] = spanned(lane, d0, d1, index);
  const binned = j1 - jStart + early.length > DENSE_LANE_EVENTS;
  const candidates = early;
  const dense: DenseRun[] = [];
  const binMs = BIN_PX / k;
  /** Lays out positions [from, to) of `positions` (in start order, starts in `startMs`). */
  const scan = (positions: Uint32Array, startMs: Float64Array, from: number, to: number) => {
    if (!binned) {
      for (let j = from; j < to; j++) candidates.push(positions[j]!);
      return;
    }
    let run: { p0: number; p1: number; bins: number; startMs: number } | undefined;
    const close = () => {
      if (run !== undefined) dense.push({ ...run, positions, endMs: run.startMs + run.bins * binMs });
      run = undefined;
    };
    // Bins are whole multiples of binMs from the epoch, not from the window's edge: panning then
    // keeps every run's members (badges slide, they do not re-count or flicker).
    for (let p = from, b = Math.floor(startMs[from]! / binMs); p < to; b++) {
      const binStart = b * binMs;
      const q = bisectLeft(startMs, binStart + binMs, p, to);
      if (q - p > MAX_PER_BIN) {
        // Runs end at whole multiples of MAX_RUN_BINS bins, wherever the window starts.
        if (b % MAX_RUN_BINS === 0) close();
        if (run === undefined) run = { p0: p, p1: q, bins: 1, startMs: binStart };
        else {
          run.p1 = q;
          run.bins++;
        }
      } else {
        close();
        for (let j = p; j < q; j++) candidates.push(positions[j]!);
      }
      p = q;
    }
    close();
  };
  scan(lane.positions, lane.startMs, jStart, j1);
  // The focused event is always drawn on its own, even inside a dense run.
  if (keepRank !== NOT_INDEXED && index.lane[keepRank] !== undefined && !candidates.includes(keepRank)) {
    const j = bisectLeft(lane.startMs, index.startMs[keepRank]!);
    if (dense.some((r) => j >= r.p0 && j < r.p1) && lane.positions.subarray(j, j1).includes(keepRank))
      candidates.push(keepRank);
  }
  if (marginMs > 0) {
    // After the window: the events that start there.
    scan(lane.positions, lane.startMs, j1, bisectLeft(lane.startMs, Math.floor(d1 + marginMs) + 1));
    // Before it: those over by its start (the others are the window's own); the ones that began
    // earlier still, as the window's own early ones.
    const [jLeft, , before] = spanned(lane, d0 - marginMs, d0, index);
    for (const i of before) if (index.endMs[i]! < d0) candidates.push(i);
    const over = lane.positions.slice(jLeft, jStart).filter((i) => index.endMs[i]! < d0);
    scan(
      over,
      Float64Array.from(over, (i) => index.startMs[i]!),
      0,
      over.length,
    );
  }
  return { candidates, dense };
}

/**
 * A lane's events in [d0, d1]: the range of positions of those that start in it, and (as time-order
 * positions) those that began before it and still run.
 */
function spanned(lane: LaneIndex, d0: number, d1: number, index: EventIndex): [number, number, number[]] {
  const j0 = bisectLeft(lane.maxEndMs, d0);
  const jStart = bisectLeft(lane.startMs, d0);
  const j1 = bisectLeft(lane.startMs, Math.floor(d1) + 1);
  const early: number[] = [];
  for (let j = j0; j < Math.min(jStart, j1); j++) {
    const i = lane.positions[j]!;
    if (index.endMs[i]! >= d0) early.push(i);
  }
  return [jStart, j1, early];
}

export function denseCluster(run: DenseRun, lane: number, index: EventIndex, x: TimeScale): ClusterMark {
  const count = run.p1 - run.p0;
  const events: number[] = [];
  for (let j = run.p0; j < Math.min(run.p1, run.p0 + CLUSTER_SAMPLE); j++)
    events.push(index.order[run.positions[j]!]!);
  return {
    lane,
    count,
    events,
    last: index.order[run.positions[run.p1 - 1]!]!,
    x0: x(run.startMs),
    x1: x(run.endMs),
    y: 0,
    startMs: run.startMs,
    endMs: run.endMs,
  };
}
