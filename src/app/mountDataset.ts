import type { TimelineEvent } from "../data/types";
import { facetOptions } from "../model/facetOptions";
import { filterEvents, isFiltering, searchEvents, searchText } from "../model/filterEvents";
import { sortEvents, type SortKey, type SortOrder } from "../model/sortEvents";
import { renderAlerts } from "../render/alerts";
import { createFilterBar } from "../render/filterBar";
import { renderHeader } from "../render/header";
import { markKinds, renderLegend, showMarkKinds } from "../render/legend";
import { renderListView } from "../render/listView";
import { byId } from "../render/dom";
import { createTimeline, type Timeline } from "./createTimeline";
import { detailLayers, popoverLayer, type EscapeLayers } from "./escapeLayers";
import { createExportMenu } from "./exportMenu";
import type { PhoneView } from "./phoneView";
import { addRetry } from "./loadGuard";
import { syncWithUrl } from "./linkState";
import { watchPrint } from "./printView";
import { readerOnDemand } from "./readerOnDemand";
import type { CheckedFile } from "./worker/loadProtocol";

/** Swaps an element for an empty copy, dropping the listeners a previous dataset attached to it. */
function fresh<T extends HTMLElement = HTMLElement>(id: string): T {
  const old = byId<T>(id);
  const copy = old.cloneNode(false) as T;
  old.replaceWith(copy);
  return copy;
}

/**
 * Builds everything that depends on a dataset: header, legend, timeline, list view, filters, source
 * reader, export menu and link state. Calling it again (for a file the reader opens) replaces it all;
 * call the previous result's dispose() first to detach its page-level listeners. `retry` loads the
 * same file again, for the Retry button of a download that stalled or was cancelled.
 */
const LIST_PAGE = 500;

