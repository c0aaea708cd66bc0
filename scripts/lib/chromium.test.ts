import { describe, expect, it } from "vitest";
import { playwrightDisabledFeatures } from "./chromium";

describe("playwrightDisabledFeatures", () => {
  it("reads the features the installed Playwright turns off, so ours do not replace them", () => {
    const names = playwrightDisabledFeatures();
    // Two Playwright has long turned off, for reasons its comments give.
    expect(names).toContain("PaintHolding");
    expect(names).toContain("MediaRouter");
    expect(names.every((name) => /^[A-Za-z0-9]+$/.test(name))).toBe(true);
  });

  it("says where to look when Playwright no longer lists them where it is read", () => {
    expect(() => playwrightDisabledFeatures("var chromiumSwitches;")).toThrow(/playwrightDisabledFeatures/);
  });
});
