import "./styles/timeline.css";
import type { Timeline } from "./app/createTimeline";
import { dataLocation, resolveArticleUrl } from "./app/dataLocation";
import { initFileOpening } from "./app/fileOpening";
import { mountDataset } from "./app/mountDataset";
import { initShortcutsHelp } from "./app/shortcutsHelp";
import { initTheme } from "./app/theme";
import { loadAnyFormat } from "./data/loadAnyFormat";

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
  const loaded = await loadAnyFormat(
    location.url,
    (url) => (url === location.url ? fetchDataset(url) : fetchText(url)),
    resolveArticleUrl,
    displayName,
  );
  let mounted = mountDataset(loaded, notices);
  expose(mounted.timeline);
  initFileOpening(async (file) => {
    const text = await file.text();
    const local = await loadAnyFormat(
      file.name,
      (where) =>
        where === file.name
          ? Promise.resolve(text)
          : Promise.reject(new Error("a file opened from your computer cannot reach its article files")),
      (_, articleFile) => articleFile,
      file.name,
    );
    // The address no longer describes this data: drop ?data= and the old dataset's view.
    history.replaceState(null, "", window.location.pathname);
    mounted.dispose();
    mounted = mountDataset(local, [
      `Showing ${file.name} from your computer (read in this browser, not uploaded).`,
    ]);
    expose(mounted.timeline);
  });
  document.documentElement.dataset["ready"] = "true";
}

/** Exposed for browser tests and the console: read-only view state and selection. */
function expose(timeline: Timeline): void {
  (window as unknown as { timeline: Timeline }).timeline = timeline;
}

void main();
