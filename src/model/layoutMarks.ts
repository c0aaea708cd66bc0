import type { TimelineEvent } from "../data/types";
import { bisectLeft } from "d3-array";
import { NOT_INDEXED, type EventIndex, type LaneIndex } from "./eventIndex";
import { geometryOfRows, laneGeometry, MAX_ROWS, rowCentrePx, type LaneGeometry } from "./laneGeometry";
import {
  BADGE_SPACING_PX,
  CHIP_PAD_PX,
  CLUSTER_GAP_PX,
  LABEL_GAP_PX,
  POINT_RADIUS_PX,
  ROW_GAP_PX,
} from "./markGeometry";
import { groupByProximity, stackRows } from "./stackRows";
import type { Domain } from "./timeDomain";
import { domainOf, msPerPx, widthOf, type TimeScale } from "./timeScale";
import { truncateLabel, type MeasureText } from "./truncateLabel";

/** A lane with more events than this in the window is laid out by density bins. */
const DENSE_LANE_EVENTS = 300;
const BIN_PX = 12;
/** A bin with more events than this is drawn as (part of) a counted cluster. */
const MAX_PER_BIN = 3;
const MAX_RUN_BINS = 4;
export const CLUSTER_SAMPLE = 200;

/** One event drawn individually. `row` −1 means the lane's overflow row, where marks carry no label. */
export interface EventMark {
  readonly event: number;
  readonly lane: number;
  readonly row: number;
  /** A point for exact or day-precise events; a span for ranges and for windows wide enough to show. */
  readonly kind: "point" | "span";
  readonly x0: number;
  readonly x1: number;
  readonly cx: number;
  readonly y: number;
  readonly label: string;
  readonly labelX: number;
}

