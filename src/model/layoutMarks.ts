import type { TimelineEvent } from "../data/types";
import { NOT_INDEXED, type EventIndex } from "./eventIndex";
import { denseCluster, gatherLane } from "./gatherLane";
import { geometryOfRows, laneGeometry, MAX_ROWS, rowCentrePx, type LaneGeometry } from "./laneGeometry";
import { CHIP_PAD_PX, CLUSTER_GAP_PX, LABEL_GAP_PX, POINT_RADIUS_PX, ROW_GAP_PX } from "./markGeometry";
import { type ClusterMark, type EventMark, type Layout } from "./marks";
import { mergeCrowded } from "./mergeCrowded";
import { groupByProximity, stackRows } from "./stackRows";
import { domainOf, msPerPx, widthOf, type TimeScale } from "./timeScale";
import { truncateLabel, type MeasureText } from "./truncateLabel";

// The marks' types live in ./marks; layout re-exports them for its callers.
export * from "./marks";
export { mergeCrowded } from "./mergeCrowded";

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
export function layoutMarks(input: LayoutInput): Layout {
  const { index, laneCount, availableHeightPx, keepRows } = input;
  const { byLane, clusters } = gatherCandidates(input);
  const lanes = byLane.map((items) => measureLane(input, items));
  // Stack each lane once with room to spare to learn how many rows it needs, share the height out
  // by that demand, then stack again into the rows each lane got. Rows to keep skip the first two.
  const keep = keepRows?.length === laneCount ? keepRows : undefined;
  const geometry =
    keep !== undefined
      ? geometryOfRows(keep)
      : laneGeometry(
          // A lane with nothing in the window (no mark, no cluster) needs no row at all.
          lanes.map((l, i) => (l.items.length === 0 && !clusters.some((c) => c.lane === i) ? 0 : l.demand())),
          availableHeightPx,
        );
  // Dense runs were gathered before the rows were known; put them in their lane's overflow row.
  for (let c = 0; c < clusters.length; c++) {
    clusters[c] = { ...clusters[c]!, y: rowCentrePx(geometry, clusters[c]!.lane, -1) };
  }
  const marks: EventMark[] = [];
  lanes.forEach((lane, l) => placeLane(lane, l, geometry, input.keepIndividual, index, marks, clusters));
  return { marks, clusters: mergeCrowded(clusters, index.rank), geometry };
}

/** Each lane's events in the window (and margins) as candidates, and dense runs as clusters. */
function gatherCandidates({ events, index, x, laneCount, keepIndividual, marginPx = 0 }: LayoutInput) {
  const domain = domainOf(x);
  const pxPerMs = 1 / msPerPx(x);
  const clusters: ClusterMark[] = [];
  const byLane: Candidate[][] = Array.from({ length: laneCount }, (_, lane) => {
    const laneIndex = index.lanes[lane];
    if (laneIndex === undefined) return [];
    const keepRank = keepIndividual === undefined ? NOT_INDEXED : index.rank[keepIndividual]!;
    const { candidates, dense } = gatherLane(laneIndex, domain, marginPx / pxPerMs, pxPerMs, keepRank, index);
    for (const run of dense) clusters.push(denseCluster(run, lane, index, x));
    return candidates.map((i) => candidate(events[index.order[i]!]!, index.order[i]!, x));
  });
  return { byLane, clusters };
}

interface MeasuredLane {
  readonly items: readonly Candidate[];
  readonly labels: readonly string[];
  readonly labelX: readonly number[];
  readonly labelWidth: readonly number[];
  readonly left: Float64Array;
  readonly right: Float64Array;
  /** 1 for items that end before the window (stacked outwards from it: see stackRows). */
  readonly before: Uint8Array | undefined;
  /** How many labelled rows the lane would use with room to spare. */
  demand(): number;
}

const byLeft = (a: Candidate, b: Candidate) => a.left - b.left;

