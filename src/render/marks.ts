import { create, type Selection } from "d3-selection";
import type { TimelineEvent } from "../data/types";
import { formatEventDate } from "../model/formatDate";
import { reportCount } from "../model/reportingStatus";
import type { EventMark } from "../model/layoutMarks";
import { CHIP_CORNER_PX, CHIP_HEIGHT_PX, POINT_RADIUS_PX } from "../model/markGeometry";
import { setAttr, setText } from "./dom";
import { laneColour } from "./palette";

type Group = Selection<SVGGElement, unknown, null, undefined>;

/**
 * How far past the plot's edges a bar is drawn. Zoomed in far, a month-long bar is millions of px
 * wide, and rasterising its dashed outline stalled Chromium's frames for good (no animation frame
 * ran again: Fit all from a two-hour window never moved). A drag slides the drawing by at most a
 * plot's width, well inside this.
 */
const DRAWN_REACH_PX = 32_768;
export const inReach = (x: number) => Math.min(DRAWN_REACH_PX, Math.max(-DRAWN_REACH_PX, x));

/** Where a mark's group stands (its parts are placed from there): a point's centre, a bar's start. */
export const markOriginX = (d: EventMark): number => (d.kind === "point" ? d.cx : inReach(d.x0));

/**
 * A position relative to the mark, to a hundredth of a pixel: the same offset computed from another
 * frame's numbers then reads the same, and is not written again.
 */
const hundredths = (x: number) => Math.round(x * 100) / 100;

/** Height of the ground behind a label: the text's line, a little short of the row's 22 px. */
const LABEL_GROUND_PX = 16;

/**
 * Accessible name of an event mark: date (with its precision), title with the source count its
 * label shows (the visible words are part of the name), and lane.
 */
export function markName(event: TimelineEvent, laneLabel: string): string {
  const n = reportCount(event);
  return `${formatEventDate(event)}: ${event.title}${n > 1 ? ` \u00b7 ${n} sources` : ""}. ${laneLabel}.`;
}

/**
 * Mark groups that left the drawing, per marks layer, to be drawn again for marks that enter: while
 * a wheel zooms, dozens of marks a step turn into clusters and others come out of them, and building
 * each one's six elements anew took ~2 ms of every step at 10,000 events.
 */
const spares = new WeakMap<SVGGElement, SVGGElement[]>();
const SPARES_KEPT = 256;

/** A mark's group and parts, with what never changes; the rest is written by renderMarks. */
function newMark(): SVGGElement {
  const g = create<SVGGElement>("svg:g").attr("role", "button");
  // Children are drawn relative to the mark (its group is translated to it), so a frame that
  // moves a mark does not rewrite its parts' positions.
  const top = -CHIP_HEIGHT_PX / 2;
  g.append("rect").attr("class", "day-window").attr("y", top).attr("height", CHIP_HEIGHT_PX);
  g.append("rect")
    .attr("class", "chip")
    .attr("x", 0)
    .attr("y", top)
    .attr("height", CHIP_HEIGHT_PX)
    .attr("rx", CHIP_CORNER_PX);
  g.append("circle").attr("class", "dot").attr("r", POINT_RADIUS_PX).attr("cx", 0).attr("cy", 0);
  // The band's own colour behind the words: no grid or publication line runs through them.
  g.append("rect")
    .attr("class", "label-ground")
    .attr("y", -LABEL_GROUND_PX / 2)
    .attr("height", LABEL_GROUND_PX);
  g.append("text").attr("class", "label").attr("y", 0);
  return g.node()!;
}

/**
 * Draws the laid-out event marks, joined by event id so focus survives re-renders. Each mark
 * carries data-event-id (and only marks do, so it can be counted); points encode the date basis
 * (filled: stated; ring: inferred; dashed: outside reference). What belongs to the event (id, lane,
 * name, colour) is written when a group is given to it (a new one, or a spare); each frame only
 * writes what moved.
 */
export function renderMarks(
  group: Group,
  marks: readonly EventMark[],
  events: readonly TimelineEvent[],
  laneLabels: readonly string[],
  tabStop: number | undefined,
  matches?: Uint8Array,
): void {
  const layer = group.node()!;
  let kept = spares.get(layer);
  if (kept === undefined) spares.set(layer, (kept = []));
  group
    .selectAll<SVGGElement, EventMark>("g.event")
    .data(marks, (d) => events[d.event]!.id)
    .join(
      (enter) => enter.append(() => kept.pop() ?? newMark()),
      (update) => update,
      (exit) =>
        exit
          .each(function () {
            if (kept.length < SPARES_KEPT) kept.push(this);
          })
          .remove(),
    )
    .each(function (d) {
      const e = events[d.event]!;
      if (this.dataset["eventId"] !== e.id) {
        this.dataset["eventId"] = e.id;
        this.dataset["lane"] = String(d.lane);
        this.setAttribute("aria-label", markName(e, laneLabels[d.lane] ?? ""));
        this.style.setProperty("--lane-colour", laneColour(d.lane));
        // What described the mark's last event does not describe this one (see frameStep).
        this.removeAttribute("aria-describedby");
      }
      const emphasis = matches === undefined ? "" : matches[d.event] === 1 ? " match" : " dimmed";
      setAttr(
        this,
        "class",
        `event ${d.kind}${d.lane % 2 === 1 ? " odd-lane" : ""}${emphasis} basis-${e.dateBasis} precision-${e.precision}${e.isRange ? " range" : ""}${e.conflict ? " conflict" : ""}${d.row < 0 ? " overflow" : ""}`,
      );
      setAttr(this, "tabindex", d.event === tabStop ? 0 : -1);
      // The group stands at the mark (a point's centre, a bar's start) and its parts are placed
      // relative to it: a zoom moves most marks by their group alone, one attribute to write and
      // restyle instead of three or four (at 10,000 events a wheel step wrote ~450).
      const at = markOriginX(d);
      setAttr(this, "transform", `translate(${at},${d.y})`);
      const from = (x: number) => hundredths(x - at);
      const [dayWindow, chip, dot, ground, label] = this.children;
      // A day-precise point also shows its whole day once the day is wide enough to see: the
      // event happened somewhere in that band, not at the dot.
      const showDay = d.kind === "point" && d.x1 - d.x0 > 3 * POINT_RADIUS_PX;
      setAttr(dayWindow!, "display", showDay ? null : "none");
      if (showDay) {
        setAttr(dayWindow!, "x", from(inReach(d.x0)));
        setAttr(dayWindow!, "width", Math.max(0, inReach(d.x1) - inReach(d.x0)));
      }
      setAttr(chip!, "display", d.kind === "span" ? null : "none");
      if (d.kind === "span") setAttr(chip!, "width", Math.max(0, inReach(d.x1) - inReach(d.x0)));
      setAttr(dot!, "display", d.kind === "point" ? null : "none");
      setAttr(ground!, "display", d.label === "" ? "none" : null);
      if (d.label !== "") {
        setAttr(ground!, "x", from(d.labelX - 2));
        setAttr(ground!, "width", d.labelWidthPx + 4);
      }
      setAttr(label!, "x", from(d.labelX));
      setText(label!, d.label);
    });
}

/** A cluster's count as it fits in its badge: 7, 42, 1.2k, 15k. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  return n < 10_000 ? `${(n / 1000).toFixed(1).replace(/\.0$/, "")}k` : `${Math.round(n / 1000)}k`;
}
