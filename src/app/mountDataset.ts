import type { Dataset, TimelineEvent } from "../data/types";
import { facetOptions } from "../model/facetOptions";
import type { OpenSource } from "../render/eventDetail";
import { renderHeader } from "../render/header";
import { markKinds, renderLegend, showMarkKinds } from "../render/legend";
import { byId } from "../render/dom";
import { createTimeline, type Timeline } from "./createTimeline";
import { detailLayers, popoverLayer, type EscapeLayers } from "./escapeLayers";
import { wireEventViews, type EventViews } from "./eventViews";
import { fresh } from "./fresh";
import { createExportMenu } from "./exportMenu";
import { showDataNotes } from "./dataNotesOnDemand";
import { syncWithUrl } from "./linkState";
import { watchPrint } from "./printView";
import { readerOnDemand } from "./readerOnDemand";
import type { CheckedFile } from "./worker/loadProtocol";

/**
 * Builds everything that depends on a dataset: header, legend, timeline, list view, filters, source
 * reader, export menu and link state. Calling it again (for a file the reader opens) replaces it all;
 * call the previous result's dispose() first to detach its page-level listeners. `retry` loads the
 * same file again, for the Retry button of a download that stalled or was cancelled.
 */
export function mountDataset(
  loaded: CheckedFile,
  notices: readonly string[],
  layers: EscapeLayers,
  retry?: () => void,
): { timeline: Timeline; notesShown: Promise<void>; dispose(): void } {
  const { dataset, pages } = loaded;
  const disposer = new AbortController();
  const signal = disposer.signal;
  const { events } = dataset;
  // Assigned once the page is built; changes made while building (and while applying a link) are
  // not history (the callbacks that run while building find it unset).
  let link: ReturnType<typeof syncWithUrl> | undefined;
  // The list, the phone's cards and the switch between views, once the rest of the page is set up.
  let views: EventViews | undefined;

  const reader = sourceReaderFor(
    dataset,
    pages,
    (eventId) => showOnTimeline(eventId),
    () => container,
  );
  const openSource: OpenSource = (articleId, quote, eventId) => reader.open(articleId, quote, eventId);
  const openArticle = (articleId: string) => reader.open(articleId);
  const container = fresh("timeline");
  const timeline = createTimeline(container, dataset, {
    onOpenSource: openSource,
    onOpenArticle: openArticle,
    onViewChange: (changed) => link?.windowOrSelectionChanged(changed),
    signal,
    index: loaded.index,
  });
  container.removeAttribute("aria-busy");

  performance.mark("timeline:first-render");

  function showOnTimeline(eventId: string): void {
    views?.switcher.set("timeline");
    if (views?.switcher.cards) views.cards.reveal(eventId);
    else timeline.select(eventId);
  }

  /** Everything but the chart: header, list, phone cards, filters, print, link, notes and export. */
  const wireRest = (): Promise<void> => {
    const facets = facetOptions(dataset);
    renderMasthead(dataset, facets, openArticle, signal);
    const { switcher, listed, filterBar, included } = (views = wireEventViews({
      dataset,
      timeline,
      chart: container,
      facets,
      openSource,
      showOnTimeline,
      onSwitched: () => link?.viewSwitched(),
      onFiltered: (queryChanged) => link?.filtersChanged(queryChanged),
      signal,
    }));
    watchPrint({ timeline, dataset, target: fresh("print-chart"), listed: listed.listed, signal });
    link = syncWithUrl({
      timeline,
      filterBar,
      known: knownValues(dataset),
      getView: () => switcher.view,
      setView: switcher.set,
      signal,
    });
    const notesShown = showDataNotes(byId("alerts"), loaded, [...notices, ...link.notices], retry, signal);
    const exportMenu = exportMenuFor(timeline, dataset, included);

    // Escape closes one of these per press, the topmost (see escapeLayers).
    const escapable = [
      readerLayer(reader),
      ...detailLayers(timeline.details),
      popoverLayer(filterBar.popover),
    ];
    for (const layer of [...escapable, popoverLayer(exportMenu)]) layers.register(layer, signal);
    return notesShown;
  };

  // A large dataset's chart is drawn in a task of its own, and the rest set up in the next: as one
  // task, 100,000 events held the page's thread for ~250–450 ms. (A small one has it all at once,
  // so its first paint shows the whole page.)
  const notesShown =
    events.length < MOUNT_IN_STEPS_FROM
      ? wireRest()
      : new Promise<void>((resolve) => setTimeout(resolve)).then(() =>
          signal.aborted ? undefined : wireRest(),
        );
  return { timeline, notesShown, dispose: () => disposer.abort() };
}

