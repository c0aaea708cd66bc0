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

/**
 * What the page shows of a dataset's title slide beyond its plain text (TimelineJS): its description
 * as sanitised rich text, shown instead of the plain one, and its media above the list of sources
 * (not in the header: the chart stays where a reader's eye is). The page removes both on a remount.
 */
export function fillDatasetExtras(dataset: Dataset, description: HTMLElement, sources: HTMLElement): void {
  if (dataset.descriptionHtml !== undefined) {
    // A <div>: the rich text may hold paragraphs and lists, which a <p> cannot.
    const rich = document.createElement("div");
    rich.className = "description description-rich detail-rich";
    rich.append(sanitizedFragment(dataset.descriptionHtml));
    if ((rich.textContent ?? "").trim() !== "") {
      description.after(rich);
      description.hidden = true;
    }
  }
  if (dataset.media !== undefined) {
    const figure = mediaView(dataset.media, dataset.mediaOrigins);
    figure.classList.add("title-media");
    sources.before(figure);
  }
}
