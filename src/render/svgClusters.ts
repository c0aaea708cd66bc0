import type { Selection } from "d3-selection";
import type { TimelineEvent } from "../data/types";
import { clusterCentre, holdsMatch, listsAllMembers, type ClusterMark } from "../model/layoutMarks";
import { BADGE_RADIUS_PX } from "../model/markGeometry";
import { formatCount, inReach } from "./marks";
import { laneColour } from "./palette";

type Group = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Clusters as SVG, for export (on screen they are painted on canvases, see paintClusters): the
 * extent, the badge and the count, with what the cluster stands for (data-count, data-event-ids
 * when it carries every member, match/dimmed while searching).
 */
export function renderClusters(
  group: Group,
  clusters: readonly ClusterMark[],
  events: readonly TimelineEvent[],
  matches?: Uint8Array,
): void {
  const cluster = group
    .selectAll<SVGGElement, ClusterMark>("g.cluster")
    .data(clusters)
    .join((enter) => {
      const g = enter.append("g");
      g.append("rect").attr("class", "cluster-extent").attr("height", 6).attr("rx", 3);
      g.append("circle").attr("class", "cluster-badge").attr("r", BADGE_RADIUS_PX);
      g.append("text").attr("class", "cluster-count");
      return g;
    })
    .attr("class", (d) =>
      matches === undefined ? "cluster" : holdsMatch(d, matches) ? "cluster match" : "cluster dimmed",
    )
    .attr("data-count", (d) => d.count)
    .attr("data-event-ids", (d) => (listsAllMembers(d) ? d.events.map((e) => events[e]!.id).join(" ") : null))
    .style("--lane-colour", (d) => laneColour(d.lane));
  cluster
    .select(".cluster-extent")
    .attr("x", (d) => inReach(d.x0))
    .attr("width", (d) => Math.max(0, inReach(d.x1) - inReach(d.x0)))
    .attr("y", (d) => d.y - 3);
  cluster
    .select(".cluster-badge")
    .attr("cx", clusterCentre)
    .attr("cy", (d) => d.y);
  cluster
    .select(".cluster-count")
    .attr("x", clusterCentre)
    .attr("y", (d) => d.y)
    .text((d) => formatCount(d.count));
}
