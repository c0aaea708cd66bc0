import type { Dataset, TimelineEvent } from "../data/types";
import { clusterCentre, type Layout } from "../model/layoutMarks";
import { formatEventDate } from "../model/formatDate";
import { el } from "./dom";
import { eventDetail, type OpenSource } from "./eventDetail";
import { eventSummary } from "./eventSummary";
import { laneColour } from "./palette";
import { placeTooltip } from "./tooltip";
import { groupDigits } from "../model/groupDigits";
import type { DetailTarget } from "../model/viewState";

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
  const { events, lanes } = dataset;
  // Sizes are read when they change, never while placing: a read after the frame's DOM writes would
  // force a layout every frame of a zoom or pan with the details open.
  let size: { width: number; height: number } | undefined;
  const view = { width: viewport.clientWidth, height: viewport.clientHeight, scrollTop: viewport.scrollTop };
  new ResizeObserver(() => {
    view.width = viewport.clientWidth;
    view.height = viewport.clientHeight;
    // Its width may follow the viewport's (max-width), so it is measured again.
    size = undefined;
  }).observe(viewport);
  viewport.addEventListener("scroll", () => (view.scrollTop = viewport.scrollTop), { passive: true });
  // The events a conflict names are found by id: the map is built once the page is idle after
  // loading (~15 ms at 100,000 events), so the details never pay for it; a scan stands in until then.
  let byId: Map<string, TimelineEvent> | undefined;
  (window.requestIdleCallback ?? setTimeout)(() => (byId ??= new Map(events.map((e) => [e.id, e]))));
  const eventById = (id: string) => (byId === undefined ? events.find((e) => e.id === id) : byId.get(id));
  let current: DetailTarget | undefined;
  let currentPinned = false;
  let closeHandler = () => {};
  /** Places the card again as the last frame did (its content grew since). */
  let placeAgain = () => {};
  let selectHandler = (_event: number) => {};

  function build(target: DetailTarget, pinned: boolean): void {
    node.replaceChildren(...content(target, pinned));
    node.classList.toggle("pinned", pinned);
  }

  /** The × of a pinned card, first in its header (sticky: see timeline.css). */
  function closeButton(): HTMLElement {
    const close = el("button", "tooltip-close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close details (Escape)");
    close.addEventListener("click", () => closeHandler());
    return close;
  }

  function content(target: DetailTarget, pinned: boolean): Node[] {
    const children: Node[] = [];
    if (target.type === "event") {
      const event = events[target.event]!;
      const lane = lanes.findIndex((l) => l.id === event.lane);
      const laneLabel = lanes[lane]?.label ?? event.lane;
      // Hovering shows a glance; pinning (which can be clicked into) holds everything.
      if (pinned) {
        // Rich text and media arrive a moment later: the card is measured and placed again.
        const detail = eventDetail(event, dataset, laneLabel, laneColour(lane), openSource, eventById, () => {
          size = undefined;
          placeAgain();
        });
        detail.querySelector(".detail-head")?.prepend(closeButton());
        children.push(detail);
      } else children.push(eventSummary(event, dataset, laneLabel, laneColour(lane)));
    } else {
      const first = events[target.events[0]!]!,
        last = events[target.last]!;
      const head = el("div", "detail-head");
      if (pinned) head.append(closeButton());
      head.append(
        el("h2", "detail-title", `${groupDigits(target.count)} events`),
        el("p", "detail-date", `${formatEventDate(first)} \u2013 ${formatEventDate(last)}`),
      );
      children.push(head);
      const list = el("ul", "cluster-list");
      for (const e of target.events.slice(0, 12)) {
        const item = el("li");
        if (pinned) {
          const pick = el("button", "link-button", events[e]!.title);
          pick.type = "button";
          pick.addEventListener("click", () => selectHandler(e));
          item.append(pick);
        } else item.textContent = events[e]!.title;
        list.append(item);
      }
      if (target.count > 12) list.append(el("li", "more", `and ${groupDigits(target.count - 12)} more`));
      children.push(
        list,
        el(
          "p",
          "hint",
          pinned ? "Choose an event, or zoom in to separate them." : "Click to zoom in and separate them.",
        ),
      );
    }
    return children;
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
      const anchor =
        target === undefined
          ? undefined
          : target.type === "event"
            ? layout.marks.find((m) => m.event === target.event)
            : layout.clusters.find((c) => c.events[0] === target.events[0]);
      if (target === undefined || anchor === undefined) {
        node.hidden = true;
        current = undefined;
        return;
      }
      placeAgain = () => {
        if (current === target) card.update(layout, target, pinned, offsetXPx, offsetYPx);
      };
      const rebuilt = !sameTarget(target, current, pinned, currentPinned);
      if (rebuilt) build(target, pinned);
      current = target;
      currentPinned = pinned;
      node.hidden = false;
      // New content (or a resized viewport): its size is read once, now, the one layout it needs.
      if (rebuilt || size === undefined) size = { width: node.offsetWidth, height: node.offsetHeight };
      const x =
        "cx" in anchor
          ? anchor.kind === "span"
            ? Math.max(anchor.x0 + offsetXPx, 0) + 20
            : anchor.cx + offsetXPx
          : clusterCentre(anchor) + offsetXPx;
      // Placed within the visible part of the (vertically scrollable) viewport.
      const scroll = view.scrollTop;
      const { left, top } = placeTooltip(
        x,
        anchor.y + offsetYPx - scroll,
        size.width,
        size.height,
        view.width,
        view.height,
      );
      node.style.transform = `translate(${Math.round(left)}px, ${Math.round(top + scroll)}px)`;
    },
    hide(): void {
      node.hidden = true;
      current = undefined;
    },
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
