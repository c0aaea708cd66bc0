import "./styles/timeline.css";
import { createTimeline } from "./app/createTimeline";
import { dataLocation, resolveArticleUrl } from "./app/dataLocation";
import { syncWithUrl } from "./app/linkState";
import { initShortcutsHelp } from "./app/shortcutsHelp";
import { createExportMenu } from "./app/exportMenu";
import { createSourceReader } from "./app/sourceReader";
import { initTheme } from "./app/theme";
import { loadDataset } from "./data/loadDataset";
import { facetOptions } from "./model/facetOptions";
import { filterEvents, isFiltering, searchEvents, searchText } from "./model/filterEvents";
import { sortEvents, type SortKey, type SortOrder } from "./model/sortEvents";
import { renderAlerts } from "./render/alerts";
import { createFilterBar } from "./render/filterBar";
import { renderHeader } from "./render/header";
import { renderLegend } from "./render/legend";
import { renderListView } from "./render/listView";

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`index.html is missing #${id}`);
  return node as T;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

/** Fetches the dataset itself, marking when it has arrived (the benchmark measures from there). */
async function fetchDataset(url: string): Promise<string> {
  const text = await fetchText(url);
  performance.mark("timeline:data-arrived");
  return text;
}

/** ?embed=1: a chrome-less view for an iframe, with a link to the full view. */
function initEmbed(): void {
  const params = new URLSearchParams(location.search);
  if (params.get("embed") !== "1") return;
  document.body.classList.add("embed");
  // The full view shows what the embed shows now (its address follows the view).
  const fullView = () => {
    const current = new URLSearchParams(location.search);
    current.delete("embed");
    return `${location.pathname}${current.size > 0 ? `?${current}` : ""}`;
  };
  const link = document.createElement("a");
  link.className = "full-view-link";
  link.href = fullView();
  link.addEventListener("click", () => {
    link.href = fullView();
  });
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  link.textContent = "Open the full timeline \u2197";
  byId("title").after(link);
}

async function main(): Promise<void> {
  initEmbed();
  initTheme(byId<HTMLButtonElement>("theme-toggle"));
  initShortcutsHelp(byId<HTMLDialogElement>("shortcuts"), byId<HTMLButtonElement>("shortcuts-button"));
  const location = dataLocation(window.location.search, window.location.href);
  const notices = location.ok ? [] : [location.message];
  const displayName =
    location.ok && location.custom ? decodeURIComponent(new URL(location.url).pathname) : "events.json";
  const { dataset, issues, texts, rejectedEvents } = await loadDataset(
    location.url,
    (url) => (url === location.url ? fetchDataset(url) : fetchText(url)),
    resolveArticleUrl,
    displayName,
  );
  const { events } = dataset;
  // Assigned once the page is built; changes made while building (and while applying a link) are
  // not history. A const would be in its temporal dead zone when those early callbacks run.
  // eslint-disable-next-line prefer-const
  let link: ReturnType<typeof syncWithUrl> | undefined;

  const reader = createSourceReader(byId("source-reader"), dataset, texts, (eventId) =>
    showOnTimeline(eventId),
  );
  const openArticle = (articleId: string) => reader.open(articleId);
  renderHeader(
    dataset,
    { title: byId("title"), description: byId("description"), meta: byId("meta"), sources: byId("sources") },
    openArticle,
  );
  renderLegend(byId("legend"), dataset.lanes);

  const container = byId("timeline");
  const timeline = createTimeline(container, dataset, {
    onOpenSource: (articleId, quote, eventId) => reader.open(articleId, quote, eventId),
    onOpenArticle: openArticle,
    onViewChange: (changed) => link?.windowOrSelectionChanged(changed),
  });
  container.removeAttribute("aria-busy");
  performance.mark("timeline:first-render");

  // The list view shows the same events as the timeline: same filters, and the search narrows it.
  const list = byId("list-view");
  const laneOrder = new Map(dataset.lanes.map((l, i) => [l.id, i]));
  let include: Uint8Array | undefined;
  let matches: Uint8Array | undefined;
  let order: SortOrder = { key: "date", ascending: true };
  const renderList = () => {
    const rows = sortEvents(
      events,
      (e) => (include?.[e] ?? 1) === 1 && (matches?.[e] ?? 1) === 1,
      order,
      laneOrder,
    );
    renderListView(list, dataset, rows, order, {
      onSort: (key: SortKey) => {
        order = { key, ascending: order.key === key ? !order.ascending : true };
        renderList();
        list.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
      },
      onShow: (eventId) => showOnTimeline(eventId),
    });
  };
  const viewButtons = [byId<HTMLButtonElement>("view-timeline"), byId<HTMLButtonElement>("view-list")];
  let view: "timeline" | "list" = "timeline";
  const setView = (next: "timeline" | "list") => {
    view = next;
    container.hidden = view !== "timeline";
    list.hidden = view !== "list";
    viewButtons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset["view"] === view)));
    document.body.dataset["view"] = view;
  };
  viewButtons.forEach((b) =>
    b.addEventListener("click", () => {
      setView(b.dataset["view"] === "list" ? "list" : "timeline");
      link?.viewSwitched();
    }),
  );
  function showOnTimeline(eventId: string): void {
    setView("timeline");
    timeline.select(eventId);
  }

  const filterBar = createFilterBar(byId("filters"), facetOptions(dataset));
  const haystacks = events.map(searchText);
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
    matches = searchEvents(haystacks, query);
    timeline.setFilter(include);
    timeline.setMatches(matches);
    filterBar.setStatus(describe());
    renderList();
    link?.filtersChanged(query !== lastQuery);
    lastQuery = query;
  });
  renderList();
  setView("timeline");
  const known = {
    events: new Set(events.map((e) => e.id)),
    lanes: new Set(dataset.lanes.map((l) => l.id)),
    articles: new Set(dataset.articles.map((a) => a.id)),
    actors: new Set(events.flatMap((e) => e.actors)),
    topics: new Set(events.flatMap((e) => e.topics)),
  };
  link = syncWithUrl({
    timeline,
    filterBar,
    known,
    getView: () => view,
    setView,
  });
  renderAlerts(byId("alerts"), issues, rejectedEvents, [...notices, ...link.notices]);
  createExportMenu(timeline, dataset, () => events.filter((_, e) => (include?.[e] ?? 1) === 1), []);

  // Exposed for browser tests and the console: read-only view state and selection.
  (window as unknown as { timeline: typeof timeline }).timeline = timeline;
  document.documentElement.dataset["ready"] = "true";
}

void main();
