import type { Dataset } from "../data/types";
import { createTimeZoom } from "../interact/zoom";
import { type KeyAction } from "../interact/keyboard";
import { describeRange } from "../model/describeRange";
import { buildEventIndex, NOT_INDEXED, visibleRange, type EventIndex } from "../model/eventIndex";
import type { Hit } from "../model/hitTest";
import { endOfTime, stepAcrossLanes, stepInTime } from "../model/keyboardNav";
import { labelCache } from "../model/labelCache";
import { clusterCentre, holdsMatch, layoutMarks, listsAllMembers, type Layout } from "../model/layoutMarks";
import { reportCount } from "../model/reportingStatus";
import { clampDomain, fitDomain, focusDomain, HOUR_MS, padDomain, type Domain } from "../model/timeDomain";
import { renderAxis } from "../render/axis";
import { setAttr, setText } from "../render/dom";
import { formatContext } from "../model/timeTicks";
import type { OpenSource } from "../render/eventDetail";
import { renderLanes } from "../render/lanes";
import { clusterPaint, paintClusters, type ClusterPaint } from "../render/clusterCanvas";
import { renderClusters, renderMarks } from "../render/marks";
import { renderPublications } from "../render/publications";
import { AXIS_HEIGHT_PX, createChartDom } from "./chartDom";
import { frameScheduler } from "./frame";
import { labelMeasure } from "./measureText";
import { createTooltip, type TooltipTarget } from "./tooltipController";
import { wireInput } from "./wireInput";

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
}

/** The view state; input handlers change it and invalidate, one render per frame reads it. */
export interface ViewState {
  domain: Domain;
  widthPx: number;
  heightPx: number;
  hovered: Hit | undefined;
  pinned: TooltipTarget | undefined;
  focused: number | undefined;
  /** Escape hides the detail of the focused or hovered event until focus or pointer moves on. */
  dismissed: boolean;
  /** 1 per dataset index for events that match the search; undefined when not searching. */
  matches: Uint8Array | undefined;
  /** How far a drag has slid the drawing right of where it was laid out, in px (see render). */
  shiftPx: number;
}

/** Sets an edge button's text with its arrow hidden from screen readers (the name is the words). */
function edgeLabel(button: HTMLElement, words: string, before: string, after: string): void {
  const arrow = (text: string) => {
    const span = document.createElement("span");
    span.setAttribute("aria-hidden", "true");
    span.textContent = text;
    return span;
  };
  if (button.textContent === `${before}${words}${after}`) return;
  button.replaceChildren(...(words === "" ? [] : [arrow(before), words, arrow(after)]));
}

