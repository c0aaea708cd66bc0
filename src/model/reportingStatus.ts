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
  return new Set(event.sources.map((s) => s.article)).size;
}

/** Disputed when a conflict is recorded; corroborated when two or more articles report it; else single. */
export function reportingStatus(event: TimelineEvent): ReportingStatus {
  if (event.conflict !== undefined) return "disputed";
  return reportCount(event) >= 2 ? "corroborated" : "single";
}
