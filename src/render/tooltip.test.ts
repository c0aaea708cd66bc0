import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeTooltip } from "./tooltip";

const MARGIN = 8,
  OFFSET = 14;

describe("placeTooltip", () => {
  it("placeTooltip(anchor, tip, container) puts the tip below the anchor, centred, when it fits", () => {
    expect(placeTooltip(200, 100, 80, 40, 400, 300)).toEqual({ left: 160, top: 100 + OFFSET });
  });

  it("placeTooltip(anchor, tip, container) puts the tip above the anchor when there is no room below", () => {
    expect(placeTooltip(200, 280, 80, 40, 400, 300)).toEqual({ left: 160, top: 280 - OFFSET - 40 });
  });

  it("placeTooltip(anchor, tip, container) clamps the tip horizontally inside the container", () => {
    expect(placeTooltip(5, 100, 80, 40, 400, 300).left).toBe(MARGIN);
    expect(placeTooltip(395, 100, 80, 40, 400, 300).left).toBe(400 - 80 - MARGIN);
    expect(placeTooltip(395, 280, 80, 40, 400, 300).left).toBe(400 - 80 - MARGIN);
  });

  it("placeTooltip(anchor, tip, container) puts a tall tip beside the anchor, on the roomier side", () => {
    // Neither above nor below fits in a 100 px tall container.
    expect(placeTooltip(100, 50, 80, 60, 400, 100)).toEqual({ left: 100 + OFFSET, top: 20 });
    expect(placeTooltip(350, 50, 80, 60, 400, 100)).toEqual({ left: 350 - OFFSET - 80, top: 20 });
  });

  it("placeTooltip(anchor, tip, container) puts a tall tip to the right when it fits there, even if the left is roomier", () => {
    // 128 px free on the right, 228 px on the left: both fit the 80 px tip; right is preferred.
    expect(placeTooltip(250, 50, 80, 60, 400, 100)).toEqual({ left: 250 + OFFSET, top: 20 });
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

  it("placeTooltip(anchor, tip, container) never covers the anchor when placed above or below (property)", () => {
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
            tipHeight <= ch - MARGIN - (anchorY + OFFSET) || tipHeight <= anchorY - OFFSET - MARGIN;
          if (roomy) expect(coversX && coversY).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});
