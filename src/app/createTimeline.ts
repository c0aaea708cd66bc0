import type { Dataset, TimelineEvent } from "../data/types";
import { listenForKeys } from "../interact/keyboard";
import { listenForPointer } from "../interact/pointer";
import { createTimeZoom, type TimeZoom } from "../interact/zoom";
import { buildEventIndex, NOT_INDEXED, type EventIndex } from "../model/eventIndex";
import { hitTest } from "../model/hitTest";
import { labelCache } from "../model/labelCache";
import type { MeasureText } from "../model/truncateLabel";
import { reportCount } from "../model/reportingStatus";
import { fitDomain, focusDomain, HOUR_MS, padDomain, type Domain } from "../model/timeDomain";
import { detailTarget, initialView } from "../model/viewState";
import { createChartDom, type ChartDom } from "../render/chartDom";
import { setText } from "../render/dom";
import { createDetailCard, type DetailCard } from "../render/detailCard";
import type { OpenSource } from "../render/eventDetail";
import { timelineCommands, type TimelineCommands } from "./commands";
import { frameScheduler } from "./frame";
import { erasOnDemand } from "./erasOnDemand";
import { createFrameStep, type FrameStep } from "./frameStep";
import { labelMeasure } from "./measureText";
import { watchPage } from "./pageWatchers";
import { timelineHandle } from "./timelineHandle";
import { createViewStore, type ViewStore } from "./viewStore";

/** The narrowest window a reader can zoom to. */
const MIN_SPAN_MS = 2 * HOUR_MS;

export interface TimelineOptions {
  /** Opens an article at a quote (the source reader). */
  readonly onOpenSource?: OpenSource;
  /** Opens an article from its publication mark on the axis. */
  readonly onOpenArticle?: (articleId: string) => void;
  /** Called after a render that changed the visible window or the selected (pinned) event. */
  readonly onViewChange?: (changed: { window: boolean; selection: boolean }) => void;
  /** Aborted when the timeline is replaced: detaches its page-level listeners. */
  readonly signal?: AbortSignal;
  /** The events' time index, if already built (by the loading worker); built here otherwise. */
  readonly index?: EventIndex;
}

/**
 * Mounts the interactive timeline for a validated dataset into `container`: wiring only. The view
 * state has one writer (the store); a frame draws it (frameStep); keys, buttons and clicks run
 * commands; d3-zoom turns gestures into windows.
 */
export function createTimeline(container: HTMLElement, dataset: Dataset, options: TimelineOptions = {}) {
  const { events, lanes } = dataset;
  const laneIds = lanes.map((l) => l.id);
  let index: EventIndex = indexFor(events, laneIds, options.index);
  // Bounds come from all events, so filtering never moves or loses the time window.
  const full = fitDomain(index.startMs, index.maxEndMs);
  const limits = { bounds: padDomain(full, 0.25), minSpanMs: MIN_SPAN_MS };
  const dom = createChartDom(container, dataset.title, dataset.description);
  const measure = labelMeasure();
  const card = createDetailCard(dom.tooltip, dom.viewport, dataset, options.onOpenSource);
  const store = createViewStore(initialView(focusDomain(index.startMs, index.maxEndMs)), () =>
    frame.invalidate(),
  );
  const focusInside = () => dom.marks.node()?.contains(document.activeElement) ?? false;
  // A screen reader hears where a zoom ended, not each frame.
  const announce = debounced((text: string) => setText(dom.live, text), 600);

  const zoom = createTimeZoom(
    dom.viewport,
    limits,
    (domain) => store.dispatch({ type: "show", domain }),
    () => (step.relayout(), frame.invalidate()),
  );
  const step = createFrameStep({
    dom,
    dataset,
    card,
    measure,
    fitLabel: fittedLabels(events, measure),
    onOpenArticle: options.onOpenArticle,
    panning: () => zoom.panning,
    announce,
    eras: erasOnDemand(dom, dataset.eras, measure, () => (step.relayout(), frame.invalidate())),
  });
  const reporting = reportingStep(store, step, () => index, focusInside, options.onViewChange ?? (() => {}));
  const frame = frameScheduler(() => (reporting(), details.track()));

  const focusMark = (e: number) => {
    const mark = markOf(dom, events[e]!.id);
    mark?.focus();
    return mark !== undefined;
  };
  const details = detailsLayer(container, dom, store, focusMark, () => frame.flush());
  const commands = timelineCommands({
    store,
    zoom,
    step,
    events,
    limits,
    full,
    index: () => index,
    flush: frame.flush,
    focusInside,
    focusMark,
  });

  wireInput({
    container,
    dom,
    store,
    step,
    commands,
    card,
    full,
    closeDetails: details.close,
    invalidate: frame.invalidate,
  });

  watchPage(options.signal, () => (step.redrawAll(), frame.invalidate()));
  followSize(dom, zoom, store, frame.flush, options.signal);
  rehearseDetails(store, step, frame.flush);

  return timelineHandle({
    dom,
    dataset,
    store,
    step,
    commands,
    index: () => index,
    details,
    setIndex(include) {
      index = buildEventIndex(events, laneIds, include);
      store.dispatch({ type: "filtered", kept: (e) => index.rank[e] !== NOT_INDEXED });
      frame.invalidate();
    },
  });
}

