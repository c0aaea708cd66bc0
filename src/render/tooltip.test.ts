import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeTooltip } from "./tooltip";

const MARGIN = 8,
  OFFSET = 14;

describe("placeTooltip", () => {
  it("placeTooltip(anchor, tip, container) puts the tip beside the anchor, right when it fits there", () => {
    expect(placeTooltip(200, 100, 80, 40, 400, 300)).toEqual({ left: 200 + OFFSET, top: 80 });
    // 128 px free on the right fits the 80 px tip, though the left is roomier.
    expect(placeTooltip(250, 50, 80, 60, 400, 100)).toEqual({ left: 250 + OFFSET, top: 20 });
  });

  it("placeTooltip(anchor, tip, container) puts the tip left of the anchor when the right has no room", () => {
    expect(placeTooltip(350, 50, 80, 60, 400, 100)).toEqual({ left: 350 - OFFSET - 80, top: 20 });
  });

  it("placeTooltip(anchor, tip, container) keeps a tip beside the anchor vertically inside the container", () => {
    expect(placeTooltip(100, 5, 80, 60, 400, 300).top).toBe(MARGIN);
    expect(placeTooltip(100, 295, 80, 60, 400, 300).top).toBe(300 - 60 - MARGIN);
  });

  it("placeTooltip(anchor, tip, container) puts a wide tip below the anchor, else above, when no side has room", () => {
    expect(placeTooltip(200, 100, 300, 40, 400, 300)).toEqual({ left: 50, top: 100 + OFFSET });
    expect(placeTooltip(200, 280, 300, 40, 400, 300)).toEqual({ left: 50, top: 280 - OFFSET - 40 });
    expect(placeTooltip(5, 100, 384, 40, 400, 300).left).toBe(MARGIN);
    expect(placeTooltip(395, 100, 384, 40, 400, 300).left).toBe(MARGIN);
  });

  it("placeTooltip(anchor, tip, container) keeps a tip that fits the container inside it (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 1600 }),
        fc.integer({ min: 40, max: 1200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (cw, ch, ax, ay, tw, th) => {
          const tipWidth = tw * (cw - 2 * MARGIN),
            tipHeight = th * (ch - 2 * MARGIN);
          const { left, top } = placeTooltip(ax * cw, ay * ch, tipWidth, tipHeight, cw, ch);
          expect(left).toBeGreaterThanOrEqual(MARGIN - 1e-9);
          expect(left + tipWidth).toBeLessThanOrEqual(cw - MARGIN + 1e-9);
          expect(top).toBeGreaterThanOrEqual(MARGIN - 1e-9);
          expect(top + tipHeight).toBeLessThanOrEqual(ch - MARGIN + 1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("placeTooltip(anchor, tip, container) never covers the anchor when it has room beside, above or below (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 200, max: 1600 }),
        fc.integer({ min: 200, max: 1200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 10, max: 180 }),
        fc.integer({ min: 10, max: 180 }),
        (cw, ch, ax, ay, tipWidth, tipHeight) => {
          const anchorX = ax * cw,
            anchorY = ay * ch;
          const { left, top } = placeTooltip(anchorX, anchorY, tipWidth, tipHeight, cw, ch);
          const coversX = left <= anchorX && anchorX <= left + tipWidth;
          const coversY = top <= anchorY && anchorY <= top + tipHeight;
          const roomy =
            tipWidth <= cw - MARGIN - (anchorX + OFFSET) ||
            tipWidth <= anchorX - OFFSET - MARGIN ||
            tipHeight <= ch - MARGIN - (anchorY + OFFSET) ||
            tipHeight <= anchorY - OFFSET - MARGIN;
          if (roomy) expect(coversX && coversY).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
