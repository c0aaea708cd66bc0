import { CHIP_PAD_PX, POINT_RADIUS_PX, ROW_GAP_PX } from "./markGeometry";
import type { EventMark } from "./marks";

/** Where a label may be written on an exported chart, and how wide it may grow. */
export interface LabelRoom {
  readonly event: number;
  /** "start": the label starts at `x` and grows right; "end": it ends at `x` and grows left. */
  readonly anchor: "start" | "end";
  readonly x: number;
  readonly maxPx: number;
}

const markLeft = (m: EventMark) => (m.kind === "span" ? m.x0 : m.cx - POINT_RADIUS_PX);
const markRight = (m: EventMark) => (m.kind === "span" ? m.x1 : m.cx + POINT_RADIUS_PX);
const left = (m: EventMark) => Math.min(markLeft(m), m.labelX);
const right = (m: EventMark) => Math.max(markRight(m), m.labelX + m.labelWidthPx);

/**
 * The room each labelled mark's label has on a still picture, where nothing is hovered to read a
 * cut title: up to the next thing on its row (less the row gap) or the chart's edge, on the side
 * the label was drawn. A label drawn inside its span keeps to the span. The picture writes the
 * event's number and as much of its title as this allows.
 */
export function labelRooms(marks: readonly EventMark[], widthPx: number): LabelRoom[] {
  const rows = new Map<string, EventMark[]>();
  for (const m of marks) {
    if (m.row < 0 || m.labelWidthPx <= 0) continue;
    const key = `${m.lane}:${m.row}`;
    rows.set(key, [...(rows.get(key) ?? []), m]);
  }
  const rooms: LabelRoom[] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => left(a) - left(b));
    const grows = row.map(growth);
    // Where a label growing right meets one growing left, each gets half of the gap between them.
    const share = (i: number, j: number) => (grows[i] === "right" && grows[j] === "left" ? 0.5 : 1);
    row.forEach((m, i) => {
      const end = m.labelX + m.labelWidthPx;
      if (grows[i] === "none")
        rooms.push({ event: m.event, anchor: "start", x: m.labelX, maxPx: m.x1 - CHIP_PAD_PX - m.labelX });
      else if (grows[i] === "left") {
        const previous = row[i - 1];
        const gap =
          previous === undefined ? m.labelX : (m.labelX - right(previous) - ROW_GAP_PX) * share(i - 1, i);
        rooms.push({ event: m.event, anchor: "end", x: end, maxPx: m.labelWidthPx + Math.max(0, gap) });
      } else {
        const next = row[i + 1];
        const gap = next === undefined ? widthPx - end : (left(next) - ROW_GAP_PX - end) * share(i, i + 1);
        rooms.push({
          event: m.event,
          anchor: "start",
          x: m.labelX,
          maxPx: m.labelWidthPx + Math.max(0, gap),
        });
      }
    });
  }
  return rooms;
}

/** Which way a label can grow: inside its span (not at all), or away from its mark. */
function growth(m: EventMark): "none" | "left" | "right" {
  const end = m.labelX + m.labelWidthPx;
  if (m.kind === "span" && m.labelX >= m.x0 && end <= m.x1) return "none";
  return end <= markLeft(m) ? "left" : "right";
}

/** Something drawn in a lane's overflow row: an unlabelled mark or a cluster's badge. */
export interface OverflowItem {
  readonly lane: number;
  readonly left: number;
  readonly right: number;
}

/**
 * The room to the right of each item in its lane's overflow row, up to the next item (less
 * `gapPx`) or the chart's edge, aligned with `items`: where a picture may write its numbers.
 */
export function roomsAfter(items: readonly OverflowItem[], widthPx: number, gapPx = 2): number[] {
  const order = [...items.keys()].sort(
    (a, b) => items[a]!.lane - items[b]!.lane || items[a]!.left - items[b]!.left,
  );
  const rooms: number[] = new Array<number>(items.length).fill(0);
  order.forEach((i, k) => {
    const item = items[i]!,
      next = items[order[k + 1] ?? -1];
    const limit = next !== undefined && next.lane === item.lane ? next.left - gapPx : widthPx;
    rooms[i] = Math.max(0, limit - item.right);
  });
  return rooms;
}
