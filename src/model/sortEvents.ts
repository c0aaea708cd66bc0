import type { TimelineEvent } from "../data/types";
import { reportCount, reportingStatus } from "./reportingStatus";

export type SortKey = "date" | "title" | "lane" | "certainty" | "status" | "sources";
export interface SortOrder {
  readonly key: SortKey;
  readonly ascending: boolean;
}

const CERTAINTY = { stated: 0, inferred: 1, reference: 2 } as const;
const STATUS = { corroborated: 0, single: 1, disputed: 2 } as const;

/**
 * Dataset indices of the included events in the given order; ties always fall back to time order,
 * so a sorted list stays stable and predictable. `laneOrder` gives each lane id its display position.
 */
export function sortEvents(
  events: readonly TimelineEvent[],
  include: (e: number) => boolean,
  order: SortOrder,
  laneOrder: ReadonlyMap<string, number>,
): number[] {
  const byTime = (a: TimelineEvent, b: TimelineEvent) =>
    a.startMs - b.startMs || a.endMs - b.endMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const compare: Record<SortKey, (a: TimelineEvent, b: TimelineEvent) => number> = {
    date: () => 0,
    title: (a, b) => a.title.localeCompare(b.title),
    lane: (a, b) => (laneOrder.get(a.lane) ?? 0) - (laneOrder.get(b.lane) ?? 0),
    certainty: (a, b) => CERTAINTY[a.dateBasis] - CERTAINTY[b.dateBasis],
    status: (a, b) => STATUS[reportingStatus(a)] - STATUS[reportingStatus(b)],
    sources: (a, b) => reportCount(b) - reportCount(a),
  };
  const sign = order.ascending ? 1 : -1;
  return [...events.keys()].filter(include).sort((i, j) => {
    const a = events[i]!,
      b = events[j]!;
    return sign * (compare[order.key](a, b) || byTime(a, b));
  });
}
