import type { TimelineEvent } from "../data/types";

/** How well an event is attested, derived from its sources and conflicts rather than typed by hand. */
export type ReportingStatus = "disputed" | "corroborated" | "single";

export const STATUS_LABEL: Record<ReportingStatus, string> = {
  disputed: "reports disagree",
  corroborated: "reported by several articles",
  single: "single report",
};

/** Number of distinct articles that report an event. */
export function reportCount(event: TimelineEvent): number {
  // Counted without allocating: it runs for every event on load (facets) and for every label drawn.
  const { sources } = event;
  let count = 0;
  for (let i = 0; i < sources.length; i++) {
    const article = sources[i]!.article;
    if (sources.findIndex((s) => s.article === article) === i) count++;
  }
  return count;
}

/** Disputed when a conflict is recorded; corroborated when two or more articles report it; else single. */
export function reportingStatus(event: TimelineEvent): ReportingStatus {
  if (event.conflict !== undefined) return "disputed";
  return reportCount(event) >= 2 ? "corroborated" : "single";
}
