import { describe, expect, it } from "vitest";
import { pngScale } from "./exportImage";

describe("pngScale", () => {
  it("draws at the preferred scale when the canvas fits every browser", () => {
    expect(pngScale(1280, 900, 2)).toBe(2);
  });
  it("draws smaller when twice the size would pass a browser's canvas limits", () => {
    const scale = pngScale(1280, 6000, 2)!;
    expect(scale).toBeGreaterThanOrEqual(1);
    expect(scale).toBeLessThan(2);
    expect(1280 * scale * 6000 * scale).toBeLessThanOrEqual(16_777_216);
  });
  it("gives up (so the export says why) when even one pixel per CSS pixel would not fit", () => {
    expect(pngScale(1280, 20_000, 2)).toBeUndefined();
    expect(pngScale(5000, 5000, 2)).toBeUndefined();
  });
});