/** A lane's candidates in stacking order with their fitted labels and horizontal extents. */
function measureLane(input: LayoutInput, items: Candidate[]): MeasuredLane {
  const { events, x, measure, marginPx = 0 } = input;
  const fitLabel =
    input.fitLabel ?? ((e, maxPx) => truncateLabel((input.labelOf ?? titleOf)(events[e]!), maxPx, measure));
  const domain = domainOf(x);
  // Whole titles where the width allows: a label is read, not guessed.
  const maxLabelPx = Math.min(MAX_LABEL_PX, Math.max(80, widthOf(x) * 0.5));
  // In the margins, events after the window are stacked after its own and those before it outwards
  // from them (see stackRows): the window's events get the rows they get with no margins.
  // (With no margins no candidate is after the window: every comparison is by left alone.)
  const last = marginPx > 0 ? Math.floor(domain[1]) : Infinity;
  const after = (c: Candidate) => (c.startMs > last ? 1 : 0);
  items.sort((a, b) => after(a) - after(b) || byLeft(a, b));
  const labels = items.map((c) => fitLabel(c.event, maxLabelPx));
  const labelWidth = labels.map((label) => measure(label));
  const labelX = items.map((c, i) => labelPosition(c, labelWidth[i]!, widthOf(x)));
  const left = Float64Array.from(items, (c, i) => Math.min(c.left, labelX[i]!));
  const right = Float64Array.from(items, (c, i) => Math.max(markRight(c), labelX[i]! + labelWidth[i]!));
  const before = marginPx > 0 ? Uint8Array.from(items, (c) => +(c.endMs < domain[0])) : undefined;
  const demand = () => {
    const wanted = stackRows(left, right, MAX_ROWS, ROW_GAP_PX, before);
    return wanted.some((r) => r < 0) ? MAX_ROWS : Math.max(0, ...wanted) + 1;
  };
  return { items, labels, labelX, labelWidth, left, right, before, demand };
}

const titleOf = (event: TimelineEvent) => event.title;

/** The widest label: a long title (about 90 characters) reads whole; half the plot at most. */
const MAX_LABEL_PX = 600;

/**
 * Stacks a lane into the rows it got: labelled marks, and the rest in its overflow row, where
 * neighbours become counted clusters (the kept event is always drawn on its own).
 */
function placeLane(
  { items, labels, labelX, labelWidth, left, right, before }: MeasuredLane,
  lane: number,
  geometry: LaneGeometry,
  keepIndividual: number | undefined,
  index: EventIndex,
  marks: EventMark[],
  clusters: ClusterMark[],
): void {
  const rows = stackRows(left, right, geometry.rows[lane]!, ROW_GAP_PX, before);
  items.forEach((c, i) => {
    if (rows[i]! < 0) return;
    const y = rowCentrePx(geometry, lane, rows[i]!);
    const label = labels[i]!;
    marks.push({
      ...pick(c),
      lane,
      row: rows[i]!,
      y,
      label,
      labelX: labelX[i]!,
      labelWidthPx: labelWidth[i]!,
    });
  });
  // With margins, items are not all in left order (see measureLane); without, this finds them sorted.
  const overflow = items.filter((_, i) => rows[i]! < 0).sort(byLeft);
  const groups = groupByProximity(
    Float64Array.from(overflow, (c) => c.left),
    Float64Array.from(overflow, markRight),
    CLUSTER_GAP_PX,
  );
  const y = rowCentrePx(geometry, lane, -1);
  const unlabelled = (c: Candidate): EventMark => ({
    ...pick(c),
    lane,
    row: -1,
    y,
    label: "",
    labelX: 0,
    labelWidthPx: 0,
  });
  for (let g = 0; g + 1 < groups.length; g++) {
    const members = overflow.slice(groups[g], groups[g + 1]);
    const kept = members.findIndex((c) => c.event === keepIndividual);
    if (members.length === 1 || (members.length === 2 && kept >= 0)) {
      for (const c of members) marks.push(unlabelled(c));
      continue;
    }
    if (kept >= 0) marks.push(unlabelled(members.splice(kept, 1)[0]!));
    members.sort((a, b) => index.rank[a.event]! - index.rank[b.event]!);
    clusters.push({
      lane,
      count: members.length,
      events: members.map((c) => c.event),
      last: members.at(-1)!.event,
      x0: Math.min(...members.map((c) => c.left)),
      x1: Math.max(...members.map(markRight)),
      y,
      startMs: Math.min(...members.map((c) => c.startMs)),
      endMs: Math.max(...members.map((c) => c.endMs)),
    });
  }
}

/**
 * Labels sit inside a span's chip when they fit (from where it enters the window), else just after
 * it; after a point's dot. A label that would run past the plot's right edge goes before its mark
 * instead, when it fits there: a reader never meets a label cut by the edge.
 */
function labelPosition(c: Candidate, labelWidthPx: number, widthPx: number): number {
  if (c.kind === "span") {
    const inside = Math.max(c.x0, 0) + CHIP_PAD_PX;
    if (inside + labelWidthPx + CHIP_PAD_PX <= c.x1) return inside;
  }
  const after = markRight(c) + LABEL_GAP_PX;
  const before = c.left - LABEL_GAP_PX - labelWidthPx;
  const anchored = c.cx >= 0 && c.cx <= widthPx;
  return anchored && after + labelWidthPx > widthPx && before >= 0 ? before : after;
}

function markRight(c: Candidate): number {
  return c.kind === "span" ? c.x1 : c.cx + POINT_RADIUS_PX;
}

function pick(c: Candidate) {
  return { event: c.event, kind: c.kind, x0: c.x0, x1: c.x1, cx: c.cx };
}
