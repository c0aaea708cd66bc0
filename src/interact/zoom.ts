import { interpolateDomain, panBy, pinch, zoomAround, type ZoomLimits } from "../model/zoomMath";
import { clampDomain, type Domain } from "../model/timeDomain";

export interface TimeZoom {
  /** Call when the plot's width changes. */
  resize(widthPx: number): void;
  /** Shows a domain (clamped to the limits), animated unless `animate` is false. */
  show(domain: Domain, animate: boolean): void;
  /** Zooms by a factor around the centre (2 = in, 0.5 = out). */
  scaleBy(factor: number, animate: boolean): void;
  /** Whether one pointer is dragging the window sideways right now. */
  readonly panning: boolean;
}

const DRAG_THRESHOLD_PX = 4;

/**
 * Wheel, drag and pinch on the chart as an input device: every gesture becomes a new visible
 * domain (pure math in model/zoomMath) handed to `onDomain`; the domain in view state stays the
 * single source of truth. Pointer events cover mouse, pen and touch alike. `touch-action: pan-y`
 * (in the CSS) leaves vertical swipes to the page, so the chart never traps scrolling on a phone.
 */
export function createTimeZoom(
  target: SVGSVGElement,
  limits: ZoomLimits,
  getDomain: () => Domain,
  onDomain: (domain: Domain) => void,
  /** Called when the last pointer of a drag or pinch lifts. */
  onGestureEnd: () => void = () => {},
): TimeZoom {
  let widthPx = 1;
  let animation = 0;
  // Where a running animation is heading, so repeated +/− presses compound from there.
  let heading: Domain | undefined;
  const reduceMotion = () => matchMedia("(prefers-reduced-motion: reduce)").matches;
  const set = (domain: Domain) => {
    cancelAnimationFrame(animation);
    heading = undefined;
    onDomain(domain);
  };

  function animateTo(to: Domain): void {
    cancelAnimationFrame(animation);
    heading = to;
    const from = getDomain();
    const start = performance.now(),
      duration = 300;
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / duration);
      const eased = t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2;
      onDomain(t === 1 ? to : interpolateDomain(from, to, eased));
      if (t < 1) animation = requestAnimationFrame(step);
      else heading = undefined;
    };
    animation = requestAnimationFrame(step);
  }

  const xOf = (event: MouseEvent) => event.clientX - target.getBoundingClientRect().left;

  target.addEventListener(
    "wheel",
    (event) => {
      event.preventDefault();
      // Line- and page-based deltas (Firefox, some mice) are scaled like d3-zoom does.
      const unit = event.deltaMode === 1 ? 0.05 : event.deltaMode === 2 ? 1 : 0.002;
      if (Math.abs(event.deltaX) > Math.abs(event.deltaY)) {
        set(panBy(getDomain(), -event.deltaX, widthPx, limits));
        return;
      }
      const factor = 2 ** (-event.deltaY * unit * (event.ctrlKey ? 10 : 1));
      set(zoomAround(getDomain(), xOf(event) / widthPx, factor, limits));
    },
    { passive: false },
  );

  // Active pointers and where they were when the gesture (re)started.
  const pointers = new Map<number, { x0: number; x: number }>();
  let gestureStart: Domain = [0, 1];
  let dragged = false;
  const restart = () => {
    gestureStart = getDomain();
    for (const p of pointers.values()) p.x0 = p.x;
  };

  target.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    pointers.set(event.pointerId, { x0: xOf(event), x: xOf(event) });
    if (pointers.size === 1) dragged = false;
    restart();
  });
  target.addEventListener("pointermove", (event) => {
    const p = pointers.get(event.pointerId);
    if (p === undefined) return;
    p.x = xOf(event);
    const [a, b] = [...pointers.values()];
    if (b !== undefined) {
      dragged = true;
      set(pinch(gestureStart, a!.x0, b.x0, a!.x, b.x, widthPx, limits));
    } else if (a !== undefined && (dragged || Math.abs(a.x - a.x0) > DRAG_THRESHOLD_PX)) {
      if (!dragged) target.setPointerCapture(event.pointerId);
      dragged = true;
      target.classList.add("dragging");
      set(panBy(gestureStart, a.x - a.x0, widthPx, limits));
    }
  });
  const end = (event: PointerEvent) => {
    if (!pointers.delete(event.pointerId)) return;
    target.classList.remove("dragging");
    restart();
    if (pointers.size === 0 && dragged) onGestureEnd();
  };
  target.addEventListener("pointerup", end);
  target.addEventListener("pointercancel", end);
  // A drag or pinch ends with a click on whatever is under the pointer; it is not a click.
  target.addEventListener(
    "click",
    (event) => {
      if (!dragged) return;
      dragged = false;
      event.stopImmediatePropagation();
    },
    true,
  );

  return {
    get panning() {
      return dragged && pointers.size === 1;
    },
    resize(width) {
      widthPx = Math.max(1, width);
    },
    show(domain, animate) {
      const to = clampDomain(domain, limits.bounds, limits.minSpanMs);
      if (animate && !reduceMotion()) animateTo(to);
      else set(to);
    },
    scaleBy(factor, animate) {
      const to = zoomAround(heading ?? getDomain(), 0.5, factor, limits);
      if (animate && !reduceMotion()) animateTo(to);
      else set(to);
    },
  };
}
