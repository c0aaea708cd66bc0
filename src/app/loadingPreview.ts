import { select } from "d3-selection";
import {
  zoom,
  zoomIdentity,
  zoomTransform,
  type D3ZoomEvent,
  type ZoomBehavior,
  type ZoomTransform,
} from "d3-zoom";
import { transformShowing } from "../interact/transformShowing";
import { createArrivals } from "../model/arrivals";
import { groupDigits } from "../model/groupDigits";
import { HOUR_MS, padDomain, type Domain } from "../model/timeDomain";
import type { TimeScale } from "../model/timeScale";
import {
  createLoadingDom,
  drawOverview,
  overviewInk,
  type LoadingDom,
  type OverviewInk,
} from "../render/loadingOverview";
import type { LoadUpdate } from "./worker/loadProtocol";

/** How often arriving events are drawn again (see scheduleArrivals). */
const ARRIVALS_REDRAW_MS = 250;

/** See createLoadingPreview. */
export interface ChartFormats {
  timeScale(domain: Domain, widthPx: number): TimeScale;
  formatTick(tick: Date): string;
  formatDay(ms: number): string;
}

export interface LoadingPreview {
  /** Takes what the load tells (progress, bytes, the events so far) and shows it next frame. */
  update(update: LoadUpdate): void;
  /** The window the reader zoomed or panned to while the file loaded; undefined if they did not. */
  readonly chosen: Domain | undefined;
}

/**
 * While a file loads, the timeline area shows how far it has got (bytes and events, in words and a
 * progress bar) and draws the events checked so far, lane by lane, as soon as the first are: the
 * reader sees the shape of a 100,000-event file seconds before it is all checked, and can zoom and
 * pan it. The window they choose is the one the timeline opens at (see `chosen`). Nothing is shown
 * for a load that ends before anything is told.
 */
export function createLoadingPreview(
  container: HTMLElement,
  /**
   * The chart's time scale and date formats, given by the page rather than imported: d3-scale and
   * d3-time-format shared with this chunk were split out of the page's script (~0.4 KB more for
   * every reader), and Intl formatters made here took ~40 ms before the first events were drawn.
   */
  chart: ChartFormats,
): LoadingPreview {
  const arrivals = createArrivals();
  const heading = document.getElementById("title") ?? document.createElement("h1");
  let dom: LoadingDom | undefined;
  let ink: OverviewInk | undefined;
  let laneLabels: readonly string[] = [];
  let checked: { checked: number; total: number | undefined } | undefined;
  let bytes: { loaded: number; total: number | undefined } | undefined;
  let frame = 0;
  let view: { base: TimeScale; transform: ZoomTransform; touched: boolean } | undefined;
  let behaviour: ZoomBehavior<HTMLCanvasElement, unknown> | undefined;

  let drawnAt = -Infinity;
  let later = 0;
  const schedule = () => (frame ||= requestAnimationFrame(draw));
  /**
   * More events redraw at most every ARRIVALS_REDRAW_MS (the first at once): each draw, and the frame
   * painted after it, is time the page's thread does not check the rest of the file. Zoom and pan
   * still draw every frame.
   */
  const scheduleArrivals = () => {
    if (frame !== 0 || later !== 0) return;
    const wait = drawnAt + ARRIVALS_REDRAW_MS - performance.now();
    if (wait <= 0) schedule();
    else later = window.setTimeout(() => ((later = 0), schedule()), wait);
  };

  function draw(): void {
    frame = 0;
    drawnAt = performance.now();
    if (dom === undefined) return;
    showStatus(dom, checked, bytes);
    const extent = arrivals.extent;
    if (extent === undefined || laneLabels.length === 0) return;
    if (dom.canvas.hidden) performance.mark("timeline:first-events");
    dom.canvas.hidden = false;
    dom.hint.hidden = false;
    ink ??= overviewInk(dom.canvas, chart.formatTick);
    const widthPx = Math.max(240, Math.floor(dom.canvas.parentElement!.clientWidth));
    const base = chart.timeScale(padDomain(extent, 0.02), widthPx);
    behaviour ??= zoomFor(dom.canvas, (transform, byReader) => {
      if (view) view = { ...view, transform, touched: view.touched || byReader };
      schedule();
    });
    if (view === undefined || !sameScale(view.base, base)) {
      // The extent grew (or the box changed): a window the reader chose stays where it is.
      const shown = view?.touched ? domainOf(view.transform.rescaleX(view.base)) : undefined;
      const span = extent[1] - extent[0];
      behaviour.scaleExtent([1, Math.max(1, span / HOUR_MS)]).translateExtent([
        [0, 0],
        [widthPx, Math.max(1, dom.canvas.clientHeight)],
      ]);
      view = { base, transform: zoomIdentity, touched: view?.touched ?? false };
      // d3-zoom keeps its own transform on the canvas: it is set to match (a gesture starts from it).
      behaviour.transform(select(dom.canvas), shown ? transformShowing(base, shown) : zoomIdentity);
    }
    const x = view.transform.rescaleX(view.base);
    const inView = drawOverview(dom.canvas, arrivals, laneLabels, x, ink);
    const [d0, d1] = domainOf(x);
    dom.canvas.setAttribute(
      "aria-label",
      `${groupDigits(arrivals.count)} events checked so far; ${groupDigits(inView)} start between ` +
        `${chart.formatDay(d0)} and ${chart.formatDay(d1)}. Plus and minus zoom, arrow keys pan.`,
    );
  }

  return {
    update(update) {
      if (update.type === "progress") checked = update;
      else if (update.type === "bytes") bytes = update;
      else if (update.lanes.length > 0) {
        // The header says what is loading (the page's header is written afresh once it is loaded).
        if (update.title !== undefined && heading.textContent !== update.title)
          heading.textContent = update.title;
        laneLabels = update.lanes.map((lane) => lane.label);
        arrivals.take(
          update.events,
          update.lanes.map((lane) => lane.id),
        );
      }
      dom ??= createLoadingDom(container);
      scheduleArrivals();
    },
    get chosen() {
      return view?.touched ? domainOf(view.transform.rescaleX(view.base)) : undefined;
    },
  };
}

