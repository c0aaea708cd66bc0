import "./styles/timeline.css";
import { createTimeline } from "./app/createTimeline";
import { dataLocation, resolveArticleUrl } from "./app/dataLocation";
import { loadDataset } from "./data/loadDataset";
import { renderAlerts } from "./render/alerts";
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

async function main(): Promise<void> {
  const location = dataLocation(window.location.search, window.location.href);
  const notices = location.ok ? [] : [location.message];
  const displayName =
    location.ok && location.custom ? decodeURIComponent(new URL(location.url).pathname) : "events.json";
  const { dataset, issues } = await loadDataset(location.url, fetchText, resolveArticleUrl, displayName);

  renderHeader(dataset, {
    title: byId("title"),
    description: byId("description"),
    meta: byId("meta"),
    sources: byId("sources"),
  });
  const eventRecords = issues
    .filter((i) => i.severity === "error" && i.path.startsWith("events["))
    .map((i) => i.path);
  renderAlerts(byId("alerts"), issues, new Set(eventRecords).size, notices);
  renderLegend(byId("legend"), dataset.lanes);
  const container = byId("timeline");
  const timeline = createTimeline(container, dataset);
  container.removeAttribute("aria-busy");
  // Exposed for browser tests and the console: read-only view state.
  (window as unknown as { timeline: typeof timeline }).timeline = timeline;
  document.documentElement.dataset["ready"] = "true";
}

void main();
