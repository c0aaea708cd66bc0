import type { Dataset } from "../data/types";
import { clusterCentre, type ClusterMark, type EventMark, type Layout } from "../model/layoutMarks";
import type { DetailTarget } from "../model/viewState";
import { detailContent } from "./detailContent";
import type { OpenSource } from "./eventDetail";
import { placeTooltip } from "./tooltip";

function sameTarget(
  a: DetailTarget | undefined,
  b: DetailTarget | undefined,
  pinned: boolean,
  wasPinned: boolean,
): boolean {
  if (a === undefined || b === undefined || pinned !== wasPinned) return false;
  if (a.type === "event" && b.type === "event") return a.event === b.event;
  if (a.type === "cluster" && b.type === "cluster") return a.count === b.count && a.events[0] === b.events[0];
  return false;
}

/** The mark a target's card points at, if this layout draws it. */
function anchorOf(layout: Layout, target: DetailTarget): EventMark | ClusterMark | undefined {
  return target.type === "event"
    ? layout.marks.find((m) => m.event === target.event)
    : layout.clusters.find((c) => c.events[0] === target.events[0]);
}

/** Where along x the card points: just inside a span's visible start, a point's centre, a cluster's badge. */
function anchorX(anchor: EventMark | ClusterMark, offsetXPx: number): number {
  if (!("cx" in anchor)) return clusterCentre(anchor) + offsetXPx;
  return anchor.kind === "span" ? Math.max(anchor.x0 + offsetXPx, 0) + 20 : anchor.cx + offsetXPx;
}

interface ViewportBox {
  readonly width: number;
  readonly height: number;
  readonly scrollTop: number;
}

interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Moves `node` (of `size`) next to the point (x, y) of the drawn layout, within the part of the
 * (vertically scrollable) viewport on screen.
 */
function placeNear(node: HTMLElement, size: Size, x: number, y: number, view: ViewportBox): void {
  const scroll = view.scrollTop;
  const { left, top } = placeTooltip(x, y - scroll, size.width, size.height, view.width, view.height);
  node.style.transform = `translate(${Math.round(left)}px, ${Math.round(top + scroll)}px)`;
}

/**
 * The viewport's size and scroll, kept by its own events. Sizes are read when they change, never
 * while placing: a read after the frame's DOM writes would force a layout every frame of a zoom or
 * pan with the details open.
 */
function watchViewport(viewport: HTMLElement, resized: () => void): ViewportBox {
  const view = { width: viewport.clientWidth, height: viewport.clientHeight, scrollTop: viewport.scrollTop };
  new ResizeObserver(() => {
    view.width = viewport.clientWidth;
    view.height = viewport.clientHeight;
    resized();
  }).observe(viewport);
  viewport.addEventListener("scroll", () => (view.scrollTop = viewport.scrollTop), { passive: true });
  return view;
}

/**
 * The detail popup: rebuilt only when its target changes (not on every frame of a zoom), and
 * repositioned next to its mark each frame. Pinned popups get a close button and stay put.
 */
export function createDetailCard(
  node: HTMLElement,
  viewport: HTMLElement,
  dataset: Dataset,
  openSource?: OpenSource,
) {
  let size: Size | undefined;
  // Its width may follow the viewport's (max-width), so it is measured again after a resize.
  const view = watchViewport(viewport, () => (size = undefined));
  let current: DetailTarget | undefined;
  let currentPinned = false;
  let closeHandler = () => {};
  /** Places the card again as the last frame did (its content grew since). */
  let placeAgain = () => {};
  let selectHandler = (_event: number) => {};
  const content = detailContent(dataset, openSource, {
    close: () => closeHandler(),
    select: (event) => selectHandler(event),
    // Rich text and media arrive a moment later: the card is measured and placed again.
    grown: () => {
      size = undefined;
      placeAgain();
    },
  });

  function hide(): void {
    node.hidden = true;
    current = undefined;
  }

  /** Shows the card for `target`, rebuilt if it is not the one shown; true if it was rebuilt. */
  function show(target: DetailTarget, pinned: boolean): boolean {
    const rebuilt = !sameTarget(target, current, pinned, currentPinned);
    if (rebuilt) {
      node.replaceChildren(...content(target, pinned));
      node.classList.toggle("pinned", pinned);
    }
    current = target;
    currentPinned = pinned;
    node.hidden = false;
    return rebuilt;
  }

  const card = {
    /** The layout is drawn moved by `offsetXPx` (a drag sliding it) and `offsetYPx` (below the axis). */
    update(
      layout: Layout,
      target: DetailTarget | undefined,
      pinned: boolean,
      offsetXPx: number,
      offsetYPx: number,
    ): void {
      const anchor = target === undefined ? undefined : anchorOf(layout, target);
      if (target === undefined || anchor === undefined) return hide();
      placeAgain = () => {
        if (current === target) card.update(layout, target, pinned, offsetXPx, offsetYPx);
      };
      const rebuilt = show(target, pinned);
      // New content (or a resized viewport): its size is read once, now, the one layout it needs.
      if (rebuilt || size === undefined) size = { width: node.offsetWidth, height: node.offsetHeight };
      placeNear(node, size, anchorX(anchor, offsetXPx), anchor.y + offsetYPx, view);
    },
    hide,
    onClose(handler: () => void): void {
      closeHandler = handler;
    },
    onSelect(handler: (event: number) => void): void {
      selectHandler = handler;
    },
  };
  return card;
}
export type DetailCard = ReturnType<typeof createDetailCard>;
