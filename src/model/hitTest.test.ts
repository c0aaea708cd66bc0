import { describe, expect, it } from "vitest";
import { hitTest } from "./hitTest";
import type { ClusterMark, EventMark } from "./layoutMarks";
import { POINT_RADIUS_PX } from "./markGeometry";

function point(event: number, cx: number, y: number): EventMark {
  return {
    event,
    lane: 0,
    row: 0,
    kind: "point",
    x0: cx - 1,
    x1: cx + 1,
    cx,
    y,
    label: "",
    labelX: 0,
    labelWidthPx: 0,
  };
}

function span(event: number, x0: number, x1: number, y: number): EventMark {
  return {
    event,
    lane: 0,
    row: 0,
    kind: "span",
    x0,
    x1,
    cx: (x0 + x1) / 2,
    y,
    label: "",
    labelX: 0,
    labelWidthPx: 0,
  };
}

function cluster(events: number[], x0: number, x1: number, y: number): ClusterMark {
  return { lane: 0, count: events.length, events, last: events.at(-1)!, x0, x1, y, startMs: 0, endMs: 1 };
}

const eventOf = (hit: ReturnType<typeof hitTest>) => (hit?.type === "event" ? hit.mark.event : undefined);

describe("hitTest", () => {
  it("hitTest(marks, …) hits an event where its label is drawn, not only at its dot", () => {
    const labelled: EventMark = {
      ...point(1, 100, 50),
      label: "Rutte meets Trump",
      labelX: 110,
      labelWidthPx: 120,
    };
    expect(eventOf(hitTest([labelled], [], 200, 52, 6))).toBe(1);
    expect(eventOf(hitTest([labelled], [], 229, 50, 0))).toBe(1);
    // Past the label's end, or well above it, is not the event.
    expect(eventOf(hitTest([labelled], [], 260, 50, 6))).toBeUndefined();
    expect(eventOf(hitTest([labelled], [], 200, 70, 6))).toBeUndefined();
  });

  it("hitTest(marks, clusters, x, y, radius) finds a point under the pointer", () => {
    expect(eventOf(hitTest([point(1, 100, 50)], [], 102, 51, 0))).toBe(1);
  });

  it("hitTest(marks, clusters, x, y, radius) finds a point within radius of its outline", () => {
    // 4 px beyond the dot's edge, radius 4.
    expect(eventOf(hitTest([point(1, 100, 50)], [], 100, 50 + POINT_RADIUS_PX + 4, 4))).toBe(1);
  });

  it("hitTest(marks, clusters, x, y, radius) finds nothing beyond the radius", () => {
    expect(hitTest([point(1, 100, 50)], [], 100, 50 + POINT_RADIUS_PX + 5, 4)).toBeUndefined();
    expect(hitTest([point(1, 100, 50)], [], 130, 50, 4)).toBeUndefined();
    expect(hitTest([], [], 100, 50, 100)).toBeUndefined();
  });

  it("hitTest(marks, clusters, x, y, radius) picks the nearest of several marks within radius", () => {
    const marks = [point(1, 100, 50), point(2, 120, 50), point(3, 140, 50)];
    expect(eventOf(hitTest(marks, [], 117, 50, 20))).toBe(2);
    expect(eventOf(hitTest(marks, [], 104, 50, 20))).toBe(1);
    expect(eventOf(hitTest(marks, [], 137, 50, 20))).toBe(3);
  });

  it("hitTest(marks, clusters, x, y, radius) gives a tie to the later-drawn mark, on top", () => {
    expect(eventOf(hitTest([point(1, 100, 50), point(2, 100, 50)], [], 100, 50, 4))).toBe(2);
  });

  it("hitTest(marks, clusters, x, y, radius) hits a span anywhere along its length", () => {
    const marks = [span(7, 100, 400, 50)];
    expect(eventOf(hitTest(marks, [], 380, 52, 0))).toBe(7);
    expect(eventOf(hitTest(marks, [], 150, 50, 0))).toBe(7);
    // Beyond its end by more than the chip's half-height plus radius.
    expect(hitTest(marks, [], 420, 50, 4)).toBeUndefined();
  });

  it("hitTest(marks, clusters, x, y, radius) measures a point from its centre, not its x0..x1", () => {
    // A point whose x0..x1 would reach the pointer were it a span.
    const wide: EventMark = { ...point(1, 100, 50), x0: 0, x1: 300 };
    expect(hitTest([wide], [], 250, 50, 4)).toBeUndefined();
  });

  it("hitTest(marks, clusters, x, y, radius) hits a cluster", () => {
    const hit = hitTest([point(1, 10, 50)], [cluster([2, 3, 4], 200, 230, 80)], 215, 84, 2);
    expect(hit?.type).toBe("cluster");
    expect(hit?.type === "cluster" ? hit.cluster.events : []).toEqual([2, 3, 4]);
  });

  it("hitTest(marks, clusters, x, y, radius) prefers a nearer mark to a further cluster", () => {
    const hit = hitTest([point(1, 100, 50)], [cluster([2, 3], 100, 130, 80)], 100, 52, 10);
    expect(eventOf(hit)).toBe(1);
  });

  it("hitTest(marks, clusters, x, y, radius) finds nothing beyond a cluster's radius", () => {
    expect(hitTest([], [cluster([2, 3], 200, 230, 80)], 215, 80 + 9 + 5, 4)).toBeUndefined();
  });
});
