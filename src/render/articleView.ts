import { findFolded, foldText } from "../data/findQuote";
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

/**
 * Where each quote stands in page `page` [0, its length), clipped to it. The page is searched with
 * the start of the next one, so a quote that crosses into it is still found.
 */
function marksIn(pages: readonly string[], page: number, quotes: readonly QuoteMark[]) {
  const length = pages[page]!.length;
  const folded = foldText(withReach(pages, page));
  return quotes
    .map((q) => ({ q, at: findFolded(folded, q.quote) }))
    .filter((s): s is { q: QuoteMark; at: [number, number] } => s.at !== undefined && s.at[0] < length)
    .map(({ q, at }) => ({ q, at: [at[0], Math.min(at[1], length)] as [number, number] }))
    .sort((a, b) => a.at[0] - b.at[0] || Number(b.q.active) - Number(a.q.active));
}

/** Page `page` with the first QUOTE_REACH characters of the next. */
const withReach = (pages: readonly string[], page: number) =>
  pages[page]! + (pages[page + 1]?.slice(0, QUOTE_REACH) ?? "");

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
 * text nodes only, so the article can never inject markup). A long article comes in pages (see
 * articlePages) and is shown a page at a time, so no text is too long to open: the page holding the
 * quote the reader came for, found by a search through the pages (verbatim first, then up to
 * typography) in slices that leave the page free to paint and answer input. The text never has to
 * be one string: a 30 MB article handed over as one took the page's thread ~0.1–0.5 s to receive.
 */
export function articleView(pages: readonly string[], quotes: readonly QuoteMark[]): HTMLElement {
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
    content.replaceChildren(pageView(pages[page]!, marksIn(pages, page, quotes)));
    status.textContent = `Page ${page + 1} of ${pages.length}`;
    previous.disabled = page === 0;
    next.disabled = page === pages.length - 1;
  };
  previous.addEventListener("click", () => show(Math.max(0, current - 1)));
  next.addEventListener("click", () => show(Math.min(pages.length - 1, current + 1)));

  if (pages.length > 1) view.append(nav);
  view.append(content);
  show(0);
  if (active !== undefined && pages.length > 1) void seek(active.quote);
  return view;

  /**
   * Finds the page that holds `quote`, a slice at a time, and shows it: verbatim (indexOf, fast)
   * through every page, then up to typography (folding each page). The first slice runs at once, so
   * a quote found in it is on screen before the reader is first painted.
   */
  async function seek(quote: string): Promise<void> {
    let sliceStart = performance.now();
    for (const verbatim of [true, false]) {
      for (let page = 0; page < pages.length; page++) {
        if (performance.now() - sliceStart > SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          // The reader moved on (closed, another article, another page chosen).
          if (!view.isConnected || current !== 0) return;
          sliceStart = performance.now();
        }
        const at = verbatim
          ? withReach(pages, page).indexOf(quote)
          : findFolded(foldText(withReach(pages, page)), quote)?.[0];
        if (at === undefined || at < 0 || at >= pages[page]!.length) continue;
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
}
