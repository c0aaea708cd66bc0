import type { Dataset, TimelineEvent } from "../data/types";
import { groupCards, type CardGroup } from "../model/cardGroups";
import { sortEvents } from "../model/sortEvents";
import { CARD_PAGE, renderPhoneCards } from "../render/phoneCards";

const DATE_ORDER = { key: "date", ascending: true } as const;

/** The events that have cards, in card order (dataset indices), their starts and month groups. */
export interface ShownCards {
  readonly order: readonly number[];
  readonly starts: Float64Array;
  readonly groups: readonly CardGroup[];
}

export const NO_CARDS: ShownCards = { order: [], starts: new Float64Array(), groups: [] };

/**
 * The cards for the events that pass the filters (1 per dataset index in `include`, all when
 * undefined) and match the search (`matches`, likewise), in time order.
 */
export function shownCards(
  events: readonly TimelineEvent[],
  laneOrder: ReadonlyMap<string, number>,
  include: Uint8Array | undefined,
  matches: Uint8Array | undefined,
): ShownCards {
  const order = sortEvents(
    events,
    (e) => (include?.[e] ?? 1) === 1 && (matches?.[e] ?? 1) === 1,
    DATE_ORDER,
    laneOrder,
  );
  return {
    order,
    starts: Float64Array.from(order, (e) => events[e]!.startMs),
    groups: groupCards(events, order),
  };
}

/**
 * The cards drawn in `list`, a page (CARD_PAGE) at a time: a long list is not built all at once.
 * New shown cards start again from one page.
 */
export function cardPages(list: HTMLElement, dataset: Dataset) {
  let shown = NO_CARDS;
  let limit = CARD_PAGE;
  let cards: HTMLElement[] = [];
  return {
    get shown(): ShownCards {
      return shown;
    },
    /** The drawn cards' elements, by position. */
    get cards(): readonly HTMLElement[] {
      return cards;
    },
    /** Which cards there are; drawn at the next draw(). */
    set(next: ShownCards): void {
      shown = next;
      limit = CARD_PAGE;
    },
    draw(): void {
      cards = renderPhoneCards(list, dataset, shown.order, shown.groups, limit);
    },
    /** Takes in the pages up to card `position`: true if that needs more cards drawn. */
    reach(position: number): boolean {
      if (position < limit) return false;
      limit = Math.ceil((position + 1) / CARD_PAGE) * CARD_PAGE;
      return true;
    },
    /** Takes in one more page; returns the position of its first card. */
    more(): number {
      const first = limit;
      limit += CARD_PAGE;
      return first;
    },
  };
}
export type CardPages = ReturnType<typeof cardPages>;

/**
 * Card edges in page coordinates and the height of a month heading, read once after each drawing
 * or resize (invalidate), not on every scroll.
 */
export function cardEdges(list: HTMLElement) {
  let tops = new Float64Array(),
    bottoms = new Float64Array();
  let headingPx = 0;
  let measured = false;
  return {
    invalidate(): void {
      measured = false;
    },
    /** The edges of `cards`, measured now if they were not since the last invalidate(). */
    read(cards: readonly HTMLElement[]) {
      if (!measured) {
        const y = scrollY;
        tops = Float64Array.from(cards, (c) => c.getBoundingClientRect().top + y);
        bottoms = Float64Array.from(cards, (c) => c.getBoundingClientRect().bottom + y);
        headingPx = list.querySelector<HTMLElement>(".card-heading")?.offsetHeight ?? 0;
        measured = true;
      }
      return { tops, bottoms, headingPx };
    },
  };
}
export type CardEdges = ReturnType<typeof cardEdges>;
