import type { TimelineEvent } from "../data/types";

/** How well an event is attested, derived from its sources and conflicts rather than typed by hand. */
export type ReportingStatus = "disputed" | "corroborated" | "single";

export const STATUS_LABEL: Record<ReportingStatus, string> = {
  disputed: "reports disagree",
  corroborated: "reported by several articles",
  single: "single report",
};

/**
 * Number of distinct articles that report an event, calling `each` once with each of them. Counted
 * without allocating: it runs for every event on load (facets) and for every label drawn.
 */
export function reportingArticles(event: TimelineEvent, each?: (article: string) => void): number {
  const { sources } = event;
  let count = 0;
  for (let i = 0; i < sources.length; i++) {
    const article = sources[i]!.article;
    if (sources.findIndex((s) => s.article === article) !== i) continue;
    count++;
    each?.(article);
  }
  return count;
}

/** Number of distinct articles that report an event. */
export const reportCount = (event: TimelineEvent): number => reportingArticles(event);

/** Disputed when a conflict is recorded; corroborated when two or more articles report it; else single. */
export function reportingStatus(event: TimelineEvent): ReportingStatus {
  if (event.conflict !== undefined) return "disputed";
  return reportCount(event) >= 2 ? "corroborated" : "single";
}
