import type { Dataset, TimelineEvent } from "../data/types";
import type { CardGroup } from "../model/cardGroups";
import { BASIS_LABEL, formatEventDate, PRECISION_LABEL } from "../model/formatDate";
import { eraTitlesAt } from "../model/eraBands";
import { groupDigits } from "../model/groupDigits";
import { STATUS_LABEL, reportCount, reportingStatus } from "../model/reportingStatus";
import { el } from "./dom";
import { laneColour } from "./palette";

/** Cards drawn at first, and added by each "Show more": a long list is not built all at once. */
export const CARD_PAGE = 500;

/** One event as a card: a real button (tap, Enter or Space opens its details), named by what it shows. */
function phoneCard(
  event: TimelineEvent,
  position: number,
  lane: number,
  laneLabel: string,
  eras: readonly string[],
): HTMLElement {
  const status = reportingStatus(event);
  const count = reportCount(event);
  // Its dot on the line is drawn as the chart draws the event: lane colour, filled / ring / dashed
  // for how the date was established (see the Key).
  const card = el("button", `phone-card basis-${event.dateBasis}`);
  card.type = "button";
  card.dataset["eventId"] = event.id;
  card.dataset["position"] = String(position);
  card.setAttribute("aria-haspopup", "dialog");
  card.style.setProperty("--lane-colour", laneColour(lane));
  // The order read is the order seen: when, what, how sure, who reported it.
  const date = el("span", "card-date");
  date.append(el("strong", undefined, formatEventDate(event)), ` \u00b7 ${PRECISION_LABEL[event.precision]}`);
  card.append(
    date,
    el("span", "card-title", event.title),
    el("span", "card-basis", BASIS_LABEL[event.dateBasis]),
    el(
      "span",
      `card-status status-${status}`,
      `${STATUS_LABEL[status]} \u00b7 ${count} source${count === 1 ? "" : "s"}`,
    ),
    el("span", "card-lane", laneLabel),
  );
  // The chart's era bands, said in words: the eras the event falls in.
  if (eras.length > 0) card.append(el("span", "card-era", eras.join(" \u00b7 ")));
  return card;
}

/**
 * The cards of the phone timeline: the first `limit` of `order` (dataset indices in time order)
 * under their month headings, then a "Show more" button while some are left. Returns the cards in
 * order, for measuring. Clicks are handled by the caller on `container` (one listener, not one per card).
 */
export function renderPhoneCards(
  container: HTMLElement,
  dataset: Dataset,
  order: readonly number[],
  groups: readonly CardGroup[],
  limit: number,
): HTMLElement[] {
  const laneNumber = new Map(dataset.lanes.map((l, i) => [l.id, i]));
  const cards: HTMLElement[] = [];
  const parts: HTMLElement[] = [];
  for (const group of groups) {
    if (group.first >= limit) break;
    const section = el("section", "card-group");
    const heading = el("h2", "card-heading", group.label);
    heading.id = `cards-${group.first}`;
    section.setAttribute("aria-labelledby", heading.id);
    const list = el("ol", "card-list");
    const end = Math.min(limit, group.first + group.count);
    for (let p = group.first; p < end; p++) {
      const event = dataset.events[order[p]!]!;
      const lane = laneNumber.get(event.lane) ?? 0;
      const eras = eraTitlesAt(dataset.eras ?? [], event.startMs);
      const card = phoneCard(event, p, lane, dataset.lanes[lane]?.label ?? event.lane, eras);
      const item = el("li", "card-item");
      item.append(card);
      list.append(item);
      cards.push(card);
    }
    section.append(heading, list);
    parts.push(section);
  }
  if (order.length === 0)
    parts.push(el("p", "cards-empty", "No events match the search and filters. Reset shows them all."));
  if (order.length > limit) {
    const left = order.length - limit;
    const more = el(
      "button",
      "tool-button cards-more",
      `Show ${groupDigits(Math.min(CARD_PAGE, left))} more of ${groupDigits(left)} not shown`,
    );
    more.type = "button";
    parts.push(more);
  }
  container.replaceChildren(...parts);
  return cards;
}
