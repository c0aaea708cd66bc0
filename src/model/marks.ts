import type { LaneGeometry } from "./laneGeometry";

/** What layout produces: event marks, counted clusters and the lanes' geometry. */
/** How many members a cluster lists at most (a dense cluster of 50,000 is never listed in full). */
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
  /** The label's width, px: with labelX, the box a reader points at (0 when unlabelled). */
  readonly labelWidthPx: number;
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
