import type { Selection } from "d3-selection";
import type { TimelineEvent } from "../data/types";
import { formatEventDate } from "../model/formatDate";
import { POINT_RADIUS_PX, type ClusterMark, type EventMark } from "../model/layoutMarks";
import { laneColour } from "./palette";

type Group = Selection<SVGGElement, unknown, null, undefined>;

const CHIP_HEIGHT_PX = 16;

/** Accessible name of an event mark: date (with its precision), title and lane. */
export function markName(event: TimelineEvent, laneLabel: string): string {
  return `${formatEventDate(event)}: ${event.title}. ${laneLabel}.`;
}

/**
 * Draws the laid-out event marks, joined by event id so focus survives re-renders. Each mark
 * carries data-event-id (and only marks do, so it can be counted); points encode the date basis (filled: stated; ring: inferred; dashed: outside reference).
 */
export function renderMarks(
  group: Group,
  marks: readonly EventMark[],
  events: readonly TimelineEvent[],
  laneLabels: readonly string[],
  tabStop: number | undefined,
  matches?: Uint8Array,
): void {
  const mark = group
    .selectAll<SVGGElement, EventMark>("g.event")
    .data(marks, (d) => events[d.event]!.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "event").attr("role", "button").attr("tabindex", -1);
      g.append("rect").attr("class", "day-window");
      g.append("rect").attr("class", "chip");
      g.append("circle").attr("class", "dot").attr("r", POINT_RADIUS_PX);
      g.append("text").attr("class", "label");
      return g;
    })
    .attr("data-event-id", (d) => events[d.event]!.id)
    .attr("data-lane", (d) => d.lane)
    .attr("class", (d) => {
      const e = events[d.event]!;
      const emphasis = matches === undefined ? "" : matches[d.event] === 1 ? " match" : " dimmed";
      return `event ${d.kind}${emphasis} basis-${e.dateBasis} precision-${e.precision}${e.isRange ? " range" : ""}${e.conflict ? " conflict" : ""}${d.row < 0 ? " overflow" : ""}`;
    })
    .attr("aria-label", (d) => markName(events[d.event]!, laneLabels[d.lane] ?? ""))
    .attr("tabindex", (d) => (d.event === tabStop ? 0 : -1))
    .style("--lane-colour", (d) => laneColour(d.lane));

  // A day-precise point also shows its whole day once the day is wide enough to see: the event
  // happened somewhere in that band, not at the dot.
  mark
    .select(".day-window")
    .attr("display", (d) => (d.kind === "point" && d.x1 - d.x0 > 3 * POINT_RADIUS_PX ? null : "none"))
    .attr("x", (d) => d.x0)
    .attr("width", (d) => Math.max(0, d.x1 - d.x0))
    .attr("y", (d) => d.y - CHIP_HEIGHT_PX / 2)
    .attr("height", CHIP_HEIGHT_PX);
  mark
    .select(".chip")
    .attr("display", (d) => (d.kind === "span" ? null : "none"))
    .attr("x", (d) => d.x0)
    .attr("width", (d) => Math.max(0, d.x1 - d.x0))
    .attr("y", (d) => d.y - CHIP_HEIGHT_PX / 2)
    .attr("height", CHIP_HEIGHT_PX)
    .attr("rx", 3);
  mark
    .select(".dot")
    .attr("display", (d) => (d.kind === "point" ? null : "none"))
    .attr("cx", (d) => d.cx)
    .attr("cy", (d) => d.y);
  mark
    .select(".label")
    .attr("x", (d) => d.labelX)
    .attr("y", (d) => d.y)
    .text((d) => d.label);
}

/** Draws clusters: counted marks standing for events too close to separate at this zoom. */
export function renderClusters(
  group: Group,
  clusters: readonly ClusterMark[],
  events: readonly TimelineEvent[],
  matches?: Uint8Array,
): void {
  const cluster = group
    .selectAll<SVGGElement, ClusterMark>("g.cluster")
    .data(clusters, (d) => `${d.lane}:${events[d.events[0]!]!.id}`)
    .join((enter) => {
      const g = enter.append("g").attr("class", "cluster");
      g.append("rect").attr("class", "cluster-extent");
      g.append("circle").attr("class", "cluster-badge").attr("r", 9);
      g.append("text").attr("class", "cluster-count");
      return g;
    })
    .attr("class", (d) =>
      matches === undefined
        ? "cluster"
        : d.events.some((e) => matches[e] === 1)
          ? "cluster match"
          : "cluster dimmed",
    )
    .attr("data-count", (d) => d.count)
    // Listed only when complete: a dense cluster stands for more events than it carries ids for.
    .attr("data-event-ids", (d) =>
      d.count === d.events.length ? d.events.map((e) => events[e]!.id).join(" ") : null,
    )
    .style("--lane-colour", (d) => laneColour(d.lane));
  const centre = (d: ClusterMark) => (d.x0 + d.x1) / 2;
  cluster
    .select(".cluster-extent")
    .attr("x", (d) => d.x0)
    .attr("width", (d) => Math.max(0, d.x1 - d.x0))
    .attr("y", (d) => d.y - 3)
    .attr("height", 6)
    .attr("rx", 3);
  cluster
    .select(".cluster-badge")
    .attr("cx", centre)
    .attr("cy", (d) => d.y);
  cluster
    .select(".cluster-count")
    .attr("x", centre)
    .attr("y", (d) => d.y)
    .text((d) => formatCount(d.count));
}

/** A cluster's count as it fits in its badge: 7, 42, 1.2k, 15k. */
export function formatCount(n: number): string {
  if (n < 1000) return String(n);
  return n < 10_000 ? `${(n / 1000).toFixed(1).replace(/\.0$/, "")}k` : `${Math.round(n / 1000)}k`;
}
