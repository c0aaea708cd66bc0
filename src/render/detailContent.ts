import type { Dataset, TimelineEvent } from "../data/types";
import { formatEventDate } from "../model/formatDate";
import { groupDigits } from "../model/groupDigits";
import type { DetailTarget } from "../model/viewState";
import { el } from "./dom";
import { eventDetail, type OpenSource } from "./eventDetail";
import { eventSummary } from "./eventSummary";
import { laneColour } from "./palette";

/** Where the buttons of a pinned card report, and what it says when its content grows. */
export interface DetailHooks {
  /** The × was pressed. */
  close(): void;
  /** A cluster's member was chosen (a dataset index). */
  select(event: number): void;
  /** An event's rich text or media arrived after the card was placed: its size changed. */
  grown(): void;
}

/**
 * The content of the detail card for a target: a glance when hovered, everything when pinned (a
 * pinned card can be clicked into).
 */
export function detailContent(dataset: Dataset, openSource: OpenSource | undefined, hooks: DetailHooks) {
  const { events, lanes } = dataset;
  const eventById = eventsById(events);

  /** The × of a pinned card, first in its header (sticky: see timeline.css). */
  function closeButton(): HTMLElement {
    const close = el("button", "tooltip-close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close details (Escape)");
    close.addEventListener("click", () => hooks.close());
    return close;
  }

  function eventContent(event: TimelineEvent, pinned: boolean): HTMLElement {
    const lane = lanes.findIndex((l) => l.id === event.lane);
    const laneLabel = lanes[lane]?.label ?? event.lane;
    if (!pinned) return eventSummary(event, dataset, laneLabel, laneColour(lane));
    const detail = eventDetail(event, dataset, laneLabel, laneColour(lane), openSource, eventById, () =>
      hooks.grown(),
    );
    detail.querySelector(".detail-head")?.prepend(closeButton());
    return detail;
  }

  /** How many events over what time, the first 12 named (to choose from when pinned), and a hint. */
  function clusterContent(target: Extract<DetailTarget, { type: "cluster" }>, pinned: boolean): Node[] {
    const first = events[target.events[0]!]!,
      last = events[target.last]!;
    const head = el("div", "detail-head");
    if (pinned) head.append(closeButton());
    head.append(
      el("h2", "detail-title", `${groupDigits(target.count)} events`),
      el("p", "detail-date", `${formatEventDate(first)} \u2013 ${formatEventDate(last)}`),
    );
    const list = el("ul", "cluster-list");
    for (const e of target.events.slice(0, 12)) {
      const item = el("li");
      if (pinned) {
        const pick = el("button", "link-button", events[e]!.title);
        pick.type = "button";
        pick.addEventListener("click", () => hooks.select(e));
        item.append(pick);
      } else item.textContent = events[e]!.title;
      list.append(item);
    }
    if (target.count > 12) list.append(el("li", "more", `and ${groupDigits(target.count - 12)} more`));
    const hint = pinned
      ? "Choose an event, or zoom in to separate them."
      : "Click to zoom in and separate them.";
    return [head, list, el("p", "hint", hint)];
  }

  return (target: DetailTarget, pinned: boolean): Node[] =>
    target.type === "event" ? [eventContent(events[target.event]!, pinned)] : clusterContent(target, pinned);
}

/**
 * Finds the events a conflict names by id: the map is built once the page is idle after loading
 * (~15 ms at 100,000 events), so the details never pay for it; a scan stands in until then.
 */
function eventsById(events: readonly TimelineEvent[]) {
  let byId: Map<string, TimelineEvent> | undefined;
  (window.requestIdleCallback ?? setTimeout)(() => (byId ??= new Map(events.map((e) => [e.id, e]))));
  return (id: string) => (byId === undefined ? events.find((e) => e.id === id) : byId.get(id));
}