/** Several events too close to draw apart at this zoom, drawn as one counted mark. */
export interface ClusterMark {
  readonly lane: number;
  /** How many events it stands for. */
  readonly count: number;
  /**
   * Dataset indices in time order: all of them when count ≤ CLUSTER_SAMPLE, else the first
   * CLUSTER_SAMPLE (enough to list; a dense cluster of 50,000 is never listed in full).
   */
  readonly events: readonly number[];
  /** Dataset index of its last member in time order (past the sample, for a dense cluster). */
  readonly last: number;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** The x of a cluster's badge: the middle of its extent. */
export const clusterCentre = (c: ClusterMark): number => (c.x0 + c.x1) / 2;

/** Whether a cluster carries every member's id (a dense one carries a sample: see ClusterMark). */
export const listsAllMembers = (c: ClusterMark): boolean => c.count === c.events.length;

/** Whether a cluster holds a search match (1 per dataset index in `matches`), judged by its ids. */
export const holdsMatch = (c: ClusterMark, matches: Uint8Array): boolean =>
  c.events.some((e) => matches[e] === 1);

export interface Layout {
  readonly marks: readonly EventMark[];
  readonly clusters: readonly ClusterMark[];
  readonly geometry: LaneGeometry;
}

export interface LayoutInput {
  readonly events: readonly TimelineEvent[];
  readonly index: EventIndex;
  /** The window to lay out and where it is drawn: the chart's time scale. */
  readonly x: TimeScale;
  readonly laneCount: number;
  /** Height the lanes may fill; rows are shared out by how many each lane needs in this window. */
  readonly availableHeightPx: number;
  readonly measure: MeasureText;
  /** An event (dataset index) that must be drawn individually even where it would be clustered: the focused one. */
  readonly keepIndividual?: number;
  /**
   * Labelled rows per lane to keep instead of sharing the height out anew for this window: while a
   * drag pans, lanes keep their size under the pointer (which events get a labelled row still
   * follows the window).
   */
  readonly keepRows?: readonly number[];
  /**
   * Also lay out this far beyond each edge of the window (x from −marginPx to widthPx + marginPx), so
   * a drag can slide the drawing instead of laying it out again. The window's own events are laid out
   * as with no margins (given the same keepRows); the margins' fit around them.
   */
  readonly marginPx?: number;
  /** The label of an event; its title by default. */
  readonly labelOf?: (event: TimelineEvent) => string;
  /** An event's label fitted to `maxPx` (see labelCache); labelOf truncated with `measure` by default. */
  readonly fitLabel?: (event: number, maxPx: number) => string;
}

interface Candidate {
  readonly event: number;
  readonly kind: "point" | "span";
  readonly x0: number;
  readonly x1: number;
  readonly cx: number;
  readonly left: number;
  readonly startMs: number;
  readonly endMs: number;
}

function candidate(event: TimelineEvent, e: number, x: TimeScale): Candidate {
  const x0 = x(event.startMs),
    x1 = x(event.endMs);
  // Only exact or day-precise single dates are points; month/week/year windows and ranges are drawn
  // over their whole extent unless that is too thin to read, so no date looks more exact than it is.
  const spanWorthy =
    event.isRange || event.precision === "week" || event.precision === "month" || event.precision === "year";
  const kind = spanWorthy && x1 - x0 >= 2 * POINT_RADIUS_PX + 2 ? "span" : "point";
  const cx = (x0 + x1) / 2;
  return {
    event: e,
    kind,
    x0,
    x1,
    cx,
    left: kind === "span" ? x0 : cx - POINT_RADIUS_PX,
    startMs: event.startMs,
    endMs: event.endMs,
  };
}

/**
 * Lays out the visible events: x from time, rows stacked per lane so labels never overlap, and
 * events that do not fit collapsed into counted clusters in the lane's overflow row.
 */
export function layoutMarks({
  events,
  index,
  x,
  laneCount,
  availableHeightPx,
  measure,
  keepIndividual,
  keepRows,
  marginPx = 0,
  labelOf = (event) => event.title,
  fitLabel = (e, maxPx) => truncateLabel(labelOf(events[e]!), maxPx, measure),
}: LayoutInput): Layout {
  const domain = domainOf(x);
  const widthPx = widthOf(x);
  const pxPerMs = 1 / msPerPx(x);
  const maxLabelPx = Math.min(280, Math.max(80, widthPx * 0.45));
  const clusters: ClusterMark[] = [];
  const byLane: Candidate[][] = Array.from({ length: laneCount }, (_, lane) => {
    const laneIndex = index.lanes[lane];
    if (laneIndex === undefined) return [];
    const { candidates, dense } = gatherLane(
      laneIndex,
      domain,
      marginPx / pxPerMs,
      pxPerMs,
      keepIndividual === undefined ? NOT_INDEXED : index.rank[keepIndividual]!,
      index,
    );
    for (const run of dense) clusters.push(denseCluster(run, lane, index, x));
    return candidates.map((i) => candidate(events[index.order[i]!]!, index.order[i]!, x));
  });

  // Stack each lane once with room to spare to learn how many rows it needs, share the height out
  // by that demand, then stack again into the rows each lane got. Rows to keep skip the first two.
  const keep = keepRows?.length === laneCount ? keepRows : undefined;
  // In the margins, events after the window are stacked after its own and those before it outwards
  // from them (see stackRows): the window's events get the rows they get with no margins.
  // (With no margins no candidate is after the window: every comparison is by left alone.)
  const last = marginPx > 0 ? Math.floor(domain[1]) : Infinity;
  const byLeft = (a: Candidate, b: Candidate) => a.left - b.left;
  const after = (c: Candidate) => (c.startMs > last ? 1 : 0);
  const lanes = byLane.map((items) => {
    items.sort((a, b) => after(a) - after(b) || byLeft(a, b));
    const labels = items.map((c) => fitLabel(c.event, maxLabelPx));
    const labelX = items.map((c, i) => labelPosition(c, measure(labels[i]!)));
    const left = Float64Array.from(items, (c) => c.left);
    const right = Float64Array.from(items, (c, i) =>
      Math.max(markRight(c), labelX[i]! + measure(labels[i]!)),
    );
    const before = marginPx > 0 ? Uint8Array.from(items, (c) => +(c.endMs < domain[0])) : undefined;
    if (keep !== undefined) return { items, labels, labelX, left, right, before, demand: 0 };
    const wanted = stackRows(left, right, MAX_ROWS, ROW_GAP_PX, before);
    const demand = wanted.some((r) => r < 0) ? MAX_ROWS : Math.max(0, ...wanted) + 1;
    return { items, labels, labelX, left, right, before, demand };
  });
  const geometry =
    keep !== undefined
      ? geometryOfRows(keep)
      : laneGeometry(
          lanes.map((l) => l.demand),
          availableHeightPx,
        );

  const marks: EventMark[] = [];
  // Dense runs were gathered before the rows were known; put them in their lane's overflow row.
  for (let c = 0; c < clusters.length; c++) {
    clusters[c] = { ...clusters[c]!, y: rowCentrePx(geometry, clusters[c]!.lane, -1) };
  }
  lanes.forEach(({ items, labels, labelX, left, right, before }, lane) => {
    const rows = stackRows(left, right, geometry.rows[lane]!, ROW_GAP_PX, before);

    // With margins, items are not all in left order (see `after`); without, this finds them sorted.
    const overflow = items.filter((_, i) => rows[i]! < 0).sort(byLeft);
    items.forEach((c, i) => {
      if (rows[i]! >= 0) {
        marks.push({
          ...pick(c),
          lane,
          row: rows[i]!,
          y: rowCentrePx(geometry, lane, rows[i]!),
          label: labels[i]!,
          labelX: labelX[i]!,
        });
      }
    });
    const oLeft = Float64Array.from(overflow, (c) => c.left);
    const oRight = Float64Array.from(overflow, markRight);
    const groups = groupByProximity(oLeft, oRight, CLUSTER_GAP_PX);
    const y = rowCentrePx(geometry, lane, -1);
    for (let g = 0; g + 1 < groups.length; g++) {
      const members = overflow.slice(groups[g], groups[g + 1]);
      const kept = members.findIndex((c) => c.event === keepIndividual);
      if (members.length === 1 || (members.length === 2 && kept >= 0)) {
        for (const c of members) marks.push({ ...pick(c), lane, row: -1, y, label: "", labelX: 0 });
        continue;
      }
      if (kept >= 0)
        marks.push({ ...pick(members.splice(kept, 1)[0]!), lane, row: -1, y, label: "", labelX: 0 });
      let x0 = Infinity,
        x1 = -Infinity,
        startMs = Infinity,
        endMs = -Infinity;
      for (const c of members) {
        x0 = Math.min(x0, c.left);
        x1 = Math.max(x1, markRight(c));
        startMs = Math.min(startMs, c.startMs);
        endMs = Math.max(endMs, c.endMs);
      }
      members.sort((a, b) => index.rank[a.event]! - index.rank[b.event]!);
      clusters.push({
        lane,
        count: members.length,
        events: members.map((c) => c.event),
        last: members.at(-1)!.event,
        x0,
        x1,
        y,
        startMs,
        endMs,
      });
    }
  });
  return { marks, clusters: mergeCrowded(clusters, index.rank), geometry };
}

/** Merging stops short of this width, so a busy lane is not swallowed by one wide cluster. */
const MAX_MERGED_PX = 64;

/**
 * Merges a lane's clusters whose badges would overlap into one, so every count can be read (and a
 * dense window draws a few hundred badges, not thousands). Counts add up; the members (or, past
 * CLUSTER_SAMPLE, a sample of them) stay in time order.
 */
export function mergeCrowded(clusters: readonly ClusterMark[], rank: Uint32Array): ClusterMark[] {
  const sorted = [...clusters].sort((a, b) => a.lane - b.lane || clusterCentre(a) - clusterCentre(b));
  const merged: ClusterMark[] = [];
  for (const c of sorted) {
    const last = merged.at(-1);
    if (
      last === undefined ||
      last.lane !== c.lane ||
      clusterCentre(c) - clusterCentre(last) >= BADGE_SPACING_PX ||
      Math.max(last.x1, c.x1) - Math.min(last.x0, c.x0) > MAX_MERGED_PX
    ) {
      merged.push(c);
      continue;
    }
    const members = [...last.events, ...c.events].sort((a, b) => rank[a]! - rank[b]!);
    merged[merged.length - 1] = {
      lane: c.lane,
      count: last.count + c.count,
      events: members.slice(0, CLUSTER_SAMPLE),
      last: rank[c.last]! > rank[last.last]! ? c.last : last.last,
      x0: Math.min(last.x0, c.x0),
      x1: Math.max(last.x1, c.x1),
      y: c.y,
      startMs: Math.min(last.startMs, c.startMs),
      endMs: Math.max(last.endMs, c.endMs),
    };
  }
  return merged;
}

/**
 * Labels sit inside a span's chip when they fit (from where it enters the window), else just after
 * it; after a point's dot.
 */
function labelPosition(c: Candidate, labelWidthPx: number): number {
  if (c.kind === "point") return c.cx + POINT_RADIUS_PX + LABEL_GAP_PX;
  const inside = Math.max(c.x0, 0) + CHIP_PAD_PX;
  return inside + labelWidthPx + CHIP_PAD_PX <= c.x1 ? inside : c.x1 + LABEL_GAP_PX;
}

function markRight(c: Candidate): number {
  return c.kind === "span" ? c.x1 : c.cx + POINT_RADIUS_PX;
}

function pick(c: Candidate) {
  return { event: c.event, kind: c.kind, x0: c.x0, x1: c.x1, cx: c.cx };
}

interface DenseRun {
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
function gatherLane(
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

function denseCluster(run: DenseRun, lane: number, index: EventIndex, x: TimeScale): ClusterMark {
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
