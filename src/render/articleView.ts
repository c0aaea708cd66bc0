import { findQuote } from "../data/findQuote";
import { el } from "./dom";

export interface QuoteMark {
  readonly quote: string;
  readonly eventId: string;
  /** The quote the reader came for: highlighted more strongly and scrolled into view. */
  readonly active: boolean;
}

/**
 * An article's text split into paragraphs, with each cited passage wrapped in <mark> (built with
 * text nodes only, so the article can never inject markup).
 */
export function articleView(text: string, quotes: readonly QuoteMark[]): HTMLElement {
  const spans = quotes
    .map((q) => ({ q, at: findQuote(text, q.quote) }))
    .filter((s): s is { q: QuoteMark; at: [number, number] } => s.at !== undefined)
    .sort((a, b) => a.at[0] - b.at[0] || Number(b.q.active) - Number(a.q.active));
  const body = el("div", "article-text");
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
    emit(text.slice(cursor, start), paragraph);
    const mark = el("mark", q.active ? "quote active" : "quote");
    mark.dataset["event"] = q.eventId;
    emit(text.slice(start, end), mark);
    paragraph.append(mark);
    cursor = end;
  }
  emit(text.slice(cursor), paragraph);
  for (const p of [...body.querySelectorAll("p")]) if (p.textContent === "") p.remove();
  return body;
}
