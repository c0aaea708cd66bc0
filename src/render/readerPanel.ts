import type { Article } from "../data/types";
import { formatEdtf } from "../model/formatDate";
import { articleView, type QuoteMark } from "./articleView";
import { el, externalLink } from "./dom";

const BASIS_WORD = {
  stated: "stated in the article",
  inferred: "inferred from its wording",
  reference: "from outside reference",
} as const;

/** Makes `panel` the source reader's dialog: not modal, named by the article's title, hidden at first. */
export function prepareReaderPanel(panel: HTMLElement): void {
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "false");
  panel.setAttribute("aria-labelledby", "source-reader-title");
  panel.hidden = true;
}

/**
 * The reader's header: ×, kicker and the article's title (which names the dialog and takes focus
 * when no quote does). Only these stay in view while the article scrolls (sticky, see timeline.css).
 */
export function readerHeader(
  article: Article,
  close: () => void,
): { header: HTMLElement; title: HTMLElement } {
  const closeButton = el("button", "reader-close", "\u00d7");
  closeButton.type = "button";
  closeButton.setAttribute("aria-label", "Close the source (Escape)");
  closeButton.addEventListener("click", close);
  const title = el("h2", "reader-title", article.title);
  title.id = "source-reader-title";
  title.tabIndex = -1;
  const header = el("header", "reader-header");
  header.append(closeButton, el("p", "reader-kicker", "Source"), title);
  return { header, title };
}

/**
 * What is known of article `number` (0-based): outlet, publication date and how it was established,
 * a note, the original's link. These scroll away, so a long note never covers the text being read.
 */
export function readerAbout(article: Article, number: number): HTMLElement[] {
  const meta: string[] = [`Article ${number + 1}`];
  if (article.outlet !== undefined) meta.push(article.outlet);
  if (article.published !== undefined) {
    const how = article.publishedBasis === undefined ? "" : ` (${BASIS_WORD[article.publishedBasis]})`;
    meta.push(`published ${formatEdtf(article.published)}${how}`);
  }
  const about = [el("p", "reader-meta", meta.join(" \u00b7 "))];
  if (article.publishedNote !== undefined) about.push(el("p", "reader-note", article.publishedNote));
  // The validator keeps only http(s) URLs; checked again where the reader clicks.
  if (article.url !== undefined && /^https?:\/\//i.test(article.url)) {
    const original = el("p", "reader-original");
    original.append(externalLink(article.url, "Original article \u2197", "original-link"));
    about.push(original);
  }
  return about;
}

/**
 * The article's text with its quotes marked (a click on one selects its event by id), or a line
 * saying the text is not available; under its heading.
 */
export function readerArticle(
  text: readonly string[] | undefined,
  quotes: readonly QuoteMark[],
  onSelectEvent: (eventId: string) => void,
): HTMLElement[] {
  const body =
    text === undefined
      ? el("p", "unverified", "The text of this article is not available.")
      : articleView(text, quotes);
  body.addEventListener("click", (event) => {
    const mark = (event.target as Element).closest<HTMLElement>("mark[data-event]");
    if (mark?.dataset["event"] !== undefined) onSelectEvent(mark.dataset["event"]);
  });
  return [el("h3", "reader-heading", "Article text"), body];
}