/**
 * From this many events, a dataset is mounted over several tasks: it is drawn a task after the one
 * that received it (main.ts), and the rest of the page is set up a task after the chart. At 10,000
 * events, finishing the check, drawing and setting up in one task took 104–182 ms in a reader's
 * Chromium; in three, none was over 100 ms in 3 loads of 4 (the page's first paint then shows the
 * chart a frame before its filters and list).
 */
export const MOUNT_IN_STEPS_FROM = 5_000;

/** The source reader of this dataset's articles (its code loads when an article is first opened). */
function sourceReaderFor(
  dataset: Dataset,
  pages: ReadonlyMap<string, readonly string[]>,
  showOnTimeline: (eventId: string) => void,
  chart: () => HTMLElement,
) {
  const panel = fresh("source-reader");
  return readerOnDemand(panel, (createSourceReader) =>
    createSourceReader(
      panel,
      dataset,
      pages,
      showOnTimeline,
      // What opened the reader may be gone (its card rebuilt for another event): the pinned card's
      // own "Read in the article", else the event the timeline's focus rests on.
      () => chart().querySelector(".tooltip.pinned .read-source, g.event[tabindex='0']"),
    ),
  );
}

const readerLayer = (reader: ReturnType<typeof readerOnDemand>) =>
  ({ kind: "reader", isOpen: () => reader.isOpen, close: reader.close }) as const;

/** Title, description, sources and the key: what the page says about the dataset. */
function renderMasthead(
  dataset: Dataset,
  facets: ReturnType<typeof facetOptions>,
  openArticle: (id: string) => void,
  signal: AbortSignal,
) {
  renderHeader(
    dataset,
    { title: byId("title"), description: byId("description"), meta: byId("meta"), sources: fresh("sources") },
    openArticle,
    new Map(facets.articles.map((a) => [a.value, a.count])),
  );
  renderLegend(byId("legend-lanes"), dataset.lanes);
  showMarkKinds(byId("legend-keys"), markKinds(dataset));
  // The title slide's rich text and media (TimelineJS), with the sanitiser, only for data that has them.
  for (const earlier of document.querySelectorAll(".description-rich, .title-media")) earlier.remove();
  byId("description").hidden = false;
  if (dataset.descriptionHtml !== undefined || dataset.media !== undefined)
    void import("../render/detailExtras").then(
      (extras) => signal.aborted || extras.fillDatasetExtras(dataset, byId("description"), byId("sources")),
    );
}

/** The ids and names a link may refer to; events, actors and topics built when a link first asks. */
function knownValues(dataset: Dataset) {
  const { events } = dataset;
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
  return known;
}

/** The export menu: the chart as a picture, and the events the filters keep (`included`) as data. */
function exportMenuFor(timeline: Timeline, dataset: Dataset, included: () => Uint8Array | undefined) {
  return createExportMenu(
    timeline,
    dataset,
    () => dataset.events.filter((_, e) => (included()?.[e] ?? 1) === 1),
    exportFormats(dataset),
  );
}

/** What the export menu writes besides images: the shown events as CSV and as JSON. */
function exportFormats(dataset: Dataset) {
  const subset = (shown: readonly TimelineEvent[]) => ({ ...dataset, events: shown });
  return [
    {
      label: "Events as CSV",
      fileName: "events.csv",
      type: "text/csv",
      // The writers load on first use: most readers never export.
      serialize: async (shown: readonly TimelineEvent[]) =>
        (await import("../data/formats/csv")).datasetToCsv(subset(shown)),
    },
    {
      label: "Events as JSON",
      fileName: "events.json",
      type: "application/json",
      serialize: async (shown: readonly TimelineEvent[]) => {
        const { datasetToJson } = await import("../data/formats/toJson");
        return `${JSON.stringify(datasetToJson(subset(shown)), null, 2)}\n`;
      },
    },
  ];
}
