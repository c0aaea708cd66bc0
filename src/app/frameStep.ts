import type { Dataset } from "../data/types";
import { NOT_INDEXED, type EventIndex } from "../model/eventIndex";
import { layoutMarks, type Layout } from "../model/layoutMarks";
import type { Domain } from "../model/timeDomain";
import { timeScale, type TimeScale } from "../model/timeScale";
import type { MeasureText } from "../model/truncateLabel";
import type { DetailTarget, ViewState } from "../model/viewState";
import { renderAxis } from "../render/axis";
import { AXIS_HEIGHT_PX, type ChartDom } from "../render/chartDom";
import { clusterPaint, paintClusters, type ClusterPaint } from "../render/clusterCanvas";
import type { DetailCard } from "../render/detailCard";
import type { EraLayer } from "../render/eras";
import { setAttr } from "../render/dom";
import { renderLanes, renderStickyHeadings } from "../render/lanes";
import { renderMarks } from "../render/marks";
import { renderPublications } from "../render/publications";
import { renderReadout } from "../render/readout";

export interface FrameContext {
  readonly dom: ChartDom;
  readonly dataset: Dataset;
  readonly card: DetailCard;
  readonly measure: MeasureText;
  /** An event's label fitted to a width (see labelCache). */
  readonly fitLabel: (event: number, maxPx: number) => string;
  readonly onOpenArticle?: (articleId: string) => void;
  /** Whether a drag is panning the window right now (see render). */
  panning(): boolean;
  /** Says the window in words to screen readers (debounced by the caller). */
  announce(text: string): void;
  /** The eras' bands, once their code has loaded (a dataset without eras never loads it). */
  readonly eras?: () => EraLayer | undefined;
}

/**
 * Lanes may grow to this many times the plot's visible height before events are clustered: labels
 * are read, not guessed, so the plot scrolls vertically (axis and lane headings stay in view) rather
 * than hide titles that a little scrolling would show. Past it, counted clusters keep it navigable.
 */
const CONTENT_LIMIT = 3;

/** What the drawing was laid out for: any change in it lays out and draws again. */
interface DrawnKey {
  readonly domain: Domain;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly index: EventIndex;
  readonly focused: number | undefined;
  readonly matches: Uint8Array | undefined;
  readonly marginPx: number;
}

/**
 * One frame: from (state, index) to the drawing. It lays out and draws only when the key of what
 * was drawn changed; a frame where only hover, pin or Escape changed updates the details alone, so
 * they follow the pointer within a frame even with many events. A drag moves the window, not its
 * span: its first frame lays out the window with half a window more on each side (the window's own
 * events come out as without margins: see layoutMarks), and the drawing then slides by one
 * transform per group until the drag passes the margins.
 */
export function createFrameStep(ctx: FrameContext) {
  const { dom, card } = ctx;
  // Read by every draw (the marks' accessible names): made once.
  const laneLabels = ctx.dataset.lanes.map((l) => l.label);
  let layout: Layout | undefined;
  let drawn: DrawnKey | undefined;
  let drawnScale: TimeScale | undefined;
  let shiftPx = 0;
  let paint: ClusterPaint | undefined;
  let described: number | undefined;
  /** What the readout describes. */
  let readFor: { domain: Domain; index: EventIndex } | undefined;
  /** Whether the eras were drawn for the layout drawn last. */
  let erasDrawn = false;

  /** The layout of a window for this state, without drawing it (commands ask what a zoom would show). */
  const layoutFor = (
    state: ViewState,
    index: EventIndex,
    x: TimeScale,
    keepRows?: readonly number[],
    marginPx?: number,
  ): Layout => layoutState(ctx, state, index, x, keepRows, marginPx);

  function draw(state: ViewState, index: EventIndex, domain: Domain, marginPx: number): void {
    const x = timeScale(domain, state.widthPx);
    // While a drag pans, the lanes keep their rows: they do not resize under the pointer; the rows
    // are shared out again, and the margins dropped, when the drag ends.
    const keepRows = ctx.panning() ? layout?.geometry.rows : undefined;
    const current = layoutFor(state, index, x, keepRows, marginPx);
    layout = current;
    drawnScale = x;
    drawn = { domain, ...pick(state), index, marginPx };
    paint ??= clusterPaint(dom.clusterLayer);
    drawLayout(ctx, laneLabels, state, current, x, index, marginPx, paint);
    // Marks were joined again: the description link is set afresh.
    described = -1;
    erasDrawn = false;
  }

  /** Draws the state; `target` is what the details card shows. */
  function step(state: ViewState, index: EventIndex, target: DetailTarget | undefined): void {
    const [d0, d1] = state.domain;
    const marginPx = Math.round(state.widthPx / 2);
    const key = drawn;
    if (key === undefined || layout === undefined || !sameKey(key, state, index)) {
      draw(state, index, state.domain, 0);
    } else if (key.domain !== state.domain) {
      const sameSpan = Math.abs((key.domain[1] - key.domain[0]) / (d1 - d0) - 1) <= 1e-9;
      // How far the drawing must slide to show the window, on the scale it was drawn with.
      const far = Math.abs(drawnScale!(d0));
      if (!ctx.panning() || !sameSpan) draw(state, index, state.domain, 0);
      else if (key.marginPx === 0 && far <= marginPx) draw(state, index, key.domain, marginPx);
      else if (far > key.marginPx) draw(state, index, state.domain, marginPx);
    }
    const slid = -drawnScale!(d0);
    if (slid !== shiftPx) dom.slide((shiftPx = slid));
    if (readFor?.domain !== state.domain || readFor.index !== index) {
      readFor = { domain: state.domain, index };
      ctx.announce(renderReadout(dom, index, state.domain));
    }
    // After the readout: the eras' titles start after the context line it writes.
    erasDrawn = drawEras(ctx.eras?.(), erasDrawn, drawnScale!, state.widthPx, layout!, drawn!, shiftPx);
    card.update(layout!, target, state.pinned !== undefined, shiftPx, AXIS_HEIGHT_PX);
    // The shown details describe their mark, so a screen reader can reach them from it.
    const now = target?.type === "event" && !dom.tooltip.hidden ? target.event : undefined;
    if (now !== described) {
      described = now;
      dom.marks
        .selectAll<SVGGElement, { event: number }>("g.event")
        .attr("aria-describedby", (d) => (d.event === now ? dom.tooltip.id : null));
    }
  }

  return {
    step,
    layoutFor,
    /** The layout drawn last, in the coordinates it was drawn in (see shiftPx). */
    get layout(): Layout | undefined {
      return layout;
    },
    /** How far right a drag has slid the drawing since it was laid out, px. */
    get shiftPx(): number {
      return shiftPx;
    },
    /** Lays out the next frame afresh, without margins (a drag or pinch ended). */
    relayout(): void {
      drawn = undefined;
    },
    /** Lays out and draws everything again next frame, with colours read afresh (a theme change). */
    redrawAll(): void {
      paint = undefined;
      drawn = undefined;
    },
  };
}

