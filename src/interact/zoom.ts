import { select } from "d3-selection";
import "d3-transition";
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomTransform } from "d3-zoom";
import { clampDomain, type Domain } from "../model/timeDomain";
import { scaledWindow } from "../model/zoomTarget";
import { transformShowing } from "./transformShowing";
import { domainOf, timeScale, widthOf, type TimeScale } from "../model/timeScale";

export interface TimeZoom {
  /** Call when the plot's size changes, with the window it shows (which stays as it is). */
  resize(widthPx: number, heightPx: number, shown: Domain): void;
  /** Shows a domain (clamped to the limits), animated unless `animate` is false. */
  show(domain: Domain, animate: boolean): void;
  /**
   * Zooms by a factor (2 = in, 0.5 = out) keeping the time at `anchorMs` where it is on screen (the
   * window's centre by default). Presses during an animation compound from where it is heading.
   */
  scaleBy(factor: number, animate: boolean, anchorMs?: number): void;
  /** Whether one pointer is dragging the window sideways right now (no zoom in the gesture). */
  readonly panning: boolean;
}

export interface ZoomLimits {
  /** The pannable extent, UTC ms. */
  readonly bounds: Domain;
  /** The narrowest window, ms. */
  readonly minSpanMs: number;
}

/**
 * x only: the window may not pan past the bounds, and y never moves (a drag's vertical part scrolls
 * the plot box instead).
 */
function xOnly(t: ZoomTransform, extent: [[number, number], [number, number]]): ZoomTransform {
  const w = extent[1][0] - extent[0][0];
  const x = Math.min(0, Math.max(w - w * t.k, t.x));
  return x === t.x && t.y === 0 ? t : zoomIdentity.translate(x, 0).scale(t.k);
}

/**
 * What d3-zoom handles: mostly-vertical wheel movement (mostly-horizontal pans, see the wheel
 * listener), and presses of the main button without Ctrl.
 */
function zoomsOrDrags(event: Event): boolean {
  if (event instanceof WheelEvent) return Math.abs(event.deltaX) <= Math.abs(event.deltaY);
  const button = event instanceof MouseEvent ? event.button : 0;
  return !(event instanceof MouseEvent && event.ctrlKey) && button === 0;
}

interface ZoomHandlers {
  /** A press started a drag or pinch, at scale `k`. */
  start(type: "mousedown" | "touchstart", k: number): void;
  zoom(transform: ZoomTransform): void;
  end(): void;
}

/** d3-zoom set up for a timeline: x only, a click is a click, and a wheel zooms only when mostly vertical. */
function zoomBehaviour(maxScale: number, on: ZoomHandlers) {
  return zoom<HTMLElement, unknown>()
    .scaleExtent([1, maxScale])
    .clickDistance(CLICK_DISTANCE_PX)
    .constrain(xOnly)
    .filter(zoomsOrDrags)
    .on("start", (event: D3ZoomEvent<HTMLElement, unknown>) => {
      const type = event.sourceEvent?.type;
      if (type === "mousedown" || type === "touchstart") on.start(type, event.transform.k);
    })
    .on("zoom", (event: D3ZoomEvent<HTMLElement, unknown>) => on.zoom(event.transform))
    .on("end", () => on.end());
}

/**
 * A mouse drag moves the lanes up and down too, as a hand moving paper would, when the plot is
 * taller than its box (touch does so natively: the box allows vertical panning). Listened to on the
 * window while the drag lasts, as d3-zoom follows it: it goes on when the pointer leaves the box.
 */
function verticalDragScroll(box: HTMLElement): (event: PointerEvent) => void {
  return (event) => {
    if (event.pointerType === "mouse" && (event.buttons & 1) !== 0) box.scrollTop -= event.movementY;
  };
}

/** Mostly-horizontal wheel movement (trackpads, tilt wheels) pans: d3-zoom only zooms on wheel. */
function panOnSidewaysWheel(target: HTMLElement, pan: (event: WheelEvent) => void): void {
  const onWheel = (event: WheelEvent) => {
    if (zoomsOrDrags(event)) return;
    event.preventDefault();
    pan(event);
  };
  target.addEventListener("wheel", onWheel, { passive: false });
}

