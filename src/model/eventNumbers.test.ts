import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { creditLine, listNumbers, numberRuns } from "./eventNumbers";

describe("listNumbers", () => {
  it("listNumbers gives each event its position in the list, from 1, whatever the dataset indices", () => {
    const numbers = listNumbers([7, 2, 40, 0]);
    expect([...numbers]).toEqual([
      [7, 1],
      [2, 2],
      [40, 3],
      [0, 4],
    ]);
  });

  it("listNumbers([]) numbers nothing; events not listed have no number", () => {
    expect(listNumbers([]).size).toBe(0);
    expect(listNumbers([3]).get(4)).toBeUndefined();
  });

  it("listNumbers numbers a list of distinct events 1..n in list order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(1000), { maxLength: 50 }), (order) => {
        const numbers = listNumbers(order);
        expect(order.map((e) => numbers.get(e))).toEqual(order.map((_, i) => i + 1));
      }),
    );
  });
});

describe("numberRuns", () => {
  it.each([
    [[5], "5"],
    [[3, 4, 5, 8], "3\u20135, 8"],
    [[8, 3, 5, 4], "3\u20135, 8"],
    [[1, 2], "1, 2"],
    [[1, 3, 5, 7, 9], "1, 3, 5, \u2026"],
    [[], ""],
  ])("numberRuns(%j) is %j", (numbers, text) => {
    expect(numberRuns(numbers)).toBe(text);
  });

  it("numberRuns names every number it was given when the runs fit (no … then)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 30 }), (ns) => {
        const text = numberRuns(ns, 100);
        const named = text.split(", ").flatMap((part) => {
          const [a, b] = part.split("\u2013").map(Number);
          return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k);
        });
        expect(named).toEqual([...ns].sort((x, y) => x - y));
      }),
    );
  });
});

describe("creditLine", () => {
  it("creditLine names the dataset, its articles and the UTC day it was made, written as the page writes dates", () => {
    // 23:30 UTC on 3 December is already 4 December in most of Asia: the day is the UTC one.
    const at = Date.UTC(2026, 11, 3, 23, 30);
    expect(creditLine("Rutte and Trump", ["A one", "B two"], at)).toBe(
      "Rutte and Trump \u00b7 Sources: A one; B two \u00b7 Exported 3 December 2026 (UTC)",
    );
    expect(creditLine("T", [], at, "Printed")).toBe("T \u00b7 Printed 3 December 2026 (UTC)");
  });
});
