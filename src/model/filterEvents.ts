import type { DateBasis, TimelineEvent } from "../data/types";
import { normalizeText } from "../data/normalizeText";
import { reportingStatus, type ReportingStatus } from "./reportingStatus";
import { groupDigits } from "./groupDigits";

/** What the reader has chosen to see. An empty set means "no restriction" for that facet. */
export interface Filters {
  readonly lanes: ReadonlySet<string>;
  readonly actors: ReadonlySet<string>;
  readonly topics: ReadonlySet<string>;
  readonly articles: ReadonlySet<string>;
  readonly bases: ReadonlySet<DateBasis>;
  readonly statuses: ReadonlySet<ReportingStatus>;
}

export const NO_FILTERS: Filters = {
  lanes: new Set(),
  actors: new Set(),
  topics: new Set(),
  articles: new Set(),
  bases: new Set(),
  statuses: new Set(),
};

export function isFiltering(filters: Filters): boolean {
  return Object.values(filters).some((set: ReadonlySet<string>) => set.size > 0);
}

const any = <T>(set: ReadonlySet<T>, values: readonly T[]) =>
  set.size === 0 || values.some((v) => set.has(v));

/** 1 for each event (by dataset index) that passes every facet: OR within a facet, AND across facets. */
export function filterEvents(events: readonly TimelineEvent[], filters: Filters): Uint8Array {
  return Uint8Array.from(events, (e) =>
    any(filters.lanes, [e.lane]) &&
    any(filters.actors, e.actors) &&
    any(filters.topics, e.topics) &&
    any(
      filters.articles,
      e.sources.map((s) => s.article),
    ) &&
    any(filters.bases, [e.dateBasis]) &&
    any(filters.statuses, [reportingStatus(e)])
      ? 1
      : 0,
  );
}

/** Searchable text of an event: title, summary, actors, topics and quotes, normalised and lower-cased. */
export function searchText(event: TimelineEvent): string {
  const parts = [
    event.title,
    event.summary,
    ...event.actors,
    ...event.topics,
    ...event.sources.map((s) => s.quote),
  ];
  return normalizeText(parts.join(" \u2016 ")).toLowerCase();
}

/**
 * 1 for each event whose text contains every word of the query (case- and typography-insensitive);
 * undefined for an empty query, meaning "no search".
 */
export function searchEvents(haystacks: readonly string[], query: string): Uint8Array | undefined {
  const words = normalizeText(query).toLowerCase().split(" ").filter(Boolean);
  if (words.length === 0) return undefined;
  return Uint8Array.from(haystacks, (text) => (words.every((w) => text.includes(w)) ? 1 : 0));
}

/** What the filter bar says is shown: "Showing 12 of 47 events · 3 match the search". */
export function filterStatus(
  total: number,
  include: Uint8Array | undefined,
  matches: Uint8Array | undefined,
): string {
  const shown = include === undefined ? total : include.reduce((n, v) => n + v, 0);
  let matching: number | undefined;
  if (matches !== undefined) {
    matching = 0;
    for (let e = 0; e < total; e++) matching += matches[e]! & (include?.[e] ?? 1);
  }
  const search =
    matching === undefined
      ? ""
      : ` \u00b7 ${groupDigits(matching)} match${matching === 1 ? "es" : ""} the search`;
  return `Showing ${groupDigits(shown)} of ${groupDigits(total)} events${search}`;
}