export type FrameStep = ReturnType<typeof createFrameStep>;

function layoutState(
  ctx: FrameContext,
  state: ViewState,
  index: EventIndex,
  x: TimeScale,
  keepRows?: readonly number[],
  marginPx?: number,
): Layout {
  return layoutMarks({
    events: ctx.dataset.events,
    index,
    x,
    laneCount: ctx.dataset.lanes.length,
    availableHeightPx: CONTENT_LIMIT * (state.heightPx - AXIS_HEIGHT_PX),
    measure: ctx.measure,
    keepIndividual: state.focused,
    keepRows,
    marginPx,
    fitLabel: ctx.fitLabel,
  });
}

/** Draws a layout: the chart's size, axis, publications, lanes, marks and clusters. */
function drawLayout(
  { dom, dataset, onOpenArticle }: FrameContext,
  laneLabels: readonly string[],
  state: ViewState,
  layout: Layout,
  x: TimeScale,
  index: EventIndex,
  marginPx: number,
  paint: ClusterPaint,
): void {
  const { geometry } = layout;
  const heightPx = geometry.heightPx;
  // Written only when they change (as marks are): any write lays the whole chart out again.
  setAttr(dom.axisSvg, "width", state.widthPx);
  setAttr(dom.axisSvg, "viewBox", `0 0 ${state.widthPx} ${AXIS_HEIGHT_PX}`);
  setAttr(dom.svg, "width", state.widthPx);
  setAttr(dom.svg, "height", heightPx);
  setAttr(dom.svg, "viewBox", `0 0 ${state.widthPx} ${heightPx}`);
  setAttr(dom.clipRect.node()!, "width", state.widthPx);
  setAttr(dom.clipRect.node()!, "height", heightPx);
  renderAxis(dom.axis, dom.grid, x, state.widthPx, heightPx, marginPx);
  renderPublications(dom.publications, dom.publicationLines, dataset.articles, x, heightPx, onOpenArticle);
  renderLanes(dom.lanes, dom.laneHeadings, dataset.lanes, geometry, state.widthPx);
  renderStickyHeadings(dom.stickyHeadings, dataset.lanes, geometry);
  renderMarks(
    dom.marks,
    layout.marks,
    dataset.events,
    laneLabels,
    tabStop(state, index, layout),
    state.matches,
  );
  paintClusters(dom.clusterLayer, layout.clusters, state.widthPx, marginPx, paint, state.matches);
}

/** Draws the eras for the layout drawn last, if not yet drawn for it, and slides them with a drag. */
function drawEras(
  eras: EraLayer | undefined,
  drawnAlready: boolean,
  x: TimeScale,
  widthPx: number,
  layout: Layout,
  key: DrawnKey,
  shiftPx: number,
): boolean {
  if (eras === undefined) return false;
  if (!drawnAlready) eras.draw(x, widthPx, layout.geometry.heightPx, key.marginPx);
  eras.slide(shiftPx);
  return true;
}

const pick = ({ widthPx, heightPx, focused, matches }: ViewState) => ({
  widthPx,
  heightPx,
  focused,
  matches,
});

/** Whether the drawing's key matches the state in everything but the window. */
function sameKey(key: DrawnKey, state: ViewState, index: EventIndex): boolean {
  return (
    key.widthPx === state.widthPx &&
    key.heightPx === state.heightPx &&
    key.index === index &&
    key.focused === state.focused &&
    key.matches === state.matches
  );
}

/** The mark Tab reaches first: the focused event if drawn, else the earliest drawn. */
function tabStop(state: ViewState, index: EventIndex, layout: Layout): number | undefined {
  if (state.focused !== undefined && index.rank[state.focused] !== NOT_INDEXED) return state.focused;
  let first: number | undefined;
  for (const m of layout.marks)
    if (first === undefined || index.rank[m.event]! < index.rank[first]!) first = m.event;
  return first;
}
