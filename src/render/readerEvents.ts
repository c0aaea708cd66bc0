import type { TimelineEvent } from "../data/types";
import { formatEventDate } from "../model/formatDate";
import { el } from "./dom";

/** How many of an article's events the reader lists at first, and adds with each "Show more". */
export const READER_EVENTS_PAGE = 100;

/**
 * The events drawn from an article, in time order under a heading that counts them, each a button
 * that selects it (by id). A bounded list: an article cited by thousands of events lists them a
 * hundred at a time, with a "Show more" button after them.
 */
export function readerEvents(
  drawn: readonly TimelineEvent[],
  onSelectEvent: (eventId: string) => void,
): HTMLElement[] {
  const heading = el("h3", "reader-heading", `Events drawn from this article (${drawn.length})`);
  const list = el("ul", "reader-events");
  const sorted = [...drawn].sort((a, b) => a.startMs - b.startMs);
  const more = el("button", "link-button reader-more");
  more.type = "button";
  let listed = 0;
  const listMore = () => {
    for (const event of sorted.slice(listed, listed + READER_EVENTS_PAGE))
      list.append(readerEvent(event, onSelectEvent));
    listed = Math.min(sorted.length, listed + READER_EVENTS_PAGE);
    more.textContent = `Show ${Math.min(READER_EVENTS_PAGE, sorted.length - listed)} more (${listed} of ${sorted.length} shown)`;
    more.hidden = listed >= sorted.length;
  };
  more.addEventListener("click", listMore);
  listMore();
  return [heading, list, more];
}

/** One event of the list: its date, then its title as a button. */
function readerEvent(event: TimelineEvent, onSelectEvent: (eventId: string) => void): HTMLElement {
  const item = el("li");
  const pick = el("button", "link-button", event.title);
  pick.type = "button";
  pick.dataset["event"] = event.id;
  pick.addEventListener("click", () => onSelectEvent(event.id));
  item.append(el("span", "reader-event-date", formatEventDate(event)), " ", pick);
  return item;
}
