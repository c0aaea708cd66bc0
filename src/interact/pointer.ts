import { select } from "d3-selection";
import type { Hit } from "../model/hitTest";
import type { ClusterMark, EventMark } from "../model/layoutMarks";
import type { ViewAction } from "../model/viewState";

export interface PointerInput {
  readonly svg: SVGSVGElement;
  /** The group of focusable event marks. */
  readonly marks: SVGGElement;
  /** What is within `radiusPx` of a point given in the chart's client coordinates. */
  hitAt(clientX: number, clientY: number, radiusPx: number): Hit | undefined;
  dispatch(action: ViewAction): void;
  /** Clicking an event pins (or unpins) its details. */
  togglePin(event: number): void;
  /** Clicking a cluster opens it up. */
  expandCluster(cluster: ClusterMark): void;
  /** Whether details are pinned (a click elsewhere closes them). */
  pinned(): boolean;
  /** Focus left the marks: the details of the focused event may have to go. */
  focusLeft(): void;
}

/** Forgiving targets: a finger covers more than a mouse pointer. */
const radiusFor = (event: MouseEvent) => ("pointerType" in event && event.pointerType === "touch" ? 16 : 6);

/**
 * Pointer and focus input → view actions. Hover and click use the pure hit test over the current
 * layout rather than per-element listeners, so a mark's whole drawing is its target.
 */
export function listenForPointer(input: PointerInput): void {
  const { svg, marks } = input;
  marks.addEventListener("focusout", () => setTimeout(input.focusLeft, 0));
  marks.addEventListener("focusin", (event) => {
    // A mark's bound datum says which event it draws (no search of the events by id).
    const e = select<Element, EventMark | undefined>(event.target as Element).datum()?.event;
    if (e !== undefined) input.dispatch({ type: "focus", event: e });
  });

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
  const hitAt = (event: MouseEvent) => input.hitAt(event.clientX, event.clientY, radiusFor(event));
  svg.addEventListener("pointermove", (event) => {
    // A drag pans: the details of whatever passes under the pointer are not shown meanwhile.
    if (event.buttons !== 0) {
      point(undefined);
      input.dispatch({ type: "hover", hit: undefined });
      return;
    }
    const hit = hitAt(event);
    point(hit && (event.target as Element));
    input.dispatch({ type: "hover", hit });
  });
  svg.addEventListener("pointerleave", () => input.dispatch({ type: "hover", hit: undefined }));
  svg.addEventListener("click", (event) => {
    if ((event.target as Element).closest(".publication")) return;
    const hit = hitAt(event);
    if (hit?.type === "event") {
      input.dispatch({ type: "focus", event: hit.mark.event });
      input.togglePin(hit.mark.event);
    } else if (hit?.type === "cluster") input.expandCluster(hit.cluster);
    else if (input.pinned()) input.dispatch({ type: "pin", target: undefined });
  });
}
