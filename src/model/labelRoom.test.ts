import { describe, expect, it } from "vitest";
import { labelRooms, roomsAfter } from "./labelRoom";
import { POINT_RADIUS_PX, ROW_GAP_PX } from "./markGeometry";
import type { EventMark } from "./marks";

/** A point at `cx` with its label after it (or before it, when `labelX` is given left of it). */
function point(event: number, cx: number, labelWidthPx: number, labelX = cx + 10, row = 0): EventMark {
  return { event, lane: 0, row, kind: "point", x0: cx, x1: cx, cx, y: 0, label: "x", labelX, labelWidthPx };
}

describe("labelRooms", () => {
  it("a label after its mark may grow up to the next mark on its row, less the row gap", () => {
    const rooms = labelRooms([point(0, 100, 50), point(1, 300, 40)], 1000);
    expect(rooms.find((r) => r.event === 0)).toEqual({
      event: 0,
      anchor: "start",
      x: 110,
      maxPx: 300 - POINT_RADIUS_PX - ROW_GAP_PX - 110,
    });
    // The last on its row may grow to the chart's edge.
    expect(rooms.find((r) => r.event === 1)?.maxPx).toBe(1000 - 310);
  });

  it("a label drawn before its mark grows leftwards, to the left edge when nothing is before it", () => {
    expect(labelRooms([point(1, 900, 100, 790)], 1000)).toEqual([
      { event: 1, anchor: "end", x: 890, maxPx: 890 },
    ]);
  });

  it("two labels growing towards each other share the gap between them", () => {
    // Event 0's label ends at 60; event 1's starts at 790: 720 px free after the row gap.
    const rooms = labelRooms([point(0, 20, 30), point(1, 900, 100, 790)], 1000);
    expect(rooms.find((r) => r.event === 0)?.maxPx).toBe(30 + (790 - ROW_GAP_PX - 60) / 2);
    expect(rooms.find((r) => r.event === 1)?.maxPx).toBe(100 + (790 - ROW_GAP_PX - 60) / 2);
  });

  it("marks on other rows and unlabelled marks neither get room nor take it", () => {
    const rooms = labelRooms([point(0, 100, 50), point(1, 200, 40, 210, 1), point(2, 150, 0, 0, -1)], 500);
    expect(rooms.map((r) => r.event).sort()).toEqual([0, 1]);
    expect(rooms.find((r) => r.event === 0)?.maxPx).toBe(500 - 110);
  });

  it("a label inside its span keeps to the span", () => {
    const span: EventMark = { ...point(0, 150, 40, 105), kind: "span", x0: 100, x1: 200 };
    expect(labelRooms([span], 800)).toEqual([{ event: 0, anchor: "start", x: 105, maxPx: 90 }]);
  });

  it("a label never gets less room than it already has, even when neighbours crowd it", () => {
    const rooms = labelRooms([point(0, 100, 80), point(1, 150, 10)], 500);
    expect(rooms.find((r) => r.event === 0)?.maxPx).toBe(80);
  });
});

describe("roomsAfter", () => {
  it("gives each overflow item the room up to the next in its lane, or the edge", () => {
    const items = [
      { lane: 0, left: 100, right: 118 },
      { lane: 1, left: 0, right: 10 },
      { lane: 0, left: 10, right: 20 },
    ];
    expect(roomsAfter(items, 500, 2)).toEqual([500 - 118, 500 - 10, 100 - 2 - 20]);
  });

  it("an item overlapped by the next has no room", () => {
    expect(
      roomsAfter(
        [
          { lane: 0, left: 0, right: 30 },
          { lane: 0, left: 20, right: 40 },
        ],
        100,
      ),
    ).toEqual([0, 60]);
  });
});
