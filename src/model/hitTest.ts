import type { ClusterMark, EventMark } from "./layoutMarks";
import { BADGE_RADIUS_PX, CHIP_HEIGHT_PX, POINT_RADIUS_PX } from "./markGeometry";

export type Hit = { type: "event"; mark: EventMark } | { type: "cluster"; cluster: ClusterMark };

/** Distance in px from (px, py) to a horizontal segment [x0, x1] at height y. */
function distanceToSegment(px: number, py: number, x0: number, x1: number, y: number): number {
  const dx = px < x0 ? x0 - px : px > x1 ? px - x1 : 0;
  return Math.hypot(dx, py - y);
}

/**
 * The mark nearest to a pointer within `radiusPx` (measured to the mark's outline), so small marks
 * have forgiving targets on touch screens. Ties go to the later-drawn mark, which is on top.
 */
export function hitTest(
  marks: readonly EventMark[],
  clusters: readonly ClusterMark[],
  px: number,
  py: number,
  radiusPx: number,
): Hit | undefined {
  let best: Hit | undefined;
  let bestDistance = radiusPx;
  for (const mark of marks) {
    const [x0, x1] = mark.kind === "span" ? [mark.x0, mark.x1] : [mark.cx, mark.cx];
    const toMark =
      distanceToSegment(px, py, x0, x1, mark.y) -
      (mark.kind === "span" ? CHIP_HEIGHT_PX / 2 : POINT_RADIUS_PX);
    // The label is part of the target: pointing at the words is pointing at the event.
    const toLabel =
      mark.labelWidthPx > 0
        ? distanceToSegment(px, py, mark.labelX, mark.labelX + mark.labelWidthPx, mark.y) - CHIP_HEIGHT_PX / 2
        : Infinity;
    const d = Math.max(0, Math.min(toMark, toLabel));
    if (d <= bestDistance) {
      bestDistance = d;
      best = { type: "event", mark };
    }
  }
  for (const cluster of clusters) {
    const d = Math.max(0, distanceToSegment(px, py, cluster.x0, cluster.x1, cluster.y) - BADGE_RADIUS_PX);
    if (d <= bestDistance) {
      bestDistance = d;
      best = { type: "cluster", cluster };
    }
  }
  return best;
}
