import { numberRuns } from "../model/eventNumbers";
import { labelRooms, roomsAfter, type LabelRoom } from "../model/labelRoom";
import { BADGE_RADIUS_PX, POINT_RADIUS_PX } from "../model/markGeometry";
import { clusterCentre, type EventMark, type Layout } from "../model/marks";
import { truncateLabel, type MeasureText } from "../model/truncateLabel";
import { markOriginX } from "./marks";

const SVG_NS = "http://www.w3.org/2000/svg";
const BADGE_HEIGHT_PX = 14;
const BADGE_GAP_PX = 3;
/** The badge's digits are 10 px bold; widths are measured in the 12 px label font and scaled. */
const BADGE_FONT_SCALE = 0.92;

export interface NumberedChart {
  /** The layout the chart was drawn from (marks in the copy are matched to it by event id). */
  readonly layout: Layout;
  readonly widthPx: number;
  /** Dataset index → its number in the list that goes with the picture. */
  readonly numbers: ReadonlyMap<number, number>;
  /** Measures text in the labels' font. */
  readonly measure: MeasureText;
  readonly eventId: (event: number) => string;
  /** An event's whole title, and what is kept whole after a cut one (" · 2 sources"). */
  readonly title: (event: number) => string;
  readonly suffix: (event: number) => string;
  /** Badge colours: resolved from the theme (a standalone file has no stylesheet). */
  readonly ink: string;
  readonly paper: string;
}

/**
 * Puts the list's numbers on a copy of the chart (after its styles are written onto it): a dark
 * badge before each event's label, holding the number the event has in the list printed under the
 * picture, and beside each cluster the runs of its members' numbers. Labels get as much of their
 * title as their row leaves room for (labelRooms): a still picture cannot be hovered to read a cut
 * one. All data goes in as text nodes.
 */
export function numberChart(copy: SVGSVGElement, chart: NumberedChart): void {
  const { layout, numbers } = chart;
  const rooms = new Map(labelRooms(layout.marks, chart.widthPx).map((r) => [r.event, r]));
  const marks = new Map<string, SVGGElement>();
  for (const g of copy.querySelectorAll<SVGGElement>("g.event[data-event-id]"))
    marks.set(g.dataset["eventId"] ?? "", g);
  // In the overflow rows, unlabelled marks and clusters write their numbers to their right, in
  // what room the next item leaves: shortened runs, else the first number and "…", else nothing.
  // (Clusters are drawn at their row's y from the plot's left; marks are translated to their own
  // place, so theirs is 0 and x counts from markOriginX.)
  const clusterNodes = copy.querySelectorAll<SVGGElement>("g.cluster");
  const overflow = [
    ...layout.marks
      .filter((m) => !rooms.has(m.event))
      .map((m) => ({
        lane: m.lane,
        left: markStart(m),
        right: markEnd(m),
        y: 0,
        originX: markOriginX(m),
        members: [m.event],
        g: marks.get(chart.eventId(m.event)),
      })),
    ...layout.clusters.map((c, i) => ({
      lane: c.lane,
      left: clusterCentre(c) - BADGE_RADIUS_PX,
      right: clusterCentre(c) + BADGE_RADIUS_PX,
      y: c.y,
      originX: 0,
      members: c.events,
      g: clusterNodes[i],
    })),
  ];
  const after = roomsAfter(overflow, chart.widthPx, BADGE_GAP_PX);
  overflow.forEach((item, k) => {
    const ns = item.members.flatMap((e) => numbers.get(e) ?? []);
    const runs = fitRuns(ns, after[k]! - BADGE_GAP_PX, chart.measure);
    if (runs === undefined || item.g === undefined) return;
    const [box, text] = badge(runs, item.right + BADGE_GAP_PX - item.originX, chart);
    box.setAttribute("y", String(item.y - BADGE_HEIGHT_PX / 2));
    text.setAttribute("y", String(item.y));
    item.g.append(box, text);
  });
  for (const mark of layout.marks) {
    const n = numbers.get(mark.event);
    const g = marks.get(chart.eventId(mark.event));
    const room = rooms.get(mark.event);
    if (n !== undefined && g !== undefined && room !== undefined)
      numberLabel(g, mark.event, String(n), room, chart, markOriginX(mark));
  }
}

/** The numbers as runs that fit `roomPx` as a badge, fewer runs if need be, else the first and "…". */
function fitRuns(numbers: readonly number[], roomPx: number, measure: MeasureText): string | undefined {
  if (numbers.length === 0) return undefined;
  const fits = (text: string) => badgeWidth(text, measure) <= roomPx;
  for (const runs of [3, 2, 1]) {
    const text = numberRuns(numbers, runs);
    if (fits(text)) return text;
  }
  const first = `${Math.min(...numbers)}${numbers.length > 1 ? "\u2026" : ""}`;
  return fits(first) ? first : undefined;
}

const markStart = (m: EventMark) => (m.kind === "span" ? m.x0 : m.cx - POINT_RADIUS_PX);
const markEnd = (m: EventMark) => (m.kind === "span" ? m.x1 : m.cx + POINT_RADIUS_PX);

/** The number badge and the longest of the title that fits the room, in the label's place. */
function numberLabel(
  g: SVGGElement,
  e: number,
  n: string,
  room: LabelRoom,
  chart: NumberedChart,
  /** Where the mark's group stands: the label's x is written from there. */
  originX: number,
): void {
  const label = g.querySelector<SVGTextElement>("text.label");
  if (label === null) return;
  const width = badgeWidth(n, chart.measure);
  const text = truncateLabel(
    chart.title(e),
    room.maxPx - width - BADGE_GAP_PX,
    chart.measure,
    chart.suffix(e),
  );
  const textPx = chart.measure(text);
  const start = (room.anchor === "start" ? room.x : room.x - textPx - width - BADGE_GAP_PX) - originX;
  label.textContent = text; // data is text, never markup
  label.setAttribute("x", String(start + width + BADGE_GAP_PX));
  // The label's ground (its lane band's colour, so no line runs through the words) covers both.
  const ground = g.querySelector(".label-ground");
  ground?.setAttribute("x", String(start - 2));
  ground?.setAttribute("width", String(width + BADGE_GAP_PX + textPx + 4));
  g.append(...badge(n, start, chart));
}

function badgeWidth(n: string, measure: MeasureText): number {
  return Math.ceil(measure(n) * BADGE_FONT_SCALE) + 6;
}

/** A dark rounded box with the number in it, its left edge at `x`, centred on the row (y 0). */
function badge(content: string, x: number, chart: NumberedChart): [SVGRectElement, SVGTextElement] {
  const width = badgeWidth(content, chart.measure);
  const box = document.createElementNS(SVG_NS, "rect");
  box.setAttribute("class", "list-number-box");
  for (const [name, value] of [
    ["x", x],
    ["y", -BADGE_HEIGHT_PX / 2],
    ["width", width],
    ["height", BADGE_HEIGHT_PX],
    ["rx", 3],
  ] as const)
    box.setAttribute(name, String(value));
  box.setAttribute("style", `fill:${chart.ink}`);
  const text = document.createElementNS(SVG_NS, "text");
  text.setAttribute("class", "list-number");
  text.setAttribute("x", String(x + width / 2));
  text.setAttribute("y", "0");
  text.setAttribute(
    "style",
    `font:700 10px system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:${chart.paper};text-anchor:middle;dominant-baseline:central`,
  );
  text.textContent = content;
  return [box, text];
}
