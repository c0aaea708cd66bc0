import type { Dataset, TimelineEvent } from "../data/types";
import type { facetOptions } from "../model/facetOptions";
import { filterEvents, filterStatus, isFiltering, searchEvents, searchText } from "../model/filterEvents";
import type { OpenSource } from "../render/eventDetail";
import { createFilterBar, type FilterBar } from "../render/filterBar";
import type { Timeline } from "./createTimeline";
import { fresh } from "./fresh";
import { createListController } from "./listController";
import { phoneOnDemand } from "./phoneOnDemand";
import { createViewSwitch } from "./viewSwitch";

/** What the views of the events are given by the page, and how they tell it what the reader did. */
export interface EventViewParts {
  readonly dataset: Dataset;
  readonly timeline: Timeline;
  /** The chart's container. */
  readonly chart: HTMLElement;
  readonly facets: ReturnType<typeof facetOptions>;
  readonly openSource: OpenSource;
  /** A row of the list was chosen: show its event on the timeline. */
  readonly showOnTimeline: (eventId: string) => void;
  /** The reader switched views with the buttons. */
  readonly onSwitched: () => void;
  /** The filters or search changed what is shown; `queryChanged` when the search did. */
  readonly onFiltered: (queryChanged: boolean) => void;
  readonly signal: AbortSignal;
}

/**
 * The views of the events (the chart, the list, and the cards phones show instead of the chart),
 * the switch between them, and the filter bar, whose filters and search decide what all of them
 * show. Starts on the timeline.
 */
export function wireEventViews(parts: EventViewParts) {
  const { dataset, timeline, signal } = parts;
  // The list view shows the same events as the timeline: same filters, and the search narrows it.
  const list = fresh("list-view");
  const listed = createListController(
    list,
    dataset,
    // Asked when the shown events change, never before the switch below is made.
    () => switcher.view === "list",
    (id) => parts.showOnTimeline(id),
  );
  let include: Uint8Array | undefined;
  let matches: Uint8Array | undefined;
  const cards = phoneOnDemand(
    fresh("phone-view"),
    fresh<HTMLDialogElement>("card-sheet"),
    dataset,
    parts.openSource,
    () => [include, matches],
    signal,
  );
  const switcher = createViewSwitch({
    chart: parts.chart,
    list,
    phone: cards,
    refreshList: listed.refresh,
    onSwitched: parts.onSwitched,
    signal,
  });
  const filterBar = createFilterBar(fresh("filters"), parts.facets);
  followFilters(filterBar, dataset.events, (kept, matched, queryChanged) => {
    include = kept;
    matches = matched;
    timeline.setFilter(include);
    timeline.setMatches(matches);
    cards.setShown(include, matches);
    listed.setShown(include, matches);
    parts.onFiltered(queryChanged);
  });
  switcher.set("timeline");
  /** The events the filters keep (1 per dataset index; all when undefined), search or not. */
  const included = () => include;
  return { switcher, cards, listed, filterBar, included };
}
export type EventViews = ReturnType<typeof wireEventViews>;

/**
 * Filters and search → what is shown: the events kept (1 in `include`, all when undefined) and the
 * search's matches; the bar says how many. The search's haystacks are built on the first search.
 */
function followFilters(
  filterBar: FilterBar,
  events: readonly TimelineEvent[],
  show: (include: Uint8Array | undefined, matches: Uint8Array | undefined, queryChanged: boolean) => void,
): void {
  let haystacks: string[] | undefined;
  let lastQuery = "";
  filterBar.setStatus(filterStatus(events.length, undefined, undefined));
  filterBar.onChange((filters, query) => {
    const include = isFiltering(filters) ? filterEvents(events, filters) : undefined;
    if (query.trim() !== "") haystacks ??= events.map(searchText);
    const matches = searchEvents(haystacks ?? [], query);
    filterBar.setStatus(filterStatus(events.length, include, matches));
    show(include, matches, query !== lastQuery);
    lastQuery = query;
  });
}