/** A sideways wheel step in px, whatever unit it came in (lines of ~20 px, or pages). */
function wheelPx(event: WheelEvent, pagePx: number): number {
  return event.deltaX * (event.deltaMode === 1 ? 20 : event.deltaMode === 2 ? pagePx : 1);
}

/** How far (px) a press may move and still be a click (it pins) rather than a drag. */
const CLICK_DISTANCE_PX = 4;
const ANIMATION_MS = 300;

/**
 * d3-zoom on the chart as an input device, in x only: wheel (honouring deltaMode), drag, pinch,
 * and animated programmatic moves. Each transform becomes a visible domain through
 * `transform.rescaleX(base)`, where the base scale shows all of `bounds`; the domain handed to
 * `onDomain` is the view's single source of truth. A new gesture interrupts a running animation
 * (d3-zoom interrupts on mousedown, touchstart and wheel), so it starts from where the view is.
 */
export function createTimeZoom(
  /** What the gestures act on: the plot's box, axis strip included. */
  target: HTMLElement,
  limits: ZoomLimits,
  onDomain: (domain: Domain) => void,
  /** Called when the last pointer of a drag or pinch lifts. */
  onGestureEnd: () => void = () => {},
): TimeZoom {
  const selection = select(target);
  let base: TimeScale = timeScale(limits.bounds, 1);
  const maxScale = (limits.bounds[1] - limits.bounds[0]) / limits.minSpanMs;
  // Where a running animation is heading, so repeated +/− presses compound from there.
  let heading: ZoomTransform | undefined;
  // A programmatic resize sets the transform to the window already shown: its echo is ignored.
  let silent = false;
  let gesture: { k: number } | undefined;
  const scrollWithDrag = verticalDragScroll(target);
  const reduceMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;

  const behaviour = zoomBehaviour(maxScale, {
    start(type, k) {
      gesture = { k };
      target.classList.toggle("dragging", type === "mousedown");
      if (type === "mousedown") window.addEventListener("pointermove", scrollWithDrag);
    },
    zoom(t) {
      if (!silent) onDomain(domainOf(t.rescaleX(base)));
    },
    end() {
      if (gesture === undefined) return;
      gesture = undefined;
      target.classList.remove("dragging");
      window.removeEventListener("pointermove", scrollWithDrag);
      onGestureEnd();
    },
  });
  selection.call(behaviour).on("dblclick.zoom", null); // a double click pins, it does not zoom

  panOnSidewaysWheel(target, (event) => {
    selection.interrupt();
    behaviour.translateBy(selection, -wheelPx(event, widthOf(base)) / current().k, 0);
  });

  const current = (): ZoomTransform => zoomTransform(target);

  /** Within the limits: scale clamped to scaleExtent, x to the bounds (transform() applies neither). */
  const clamp = (domain: Domain): ZoomTransform =>
    transformShowing(base, clampDomain(domain, limits.bounds, limits.minSpanMs));

  function move(to: ZoomTransform, animate: boolean): void {
    selection.interrupt();
    if (!animate || reduceMotion()) {
      heading = undefined;
      behaviour.transform(selection, to);
      return;
    }
    heading = to;
    selection
      .transition()
      .duration(ANIMATION_MS)
      .call(behaviour.transform, to)
      .on("end interrupt", () => {
        heading = undefined;
      });
  }

  return {
    get panning() {
      return gesture !== undefined && current().k === gesture.k;
    },
    resize(widthPx, heightPx, shown) {
      selection.interrupt();
      base = timeScale(limits.bounds, Math.max(1, widthPx));
      behaviour.extent([
        [0, 0],
        [Math.max(1, widthPx), Math.max(1, heightPx)],
      ]);
      silent = true;
      behaviour.transform(selection, clamp(shown));
      silent = false;
    },
    show(domain, animate) {
      move(clamp(domain), animate);
    },
    scaleBy(factor, animate, anchorMs) {
      const from = domainOf((heading ?? current()).rescaleX(base));
      move(clamp(scaledWindow(from, factor, anchorMs, limits.bounds, limits.minSpanMs)), animate);
    },
  };
}
