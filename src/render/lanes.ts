import type { Selection } from "d3-selection";
import type { Lane } from "../data/types";
import type { LaneGeometry } from "../model/laneGeometry";
import { laneColour } from "./palette";

/** Lane bands with their labels, drawn across the full width so time gets every pixel. */
export function renderLanes(
  group: Selection<SVGGElement, unknown, null, undefined>,
  lanes: readonly Lane[],
  geometry: LaneGeometry,
  widthPx: number,
): void {
  const lane = group
    .selectAll<SVGGElement, Lane>("g.lane")
    .data(lanes, (d) => d.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "lane");
      g.append("rect").attr("class", "lane-band");
      g.append("rect").attr("class", "lane-swatch");
      g.append("text").attr("class", "lane-label");
      return g;
    })
    .attr("transform", (_, i) => `translate(0,${geometry.laneTopPx[i] ?? 0})`);
  lane
    .select(".lane-band")
    .attr("width", widthPx)
    .attr("height", (_, i) => geometry.laneHeightPx[i] ?? 0)
    .classed("odd", (_, i) => i % 2 === 1);
  lane
    .select(".lane-swatch")
    .attr("x", 6)
    .attr("y", 5)
    .attr("width", 10)
    .attr("height", 10)
    .attr("rx", 2)
    .style("fill", (_, i) => laneColour(i));
  lane
    .select(".lane-label")
    .attr("x", 22)
    .attr("y", 14)
    .text((d) => d.label);
}
