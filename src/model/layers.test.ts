import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeOrder, topmostLayer, type LayerKind, type OpenLayer } from "./layers";

const layer = (kind: LayerKind, openedAt = 0): OpenLayer => ({ kind, openedAt });

describe("topmostLayer", () => {
  it("topmostLayer([]) is undefined: Escape with nothing open closes nothing", () => {
    expect(topmostLayer([])).toBeUndefined();
  });

  it("topmostLayer picks the dialog over the reader over the pinned card over the glance", () => {
    const glance = layer("glance", 4),
      card = layer("card", 3),
      reader = layer("reader", 2),
      dialog = layer("dialog", 1);
    expect(topmostLayer([glance, card, reader, dialog])).toBe(dialog);
    expect(topmostLayer([glance, card, reader])).toBe(reader);
    expect(topmostLayer([glance, card])).toBe(card);
    expect(topmostLayer([glance])).toBe(glance);
  });

  it("topmostLayer picks the reader even when the card was opened after it", () => {
    expect(topmostLayer([layer("reader", 1), layer("card", 9)])).toEqual(layer("reader", 1));
  });

  it("topmostLayer picks whichever of a popover and the pinned card opened last", () => {
    expect(topmostLayer([layer("popover", 1), layer("card", 2)])?.kind).toBe("card");
    expect(topmostLayer([layer("card", 1), layer("popover", 2)])?.kind).toBe("popover");
  });
});

describe("escapeOrder", () => {
  it("escapeOrder closes dialog, then reader, then card: one layer per press", () => {
    const order = escapeOrder([layer("card", 1), layer("dialog", 3), layer("reader", 2)]);
    expect(order.map((l) => l.kind)).toEqual(["dialog", "reader", "card"]);
  });

  it("escapeOrder closes every open layer exactly once, each never below one closed after it", () => {
    const kinds: LayerKind[] = ["dialog", "reader", "popover", "card", "glance"];
    const open = fc.array(
      fc.record({ kind: fc.constantFrom(...kinds), openedAt: fc.integer({ min: 0, max: 5 }) }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(open, (layers) => {
        const order = escapeOrder(layers);
        expect(new Set(order)).toEqual(new Set(layers));
        expect(order).toHaveLength(layers.length);
        // Whatever is closed first is the topmost of what is left at that press.
        order.forEach((closed, i) => expect(topmostLayer(order.slice(i))).toBe(closed));
      }),
    );
  });
});
