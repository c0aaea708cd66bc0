import { extent } from "d3-array";
import type { Dataset, TimelineEvent } from "../data/types";
import { listenToStrip } from "../interact/stripInput";
import { groupCards, groupOf, stepTarget, type CardGroup } from "../model/cardGroups";
import { cardNearTime, visibleCards } from "../model/cardScroll";
import { binAt, overviewBins, type Overview } from "../model/overviewBins";
import { sortEvents } from "../model/sortEvents";
import { createCardSheet, type CardSheet } from "../render/cardSheet";
import { el } from "../render/dom";
import { eventDetail, type OpenSource } from "../render/eventDetail";
import { createOverviewStrip } from "../render/overviewStrip";
import { laneColour } from "../render/palette";
import { CARD_PAGE, renderPhoneCards } from "../render/phoneCards";

/** Room kept above a card scrolled to, under the strip and its month heading. */
const SCROLL_MARGIN_PX = 4;
const DATE_ORDER = { key: "date", ascending: true } as const;

/**
 * The timeline on a phone: the events as cards in time order under month headings, an overview
 * strip to move through time, and a bottom sheet for a card's details. Built when first shown;
 * the same filters and search as the chart and the list decide which cards there are.
 */
export function createPhoneView(
  root: HTMLElement,
  sheetNode: HTMLDialogElement,
  dataset: Dataset,
  options: { readonly openSource: OpenSource; readonly signal: AbortSignal },
) {
  const { events, lanes } = dataset;
  const { signal } = options;
  const laneOrder = new Map(lanes.map((l, i) => [l.id, i]));
  // The strip sticks to the top of the screen; the slider inside it is what is measured and drawn.
  const stripWrap = el("div", "strip-wrap");
  const stripNode = el("div");
  stripWrap.append(stripNode);
  const list = el("div", "card-timeline");
  root.replaceChildren(stripWrap, list);
  const strip = createOverviewStrip(stripNode);
  const sheet = createCardSheet(sheetNode);
  const details = detailsFor(dataset, sheet, options.openSource);
  const allStarts = Float64Array.from(events, (e) => e.startMs);
  const span: [number, number] = [extent(allStarts)[0] ?? 0, extent(events, (e) => e.endMs)[1] ?? 0];

  let order: number[] = [];
  let starts = new Float64Array();
  let groups: CardGroup[] = [];
  let limit = CARD_PAGE;
  let cards: HTMLElement[] = [];
  let overview: Overview | undefined;
  let stripWidthPx = 0;
  // Card edges in page coordinates, read once after each drawing or resize (not on every scroll).
  let tops = new Float64Array(),
    bottoms = new Float64Array();
  let measured = false;
  let headingPx = 0;
  let current = 0;
  let active = false;
  let stale = true;
  let frame = 0;

  function render(): void {
    stale = false;
    cards = renderPhoneCards(list, dataset, order, groups, limit);
    measured = false;
    drawStrip(true);
    schedule();
  }

  function drawStrip(force = false): void {
    const widthPx = stripNode.clientWidth;
    if (widthPx === 0 || (widthPx === stripWidthPx && !force)) return;
    stripWidthPx = widthPx;
    overview = overviewBins(allStarts, starts, span, widthPx);
    strip.draw(overview, widthPx);
  }

  function measure(): void {
    const y = scrollY;
    tops = Float64Array.from(cards, (c) => c.getBoundingClientRect().top + y);
    bottoms = Float64Array.from(cards, (c) => c.getBoundingClientRect().bottom + y);
    headingPx = list.querySelector<HTMLElement>(".card-heading")?.offsetHeight ?? 0;
    measured = true;
  }

  /** Reads where the cards are on screen, then marks that on the strip: reads first, one write pass. */
  function update(): void {
    frame = 0;
    if (!active || stale) return;
    if (!measured) measure();
    const top = scrollY + stripWrap.getBoundingClientRect().bottom + headingPx;
    const { first, end } = visibleCards(tops, bottoms, top, scrollY + innerHeight);
    current = Math.min(first, Math.max(0, cards.length - 1));
    const shown = end > first;
    strip.mark(shown ? starts[first] : undefined, shown ? starts[end - 1] : undefined);
    const group = groups[groupOf(groups, current)];
    strip.describe(group?.label ?? "", order.length === 0 ? 0 : current + 1, order.length);
  }

  function schedule(): void {
    if (frame === 0) frame = requestAnimationFrame(update);
  }

  /** Brings card `position` to the top of the screen, under the strip and its heading. */
  function scrollToCard(position: number): void {
    if (position < 0 || position >= order.length) return;
    if (position >= limit) {
      limit = Math.ceil((position + 1) / CARD_PAGE) * CARD_PAGE;
      render();
    }
    if (!measured) measure();
    const target = tops[position]! - stripWrap.offsetHeight - headingPx - SCROLL_MARGIN_PX;
    scrollTo({ top: Math.max(0, target), behavior: "instant" });
    // Now, not at the next frame: a key pressed before it moves on from where this one went.
    cancelAnimationFrame(frame);
    update();
  }

  function open(position: number): void {
    const card = cards[position];
    const e = order[position];
    if (card !== undefined && e !== undefined) sheet.open(details(events[e]!), card);
  }

  list.addEventListener(
    "click",
    (event) => {
      const target = event.target as Element;
      const card = target.closest<HTMLElement>(".phone-card");
      if (card !== null) open(Number(card.dataset["position"]));
      else if (target.closest(".cards-more") !== null) {
        const first = limit;
        limit += CARD_PAGE;
        render();
        cards[first]?.focus();
      }
    },
    { signal },
  );
  listenToStrip(
    stripNode,
    {
      seek(px) {
        const bin = overview === undefined ? undefined : binAt(overview, px);
        if (bin !== undefined) scrollToCard(cardNearTime(starts, bin.x0Ms, bin.x1Ms));
      },
      step(to) {
        scrollToCard(stepTarget(groups, current, to));
      },
    },
    signal,
  );
  addEventListener("scroll", schedule, { passive: true, signal });
  const resized = new ResizeObserver(() => {
    measured = false;
    if (active) drawStrip();
    schedule();
  });
  resized.observe(root);
  signal.addEventListener("abort", () => resized.disconnect());

  return {
    /** Which events have cards: 1 per dataset index passing the filters, and matching the search. */
    setShown(include: Uint8Array | undefined, matches: Uint8Array | undefined): void {
      order = sortEvents(
        events,
        (e) => (include?.[e] ?? 1) === 1 && (matches?.[e] ?? 1) === 1,
        DATE_ORDER,
        laneOrder,
      );
      starts = Float64Array.from(order, (e) => events[e]!.startMs);
      groups = groupCards(events, order);
      limit = CARD_PAGE;
      stale = true;
      if (active) render();
    },
    /** Shown or hidden with the page's view and width; drawn when first shown after a change. */
    setActive(next: boolean): void {
      active = next;
      root.hidden = !next;
      if (!next) return;
      if (stale) render();
      else {
        measured = false;
        drawStrip();
        schedule();
      }
    },
    /** Scrolls to an event's card and opens its details; false when it has no card (filtered out). */
    reveal(eventId: string): boolean {
      const position = order.findIndex((e) => events[e]!.id === eventId);
      if (position < 0) return false;
      scrollToCard(position);
      open(position);
      return true;
    },
  };
}
export type PhoneView = ReturnType<typeof createPhoneView>;

/** Builds a card's sheet content: the same full details the chart pins (eventDetail). */
function detailsFor(
  dataset: Dataset,
  sheet: CardSheet,
  openSource: OpenSource,
): (event: TimelineEvent) => HTMLElement {
  const laneNumber = new Map(dataset.lanes.map((l, i) => [l.id, i]));
  // The events a conflict names are found by id; the map is built on the first details opened.
  let byId: Map<string, TimelineEvent> | undefined;
  const eventById = (id: string) => (byId ??= new Map(dataset.events.map((e) => [e.id, e]))).get(id);
  // A quote opens in the source reader, which is not modal: the sheet closes first (focus goes
  // back to the card), so the reader has a live page under it and returns focus to the card.
  const open: OpenSource = (article, quote, id) => {
    sheet.close();
    openSource(article, quote, id);
  };
  return (event) => {
    const lane = laneNumber.get(event.lane) ?? 0;
    const label = dataset.lanes[lane]?.label ?? event.lane;
    return eventDetail(event, dataset, label, laneColour(lane), open, eventById);
  };
}