/** The window a scale shows, UTC ms. (model/timeScale's own would bring d3-scale into this chunk.) */
const domainOf = (x: TimeScale): Domain => [+x.domain()[0]!, +x.domain()[1]!];

const sameScale = (a: TimeScale, b: TimeScale) =>
  String(a.domain()) === String(b.domain()) && String(a.range()) === String(b.range());

/** Wheel, drag and pinch zoom and pan the canvas along x; so do + − and the arrow keys. */
function zoomFor(
  canvas: HTMLCanvasElement,
  onZoom: (transform: ZoomTransform, byReader: boolean) => void,
): ZoomBehavior<HTMLCanvasElement, unknown> {
  // A key press is the reader's choice, as a wheel or drag is (its zoom event has no source event).
  let byKey = false;
  const behaviour = zoom<HTMLCanvasElement, unknown>().on(
    "zoom",
    (event: D3ZoomEvent<HTMLCanvasElement, unknown>) =>
      onZoom(event.transform, byKey || event.sourceEvent != null),
  );
  const selection = select(canvas).call(behaviour).on("dblclick.zoom", null);
  canvas.addEventListener("keydown", (event) => {
    const widthPx = canvas.clientWidth;
    const by = { "+": 2, "=": 2, "-": 0.5, _: 0.5 }[event.key];
    const pan = { ArrowLeft: widthPx / 8, ArrowRight: -widthPx / 8 }[event.key];
    if (by === undefined && pan === undefined) return;
    event.preventDefault();
    // Keys act here only: the timeline shown before this load (if any) must not hear them.
    event.stopPropagation();
    byKey = true;
    if (by !== undefined) behaviour.scaleBy(selection, by, [widthPx / 2, 0]);
    else behaviour.translateBy(selection, pan! / zoomTransform(canvas).k, 0);
    byKey = false;
  });
  return behaviour;
}

/** "Checking events: 12,000 of 100,000… · 31.2 of 74.1 MB", and the bar's fraction. */
function showStatus(
  dom: LoadingDom,
  checked: { checked: number; total: number | undefined } | undefined,
  bytes: { loaded: number; total: number | undefined } | undefined,
): void {
  const parts: string[] = [];
  if (checked !== undefined)
    parts.push(
      `Checking events: ${groupDigits(checked.checked)}${checked.total === undefined ? "" : ` of ${groupDigits(checked.total)}`}\u2026`,
    );
  if (bytes !== undefined)
    parts.push(
      bytes.total === undefined
        ? `${megabytes(bytes.loaded)} MB read`
        : `${megabytes(bytes.loaded)} of ${megabytes(bytes.total)} MB read`,
    );
  dom.status.textContent = parts.length === 0 ? "Loading the events\u2026" : parts.join(" \u00b7 ");
  const fraction =
    bytes?.total !== undefined && bytes.total > 0
      ? bytes.loaded / bytes.total
      : checked?.total !== undefined && checked.total > 0
        ? checked.checked / checked.total
        : undefined;
  if (fraction === undefined) dom.progress.removeAttribute("value");
  else dom.progress.value = Math.min(1, fraction);
}

const megabytes = (bytes: number) => (bytes / 1e6).toFixed(1);
