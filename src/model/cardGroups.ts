import { bisector } from "d3-array";
import { utcMonth } from "d3-time";
import type { TimelineEvent } from "../data/types";
import { formatPeriod } from "./formatDate";

/** A run of consecutive cards under one heading. */
export interface CardGroup {
  /** Stable while the heading is the same ("2025-07", "2025"), for keys and tests. */
  readonly key: string;
  readonly label: string;
  /** Position of the group's first card in the card order. */
  readonly first: number;
  /** Number of cards in the group (at least one). */
  readonly count: number;
}

/**
 * The heading an event's card goes under: its month, or its year when only the year is known (a
 * 2022 event under "January 2022" would claim a month the evidence does not give).
 */
export function cardPeriod(event: TimelineEvent): { key: string; label: string } {
  if (event.precision === "year") {
    const label = formatPeriod(event.startMs, "year");
    return { key: label, label };
  }
  const monthMs = utcMonth.floor(new Date(event.startMs)).getTime();
  const date = new Date(monthMs);
  const key = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
  return { key, label: formatPeriod(monthMs, "month") };
}

/**
 * Splits cards (dataset indices `order`, in time order) into consecutive headed groups. A heading
 * can repeat when a year-only event falls between two runs of the same month; it is never merged,
 * so the cards stay in time order.
 */
export function groupCards(events: readonly TimelineEvent[], order: readonly number[]): CardGroup[] {
  const groups: CardGroup[] = [];
  let current: { key: string; label: string; first: number } | undefined;
  order.forEach((e, position) => {
    const period = cardPeriod(events[e]!);
    if (current?.key === period.key) return;
    if (current !== undefined) groups.push({ ...current, count: position - current.first });
    current = { ...period, first: position };
  });
  if (current !== undefined) groups.push({ ...current, count: order.length - current.first });
  return groups;
}

/** Index (into `groups`) of the group holding the card at `position`; -1 when there is none. */
export function groupOf(groups: readonly CardGroup[], position: number): number {
  const g = byFirst.right(groups, position) - 1;
  const group = groups[g];
  return group !== undefined && position < group.first + group.count ? g : -1;
}
const byFirst = bisector((group: CardGroup) => group.first);

/**
 * Where a slider key takes the reader from card `current`: the first or last card, or the start of
 * the next heading; back goes to the start of this heading first, as a reader paging back expects.
 * -1 when there is nowhere to go.
 */
export function stepTarget(
  groups: readonly CardGroup[],
  current: number,
  to: -1 | 1 | "first" | "last",
): number {
  const count = groups.reduce((n, g) => n + g.count, 0);
  if (count === 0) return -1;
  if (to === "first" || to === "last") return to === "first" ? 0 : count - 1;
  const g = groupOf(groups, current);
  const back = g >= 0 && current > groups[g]!.first ? g : g - 1;
  return groups[to === -1 ? back : g + 1]?.first ?? -1;
}
