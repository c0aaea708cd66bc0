import type { Dataset, TimelineEvent } from "../data/types";
import type { QuoteMark } from "../render/articleView";
import { prepareReaderPanel, readerAbout, readerArticle, readerHeader } from "../render/readerPanel";
import { readerEvents } from "../render/readerEvents";
import { canFocus } from "./escapeLayers";

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
  prepareReaderPanel(panel);

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
    const { header, title } = readerHeader(article, close);
    const drawn = dataset.events.filter((e) => e.sources.some((s) => s.article === articleId));
    const quotes = quoteMarks(drawn, articleId, activeQuote, activeEventId);
    panel.replaceChildren(
      header,
      ...readerAbout(article, number),
      ...readerEvents(drawn, onSelectEvent),
      ...readerArticle(pages.get(articleId), quotes, onSelectEvent),
    );
    panel.hidden = false;
    document.body.classList.add("reader-open");
    focusQuote(panel, title);
  }

  return {
    open,
    close,
    get isOpen() {
      return !panel.hidden;
    },
  };
}

/**
 * Every quote the events take from the article, the one the reader came for active: `activeQuote`
 * as `activeEventId` cites it, or as any event does when no event is given.
 */
function quoteMarks(
  drawn: readonly TimelineEvent[],
  articleId: string,
  activeQuote: string | undefined,
  activeEventId: string | undefined,
): QuoteMark[] {
  return drawn.flatMap((event) =>
    event.sources
      .filter((s) => s.article === articleId)
      .map((s) => ({
        quote: s.quote,
        eventId: event.id,
        active: s.quote === activeQuote && event.id === (activeEventId ?? event.id),
      })),
  );
}

/** Scrolls the active quote to the middle of the panel and focuses it, or focuses the title if none is. */
function focusQuote(panel: HTMLElement, title: HTMLElement): void {
  const active = panel.querySelector<HTMLElement>("mark.active");
  if (active !== null) {
    active.tabIndex = -1;
    active.scrollIntoView({ block: "center" });
    active.focus({ preventScroll: true });
  } else title.focus();
}
