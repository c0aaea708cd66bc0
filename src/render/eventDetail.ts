import type { Article, Dataset, Source, TimelineEvent } from "../data/types";
import { BASIS_LABEL, PRECISION_LABEL, formatEdtf, formatEventDate } from "../model/formatDate";
import { STATUS_LABEL, reportCount, reportingStatus } from "../model/reportingStatus";
import { el, externalLink } from "./dom";

/** Called when the reader asks to see a quote in its article. */
export type OpenSource = (articleId: string, quote: string, eventId: string) => void;

function articleLine(article: Article | undefined, id: string): string {
  if (article === undefined) return id;
  const parts = [article.title];
  if (article.outlet !== undefined) parts.push(article.outlet);
  if (article.published !== undefined) parts.push(`published ${formatEdtf(article.published)}`);
  return parts.join(" \u00b7 ");
}

function sourceItem(
  source: Source,
  event: TimelineEvent,
  articles: ReadonlyMap<string, Article>,
  open: OpenSource | undefined,
): HTMLElement {
  const item = el("li", "source");
  item.append(el("blockquote", undefined, `\u201c${source.quote}\u201d`));
  const article = articles.get(source.article);
  item.append(el("cite", undefined, articleLine(article, source.article)));
  if (!source.verified)
    item.append(el("span", "unverified", "Quote not verified: article text unavailable."));
  // The validator keeps only http(s) URLs; checked again here, as this is where a reader clicks.
  if (article?.url !== undefined && /^https?:\/\//i.test(article.url))
    item.append(externalLink(article.url, "Original article \u2197", "original-link"));
  if (open !== undefined && article?.file !== undefined) {
    const read = el("button", "link-button read-source", "Read in the article");
    read.type = "button";
    read.dataset["article"] = source.article;
    read.addEventListener("click", () => open(source.article, source.quote, event.id));
    item.append(read);
  }
  return item;
}

/** At most this many sides of a disagreement are shown (this event and three others)… */
const MAX_SIDES = 4;
/** …found among at most this many of the ids it names. */
const MAX_LOOKUPS = 100;
/** Quotes shown at first in a list, and added with each "Show more". */
export const DETAIL_LIST_STEP = 20;

/**
 * Appends the first DETAIL_LIST_STEP items to `list`, and after it (in `parent`) a "Show more"
 * button while there are more: the details of an event with 5,000 quotes are built in one step.
 */
function boundedList<T>(
  parent: HTMLElement,
  list: HTMLElement,
  items: readonly T[],
  render: (item: T) => HTMLElement,
  what: string,
): void {
  let shown = 0;
  const more = el("button", "link-button detail-more");
  more.type = "button";
  const step = () => {
    for (const item of items.slice(shown, shown + DETAIL_LIST_STEP)) list.append(render(item));
    shown = Math.min(items.length, shown + DETAIL_LIST_STEP);
    more.textContent = `Show ${Math.min(DETAIL_LIST_STEP, items.length - shown)} more ${what} (${shown} of ${items.length} shown)`;
    if (shown >= items.length) more.remove();
  };
  more.addEventListener("click", step);
  step();
  if (shown < items.length) parent.append(more);
}

/** Finds an event of the dataset by its id (the events a conflict names). */
export type EventById = (id: string) => TimelineEvent | undefined;

/** Each side of a disagreement: this event's reports next to those of the events it conflicts with. */
function conflictView(
  event: TimelineEvent,
  eventById: EventById,
  articles: ReadonlyMap<string, Article>,
  open: OpenSource | undefined,
): HTMLElement {
  const box = el("div", "detail-conflict");
  const note = el("p");
  note.append(el("strong", undefined, "Reports disagree: "), event.conflict!.note);
  box.append(note);
  // Bounded: an event may name thousands of others; only the sides shown are looked up.
  const ids = event.conflict!.events;
  const others: TimelineEvent[] = [];
  let looked = 0;
  for (; looked < ids.length && looked < MAX_LOOKUPS && others.length < MAX_SIDES - 1; looked++) {
    const other = eventById(ids[looked]!);
    if (other !== undefined) others.push(other);
  }
  const unlisted = ids.length - looked;
  // Within one event, the sides are its articles; across events, each event is a side.
  const sides: { heading: string; event: TimelineEvent; sources: readonly Source[] }[] =
    others.length > 0
      ? [event, ...others].map((e) => ({
          heading: `${e.title} (${formatEventDate(e)})`,
          event: e,
          sources: e.sources,
        }))
      : [...new Set(event.sources.map((s) => s.article))].map((a) => ({
          heading: articles.get(a)?.title ?? a,
          event,
          sources: event.sources.filter((s) => s.article === a),
        }));
  if (sides.length > 1) {
    const grid = el("div", "conflict-sides");
    for (const side of sides.slice(0, MAX_SIDES)) {
      const column = el("div", "conflict-side");
      column.append(el("p", "conflict-heading", side.heading));
      const list = el("ul");
      column.append(list);
      boundedList(column, list, side.sources, (s) => sourceItem(s, side.event, articles, open), "quotes");
      grid.append(column);
    }
    box.append(grid);
  }
  if (unlisted > 0)
    box.append(
      el(
        "p",
        "conflict-more",
        `${unlisted} more event${unlisted === 1 ? "" : "s"} named in this disagreement are not shown here.`,
      ),
    );
  return box;
}

/** The full detail of an event: what a reader needs to trust it (date basis, quotes, disagreements). */
export function eventDetail(
  event: TimelineEvent,
  dataset: Dataset,
  laneLabel: string,
  colour: string,
  open: OpenSource | undefined,
  eventById: EventById,
  onGrow?: () => void,
): HTMLElement {
  const root = el("div", "detail");
  const lane = el("p", "detail-lane", laneLabel);
  lane.style.setProperty("--lane-colour", colour);
  const when = el("p", "detail-date");
  when.append(el("strong", undefined, formatEventDate(event)), ` \u00b7 ${PRECISION_LABEL[event.precision]}`);
  // What the card is about stays in view while its quotes scroll (sticky in a pinned card).
  const head = el("div", "detail-head");
  head.append(lane, el("h2", "detail-title", event.title), when);
  root.append(head);
  const basis = el("p", `detail-basis basis-${event.dateBasis}`);
  basis.append(el("span", "basis-label", BASIS_LABEL[event.dateBasis]));
  // A dataset that is not strict may give no note on the date.
  if (event.dateNote !== "") basis.append(`: ${event.dateNote}`);
  const status = reportingStatus(event);
  const count = reportCount(event);
  const statusLine = el(
    "p",
    `detail-status status-${status}`,
    `${STATUS_LABEL[status]} \u00b7 ${count} article${count === 1 ? "" : "s"}`,
  );
  root.append(basis, statusLine);
  const summary = event.summary === "" ? undefined : el("p", "detail-summary", event.summary);
  if (summary !== undefined) root.append(summary);
  if (event.summaryHtml !== undefined || event.media !== undefined) {
    // Rich text and media come with their code (and DOMPurify), fetched for events that have them.
    const slot = el("div", "detail-extras");
    root.append(slot);
    void import("./detailExtras").then(({ fillDetailExtras }) => {
      fillDetailExtras(event, dataset, summary, slot);
      onGrow?.();
    });
  }

  const articles = new Map(dataset.articles.map((a) => [a.id, a]));
  if (event.conflict !== undefined) root.append(conflictView(event, eventById, articles, open));

  if (event.sources.length === 0) {
    // Only a dataset that is not strict has events without quotes: say so rather than show an empty list.
    root.append(
      el("h3", "detail-sources-heading", "Source"),
      el("p", "detail-no-source", "No source quote."),
    );
    if (event.actors.length > 0) root.append(el("p", "detail-actors", `Who: ${event.actors.join(", ")}`));
    return root;
  }
  const sources = el("ol", "detail-sources");
  sources.setAttribute(
    "aria-label",
    event.sources.length === 1 ? "Source" : `${event.sources.length} sources`,
  );
  const heading =
    event.sources.length === 1
      ? "Source"
      : `Sources (${event.sources.length} quotes from ${count} article${count === 1 ? "" : "s"})`;
  root.append(el("h3", "detail-sources-heading", heading), sources);
  boundedList(root, sources, event.sources, (source) => sourceItem(source, event, articles, open), "quotes");
  if (event.actors.length > 0) root.append(el("p", "detail-actors", `Who: ${event.actors.join(", ")}`));
  return root;
}
