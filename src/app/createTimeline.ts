import { scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import type { Dataset } from "../data/types";
import { createTimeZoom } from "../interact/zoom";
import { keyAction, type KeyAction } from "../interact/keyboard";
import { buildEventIndex, visibleRange } from "../model/eventIndex";
import { formatEventDate } from "../model/formatDate";
import { hitTest, type Hit } from "../model/hitTest";
import { endOfTime, stepAcrossLanes, stepInTime } from "../model/keyboardNav";
import { layoutMarks, type Layout } from "../model/layoutMarks";
import { clampDomain, fitDomain, focusDomain, HOUR_MS, padDomain, type Domain } from "../model/timeDomain";
import { renderAxis } from "../render/axis";
import { renderLanes } from "../render/lanes";
import { renderClusters, renderMarks } from "../render/marks";
import { AXIS_HEIGHT_PX, createChartDom } from "./chartDom";
import { frameScheduler } from "./frame";
import { canvasMeasure } from "./measureText";
import { createTooltip, type TooltipTarget } from "./tooltipController";
import { describeRange } from "../model/describeRange";

const MIN_SPAN_MS = 2 * HOUR_MS;
const LABEL_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

interface State {
  domain: Domain;
  widthPx: number;
  heightPx: number;
  hovered: Hit | undefined;
  pinned: TooltipTarget | undefined;
  focused: number | undefined;
  /** Escape hides the detail of the focused or hovered event until focus or pointer moves on. */
  dismissed: boolean;
}

/** Mounts the interactive timeline for a validated dataset into `container`. */
export function createTimeline(container: HTMLElement, dataset: Dataset) {
  const { events, lanes } = dataset;
  const laneLabels = lanes.map((l) => l.label);
  const index = buildEventIndex(
    events,
    lanes.map((l) => l.id),
  );
  const full = fitDomain(index.startMs, index.maxEndMs);
  const bounds = padDomain(full, 0.25);
  const dom = createChartDom(container, dataset.title, dataset.description);
  const measure = canvasMeasure(LABEL_FONT);
  const tooltip = createTooltip(dom.tooltip, dom.viewport, dataset);

  const state: State = {
    domain: focusDomain(index.startMs, index.maxEndMs),
    widthPx: 0,
    heightPx: 0,
    hovered: undefined,
    pinned: undefined,
    focused: undefined,
    dismissed: false,
  };
  let layout: Layout | undefined;

  const computeLayout = (domain: Domain) =>
    layoutMarks({
      events,
      index,
      domain,
      widthPx: state.widthPx,
      laneCount: lanes.length,
      availableHeightPx: state.heightPx - AXIS_HEIGHT_PX,
      measure,
      keepIndividual: state.focused,
    });

  function render(): void {
    const x = scaleUtc()
      .domain([new Date(state.domain[0]), new Date(state.domain[1])])
      .range([0, state.widthPx]);
    const current = computeLayout(state.domain);
    const { geometry } = current;
    layout = current;
    const svg = select(dom.svg)
      .attr("width", state.widthPx)
      .attr("height", AXIS_HEIGHT_PX + geometry.heightPx);
    svg.attr("viewBox", `0 0 ${state.widthPx} ${AXIS_HEIGHT_PX + geometry.heightPx}`);
    dom.clipRect.attr("x", 0).attr("y", 0).attr("width", state.widthPx).attr("height", geometry.heightPx);
    renderAxis(dom.axis, dom.grid, dom.context, x, state.widthPx, geometry.heightPx);
    renderLanes(dom.lanes, lanes, geometry, state.widthPx);
    const tabStop =
      state.focused ??
      current.marks.reduce<number | undefined>(
        (first, m) => (first === undefined || index.rank[m.event]! < index.rank[first]! ? m.event : first),
        undefined,
      );
    renderMarks(dom.marks, current.marks, events, laneLabels, tabStop);
    renderClusters(dom.clusters, current.clusters, events);
    dom.clusters
      .selectAll<SVGGElement, unknown>("g.cluster")
      .attr("role", "img")
      .attr("aria-label", function () {
        return `${this.getAttribute("data-count")} events close together; zoom in to separate them`;
      });
    const range = describeRange(index, state.domain);
    dom.readout.textContent = range.text;
    dom.earlier.textContent = range.earlier > 0 ? `\u25c0 ${range.earlier} earlier` : "";
    dom.later.textContent = range.later > 0 ? `${range.later} later \u25b6` : "";
    dom.earlier.hidden = range.earlier === 0;
    dom.later.hidden = range.later === 0;
    announce(range.text);
    const target = state.pinned ?? (state.dismissed ? undefined : (hoverTarget() ?? focusTarget()));
    tooltip.update(current, target, state.pinned !== undefined, AXIS_HEIGHT_PX);
  }
  const frame = frameScheduler(render);

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
        : { type: "cluster", events: state.hovered.cluster.events };
  const focusTarget = (): TooltipTarget | undefined =>
    state.focused === undefined || !focusInside() ? undefined : { type: "event", event: state.focused };
  const focusInside = () => dom.marks.node()?.contains(document.activeElement) ?? false;

  const zoom = createTimeZoom(dom.svg, bounds, MIN_SPAN_MS, (domain) => {
    state.domain = domain;
    frame.invalidate();
  });

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

  function focusEvent(e: number): void {
    state.focused = e;
    state.dismissed = false;
    reveal(e);
    frame.flush();
    focusMark(e);
    frame.flush();
  }

  function focusMark(e: number): void {
    dom.marks
      .select<SVGGElement>(`g.event[data-event-id="${CSS.escape(events[e]!.id)}"]`)
      .node()
      ?.focus();
  }

  function currentEvent(): number | undefined {
    if (state.focused !== undefined) return state.focused;
    const [i0, i1] = visibleRange(index, state.domain[0], state.domain[1]);
    return i1 > i0 ? index.order[i0] : endOfTime(index, "first");
  }

  function act(action: KeyAction): boolean {
    const e = currentEvent();
    switch (action.type) {
      case "step":
        if (e !== undefined) focusEvent(focusInside() ? stepInTime(index, e, action.step) : e);
        return true;
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
        state.pinned =
          state.pinned?.type === "event" && state.pinned.event === e
            ? undefined
            : { type: "event", event: e };
        frame.invalidate();
        return true;
      case "close":
        if (state.pinned === undefined && !tooltipVisible()) return false;
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
  const tooltipVisible = () => !dom.tooltip.hidden;

  container.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as Element).closest("button, input, a")) return;
    const action = keyAction(event.key);
    if (action !== undefined && act(action)) event.preventDefault();
  });
  dom.marks.node()?.addEventListener("focusout", () => setTimeout(() => frame.invalidate(), 0));
  dom.marks.node()?.addEventListener("focusin", (event) => {
    const id = (event.target as Element).getAttribute("data-event-id");
    const e = events.findIndex((ev) => ev.id === id);
    if (e >= 0 && e !== state.focused) {
      state.focused = e;
      state.dismissed = false;
      frame.invalidate();
    }
  });

  function pointerPosition(event: PointerEvent | MouseEvent): [number, number] {
    const rect = dom.svg.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top - AXIS_HEIGHT_PX];
  }
  const radiusFor = (event: PointerEvent | MouseEvent) =>
    "pointerType" in event && event.pointerType === "touch" ? 16 : 6;

  dom.svg.addEventListener("pointermove", (event) => {
    if (event.buttons !== 0) return;
    const [px, py] = pointerPosition(event);
    const hit = layout && hitTest(layout.marks, layout.clusters, px, py, radiusFor(event));
    dom.svg.classList.toggle("over-mark", hit !== undefined);
    if (hit?.type === state.hovered?.type && sameHit(hit, state.hovered)) return;
    state.hovered = hit;
    state.dismissed = false;
    frame.invalidate();
  });
  dom.svg.addEventListener("pointerleave", () => {
    if (state.hovered === undefined) return;
    state.hovered = undefined;
    frame.invalidate();
  });
  dom.svg.addEventListener("click", (event) => {
    const [px, py] = pointerPosition(event);
    const hit = layout && hitTest(layout.marks, layout.clusters, px, py, radiusFor(event));
    if (hit?.type === "event") {
      state.pinned =
        state.pinned?.type === "event" && state.pinned.event === hit.mark.event
          ? undefined
          : { type: "event", event: hit.mark.event };
      state.focused = hit.mark.event;
      frame.invalidate();
    } else if (hit?.type === "cluster") {
      const { startMs, endMs } = hit.cluster;
      // Expand: zoom to the cluster's extent; a cluster of simultaneous events lists them instead.
      if (endMs - startMs > MIN_SPAN_MS * 2) show(padDomain([startMs, endMs], 0.25), true);
      else state.pinned = { type: "cluster", events: hit.cluster.events };
      frame.invalidate();
    } else if (state.pinned !== undefined) {
      state.pinned = undefined;
      frame.invalidate();
    }
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
    zoom.resize(widthPx, heightPx, state.domain);
    frame.flush();
  }
  new ResizeObserver(resize).observe(dom.viewport);
  resize();

  return {
    /** The visible window, in UTC ms (for tests and URL state). */
    get domain(): Domain {
      return state.domain;
    },
    show,
    formatEventDate: (e: number) => formatEventDate(events[e]!),
  };
}

function sameHit(a: Hit | undefined, b: Hit | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type === "event" && b.type === "event") return a.mark.event === b.mark.event;
  if (a.type === "cluster" && b.type === "cluster")
    return a.cluster.events[0] === b.cluster.events[0] && a.cluster.lane === b.cluster.lane;
  return false;
}
