import type { Selection } from "d3-selection";
import type { Article } from "../data/types";
import { dodge } from "../model/dodge";
import { formatEdtf } from "../model/formatDate";
import { setAttr } from "./dom";

type G = Selection<SVGGElement, unknown, null, undefined>;

interface Publication {
  readonly article: Article;
  readonly number: number;
  readonly startMs: number;
  readonly endMs: number;
}

const BASIS_WORD = { stated: "stated", inferred: "inferred", reference: "from outside reference" } as const;

/** Accessible name of a publication mark, starting with its visible tag: "A3: article 3, published about 24 April 2025 (…): …". */
function publicationName(p: Publication): string {
  const how = p.article.publishedBasis === undefined ? "" : ` (${BASIS_WORD[p.article.publishedBasis]})`;
  return `A${p.number}: article ${p.number}, published ${formatEdtf(p.article.published!)}${how}: ${p.article.title}`;
}

/**
 * Each source article's (inferred) publication date as a numbered tag above the axis and a faint
 * line through the lanes, so a reader sees which reports came before or after an event. A date
 * known only approximately is drawn over its window with a dashed tag.
 */
export function renderPublications(
  tags: G,
  lines: G,
  articles: readonly Article[],
  x: (ms: number) => number,
  plotHeightPx: number,
  onOpen?: (articleId: string) => void,
): void {
  const publications: Publication[] = articles.flatMap((article, i) =>
    article.published === undefined
      ? []
      : [
          {
            article,
            number: i + 1,
            startMs: article.published.startMs,
            endMs: Math.max(article.published.endMs, article.published.startMs),
          },
        ],
  );
  const centre = (p: Publication) => x((p.startMs + p.endMs) / 2);
  // Articles published on the same day would hide each other: tags are spread apart, each with a
  // stem down to its true date.
  const tagX = new Map(dodge(publications.map(centre), 21).map((tx, i) => [publications[i]!.article.id, tx]));
  const approximate = (p: Publication) => p.article.published!.approximate || p.article.published!.uncertain;
  const tag = tags
    .selectAll<SVGGElement, Publication>("g.publication")
    .data(publications, (p) => p.article.id)
    .join((enter) => {
      // What belongs to the article is written once; each frame only moves the tag.
      const g = enter
        .append("g")
        .attr("class", "publication")
        .attr("role", "button")
        .attr("tabindex", 0)
        .classed("approximate", approximate)
        .attr("aria-label", publicationName)
        .attr("data-article", (p) => p.article.id)
        .on("click", (_, p) => onOpen?.(p.article.id))
        .on("keydown", (event: KeyboardEvent, p) => {
          if (event.key === "Enter" || event.key === " ") {
            event.preventDefault();
            onOpen?.(p.article.id);
          }
        });
      g.append("line").attr("class", "publication-stem").attr("y1", 7).attr("y2", 14);
      g.append("rect")
        .attr("class", "publication-tag")
        .attr("x", -9)
        .attr("y", -7)
        .attr("width", 18)
        .attr("height", 14)
        .attr("rx", 3);
      g.append("text")
        .attr("class", "publication-number")
        .text((p) => `A${p.number}`);
      g.append("title").text(publicationName);
      return g;
    })
    .attr("transform", (p) => `translate(${tagX.get(p.article.id)},0)`);
  tag.select(".publication-stem").attr("x2", (p) => centre(p) - tagX.get(p.article.id)!);

  lines
    .selectAll<SVGLineElement, Publication>("line")
    .data(publications, (p) => p.article.id)
    .join((enter) => enter.append("line").classed("approximate", approximate))
    .each(function (p) {
      setAttr(this, "x1", centre(p));
      setAttr(this, "x2", centre(p));
      setAttr(this, "y2", plotHeightPx);
    });
}
