import type { Timeline } from "./app/createTimeline";
import { dataLocation } from "./app/dataLocation";
import { initFileOpening } from "./app/fileOpening";
import { labelMeasure } from "./app/measureText";
import { mountDataset, MOUNT_IN_STEPS_FROM } from "./app/mountDataset";
import { initShortcutsHelp } from "./app/shortcutsHelp";
import { createEscapeLayers } from "./app/escapeLayers";
import { readInlineDataset } from "./app/inlineDataset";
import { initTheme } from "./app/theme";
import { checkedHere, type CheckedFile, type LoadRequest } from "./app/worker/loadProtocol";
import type { EarlyFetch } from "./app/loadGuard";
import type { Domain } from "./model/timeDomain";
import { formatDay } from "./model/formatDate";
import { timeScale } from "./model/timeScale";
import { formatTick } from "./model/timeTicks";
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
  const bundled = location.ok && location.custom ? undefined : readInlineDataset(document);
  const inline = bundled && checkedHere(bundled);
  if (inline !== undefined) performance.mark("timeline:data-arrived");
  const loading: Promise<Loaded> | Loaded = inline
    ? { checked: inline, chosen: undefined }
    : loadFile({ location: location.url, displayName }, undefined, startFetch(location.url));
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
  const { checked: loaded, chosen } = await loading;
  await nextTaskIfLarge(loaded);
  let mounted: ReturnType<typeof mountDataset> | undefined;
  let shown: { checked: CheckedFile; notices: readonly string[]; request: LoadRequest | undefined } = {
    checked: loaded,
    notices,
    request: inline ? undefined : { location: location.url, displayName },
  };
  /**
   * Shows a checked file; its Retry (a stalled or cancelled download) loads the same request again.
   * `window`: the one the reader zoomed to while it loaded.
   */
  const mount = (view: typeof shown, window?: Domain) => {
    mounted?.dispose();
    const { request } = view;
    mounted = mountDataset(
      view.checked,
      view.notices,
      layers,
      request && (() => void open(request, view.notices)),
    );
    if (window) mounted.timeline.show(window, false);
    expose(mounted.timeline);
  };
  /**
   * Loads a file in place of the one shown, in this page (no reload). The file asked for last wins;
   * a cancelled one leaves the data shown as it was (see loadGuard.ts).
   */
  async function open(request: LoadRequest, fileNotices: readonly string[]): Promise<void> {
    // Already loaded (loadFile's chunk brings it): this only waits a microtask, so loads begin in order.
    const ticket = (await import("./app/loadGuard")).beginLoad();
    const { checked, chosen } = await loadFile(request, () => ticket.current);
    await nextTaskIfLarge(checked);
    if (!ticket.current) return ticket.cancelled ? mount(shown) : undefined;
    // A file from the computer: the address no longer describes the data; drop ?data= and its view.
    if (request.file) history.replaceState(null, "", window.location.pathname);
    shown = { checked, notices: fileNotices, request };
    mount(shown, chosen);
  }
  mount(shown, chosen);
  // Ready once the notes the data needs are shown too (their code loads only when there are some).
  await mounted?.notesShown;
  initFileOpening((file) =>
    open({ location: file.name, displayName: file.name, file }, [
      `Showing ${file.name} from your computer (read in this browser, not uploaded).`,
    ]),
  );
  document.documentElement.dataset["ready"] = "true";
}

/** Exposed for browser tests and the console: read-only view state and selection. */
function expose(timeline: Timeline): void {
  (window as unknown as { timeline: Timeline }).timeline = timeline;
}

/**
 * Loads and checks a file other than the bundled story. The loader (parsers for every format and the
 * validator) is a chunk of its own: the bundled story comes checked in the page and never needs it.
 */
async function loadFile(
  request: LoadRequest,
  current: () => boolean = () => true,
  early?: EarlyFetch,
): Promise<Loaded> {
  const [{ loadSource }, { initCancelButton }, { createLoadingPreview }] = await Promise.all([
    import("./app/worker/loadSource"),
    import("./app/loadGuard"),
    import("./app/loadingPreview"),
  ]);
  initCancelButton();
  // A load that is no longer the one asked for last shows nothing: it would cover the data shown.
  const preview = createLoadingPreview(byId("timeline"), { timeScale, formatTick, formatDay });
  const checked = await loadSource(request, (update) => current() && preview.update(update), early);
  return { checked, chosen: preview.chosen };
}

/**
 * A large file is drawn in a task after the one that received it: taking in the worker's result (and
 * stopping the worker) and drawing 100,000 events made one task of ~250–270 ms.
 */
function nextTaskIfLarge(checked: CheckedFile): Promise<void> | undefined {
  if (checked.dataset.events.length < MOUNT_IN_STEPS_FROM) return undefined;
  return new Promise((resolve) => setTimeout(resolve));
}

/** Requests the data file at once, while the loader's code is still on its way (see EarlyFetch). */
function startFetch(url: string): EarlyFetch {
  const aborter = new AbortController();
  return { url, aborter, response: fetch(url, { signal: aborter.signal }) };
}

/** A checked file, and the window the reader chose while it loaded (see loadingPreview). */
interface Loaded {
  readonly checked: CheckedFile;
  readonly chosen: Domain | undefined;
}

void main();