export type Timeline = ReturnType<typeof createTimeline>;

/** The given index if it is of these events (a worker's is of the list it sent, in order), else a new one. */
const indexFor = (events: readonly TimelineEvent[], laneIds: readonly string[], given?: EventIndex) =>
  given?.rank.length === events.length ? given : buildEventIndex(events, laneIds);

/** Event labels fitted to a width; corroborated events say so ("· 2 sources"), the details list each. */
function fittedLabels(events: readonly TimelineEvent[], measure: MeasureText) {
  return labelCache(
    (e) => events[e]!.title,
    measure,
    (e) => (reportCount(events[e]!) > 1 ? ` \u00b7 ${reportCount(events[e]!)} sources` : ""),
  );
}

/** A frame: draws the state, then tells the page (the address, the list) what changed since the last. */
function reportingStep(
  store: ViewStore,
  step: FrameStep,
  index: () => EventIndex,
  focusInside: () => boolean,
  onViewChange: (changed: { window: boolean; selection: boolean }) => void,
): () => void {
  let reported: { domain: unknown; selected: number | undefined } | undefined;
  return () => {
    const { state } = store;
    step.step(state, index(), detailTarget(state, focusInside()));
    const selected = state.pinned?.type === "event" ? state.pinned.event : undefined;
    const window = reported !== undefined && reported.domain !== state.domain;
    const selection = reported !== undefined && reported.selected !== selected;
    reported = { domain: state.domain, selected };
    if (window || selection) onViewChange({ window, selection });
  };
}

/**
 * The details card as a layer Escape closes (see escapeLayers): "card" when pinned, "glance" on
 * hover or focus. Closing returns focus to the event the details belong to, as a dialog returns it
 * to its opener; focus moves first, since moving it onto another mark would show that mark's
 * glance again after the dismiss.
 */
function detailsLayer(
  container: HTMLElement,
  dom: ChartDom,
  store: ViewStore,
  focusMark: (event: number) => boolean,
  flush: () => void,
) {
  // When the card was pinned: a popover opened after it is closed before it (see model/layers).
  let pinned: { target: unknown; at: number } = { target: undefined, at: 0 };
  return {
    get layer(): "card" | "glance" | undefined {
      if (dom.tooltip.hidden) return undefined;
      return store.state.pinned === undefined ? "glance" : "card";
    },
    openedAt: () => pinned.at,
    /** Called each frame: notes when the pinned target changed. */
    track(): void {
      if (store.state.pinned !== pinned.target)
        pinned = { target: store.state.pinned, at: performance.now() };
    },
    close(): void {
      const { pinned: target, focused } = store.state;
      const owner = target?.type === "event" ? target.event : focused;
      const inCard = dom.tooltip.contains(document.activeElement);
      if ((owner === undefined || !focusMark(owner)) && inCard) container.focus();
      store.dispatch({ type: "dismiss" });
      flush();
    },
  };
}

