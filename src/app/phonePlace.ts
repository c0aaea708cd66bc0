import { groupOf } from "../model/cardGroups";
import { visibleCards } from "../model/cardScroll";
import type { PhoneSkeleton } from "../render/phoneSkeleton";
import type { CardEdges, CardPages } from "./phoneCardList";

/** Room kept above a card scrolled to, under the strip and its month heading. */
const SCROLL_MARGIN_PX = 4;

/**
 * Where the reader is in the phone's cards: which cards are on screen, marked on the strip, and the
 * card at the top (`current`, where the strip's keys step from). Read at most once a frame, and only
 * while `live` (shown, and drawn since the shown cards last changed): reads first, one write pass.
 * `draw` draws the cards again, for a card scrolled to that is not drawn yet.
 */
export function followPlace(
  dom: PhoneSkeleton,
  pages: CardPages,
  edges: CardEdges,
  live: () => boolean,
  draw: () => void,
) {
  let current = 0;
  let frame = 0;

  /** Reads where the cards are on screen, then marks that on the strip. */
  function update(): void {
    frame = 0;
    if (!live()) return;
    const { cards, shown } = pages;
    const { tops, bottoms, headingPx } = edges.read(cards);
    const top = scrollY + dom.stripWrap.getBoundingClientRect().bottom + headingPx;
    const { first, end } = visibleCards(tops, bottoms, top, scrollY + innerHeight);
    current = Math.min(first, Math.max(0, cards.length - 1));
    const seen = end > first;
    dom.strip.mark(seen ? shown.starts[first] : undefined, seen ? shown.starts[end - 1] : undefined);
    const group = shown.groups[groupOf(shown.groups, current)];
    dom.strip.describe(group?.label ?? "", shown.order.length === 0 ? 0 : current + 1, shown.order.length);
  }

  return {
    get current(): number {
      return current;
    },
    /** Updates at the next frame (once, however often asked before it). */
    schedule(): void {
      if (frame === 0) frame = requestAnimationFrame(update);
    },
    /** Brings card `position` to the top of the screen, under the strip and its heading. */
    goTo(position: number): void {
      if (position < 0 || position >= pages.shown.order.length) return;
      if (pages.reach(position)) draw();
      const { tops, headingPx } = edges.read(pages.cards);
      const target = tops[position]! - dom.stripWrap.offsetHeight - headingPx - SCROLL_MARGIN_PX;
      scrollTo({ top: Math.max(0, target), behavior: "instant" });
      // Now, not at the next frame: a key pressed before it moves on from where this one went.
      cancelAnimationFrame(frame);
      update();
    },
  };
}
export type Place = ReturnType<typeof followPlace>;
