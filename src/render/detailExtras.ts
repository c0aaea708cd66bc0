import type { Dataset, TimelineEvent } from "../data/types";
import { mediaView } from "./eventMedia";
import { sanitizedFragment } from "./richText";
import "../styles/media.css";

/**
 * What the details show of an event's rich text and media, loaded (with DOMPurify) only when an
 * event that has them is pinned: `summary` (its plain text, shown until now) gives way to the
 * sanitised HTML, and the media goes before it.
 */
export function fillDetailExtras(
  event: TimelineEvent,
  dataset: Dataset,
  summary: HTMLElement | undefined,
  slot: HTMLElement,
): void {
  if (event.summaryHtml !== undefined && summary !== undefined) {
    const rich = document.createElement("div");
    rich.className = "detail-summary detail-rich";
    rich.append(sanitizedFragment(event.summaryHtml));
    // Markup that held no text (all of it removed) leaves the plain summary.
    if ((rich.textContent ?? "").trim() !== "") summary.replaceWith(rich);
  }
  if (event.media !== undefined) slot.replaceChildren(mediaView(event.media, dataset.mediaOrigins));
}
