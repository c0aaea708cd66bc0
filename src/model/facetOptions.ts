import type { Dataset, DateBasis } from "../data/types";
import { reportingStatus, STATUS_LABEL, type ReportingStatus } from "./reportingStatus";

/** One choosable value of a facet, with how many events have it. */
export interface FacetOption {
  readonly value: string;
  readonly label: string;
  readonly count: number;
}

/** The most values an open-ended facet (actors, topics) offers as checkboxes. */
export const MAX_OPEN_FACET = 40;

const BASIS_OPTION: Record<DateBasis, string> = {
  stated: "Stated in the article",
  inferred: "Inferred from wording",
  reference: "From outside reference",
};

function countBy(values: readonly string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const list of values) for (const v of new Set(list)) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

/** The values each facet can take in a dataset, with event counts; open-ended facets sorted by count. */
export function facetOptions(dataset: Dataset) {
  const { events } = dataset;
  const byCount = (counts: Map<string, number>): FacetOption[] =>
    [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([value, count]) => ({ value, label: value, count }));
  const lanes = countBy(events.map((e) => [e.lane]));
  const articles = countBy(events.map((e) => e.sources.map((s) => s.article)));
  const bases = countBy(events.map((e) => [e.dateBasis]));
  const statuses = countBy(events.map((e) => [reportingStatus(e)]));
  return {
    lanes: dataset.lanes.map((l) => ({ value: l.id, label: l.label, count: lanes.get(l.id) ?? 0 })),
    articles: dataset.articles.map((a, i) => ({
      value: a.id,
      label: `A${i + 1}: ${a.title}`,
      count: articles.get(a.id) ?? 0,
    })),
    bases: (Object.keys(BASIS_OPTION) as DateBasis[])
      .filter((b) => bases.has(b))
      .map((b) => ({ value: b, label: BASIS_OPTION[b], count: bases.get(b)! })),
    statuses: (Object.keys(STATUS_LABEL) as ReportingStatus[])
      .filter((s) => statuses.has(s))
      .map((s) => ({ value: s, label: STATUS_LABEL[s], count: statuses.get(s)! })),
    // Open-ended facets list their most frequent values; the search box reaches the rest.
    actors: byCount(countBy(events.map((e) => [...e.actors]))).slice(0, MAX_OPEN_FACET),
    topics: byCount(countBy(events.map((e) => [...e.topics]))).slice(0, MAX_OPEN_FACET),
  };
}
