import { findFolded, foldText } from "../data/findQuote";
import { pageOf, pageRange, pageStarts } from "../model/articlePages";
import { el } from "./dom";

export interface QuoteMark {
  readonly quote: string;
  readonly eventId: string;
  /** The quote the reader came for: highlighted more strongly and scrolled into view. */
  readonly active: boolean;
}

/** Quotes are at most 400 characters: a page is searched this far past its end, so one that crosses it is still found. */
const QUOTE_REACH = 1000;
/** How long a background search for the active quote works before it lets the page paint and answer input. */
const SLICE_MS = 30;

/** Where each quote stands in the page [start, end), in the page's own offsets (clipped to it). */
function marksIn(text: string, start: number, end: number, quotes: readonly QuoteMark[]) {
  const folded = foldText(text.slice(start, Math.min(text.length, end + QUOTE_REACH)));
  return quotes
    .map((q) => ({ q, at: findFolded(folded, q.quote) }))
    .filter((s): s is { q: QuoteMark; at: [number, number] } => s.at !== undefined && s.at[0] < end - start)
    .map(({ q, at }) => ({ q, at: [at[0], Math.min(at[1], end - start)] as [number, number] }))
    .sort((a, b) => a.at[0] - b.at[0] || Number(b.q.active) - Number(a.q.active));
}

/** One page of the text as paragraphs, with each cited passage wrapped in <mark> (text nodes only). */
function pageView(page: string, spans: ReturnType<typeof marksIn>): DocumentFragment {
  const body = document.createDocumentFragment();
  let paragraph = el("p");
  body.append(paragraph);
  // Emits raw text, starting a new paragraph at each line break.
  const emit = (chunk: string, into: HTMLElement) => {
    chunk.split("\n").forEach((line, i) => {
      if (i > 0 && into === paragraph) {
        paragraph = el("p");
        body.append(paragraph);
        into = paragraph;
      } else if (i > 0) into.append(" ");
      if (line !== "") into.append(line);
    });
  };
  let cursor = 0;
  for (const { q, at } of spans) {
    const [start, end] = at;
    if (start < cursor) continue; // overlapping quotes: the earlier (or active) one wins
    emit(page.slice(cursor, start), paragraph);
    const mark = el("mark", q.active ? "quote active" : "quote");
    mark.dataset["event"] = q.eventId;
    emit(page.slice(start, end), mark);
    paragraph.append(mark);
    cursor = end;
  }
  emit(page.slice(cursor), paragraph);
  for (const p of [...body.querySelectorAll("p")]) if (p.textContent === "") p.remove();
  return body;
}

/**
 * An article's text split into paragraphs, with each cited passage wrapped in <mark> (built with
 * text nodes only, so the article can never inject markup). A long article is shown a page at a
 * time (see articlePages), so no text is too long to open: the page holding the quote the reader
 * came for first, found at once when it is there verbatim, else by a search through the pages in
 * slices that leave the page free to paint and answer input.
 */
export function articleView(text: string, quotes: readonly QuoteMark[]): HTMLElement {
  const starts = pageStarts(text);
  const view = el("div", "article-text");
  const content = el("div", "article-page");
  const active = quotes.find((q) => q.active);
  let current = -1;

  const nav = el("nav", "article-pager");
  nav.setAttribute("aria-label", "Pages of the article");
  const previous = el("button", "link-button", "\u25c0 Previous page");
  const next = el("button", "link-button", "Next page \u25b6");
  const status = el("span", "article-page-status");
  status.setAttribute("aria-live", "polite");
  previous.type = next.type = "button";
  nav.append(previous, " ", status, " ", next);

  const show = (page: number) => {
    current = page;
    const [start, end] = pageRange(starts, page, text.length);
    content.replaceChildren(pageView(text.slice(start, end), marksIn(text, start, end, quotes)));
    status.textContent = `Page ${page + 1} of ${starts.length}`;
    previous.disabled = page === 0;
    next.disabled = page === starts.length - 1;
  };
  previous.addEventListener("click", () => show(Math.max(0, current - 1)));
  next.addEventListener("click", () => show(Math.min(starts.length - 1, current + 1)));

  if (starts.length > 1) view.append(nav);
  view.append(content);
  const verbatim = active === undefined ? -1 : text.indexOf(active.quote);
  show(verbatim >= 0 ? pageOf(starts, verbatim) : 0);
  if (active !== undefined && verbatim < 0 && starts.length > 1) void seek(active.quote);
  return view;

  /** Finds the page that holds `quote` (up to typography), a slice at a time, and shows it. */
  async function seek(quote: string): Promise<void> {
    let sliceStart = performance.now();
    for (let page = 0; page < starts.length; page++) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        // The reader moved on (closed, another article, another page chosen).
        if (!view.isConnected || current !== 0) return;
        sliceStart = performance.now();
      }
      const [start, end] = pageRange(starts, page, text.length);
      const at = findFolded(foldText(text.slice(start, Math.min(text.length, end + QUOTE_REACH))), quote);
      if (at === undefined || at[0] >= end - start) continue;
      if (page !== current) show(page);
      const mark = view.querySelector<HTMLElement>("mark.active");
      if (mark !== null) {
        mark.tabIndex = -1;
        mark.scrollIntoView({ block: "center" });
        mark.focus({ preventScroll: true });
      }
      return;
    }
  }
}