/** Mounts the interactive timeline for a validated dataset into `container`. */
export function createTimeline(container: HTMLElement, dataset: Dataset, options: TimelineOptions = {}) {
  const { events, lanes } = dataset;
  const laneIds = lanes.map((l) => l.id);
  const laneLabels = lanes.map((l) => l.label);
  let index: EventIndex = buildEventIndex(events, laneIds);
  let filter: Uint8Array | undefined;
  // Bounds come from all events, so filtering never moves or loses the time window.
  const full = fitDomain(index.startMs, index.maxEndMs);
  const bounds = padDomain(full, 0.25);
  const dom = createChartDom(container, dataset.title, dataset.description);
  const measure = labelMeasure();
  const tooltip = createTooltip(dom.tooltip, dom.viewport, dataset, options.onOpenSource);

  const state: ViewState = {
    domain: focusDomain(index.startMs, index.maxEndMs),
    widthPx: 0,
    heightPx: 0,
    hovered: undefined,
    pinned: undefined,
    focused: undefined,
    dismissed: false,
    matches: undefined,
    shiftPx: 0,
  };
  let layout: Layout | undefined;
  // Corroborated events say so in their label; the details list every report.
  const fitLabel = labelCache((e) => {
    const n = reportCount(events[e]!);
    return n > 1 ? `${events[e]!.title} · ${n} sources` : events[e]!.title;
  }, measure);

  const computeLayout = (domain: Domain, keepRows?: readonly number[], marginPx?: number) =>
    layoutMarks({
      events,
      index,
      domain,
      widthPx: state.widthPx,
      laneCount: lanes.length,
      availableHeightPx: state.heightPx - AXIS_HEIGHT_PX,
      measure,
      keepIndividual: state.focused,
      keepRows,
      marginPx,
      fitLabel,
    });

  let reported: { domain: Domain; pinned: number | undefined } | undefined;
  function reportChanges(): void {
    const pinned = state.pinned?.type === "event" ? state.pinned.event : undefined;
    if (reported !== undefined) {
      const window = reported.domain !== state.domain;
      const selection = reported.pinned !== pinned;
      if (window || selection) options.onViewChange?.({ window, selection });
    }
    reported = { domain: state.domain, pinned };
  }

  // What the drawing was laid out for. A frame where none of it changed (hover, pin, Escape) only
  // updates the details, so the tooltip follows the pointer within a frame even with many events.
  let drawn:
    | {
        domain: Domain;
        width: number;
        height: number;
        index: EventIndex;
        focused?: number;
        matches?: Uint8Array;
        marginPx: number;
      }
    | undefined;
  function render(): void {
    const [d0, d1] = state.domain;
    /** How far right the drawing must move to show the window. */
    const shift = () => ((drawn!.domain[0] - d0) * state.widthPx) / (d1 - d0);
    // A drag moves the window, not its span. Its first frame lays out the window as it was, with
    // half a window more on each side (what the window showed stays as it was, see layoutMarks),
    // and the drawing slides along while that covers the window; past it, it is laid out again.
    const marginPx = Math.round(state.widthPx / 2);
    if (
      drawn === undefined ||
      layout === undefined ||
      drawn.width !== state.widthPx ||
      drawn.height !== state.heightPx ||
      drawn.index !== index ||
      drawn.focused !== state.focused ||
      drawn.matches !== state.matches ||
      (drawn.domain !== state.domain &&
        (!zoom.panning || Math.abs((drawn.domain[1] - drawn.domain[0]) / (d1 - d0) - 1) > 1e-9))
    )
      draw(state.domain, 0);
    else if (drawn.domain !== state.domain) {
      const far = Math.abs(shift());
      if (drawn.marginPx === 0 && far <= marginPx) draw(drawn.domain, marginPx);
      else if (far > drawn.marginPx) draw(state.domain, marginPx);
      else readout();
    }
    const slid = shift();
    if (slid !== state.shiftPx) dom.slide((state.shiftPx = slid));
    const target = state.pinned ?? (state.dismissed ? undefined : (hoverTarget() ?? focusTarget()));
    tooltip.update(layout!, target, state.pinned !== undefined, state.shiftPx, AXIS_HEIGHT_PX);
    // The shown details describe their mark, so a screen reader can reach them from it.
    const described = target?.type === "event" && !dom.tooltip.hidden ? target.event : undefined;
    reportChanges();
    if (described !== lastDescribed) {
      lastDescribed = described;
      dom.marks
        .selectAll<SVGGElement, { event: number }>("g.event")
        .attr("aria-describedby", (d) => (d.event === described ? dom.tooltip.id : null));
    }
  }
  let lastDescribed: number | undefined;

  /** Lays out and draws `domain` (with margins: see render) where the window would show it. */
  function draw(domain: Domain, marginPx: number): void {
    const [d0, d1] = domain;
    const k = state.widthPx / (d1 - d0);
    const x = (ms: number) => (ms - d0) * k;
    // While a drag pans, the lanes keep their rows: they do not resize under the pointer; the rows
    // are shared out again, and the margins dropped, when the drag ends.
    const current = computeLayout(domain, zoom.panning ? layout?.geometry.rows : undefined, marginPx);
    const { geometry } = current;
    layout = current;
    drawn = {
      domain,
      width: state.widthPx,
      height: state.heightPx,
      index,
      focused: state.focused,
      matches: state.matches,
      marginPx,
    };
    const heightPx = AXIS_HEIGHT_PX + geometry.heightPx;
    // Written only when they change (as marks are): any write lays the whole chart out again.
    setAttr(dom.svg, "width", state.widthPx);
    setAttr(dom.svg, "height", heightPx);
    setAttr(dom.svg, "viewBox", `0 0 ${state.widthPx} ${heightPx}`);
    const clip = dom.clipRect.node()!;
    setAttr(clip, "width", state.widthPx);
    setAttr(clip, "height", geometry.heightPx);
    renderAxis(dom.axis, dom.grid, domain, x, state.widthPx, geometry.heightPx, marginPx);
    renderPublications(
      dom.publications,
      dom.publicationLines,
      dataset.articles,
      x,
      geometry.heightPx,
      options.onOpenArticle,
    );
    renderLanes(dom.lanes, lanes, geometry, state.widthPx);
    const indexed = state.focused !== undefined && index.rank[state.focused] !== NOT_INDEXED;
    const tabStop = indexed
      ? state.focused
      : current.marks.reduce<number | undefined>(
          (first, m) => (first === undefined || index.rank[m.event]! < index.rank[first]! ? m.event : first),
          undefined,
        );
    renderMarks(dom.marks, current.marks, events, laneLabels, tabStop, state.matches);
    paintClusters(
      dom.clusterLayer,
      current.clusters,
      state.widthPx,
      marginPx,
      (paint ??= clusterPaint(dom.clusterLayer)),
      state.matches,
    );
    readout();
    // Marks were re-joined: the description link is set afresh below.
    lastDescribed = -1;
  }

  /** The window in words, and what lies before and after it. */
  function readout(): void {
    // The axis's context line ("July 2025") names the window too.
    setText(dom.context.node()!, formatContext(state.domain[0], state.domain[1]));
    const range = describeRange(index, state.domain);
    dom.readout.textContent = range.text;
    edgeLabel(dom.earlier, range.earlier > 0 ? `${range.earlier} earlier` : "", "\u25c0 ", "");
    edgeLabel(dom.later, range.later > 0 ? `${range.later} later` : "", "", " \u25b6");
    dom.earlier.hidden = range.earlier === 0;
    dom.later.hidden = range.later === 0;
    announce(range.text);
  }
  const frame = frameScheduler(render);

  // The canvas needs the theme's colours resolved; they are read again when the theme changes.
  let paint: ClusterPaint | undefined;
  const themeChanged = () => {
    paint = undefined;
    drawn = undefined;
    frame.invalidate();
  };
  // Page-level listeners end with the timeline (options.signal), or they would keep it alive.
  const { signal } = options;
  const themeObserver = new MutationObserver(themeChanged);
  themeObserver.observe(document.documentElement, { attributeFilter: ["data-theme"] });
  signal?.addEventListener("abort", () => themeObserver.disconnect());
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", themeChanged, { signal });
  // A new device pixel ratio (browser zoom, another screen) redraws the canvases at its resolution.
  const watchPixelRatio = () =>
    matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener(
      "change",
      () => {
        themeChanged();
        watchPixelRatio();
      },
      { once: true, signal },
    );
  watchPixelRatio();

  let announceTimer: ReturnType<typeof setTimeout> | undefined;
  function announce(text: string): void {
    // Polite and debounced: a screen reader hears where a zoom or pan ended, not every frame of it.
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => {
      if (dom.live.textContent !== text) dom.live.textContent = text;
    }, 600);
  }

  const hoverTarget = (): TooltipTarget | undefined =>
    state.hovered === undefined
      ? undefined
      : state.hovered.type === "event"
        ? { type: "event", event: state.hovered.mark.event }
        : {
            type: "cluster",
            events: state.hovered.cluster.events,
            count: state.hovered.cluster.count,
            last: state.hovered.cluster.last,
          };
  const focusInside = () => dom.marks.node()?.contains(document.activeElement) ?? false;
  const focusTarget = (): TooltipTarget | undefined =>
    state.focused === undefined || !focusInside() ? undefined : { type: "event", event: state.focused };

  const zoom = createTimeZoom(
    dom.svg,
    { bounds, minSpanMs: MIN_SPAN_MS },
    () => state.domain,
    (domain) => {
      state.domain = domain;
      frame.invalidate();
    },
    () => {
      drawn = undefined;
      frame.invalidate();
    },
  );

  function show(domain: Domain, animate: boolean): void {
    zoom.show(clampDomain(domain, bounds, MIN_SPAN_MS), animate);
  }

  /** Pans and, if needed, zooms so the event is drawn on its own with its label. */
  function reveal(e: number): void {
    const event = events[e]!;
    const centre = (event.startMs + event.endMs) / 2;
    const labelled = (d: Domain) => computeLayout(d).marks.some((m) => m.event === e && m.row >= 0);
    let domain = state.domain;
    if (centre < domain[0] || centre > domain[1] || !labelled(domain)) {
      const half = (domain[1] - domain[0]) / 2;
      domain = clampDomain([centre - half, centre + half], bounds, MIN_SPAN_MS);
      for (let i = 0; i < 12 && !labelled(domain); i++) {
        const quarter = (domain[1] - domain[0]) / 4;
        domain = clampDomain([centre - quarter, centre + quarter], bounds, MIN_SPAN_MS);
      }
      show(domain, false);
    }
  }

  function focusMark(e: number): void {
    dom.marks
      .select<SVGGElement>(`g.event[data-event-id="${CSS.escape(events[e]!.id)}"]`)
      .node()
      ?.focus();
  }

  function focusEvent(e: number): void {
    state.focused = e;
    state.dismissed = false;
    reveal(e);
    frame.flush();
    focusMark(e);
    frame.flush();
  }

  function currentEvent(): number | undefined {
    if (state.focused !== undefined) return state.focused;
    const [i0, i1] = visibleRange(index, state.domain[0], state.domain[1]);
    return i1 > i0 ? index.order[i0] : endOfTime(index, "first");
  }

  function togglePin(e: number): void {
    state.pinned =
      state.pinned?.type === "event" && state.pinned.event === e ? undefined : { type: "event", event: e };
    frame.invalidate();
  }

  /** Carries out a keyboard action; false leaves the key to the browser. */
  function act(action: KeyAction): boolean {
    const e = currentEvent();
    switch (action.type) {
      case "step": {
        if (e === undefined) return true;
        const next = focusInside() ? stepInTime(index, e, action.step, events[e]!.startMs) : e;
        if (next !== undefined) focusEvent(next);
        return true;
      }
      case "lane":
        if (e !== undefined) focusEvent(stepAcrossLanes(index, e, action.direction));
        return true;
      case "end": {
        const target = endOfTime(index, action.which);
        if (target !== undefined) focusEvent(target);
        return true;
      }
      case "pin":
        if (!focusInside() || e === undefined) return false;
        togglePin(e);
        return true;
      case "close":
        if (state.pinned === undefined && dom.tooltip.hidden) return false;
        state.pinned = undefined;
        state.dismissed = true;
        frame.invalidate();
        return true;
      case "zoom":
        zoom.scaleBy(action.factor, true);
        return true;
      case "fit":
        show(full, true);
        return true;
    }
  }

  wireInput({
    dom,
    state,
    getLayout: () => layout,
    invalidate: frame.invalidate,
    act,
    togglePin,
    expandCluster: (startMs, endMs, members) => {
      // Expand: zoom to the cluster's extent; a cluster of simultaneous events lists them instead.
      if (endMs - startMs > MIN_SPAN_MS * 2) show(padDomain([startMs, endMs], 0.25), true);
      else state.pinned = { type: "cluster", events: members, count: members.length, last: members.at(-1)! };
      frame.invalidate();
    },
  });
  tooltip.onClose(() => {
    state.pinned = undefined;
    state.dismissed = true;
    frame.flush();
    // Return focus to the event the details belonged to, as a dialog would.
    if (state.focused !== undefined) focusMark(state.focused);
  });
  tooltip.onSelect((e) => {
    state.pinned = { type: "event", event: e };
    focusEvent(e);
  });

  dom.zoomIn.addEventListener("click", () => zoom.scaleBy(2, true));
  dom.zoomOut.addEventListener("click", () => zoom.scaleBy(0.5, true));
  dom.fit.addEventListener("click", () => show(full, true));
  dom.earlier.addEventListener("click", () => {
    const [i0] = visibleRange(index, state.domain[0], state.domain[1]);
    if (i0 > 0) reveal(index.order[i0 - 1]!);
  });
  dom.later.addEventListener("click", () => {
    const [, i1] = visibleRange(index, state.domain[0], state.domain[1]);
    if (i1 < index.order.length) reveal(index.order[i1]!);
  });

  function resize(): void {
    const widthPx = Math.max(240, Math.floor(dom.viewport.clientWidth));
    const heightPx = Math.max(200, Math.floor(dom.viewport.clientHeight));
    if (widthPx === state.widthPx && heightPx === state.heightPx) return;
    state.widthPx = widthPx;
    state.heightPx = heightPx;
    zoom.resize(widthPx);
    frame.flush();
  }
  new ResizeObserver(resize).observe(dom.viewport);
  resize();
  // The first details shown after loading took ~5 ms more than any later ones (code and style run
  // for the first time). When the page is first idle, an event is hovered and unhovered within one
  // task: nothing is painted or announced, and the first real hover is as quick as the rest.
  (window.requestIdleCallback ?? setTimeout)(() => {
    const mark = layout?.marks[0];
    if (mark === undefined || state.hovered !== undefined || state.pinned !== undefined) return;
    state.hovered = { type: "event", mark };
    frame.flush();
    state.hovered = undefined;
    frame.flush();
  });

  return {
    /** The visible window, in UTC ms. */
    get domain(): Domain {
      return state.domain;
    },
    show,
    /** Shows only the events with a 1 in `include` (by dataset index); undefined shows all. */
    setFilter(include: Uint8Array | undefined): void {
      // Applying a link or clearing an empty search re-sends "no filter": rebuilding the index for
      // nothing costs ~100 ms at 100,000 events.
      if (include === undefined && filter === undefined) return;
      filter = include;
      index = buildEventIndex(events, laneIds, include);
      if (state.pinned?.type === "cluster") state.pinned = undefined;
      if (state.pinned?.type === "event" && index.rank[state.pinned.event] === NOT_INDEXED)
        state.pinned = undefined;
      state.hovered = undefined;
      frame.invalidate();
    },
    /** Emphasises the events with a 1 in `matches` and dims the rest; undefined clears it. */
    setMatches(matches: Uint8Array | undefined): void {
      state.matches = matches;
      frame.invalidate();
    },
    /**
     * Runs `use` on the chart's SVG with its clusters drawn as SVG too (on screen they are painted
     * on a canvas), e.g. to export it; they are removed again before anything is painted.
     */
    withSvgClusters<T>(use: (chart: SVGSVGElement) => T): T {
      renderClusters(dom.clusters, layout?.clusters ?? [], events, state.matches);
      try {
        return use(dom.svg);
      } finally {
        renderClusters(dom.clusters, [], events);
      }
    },
    /**
     * The clusters drawn: count, member ids (when all are carried, see ClusterMark), centre in the
     * chart's coordinates, and whether they hold a search match. For tests and the benchmark.
     */
    get clusters() {
      return (layout?.clusters ?? []).map((c) => ({
        count: c.count,
        ids: listsAllMembers(c) ? c.events.map((e) => events[e]!.id) : undefined,
        first: events[c.events[0]!]!.id,
        last: events[c.last]!.id,
        x: clusterCentre(c) + state.shiftPx,
        y: AXIS_HEIGHT_PX + c.y,
        match: state.matches === undefined ? undefined : holdsMatch(c, state.matches),
      }));
    },
    /** The chart's SVG and its control bar, for export. */
    chart: dom.svg,
    controls: dom.controls,
    /** Dataset indices of the events drawn in the window (alone or in clusters), in time order. */
    get shown(): number[] {
      if (layout === undefined) return [];
      const shown = [...layout.marks.map((m) => m.event), ...layout.clusters.flatMap((c) => c.events)];
      return shown.sort((a, b) => index.rank[a]! - index.rank[b]!);
    },
    /** The window in words, as the readout shows it. */
    get rangeText(): string {
      return describeRange(index, state.domain).text;
    },
    /** Id of the event whose details are pinned, if any. */
    get selected(): string | undefined {
      return state.pinned?.type === "event" ? events[state.pinned.event]!.id : undefined;
    },
    /** Unpins the details. */
    deselect(): void {
      state.pinned = undefined;
      frame.invalidate();
    },
    /** Brings an event into view, focuses it and pins its details. */
    select(eventId: string): void {
      const e = events.findIndex((ev) => ev.id === eventId);
      if (e < 0 || index.rank[e] === NOT_INDEXED) return;
      state.pinned = { type: "event", event: e };
      focusEvent(e);
    },
  };
}

export type Timeline = ReturnType<typeof createTimeline>;
