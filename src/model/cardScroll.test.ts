import { describe, expect, it } from "vitest";
import { cardNearTime, visibleCards } from "./cardScroll";

// Three cards 100 px tall with 10 px gaps: [0,100), [110,210), [220,320).
const tops = Float64Array.of(0, 110, 220);
const bottoms = Float64Array.of(100, 210, 320);

describe("visibleCards", () => {
  it("visibleCards(tops, bottoms, top, bottom) lists the cards that intersect the band", () => {
    expect(visibleCards(tops, bottoms, 50, 150)).toEqual({ first: 0, end: 2 });
    expect(visibleCards(tops, bottoms, 0, 1000)).toEqual({ first: 0, end: 3 });
  });

  it("visibleCards(…) takes a card ending at the top edge as above it, and one starting at the bottom edge as below", () => {
    expect(visibleCards(tops, bottoms, 100, 220)).toEqual({ first: 1, end: 2 });
  });

  it("visibleCards(…) is empty past the last card and before the first", () => {
    expect(visibleCards(tops, bottoms, 400, 800)).toEqual({ first: 3, end: 3 });
    expect(visibleCards(tops, bottoms, -300, -100)).toEqual({ first: 0, end: 0 });
  });

  it("visibleCards(…) makes the card under the top edge current, even in a gap", () => {
    expect(visibleCards(tops, bottoms, 105, 500).first).toBe(1);
  });
});

describe("cardNearTime", () => {
  const starts = Float64Array.of(10, 20, 20, 50);

  it("cardNearTime(starts, t0, t1) is the first card starting in [t0, t1)", () => {
    expect(cardNearTime(starts, 15, 25)).toBe(1);
    expect(cardNearTime(starts, 20, 21)).toBe(1);
    expect(cardNearTime(starts, 0, 11)).toBe(0);
  });

  it("cardNearTime(…) falls back to the card nearest an empty interval, the earlier on a tie", () => {
    expect(cardNearTime(starts, 30, 35)).toBe(2); // 10 after 20, 15 before 50
    expect(cardNearTime(starts, 40, 45)).toBe(3);
    expect(cardNearTime(starts, 30, 40)).toBe(2); // 10 either way
  });

  it("cardNearTime(…) clamps to the first and last cards, and is -1 with none", () => {
    expect(cardNearTime(starts, -100, 0)).toBe(0);
    expect(cardNearTime(starts, 60, 70)).toBe(3);
    expect(cardNearTime(new Float64Array(), 0, 1)).toBe(-1);
  });
});
