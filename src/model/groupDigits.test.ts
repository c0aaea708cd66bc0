import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupDigits } from "./groupDigits";

describe("groupDigits", () => {
  it("groups thousands with commas", () => {
    expect(groupDigits(0)).toBe("0");
    expect(groupDigits(999)).toBe("999");
    expect(groupDigits(1000)).toBe("1,000");
    expect(groupDigits(100_000)).toBe("100,000");
    expect(groupDigits(1_234_567)).toBe("1,234,567");
  });

  it("writes any safe integer as toLocaleString('en') does", () => {
    fc.assert(
      fc.property(fc.maxSafeInteger(), (n) => {
        expect(groupDigits(n)).toBe(n.toLocaleString("en"));
      }),
    );
  });
});
