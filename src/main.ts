import "./styles/timeline.css";
import { createTimeline } from "./app/createTimeline";
import { dataLocation, resolveArticleUrl } from "./app/dataLocation";
import { createSourceReader } from "./app/sourceReader";
import { loadDataset } from "./data/loadDataset";
import { facetOptions } from "./model/facetOptions";
import { filterEvents, isFiltering, searchEvents, searchText } from "./model/filterEvents";
import { renderAlerts } from "./render/alerts";
import { createFilterBar } from "./render/filterBar";
import { renderHeader } from "./render/header";
import { renderLegend } from "./render/legend";

function byId(id: string): HTMLElement {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`index.html is missing #${id}`);
  return node;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
}

const count = (mask: Uint8Array | undefined, total: number) =>
  mask === undefined ? total : mask.reduce((n, v) => n + v, 0);

async function main(): Promise<void> {
  const location = dataLocation(window.location.search, window.location.href);
  const notices = location.ok ? [] : [location.message];
  const displayName =
    location.ok && location.custom ? decodeURIComponent(new URL(location.url).pathname) : "events.json";
  const { dataset, issues, texts, rejectedEvents } = await loadDataset(
    location.url,
    fetchText,
    resolveArticleUrl,
    displayName,
  );

  const reader = createSourceReader(byId("source-reader"), dataset, texts, (eventId) =>
    timeline.select(eventId),
  );
  const openArticle = (articleId: string) => reader.open(articleId);
  renderHeader(
    dataset,
    { title: byId("title"), description: byId("description"), meta: byId("meta"), sources: byId("sources") },
    openArticle,
  );
  renderAlerts(byId("alerts"), issues, rejectedEvents, notices);
  renderLegend(byId("legend"), dataset.lanes);

  const container = byId("timeline");
  const timeline = createTimeline(container, dataset, {
    onOpenSource: (articleId, quote, eventId) => reader.open(articleId, quote, eventId),
    onOpenArticle: openArticle,
  });
  container.removeAttribute("aria-busy");

  const filterBar = createFilterBar(byId("filters"), facetOptions(dataset));
  const haystacks = dataset.events.map(searchText);
  const total = dataset.events.length;
  const describe = (include: Uint8Array | undefined, matches: Uint8Array | undefined) => {
    const shown = count(include, total);
    const matching =
      matches === undefined
        ? undefined
        : dataset.events.reduce((n, _, e) => n + (matches[e]! & (include?.[e] ?? 1)), 0);
    return `Showing ${shown} of ${total} events${matching === undefined ? "" : ` \u00b7 ${matching} match${matching === 1 ? "es" : ""} the search`}`;
  };
  filterBar.setStatus(describe(undefined, undefined));
  filterBar.onChange((filters, query) => {
    const include = isFiltering(filters) ? filterEvents(dataset.events, filters) : undefined;
    const matches = searchEvents(haystacks, query);
    timeline.setFilter(include);
    timeline.setMatches(matches);
    filterBar.setStatus(describe(include, matches));
  });

  // Exposed for browser tests and the console: read-only view state and selection.
  (window as unknown as { timeline: typeof timeline }).timeline = timeline;
  document.documentElement.dataset["ready"] = "true";
}

void main();