export function mountDataset(
  loaded: CheckedFile,
  notices: readonly string[],
  layers: EscapeLayers,
  retry?: () => void,
): { timeline: Timeline; dispose(): void } {
  const { dataset, report, allIssues, pages, rejectedEvents } = loaded;
  const disposer = new AbortController();
  const signal = disposer.signal;
  const { events } = dataset;
  // Assigned once the page is built; changes made while building (and while applying a link) are
  // not history. A const would be in its temporal dead zone when those early callbacks run.
  // eslint-disable-next-line prefer-const
  let link: ReturnType<typeof syncWithUrl> | undefined;

  const panel = fresh("source-reader");
  const reader = readerOnDemand(panel, (createSourceReader) =>
    createSourceReader(
      panel,
      dataset,
      pages,
      (eventId) => showOnTimeline(eventId),
      // What opened the reader may be gone (its card rebuilt for another event): the pinned card's
      // own "Read in the article", else the event the timeline's focus rests on.
      () => container.querySelector(".tooltip.pinned .read-source, g.event[tabindex='0']"),
    ),
  );
  const openArticle = (articleId: string) => reader.open(articleId);
  const facets = facetOptions(dataset);
  renderHeader(
    dataset,
    { title: byId("title"), description: byId("description"), meta: byId("meta"), sources: fresh("sources") },
    openArticle,
    new Map(facets.articles.map((a) => [a.value, a.count])),
  );
  renderLegend(byId("legend-lanes"), dataset.lanes);
  showMarkKinds(byId("legend-keys"), markKinds(dataset));

  const container = fresh("timeline");
  const timeline = createTimeline(container, dataset, {
    onOpenSource: (articleId, quote, eventId) => reader.open(articleId, quote, eventId),
    onOpenArticle: openArticle,
    onViewChange: (changed) => link?.windowOrSelectionChanged(changed),
    signal,
  });
  container.removeAttribute("aria-busy");

  performance.mark("timeline:first-render");

  // The list view shows the same events as the timeline: same filters, and the search narrows it.
  const list = fresh("list-view");
  const laneOrder = new Map(dataset.lanes.map((l, i) => [l.id, i]));
  let include: Uint8Array | undefined;
  let matches: Uint8Array | undefined;
  let order: SortOrder = { key: "date", ascending: true };
  // Drawn only when seen (or printed): a table of 100,000 rows is not built behind the chart.
  let listStale = true;
  let listLimit = LIST_PAGE;
  // The rows the list shows, in its order: a printed chart numbers its events by them.
  let listed: readonly number[] = [];
  const renderList = (force = false) => {
    if (view !== "list" && !force) {
      listStale = true;
      return;
    }
    listStale = false;
    const rows = sortEvents(
      events,
      (e) => (include?.[e] ?? 1) === 1 && (matches?.[e] ?? 1) === 1,
      order,
      laneOrder,
    );
    listed = rows.slice(0, listLimit);
    renderListView(list, dataset, rows, order, listLimit, {
      onMore: () => {
        listLimit += LIST_PAGE;
        renderList(true);
      },
      onSort: (key: SortKey) => {
        order = { key, ascending: order.key === key ? !order.ascending : true };
        renderList();
        list.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
      },
      onShow: (eventId) => showOnTimeline(eventId),
    });
  };
  // At phone width the Timeline view is the card timeline, not the chart squeezed into 390 px. Its
  // code loads when first needed: a wide screen never fetches it.
  const phoneSized = matchMedia("(max-width: 480px)");
  const phoneRoot = fresh("phone-view");
  const phoneSheet = fresh<HTMLDialogElement>("card-sheet");
  let phone: PhoneView | undefined;
  let phoneLoading: Promise<PhoneView> | undefined;
  const loadPhone = () =>
    (phoneLoading ??= import("./phoneView").then(({ createPhoneView }) => {
      phone = createPhoneView(phoneRoot, phoneSheet, dataset, {
        openSource: (articleId, quote, eventId) => reader.open(articleId, quote, eventId),
        signal,
      });
      phone?.setShown(include, matches);
      return phone;
    }));
  const syncPhone = (cards: boolean) => {
    if (phone !== undefined) phone.setActive(cards);
    else if (cards)
      void loadPhone().then(() => signal.aborted || syncPhone(view === "timeline" && phoneSized.matches));
  };
  const viewButtons = [byId<HTMLButtonElement>("view-timeline"), byId<HTMLButtonElement>("view-list")];
  let view: "timeline" | "list" = "timeline";
  const setView = (next: "timeline" | "list") => {
    view = next;
    const cards = view === "timeline" && phoneSized.matches;
    container.hidden = view !== "timeline" || cards;
    syncPhone(cards);
    document.body.classList.toggle("phone-cards", cards);
    document.querySelector(".skip-link")?.setAttribute("href", cards ? "#phone-view" : "#timeline");
    list.hidden = view !== "list";
    if (view === "list" && listStale) renderList();
    viewButtons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset["view"] === view)));
    document.body.dataset["view"] = view;
  };
  viewButtons.forEach((b) =>
    b.addEventListener(
      "click",
      () => {
        setView(b.dataset["view"] === "list" ? "list" : "timeline");
        link?.viewSwitched();
      },
      { signal },
    ),
  );
  phoneSized.addEventListener("change", () => setView(view), { signal });
  function showOnTimeline(eventId: string): void {
    setView("timeline");
    if (phoneSized.matches) void loadPhone().then((p) => p.reveal(eventId));
    else timeline.select(eventId);
  }

  const filterBar = createFilterBar(fresh("filters"), facets);
  // Built on the first search, not at load.
  let haystacks: string[] | undefined;
  const describe = () => {
    const shown = include === undefined ? events.length : include.reduce((n, v) => n + v, 0);
    const matching =
      matches === undefined
        ? undefined
        : events.reduce((n, _, e) => n + (matches![e]! & (include?.[e] ?? 1)), 0);
    const search =
      matching === undefined ? "" : ` \u00b7 ${matching} match${matching === 1 ? "es" : ""} the search`;
    return `Showing ${shown} of ${events.length} events${search}`;
  };
  filterBar.setStatus(describe());
  let lastQuery = "";
  filterBar.onChange((filters, query) => {
    include = isFiltering(filters) ? filterEvents(events, filters) : undefined;
    if (query.trim() !== "") haystacks ??= events.map(searchText);
    matches = searchEvents(haystacks ?? [], query);
    timeline.setFilter(include);
    timeline.setMatches(matches);
    phone?.setShown(include, matches);
    filterBar.setStatus(describe());
    renderList();
    link?.filtersChanged(query !== lastQuery);
    lastQuery = query;
  });
  setView("timeline");
  watchPrint({
    timeline,
    dataset,
    target: fresh("print-chart"),
    listed: () => {
      if (listStale) renderList(true);
      return listed;
    },
    signal,
  });
  // Built when a link first asks about them: most loads have no link to check.
  const lazySet = (values: () => Iterable<string>) => {
    let set: Set<string> | undefined;
    return () => (set ??= new Set(values()));
  };
  const knownEvents = lazySet(() => events.map((e) => e.id));
  const knownActors = lazySet(() => events.flatMap((e) => e.actors));
  const knownTopics = lazySet(() => events.flatMap((e) => e.topics));
  const known = {
    get events() {
      return knownEvents();
    },
    lanes: new Set(dataset.lanes.map((l) => l.id)),
    articles: new Set(dataset.articles.map((a) => a.id)),
    get actors() {
      return knownActors();
    },
    get topics() {
      return knownTopics();
    },
  };
  link = syncWithUrl({
    timeline,
    filterBar,
    known,
    getView: () => view,
    setView,
    signal,
  });
  renderAlerts(byId("alerts"), report, allIssues, rejectedEvents, [...notices, ...link.notices]);
  if (retry) addRetry(byId("alerts"), report.listed, retry);
  const subset = (shown: readonly TimelineEvent[]) => ({ ...dataset, events: shown });
  const exportMenu = createExportMenu(
    timeline,
    dataset,
    () => events.filter((_, e) => (include?.[e] ?? 1) === 1),
    [
      {
        label: "Events as CSV",
        fileName: "events.csv",
        type: "text/csv",
        // The writers load on first use: most readers never export.
        serialize: async (shown) => (await import("../data/formats/csv")).datasetToCsv(subset(shown)),
      },
      {
        label: "Events as JSON",
        fileName: "events.json",
        type: "application/json",
        serialize: async (shown) => {
          const { datasetToJson } = await import("../data/formats/toJson");
          return `${JSON.stringify(datasetToJson(subset(shown)), null, 2)}\n`;
        },
      },
    ],
  );

  // Escape closes one of these per press, the topmost (see escapeLayers).
  for (const layer of [
    { kind: "reader", isOpen: () => reader.isOpen, close: reader.close } as const,
    ...detailLayers(timeline.details),
    popoverLayer(filterBar.popover),
    popoverLayer(exportMenu),
  ])
    layers.register(layer, signal);

  return { timeline, dispose: () => disposer.abort() };
}
