/**
 * What Escape closes. The page has several things that open over the timeline; each Escape closes
 * exactly one of them, the topmost, so a reader can back out one step at a time and never loses
 * the card they were reading because a panel above it was open.
 *
 * - dialog: the keyboard shortcuts (modal, above everything)
 * - reader: the source reader (a side panel or bottom sheet over the page)
 * - popover: the filter panel or the export menu
 * - card: the pinned details card
 * - glance: the compact card shown while an event is hovered or focused
 */
export type LayerKind = "dialog" | "reader" | "popover" | "card" | "glance";

/**
 * Stacking tiers, highest first. Popovers and the pinned card share a tier: neither covers the
 * other by design, so the one opened last is the one a reader means to leave first.
 */
const TIER: Record<LayerKind, number> = { dialog: 3, reader: 2, popover: 1, card: 1, glance: 0 };

export interface OpenLayer {
  readonly kind: LayerKind;
  /** When it opened (any increasing clock); breaks ties within a tier, latest on top. */
  readonly openedAt: number;
}

/** Whether `a` lies above `b`: a higher tier, or the same tier opened later (ties keep `a` below). */
function above(a: OpenLayer, b: OpenLayer): boolean {
  const tier = TIER[a.kind] - TIER[b.kind];
  return tier !== 0 ? tier > 0 : a.openedAt > b.openedAt;
}

/** The layer one Escape closes among those open; undefined when nothing is open (Escape does nothing). */
export function topmostLayer<T extends OpenLayer>(open: readonly T[]): T | undefined {
  let top: T | undefined;
  for (const layer of open) if (top === undefined || above(layer, top)) top = layer;
  return top;
}

/** The order in which repeated Escapes close the layers that are open now. */
export function escapeOrder<T extends OpenLayer>(open: readonly T[]): T[] {
  const left = [...open];
  const order: T[] = [];
  for (let top = topmostLayer(left); top !== undefined; top = topmostLayer(left)) {
    order.push(top);
    left.splice(left.indexOf(top), 1);
  }
  return order;
}
