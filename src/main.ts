import type { Timeline } from "./app/createTimeline";
import { dataLocation } from "./app/dataLocation";
import { initFileOpening } from "./app/fileOpening";
import { beginLoad, initCancelButton } from "./app/loadGuard";
import { labelMeasure } from "./app/measureText";
import { mountDataset } from "./app/mountDataset";
import { initShortcutsHelp } from "./app/shortcutsHelp";
import { createEscapeLayers } from "./app/escapeLayers";
import { readInlineDataset } from "./app/inlineDataset";
import { initTheme } from "./app/theme";
import type { LoadProgress, LoadRequest } from "./app/worker/loadProtocol";
import type { LoadedAnyFormat } from "./data/loadAnyFormat";
import { groupDigits } from "./model/groupDigits";
import { byId } from "./render/dom";
import { openKeyForPrint } from "./render/legend";

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
  // Loading starts first: a file is fetched (and checked as it arrives) while the page sets itself up.
  const location = dataLocation(window.location.search, window.location.href);
  const notices = location.ok ? [] : [location.message];
  const displayName =
    location.ok && location.custom ? decodeURIComponent(new URL(location.url).pathname) : "events.json";
  // The bundled data comes checked, in the page itself (see scripts/lib/inlineBundledData.ts).
  const inline = location.ok && location.custom ? undefined : readInlineDataset(document);
  if (inline !== undefined) performance.mark("timeline:data-arrived");
  initCancelButton();
  const loading = inline ?? loadFile({ location: location.url, displayName });
  initEmbed();
  initTheme(byId<HTMLButtonElement>("theme-toggle"));
  openKeyForPrint(byId<HTMLDetailsElement>("legend"));
  // One Escape rule for the page: each press closes the topmost open layer (see escapeLayers).
  const layers = createEscapeLayers();
  initShortcutsHelp(
    byId<HTMLDialogElement>("shortcuts"),
    byId<HTMLButtonElement>("shortcuts-button"),
    layers,
  );
  // Before the first layout: load the labels' font, so that layout does not wait for it.
  labelMeasure()("Loading");
  const loaded = await loading;
  let mounted = mountDataset(loaded, notices, layers);
  let shown = loaded;
  expose(mounted.timeline);
  initFileOpening(async (file) => {
    const ticket = beginLoad();
    const local = await loadFile({ location: file.name, displayName: file.name, file });
    // The file chosen last wins; a cancelled one leaves the data shown as it was (see loadGuard.ts).
    if (!ticket.current) {
      if (!ticket.cancelled) return;
      mounted.dispose();
      mounted = mountDataset(shown, [], layers);
      return expose(mounted.timeline);
    }
    shown = local;
    // The address no longer describes this data: drop ?data= and the old dataset's view.
    history.replaceState(null, "", window.location.pathname);
    mounted.dispose();
    mounted = mountDataset(
      local,
      [`Showing ${file.name} from your computer (read in this browser, not uploaded).`],
      layers,
    );
    expose(mounted.timeline);
  });
  document.documentElement.dataset["ready"] = "true";
}

/** While a dataset loads, the timeline area says how far the check has got (index.html starts it). */
function showProgress({ checked, total }: LoadProgress): void {
  const container = document.getElementById("timeline");
  if (container === null) return;
  container.setAttribute("aria-busy", "true");
  let status = container.querySelector<HTMLElement>(".loading");
  if (status === null) {
    status = document.createElement("p");
    status.className = "loading";
    status.setAttribute("role", "status");
    container.replaceChildren(status);
  }
  status.textContent = `Checking events: ${groupDigits(checked)}${total === undefined ? "" : ` of ${groupDigits(total)}`}\u2026`;
}

/** Exposed for browser tests and the console: read-only view state and selection. */
function expose(timeline: Timeline): void {
  (window as unknown as { timeline: Timeline }).timeline = timeline;
}

/**
 * Loads and checks a file other than the bundled story. The loader (parsers for every format and the
 * validator) is a chunk of its own: the bundled story comes checked in the page and never needs it.
 */
async function loadFile(request: LoadRequest): Promise<LoadedAnyFormat> {
  const { loadSource } = await import("./app/worker/loadSource");
  return loadSource(request, showProgress);
}

void main();
