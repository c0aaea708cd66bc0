import { select } from "d3-selection";
import { keyAction, type KeyAction } from "../interact/keyboard";
import { hitTest, type Hit } from "../model/hitTest";
import type { EventMark, Layout } from "../model/layoutMarks";
import { AXIS_HEIGHT_PX, type ChartDom } from "./chartDom";
import type { ViewState } from "./createTimeline";

interface InputContext {
  readonly dom: ChartDom;
  readonly state: ViewState;
  getLayout(): Layout | undefined;
  invalidate(): void;
  act(action: KeyAction): boolean;
  togglePin(event: number): void;
  expandCluster(startMs: number, endMs: number, members: readonly number[]): void;
}

function sameHit(a: Hit | undefined, b: Hit | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type === "event" && b.type === "event") return a.mark.event === b.mark.event;
  if (a.type === "cluster" && b.type === "cluster") {
    return a.cluster.events[0] === b.cluster.events[0] && a.cluster.lane === b.cluster.lane;
  }
  return false;
}

/**
 * Pointer and keyboard input → view state. Hover and click use the pure hit test over the current
 * layout (forgiving targets, larger for touch) rather than per-element listeners.
 */
export function wireInput(ctx: InputContext): void {
  const { dom, state } = ctx;
  const container = dom.svg.closest<HTMLElement>(".timeline") ?? dom.viewport;

  container.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if ((event.target as Element).closest("button, input, select, textarea, a, .tooltip")) {
      // Inside the pinned details only Escape belongs to the timeline.
      if (event.key !== "Escape") return;
    }
    const action = keyAction(event.key);
    if (action !== undefined && ctx.act(action)) event.preventDefault();
  });

  const marks = dom.marks.node()!;
  marks.addEventListener("focusout", () => setTimeout(ctx.invalidate, 0));
  marks.addEventListener("focusin", (event) => {
    // A mark's bound datum says which event it draws (no search of the events by id).
    const e = select<Element, EventMark | undefined>(event.target as Element).datum()?.event;
    if (e !== undefined && e !== state.focused) {
      state.focused = e;
      state.dismissed = false;
      ctx.invalidate();
    }
  });

  const position = (event: MouseEvent): [number, number] => {
    const rect = dom.svg.getBoundingClientRect();
    // In the layout's coordinates: the drawing may have slid since it was laid out (a drag).
    return [event.clientX - rect.left - state.shiftPx, event.clientY - rect.top - AXIS_HEIGHT_PX];
  };
  const radius = (event: MouseEvent) => ("pointerType" in event && event.pointerType === "touch" ? 16 : 6);
  const hitAt = (event: MouseEvent) => {
    const layout = ctx.getLayout();
    const [px, py] = position(event);
    return layout && hitTest(layout.marks, layout.clusters, px, py, radius(event));
  };

  // The pointer cursor near a mark is set on the element under the pointer, not on the chart: a
  // change there is inherited by every element of the chart, whose styles were all computed again
  // (1.5–3 ms of the frame that shows the details, in traces).
  let pointed: Element | undefined;
  const point = (target: Element | undefined) => {
    if (target === pointed) return;
    pointed?.classList.remove("over-mark");
    target?.classList.add("over-mark");
    pointed = target;
  };
  dom.svg.addEventListener("pointermove", (event) => {
    // A drag pans: the details of whatever passes under the pointer are not shown meanwhile.
    if (event.buttons !== 0) {
      point(undefined);
      if (state.hovered !== undefined) {
        state.hovered = undefined;
        ctx.invalidate();
      }
      return;
    }
    const hit = hitAt(event);
    point(hit && (event.target as Element));
    if (sameHit(hit, state.hovered)) return;
    state.hovered = hit;
    state.dismissed = false;
    ctx.invalidate();
  });
  dom.svg.addEventListener("pointerleave", () => {
    if (state.hovered === undefined) return;
    state.hovered = undefined;
    ctx.invalidate();
  });
  dom.svg.addEventListener("click", (event) => {
    if ((event.target as Element).closest(".publication")) return;
    const hit = hitAt(event);
    if (hit?.type === "event") {
      state.focused = hit.mark.event;
      ctx.togglePin(hit.mark.event);
    } else if (hit?.type === "cluster") {
      ctx.expandCluster(hit.cluster.startMs, hit.cluster.endMs, hit.cluster.events);
    } else if (state.pinned !== undefined) {
      state.pinned = undefined;
      ctx.invalidate();
    }
  });
}
