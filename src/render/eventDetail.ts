import type { Article, Dataset, TimelineEvent } from "../data/types";
import { BASIS_LABEL, PRECISION_LABEL, formatEdtf, formatEventDate } from "../model/formatDate";
import { el } from "./dom";

function articleLine(article: Article | undefined, id: string): string {
  if (article === undefined) return id;
  const parts = [article.title];
  if (article.outlet !== undefined) parts.push(article.outlet);
  if (article.published !== undefined) parts.push(`published ${formatEdtf(article.published)}`);
  return parts.join(" \u00b7 ");
}

/** The full detail of an event: what a reader needs to trust it (date basis, quotes, disagreements). */
export function eventDetail(
  event: TimelineEvent,
  dataset: Dataset,
  laneLabel: string,
  colour: string,
): HTMLElement {
  const root = el("div", "detail");
  const lane = el("p", "detail-lane", laneLabel);
  lane.style.setProperty("--lane-colour", colour);
  root.append(lane, el("h2", "detail-title", event.title));

  const when = el("p", "detail-date");
  when.append(el("strong", undefined, formatEventDate(event)), ` \u00b7 ${PRECISION_LABEL[event.precision]}`);
  const basis = el("p", `detail-basis basis-${event.dateBasis}`);
  basis.append(el("span", "basis-label", BASIS_LABEL[event.dateBasis]), `: ${event.dateNote}`);
  root.append(when, basis, el("p", "detail-summary", event.summary));

  const sources = el("ol", "detail-sources");
  sources.setAttribute(
    "aria-label",
    event.sources.length === 1 ? "Source" : `${event.sources.length} sources`,
  );
  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  for (const source of event.sources) {
    const item = el("li");
    item.append(el("blockquote", undefined, `\u201c${source.quote}\u201d`));
    const cite = el("cite", undefined, articleLine(articles.get(source.article), source.article));
    item.append(cite);
    if (!source.verified)
      item.append(el("span", "unverified", " (quote not verified: article text unavailable)"));
    sources.append(item);
  }
  root.append(
    el(
      "h3",
      "detail-sources-heading",
      event.sources.length === 1 ? "Source" : `Sources (${event.sources.length})`,
    ),
    sources,
  );

  if (event.conflict !== undefined) {
    const conflict = el("p", "detail-conflict");
    conflict.append(el("strong", undefined, "Reports disagree: "), event.conflict.note);
    root.append(conflict);
  }

  if (event.actors.length > 0) root.append(el("p", "detail-actors", `Who: ${event.actors.join(", ")}`));
  return root;
}
