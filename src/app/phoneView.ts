import { extent } from "d3-array";
import type { Dataset, TimelineEvent } from "../data/types";
import { listenToCardList } from "../interact/cardListInput";
import { listenToStrip, type StripInput } from "../interact/stripInput";
import { stepTarget } from "../model/cardGroups";
import { cardNearTime } from "../model/cardScroll";
import { binAt, overviewBins, type Overview } from "../model/overviewBins";
import { createCardSheet, type CardSheet } from "../render/cardSheet";
import { eventDetail, type OpenSource } from "../render/eventDetail";
import type { OverviewStrip } from "../render/overviewStrip";
import { laneColour } from "../render/palette";
import { phoneSkeleton } from "../render/phoneSkeleton";
import { cardEdges, cardPages, shownCards, type CardPages } from "./phoneCardList";
import { followPlace, type Place } from "./phonePlace";

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
  const dom = phoneSkeleton(root);
  const sheet = createCardSheet(sheetNode);
  const details = detailsFor(dataset, sheet, options.openSource);
  const overview = stripOverview(dom.strip, dom.stripNode, events);
  const pages = cardPages(dom.list, dataset);
  const edges = cardEdges(dom.list);
  let active = false;
  // The shown cards changed since they were last drawn.
  let stale = true;
  const place = followPlace(dom, pages, edges, () => active && !stale, render);

  function render(): void {
    stale = false;
    pages.draw();
    edges.invalidate();
    overview.draw(pages.shown.starts, true);
    place.schedule();
  }

  function open(position: number): void {
    const card = pages.cards[position];
    const e = pages.shown.order[position];
    if (card !== undefined && e !== undefined) sheet.open(details(events[e]!), card);
  }

  /** The cards may have moved (the view was resized, or shown again): measured again before use. */
  function refit(): void {
    edges.invalidate();
    if (active) overview.draw(pages.shown.starts);
    place.schedule();
  }

  /** Adds a page of cards and moves focus to the first new one. */
  function more(): void {
    const first = pages.more();
    render();
    pages.cards[first]?.focus();
  }

  listenToCardList(dom.list, { open, more }, signal);
  listenToStrip(dom.stripNode, steerByStrip(overview, pages, place), signal);
  followPage(root, place.schedule, refit, signal);

  return {
    /** Which events have cards: 1 per dataset index passing the filters, and matching the search. */
    setShown(include: Uint8Array | undefined, matches: Uint8Array | undefined): void {
      pages.set(shownCards(events, laneOrder, include, matches));
      stale = true;
      if (active) render();
    },
    /** Shown or hidden with the page's view and width; drawn when first shown after a change. */
    setActive(next: boolean): void {
      active = next;
      root.hidden = !next;
      if (!next) return;
      if (stale) render();
      else refit();
    },
    /** Scrolls to an event's card and opens its details; false when it has no card (filtered out). */
    reveal(eventId: string): boolean {
      const position = pages.shown.order.findIndex((e) => events[e]!.id === eventId);
      if (position < 0) return false;
      place.goTo(position);
      open(position);
      return true;
    },
  };
}
export type PhoneView = ReturnType<typeof createPhoneView>;

/**
 * The strip's histogram of all the events' starts and the shown ones', over the dataset's whole
 * time; drawn again only when its width changes, or when forced (the shown cards changed).
 */
function stripOverview(strip: OverviewStrip, stripNode: HTMLElement, events: readonly TimelineEvent[]) {
  const allStarts = Float64Array.from(events, (e) => e.startMs);
  const span: [number, number] = [extent(allStarts)[0] ?? 0, extent(events, (e) => e.endMs)[1] ?? 0];
  let overview: Overview | undefined;
  let stripWidthPx = 0;
  return {
    /** Draws the bars for `starts` (the shown cards'), at the strip's width if it has one. */
    draw(starts: Float64Array, force = false): void {
      const widthPx = stripNode.clientWidth;
      if (widthPx === 0 || (widthPx === stripWidthPx && !force)) return;
      stripWidthPx = widthPx;
      overview = overviewBins(allStarts, starts, span, widthPx);
      strip.draw(overview, widthPx);
    },
    /** The bin drawn at `px` from the strip's left edge, if any. */
    binAt(px: number) {
      return overview === undefined ? undefined : binAt(overview, px);
    },
  };
}

type StripOverview = ReturnType<typeof stripOverview>;

/** The strip's input moves through the cards: to the time under the pointer, or by month heading. */
function steerByStrip(overview: StripOverview, pages: CardPages, place: Place): StripInput {
  return {
    seek(px) {
      const bin = overview.binAt(px);
      if (bin !== undefined) place.goTo(cardNearTime(pages.shown.starts, bin.x0Ms, bin.x1Ms));
    },
    step(to) {
      place.goTo(stepTarget(pages.shown.groups, place.current, to));
    },
  };
}

/** Scrolling the page, and resizing the view (which moves and redraws the cards), until `signal`. */
function followPage(root: HTMLElement, scrolled: () => void, resized: () => void, signal: AbortSignal): void {
  addEventListener("scroll", scrolled, { passive: true, signal });
  const observer = new ResizeObserver(resized);
  observer.observe(root);
  signal.addEventListener("abort", () => observer.disconnect());
}

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
