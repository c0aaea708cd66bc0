import { bisectLeft } from "d3-array";
import { NOT_INDEXED, type EventIndex } from "./eventIndex";

/**
 * Dataset index of the event `step` places later (or earlier) in time order, clamped to the ends.
 * From an event a filter has hidden, steps from where it would stand. Undefined when the index is empty.
 */
export function stepInTime(
  index: EventIndex,
  event: number,
  step: number,
  startMs?: number,
): number | undefined {
  const n = index.order.length;
  if (n === 0) return undefined;
  let rank = index.rank[event] ?? NOT_INDEXED;
  if (rank === NOT_INDEXED) {
    // Hidden event: the next one is at its insertion point, the previous one just before it.
    const at = bisectLeft(index.startMs, startMs ?? 0);
    rank = step > 0 ? at - 1 : at;
  }
  return index.order[Math.min(n - 1, Math.max(0, rank + step))]!;
}

/** Dataset index of the first or last event in time order, or undefined when there are none. */
export function endOfTime(index: EventIndex, which: "first" | "last"): number | undefined {
  return index.order.length === 0 ? undefined : index.order[which === "first" ? 0 : index.order.length - 1];
}

/**
 * The event in the nearest non-empty lane above (−1) or below (+1) whose start is closest in time
 * to the given event's; the event itself when there is no such lane.
 */
export function stepAcrossLanes(index: EventIndex, event: number, direction: -1 | 1): number {
  const rank = index.rank[event]!;
  if (rank === NOT_INDEXED) return event;
  const t = index.startMs[rank]!;
  const lane = index.lane[rank]!;
  let bestLane = -1,
    best = event,
    bestDistance = Infinity;
  for (let i = 0; i < index.order.length; i++) {
    const l = index.lane[i]!;
    if ((l - lane) * direction <= 0) continue;
    const laneDistance = Math.abs(l - lane);
    const distance = Math.abs(index.startMs[i]! - t);
    if (
      bestLane < 0 ||
      laneDistance < Math.abs(bestLane - lane) ||
      (l === bestLane && distance < bestDistance)
    ) {
      bestLane = l;
      best = index.order[i]!;
      bestDistance = distance;
    }
  }
  return best;
}
