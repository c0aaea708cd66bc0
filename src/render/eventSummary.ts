import type { Dataset, TimelineEvent } from "../data/types";
import { BASIS_LABEL, formatEventDate, PRECISION_LABEL } from "../model/formatDate";
import { STATUS_LABEL, reportCount, reportingStatus } from "../model/reportingStatus";
import { truncateText } from "../model/truncateText";
import { el } from "./dom";

/** How much of the first quote a hover card shows: a glance, not the reading (the pinned card). */
const QUOTE_CHARS = 140;

/**
 * The hover card: what a reader needs at a glance, small enough not to cover what they are reading.
 * Title, date with how it is known, reporting status, the first quote shortened, and where the rest
 * is. Pinning (click, tap, Enter) opens the full detail.
 */
export function eventSummary(
  event: TimelineEvent,
  dataset: Dataset,
  laneLabel: string,
  colour: string,
): HTMLElement {
  const root = el("div", "detail summary-card");
  const lane = el("p", "detail-lane", laneLabel);
  lane.style.setProperty("--lane-colour", colour);
  root.append(lane, el("h2", "detail-title", event.title));
  const when = el("p", "detail-date");
  when.append(el("strong", undefined, formatEventDate(event)), ` \u00b7 ${PRECISION_LABEL[event.precision]}`);
  root.append(when, el("p", `detail-basis basis-${event.dateBasis}`, BASIS_LABEL[event.dateBasis]));
  const status = reportingStatus(event);
  const count = reportCount(event);
  root.append(
    el(
      "p",
      `detail-status status-${status}`,
      `${STATUS_LABEL[status]} \u00b7 ${count} article${count === 1 ? "" : "s"}`,
    ),
  );
  const first = event.sources[0];
  if (first !== undefined) {
    const article = dataset.articles.find((a) => a.id === first.article);
    const quote = el("blockquote", "summary-quote", `\u201c${truncateText(first.quote, QUOTE_CHARS)}\u201d`);
    root.append(quote, el("cite", undefined, article?.title ?? first.article));
  } else root.append(el("p", "summary-quote", "No source quote."));
  const more =
    // Quotes, not sources: two quotes from one article are still one report (the status line above).
    event.sources.length > 1 ? `all ${event.sources.length} quotes` : "the quote and how it was dated";
  root.append(el("p", "summary-more", `Click, tap or press Enter for ${more}.`));
  return root;
}
