import { describe, expect, it, test } from "vitest";
import { DAY_MS, HOUR_MS } from "./timeDomain";
import { indexed, utc } from "./testEvents";
import { clusterWindow, scaledWindow, zoomAnchor } from "./zoomTarget";

describe("zoomAnchor", () => {
  const data = indexed([
    { id: "early", start: "2025-07-02" },
    { id: "late", start: "2025-07-28" },
  ]);
  const july: [number, number] = [utc(2025, 7, 1), utc(2025, 8, 1)];

  it("zoomAnchor(index, events, domain, factor, focused) keeps the focused event in place", () => {
    const late = data.events.findIndex((e) => e.id === "late");
    expect(zoomAnchor(data.index, data.events, july, 2, late)).toBe(utc(2025, 7, 28, 12));
  });

  it("zoomAnchor(...) zooms into the event nearest the centre rather than an empty middle", () => {
    // Zooming 4× around mid-July would show 12–20 July, which holds nothing.
    // Of the two, 28 July is nearer the centre (16 July, noon) than 2 July.
    expect(zoomAnchor(data.index, data.events, july, 4, undefined)).toBe(utc(2025, 7, 28, 12));
  });

  it("zoomAnchor(...) keeps the centre when it holds events, and when zooming out", () => {
    const busy = indexed([{ id: "mid", start: "2025-07-16" }]);
    expect(zoomAnchor(busy.index, busy.events, july, 2, undefined)).toBe((july[0] + july[1]) / 2);
    expect(zoomAnchor(data.index, data.events, july, 0.5, undefined)).toBe((july[0] + july[1]) / 2);
  });
});

describe("clusterWindow", () => {
  it("clusterWindow(start, end, precisions) is at least four days wide for day-precise events", () => {
    const [w0, w1] = clusterWindow(utc(2025, 7, 14), utc(2025, 7, 15), ["day", "day"]);
    expect(w1 - w0).toBe(4 * DAY_MS);
    expect(w0).toBeLessThan(utc(2025, 7, 14));
  });

  it("clusterWindow(...) may go down to hours when a member is known to the time of day", () => {
    const [w0, w1] = clusterWindow(utc(2025, 7, 14, 9), utc(2025, 7, 14, 10), ["day", "time"]);
    expect(w1 - w0).toBe(4 * HOUR_MS);
  });

  it("clusterWindow(...) pads a wide cluster by a quarter of its span on each side", () => {
    const [w0, w1] = clusterWindow(utc(2025, 1, 1), utc(2025, 3, 1), ["day"]);
    expect(w1 - w0).toBeCloseTo(1.5 * (utc(2025, 3, 1) - utc(2025, 1, 1)), 0);
  });
});

describe("scaledWindow", () => {
  const bounds: [number, number] = [0, 1000];
  test("zooming in by 2 around an anchor halves the span and keeps the anchor's share of the window", () => {
    expect(scaledWindow([200, 600], 2, 300, bounds, 1)).toEqual([250, 450]);
  });
  test("without an anchor it zooms around the centre", () => {
    expect(scaledWindow([200, 600], 2, undefined, bounds, 1)).toEqual([300, 500]);
  });
  test("the span never goes under the narrowest window nor over the bounds", () => {
    const narrow = scaledWindow([200, 210], 4, 205, bounds, 5);
    expect(narrow[1] - narrow[0]).toBe(5);
    const wide = scaledWindow([0, 800], 0.25, 400, bounds, 5);
    expect(wide[1] - wide[0]).toBe(1000);
  });
});
