import { describe, expect, it } from "vitest";
import { filterStatus } from "./filterEvents";

describe("filterStatus", () => {
  it("says how many of all events are shown", () => {
    expect(filterStatus(5, undefined, undefined)).toBe("Showing 5 of 5 events");
    expect(filterStatus(5, Uint8Array.from([1, 0, 1, 0, 0]), undefined)).toBe("Showing 2 of 5 events");
  });

  it("counts search matches among the shown events only", () => {
    const include = Uint8Array.from([1, 0, 1, 1, 0]);
    expect(filterStatus(5, include, Uint8Array.from([1, 1, 0, 0, 1]))).toBe(
      "Showing 3 of 5 events \u00b7 1 matches the search",
    );
    expect(filterStatus(5, include, Uint8Array.from([1, 1, 1, 0, 0]))).toBe(
      "Showing 3 of 5 events \u00b7 2 match the search",
    );
  });
});
