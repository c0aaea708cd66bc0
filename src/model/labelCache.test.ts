import { describe, expect, it } from "vitest";
import { labelCache } from "./labelCache";
import { measure7 } from "./testEvents";
import { truncateLabel } from "./truncateLabel";

describe("labelCache", () => {
  const titles = ["Short", "A rather longer title that needs cutting down to size"];

  it("returns truncateLabel's result, building each label once per width", () => {
    let built = 0;
    const fit = labelCache((e) => {
      built++;
      return titles[e]!;
    }, measure7);
    expect(fit(1, 140)).toBe(truncateLabel(titles[1]!, 140, measure7));
    expect(fit(1, 140)).toBe(fit(1, 140));
    expect(fit(0, 140)).toBe("Short");
    expect(built).toBe(2);
    // A new width fits the labels afresh.
    expect(fit(1, 280)).toBe(truncateLabel(titles[1]!, 280, measure7));
    expect(built).toBe(3);
  });
});
