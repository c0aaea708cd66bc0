import type { Selection } from "d3-selection";
import type { Lane } from "../data/types";
import type { LaneGeometry } from "../model/laneGeometry";
import { setAttr } from "./dom";
import { laneColour } from "./palette";

/**
 * Lane bands with their labels, drawn across the full width so time gets every pixel. What belongs
 * to a lane is written when it is created; a frame writes only a band's size and place when they
 * change (every attribute written re-lays the chart out, changed or not).
 */
export function renderLanes(
  group: Selection<SVGGElement, unknown, null, undefined>,
  lanes: readonly Lane[],
  geometry: LaneGeometry,
  widthPx: number,
): void {
  group
    .selectAll<SVGGElement, Lane>("g.lane")
    .data(lanes, (d) => d.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "lane");
      g.append("rect").attr("class", (_, i) => (i % 2 === 1 ? "lane-band odd" : "lane-band"));
      g.append("rect")
        .attr("class", "lane-swatch")
        .attr("x", 6)
        .attr("y", 5)
        .attr("width", 10)
        .attr("height", 10)
        .attr("rx", 2)
        .style("fill", (_, i) => laneColour(i));
      g.append("text")
        .attr("class", "lane-label")
        .attr("x", 22)
        .attr("y", 14)
        .text((d) => d.label);
      return g;
    })
    .each(function (_, i) {
      setAttr(this, "transform", `translate(0,${geometry.laneTopPx[i] ?? 0})`);
      const band = this.firstChild as Element;
      setAttr(band, "width", widthPx);
      setAttr(band, "height", geometry.laneHeightPx[i] ?? 0);
    });
}
