import type { Dataset } from "../data/types";
import { formatEdtf } from "../model/formatDate";
import { el } from "./dom";
import { groupDigits } from "../model/groupDigits";

const BASIS_WORD = {
  stated: "stated",
  inferred: "inferred from its wording",
  reference: "from outside reference",
} as const;

/** Title, description and counts of the dataset, and the list of its source articles. */
export function renderHeader(
  dataset: Dataset,
  nodes: { title: HTMLElement; description: HTMLElement; meta: HTMLElement; sources: HTMLElement },
  onOpenArticle: (articleId: string) => void,
  /** How many events cite each article (from facetOptions, which has already counted them). */
  eventsByArticle: ReadonlyMap<string, number>,
): void {
  nodes.title.textContent = dataset.title;
  document.title = dataset.title;
  nodes.description.textContent = dataset.description;
  const cited = [...eventsByArticle.values()].filter((n) => n > 0).length;
  // How to use the chart is for screens: print leaves it out (see the print styles).
  nodes.meta.replaceChildren(
    `${groupDigits(dataset.events.length)} events from ${cited} article${cited === 1 ? "" : "s"} \u00b7 ${dataset.lanes.length} lanes`,
    el("span", "instructions", " \u00b7 scroll or pinch to zoom, drag to pan, hover or Tab for details"),
  );

  nodes.sources.replaceChildren(
    ...dataset.articles.map((article, i) => {
      const item = el("li");
      item.dataset["article"] = article.id;
      const open = el("button", "link-button source-title", article.title);
      open.type = "button";
      open.setAttribute("aria-label", `Read article ${i + 1}: ${article.title}`);
      open.addEventListener("click", () => onOpenArticle(article.id));
      item.append(el("span", "source-number", `A${i + 1}`), " ", open);
      const details: string[] = [];
      if (article.outlet !== undefined) details.push(article.outlet);
      if (article.published !== undefined) {
        const how = article.publishedBasis === undefined ? "" : ` (${BASIS_WORD[article.publishedBasis]})`;
        details.push(`published ${formatEdtf(article.published)}${how}`);
      }
      details.push(`${eventsByArticle.get(article.id) ?? 0} events`);
      item.append(el("span", "source-meta", ` \u2014 ${details.join(" \u00b7 ")}`));
      if (article.publishedNote !== undefined) item.title = article.publishedNote;
      return item;
    }),
  );
}
