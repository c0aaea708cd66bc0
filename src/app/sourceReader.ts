import type { Dataset } from "../data/types";
import { formatEdtf, formatEventDate } from "../model/formatDate";
import { articleView, type QuoteMark } from "../render/articleView";
import { el, externalLink } from "../render/dom";
import { canFocus } from "./escapeLayers";

/** How many of an article's events the reader lists at first, and adds with each "Show more". */
export const READER_EVENTS_PAGE = 100;

const BASIS_WORD = {
  stated: "stated in the article",
  inferred: "inferred from its wording",
  reference: "from outside reference",
} as const;

/**
 * The source reader: a side panel (a bottom sheet on phones) showing an article with every quoted
 * passage marked, the one the reader came for highlighted and scrolled into view, and the events
 * drawn from the article listed, each selectable on the timeline.
 */
export function createSourceReader(
  panel: HTMLElement,
  dataset: Dataset,
  pages: ReadonlyMap<string, readonly string[]>,
  onSelectEvent: (eventId: string) => void,
  /** Where focus goes on closing when what opened the reader is gone (its card was closed or rebuilt). */
  fallbackFocus: () => Element | null = () => null,
) {
  let returnFocus: Element | null = null;
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "false");
  panel.setAttribute("aria-labelledby", "source-reader-title");
  panel.hidden = true;

  /** Closes the reader (× or Escape, see escapeLayers) and returns focus to what opened it. */
  function close(): void {
    if (panel.hidden) return;
    panel.hidden = true;
    document.body.classList.remove("reader-open");
    const back = canFocus(returnFocus) ? returnFocus : fallbackFocus();
    if (canFocus(back)) back.focus();
  }

  function open(articleId: string, activeQuote?: string, activeEventId?: string): void {
    const number = dataset.articles.findIndex((a) => a.id === articleId);
    const article = dataset.articles[number];
    if (article === undefined) return;
    if (panel.hidden) returnFocus = document.activeElement;

    const closeButton = el("button", "reader-close", "\u00d7");
    closeButton.type = "button";
    closeButton.setAttribute("aria-label", "Close the source (Escape)");
    closeButton.addEventListener("click", close);
    const title = el("h2", "reader-title", article.title);
    title.id = "source-reader-title";
    title.tabIndex = -1;
    const meta: string[] = [`Article ${number + 1}`];
    if (article.outlet !== undefined) meta.push(article.outlet);
    if (article.published !== undefined) {
      const how = article.publishedBasis === undefined ? "" : ` (${BASIS_WORD[article.publishedBasis]})`;
      meta.push(`published ${formatEdtf(article.published)}${how}`);
    }
    // Only the title and × stay in view while the article scrolls (sticky, see timeline.css): the
    // meta lines scroll away, so a long note never covers the text being read.
    const header = el("header", "reader-header");
    header.append(closeButton, el("p", "reader-kicker", "Source"), title);
    const about = [el("p", "reader-meta", meta.join(" \u00b7 "))];
    if (article.publishedNote !== undefined) about.push(el("p", "reader-note", article.publishedNote));
    // The validator keeps only http(s) URLs; checked again where the reader clicks.
    if (article.url !== undefined && /^https?:\/\//i.test(article.url)) {
      const original = el("p", "reader-original");
      original.append(externalLink(article.url, "Original article \u2197", "original-link"));
      about.push(original);
    }

    const drawn = dataset.events.filter((e) => e.sources.some((s) => s.article === articleId));
    const list = el("ul", "reader-events");
    const sorted = [...drawn].sort((a, b) => a.startMs - b.startMs);
    // A bounded list: an article cited by thousands of events lists them a hundred at a time.
    const more = el("button", "link-button reader-more");
    more.type = "button";
    let listed = 0;
    const listMore = () => {
      for (const event of sorted.slice(listed, listed + READER_EVENTS_PAGE)) {
        const item = el("li");
        const pick = el("button", "link-button", event.title);
        pick.type = "button";
        pick.dataset["event"] = event.id;
        pick.addEventListener("click", () => onSelectEvent(event.id));
        item.append(el("span", "reader-event-date", formatEventDate(event)), " ", pick);
        list.append(item);
      }
      listed = Math.min(sorted.length, listed + READER_EVENTS_PAGE);
      more.textContent = `Show ${Math.min(READER_EVENTS_PAGE, sorted.length - listed)} more (${listed} of ${sorted.length} shown)`;
      more.hidden = listed >= sorted.length;
    };
    more.addEventListener("click", listMore);
    listMore();
    const eventsHeading = el("h3", "reader-heading", `Events drawn from this article (${drawn.length})`);

    const quotes: QuoteMark[] = drawn.flatMap((event) =>
      event.sources
        .filter((s) => s.article === articleId)
        .map((s) => ({
          quote: s.quote,
          eventId: event.id,
          active: s.quote === activeQuote && event.id === (activeEventId ?? event.id),
        })),
    );
    const text = pages.get(articleId);
    const body =
      text === undefined
        ? el("p", "unverified", "The text of this article is not available.")
        : articleView(text, quotes);
    body.addEventListener("click", (event) => {
      const mark = (event.target as Element).closest<HTMLElement>("mark[data-event]");
      if (mark?.dataset["event"] !== undefined) onSelectEvent(mark.dataset["event"]);
    });

    panel.replaceChildren(
      header,
      ...about,
      eventsHeading,
      list,
      more,
      el("h3", "reader-heading", "Article text"),
      body,
    );
    panel.hidden = false;
    document.body.classList.add("reader-open");
    const active = panel.querySelector<HTMLElement>("mark.active");
    if (active !== null) {
      active.tabIndex = -1;
      active.scrollIntoView({ block: "center" });
      active.focus({ preventScroll: true });
    } else title.focus();
  }

  return {
    open,
    close,
    get isOpen() {
      return !panel.hidden;
    },
  };
}