/** An event's mark, if drawn. */
const markOf = (dom: ChartDom, id: string) =>
  dom.marks.select<SVGGElement>(`g.event[data-event-id="${CSS.escape(id)}"]`).node() ?? undefined;

/**
 * Keeps the view's size that of the plot box: its width, and the height limit its lanes share
 * out (the box's own height follows the lanes, so it is not what they may fill).
 */
function followSize(
  dom: ChartDom,
  zoom: TimeZoom,
  store: ViewStore,
  flush: () => void,
  signal: AbortSignal | undefined,
): void {
  const resize = () => {
    const widthPx = Math.max(240, Math.floor(dom.viewport.clientWidth));
    const limit = parseFloat(getComputedStyle(dom.viewport).maxHeight);
    const heightPx = Math.max(200, Math.floor(Number.isFinite(limit) ? limit : dom.viewport.clientHeight));
    if (widthPx === store.state.widthPx && heightPx === store.state.heightPx) return;
    zoom.resize(widthPx, heightPx, store.state.domain);
    store.dispatch({ type: "resize", widthPx, heightPx });
    flush();
  };
  new ResizeObserver(resize).observe(dom.viewport);
  window.addEventListener("resize", resize, { signal });
  resize();
}

/** `fn` called once calls stop coming for `ms`. */
function debounced<T>(fn: (value: T) => void, ms: number): (value: T) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (value) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(value), ms);
  };
}

/**
 * The first details shown after loading took ~5 ms more than any later ones (code and style run
 * for the first time). When the page is first idle, an event is hovered and unhovered within one
 * task: nothing is painted or announced, and the first real hover is as quick as the rest.
 */
function rehearseDetails(store: ViewStore, step: FrameStep, flush: () => void): void {
  (window.requestIdleCallback ?? setTimeout)(() => {
    const mark = step.layout?.marks[0];
    if (mark === undefined || store.state.hovered !== undefined || store.state.pinned !== undefined) return;
    store.dispatch({ type: "hover", hit: { type: "event", mark } });
    flush();
    store.dispatch({ type: "hover", hit: undefined });
    flush();
  });
}

interface WiringContext {
  readonly container: HTMLElement;
  readonly dom: ChartDom;
  readonly store: ViewStore;
  readonly step: FrameStep;
  readonly commands: TimelineCommands;
  readonly card: DetailCard;
  readonly full: Domain;
  closeDetails(): void;
  invalidate(): void;
}

/** Keys, pointer, the details card's buttons and the control bar → actions and commands. */
function wireInput(ctx: WiringContext): void {
  const { dom, store, step, commands, card } = ctx;
  listenForKeys(ctx.container, commands.act);
  listenForPointer({
    svg: dom.svg,
    marks: dom.marks.node()!,
    hitAt(clientX, clientY, radiusPx) {
      const layout = step.layout;
      const rect = dom.svg.getBoundingClientRect();
      // In the layout's coordinates: the drawing may have slid since it was laid out (a drag).
      const px = clientX - rect.left - step.shiftPx;
      const py = clientY - rect.top;
      return layout && hitTest(layout.marks, layout.clusters, px, py, radiusPx);
    },
    dispatch: store.dispatch,
    togglePin: (e) => store.dispatch({ type: "toggle-pin", event: e }),
    expandCluster: commands.expandCluster,
    pinned: () => store.state.pinned !== undefined,
    focusLeft: ctx.invalidate,
  });
  card.onClose(ctx.closeDetails);
  card.onSelect((e) => {
    store.dispatch({ type: "pin", target: { type: "event", event: e } });
    commands.focusEvent(e);
  });
  dom.zoomIn.addEventListener("click", () => commands.zoomBy(2));
  dom.zoomOut.addEventListener("click", () => commands.zoomBy(0.5));
  dom.fit.addEventListener("click", () => commands.show(ctx.full, true));
  dom.earlier.addEventListener("click", () => commands.showBeyond(-1));
  dom.later.addEventListener("click", () => commands.showBeyond(1));
}
