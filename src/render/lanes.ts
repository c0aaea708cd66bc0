import type { Selection } from "d3-selection";
import type { Lane } from "../data/types";
import type { LaneGeometry } from "../model/laneGeometry";
import { setAttr } from "./dom";
import { laneColour } from "./palette";

/**
 * Lane bands, drawn across the full width so time gets every pixel, and their headings (in a layer
 * above the grid and publication lines). What belongs to a lane is written when it is created; a
 * frame writes only a band's size and place when they change (every attribute written re-lays the
 * chart out, changed or not).
 */
export function renderLanes(
  group: Selection<SVGGElement, unknown, null, undefined>,
  headings: Selection<SVGGElement, unknown, null, undefined>,
  lanes: readonly Lane[],
  geometry: LaneGeometry,
  widthPx: number,
): void {
  group
    .selectAll<SVGRectElement, Lane>("rect.lane-band")
    .data(lanes, (d) => d.id)
    .join((enter) =>
      enter.append("rect").attr("class", (_, i) => (i % 2 === 1 ? "lane-band odd" : "lane-band")),
    )
    .each(function (_, i) {
      setAttr(this, "y", geometry.laneTopPx[i] ?? 0);
      setAttr(this, "width", widthPx);
      setAttr(this, "height", geometry.laneHeightPx[i] ?? 0);
    });
  headings
    .selectAll<SVGGElement, Lane>("g.lane")
    .data(lanes, (d) => d.id)
    .join((enter) => {
      const g = enter.append("g").attr("class", "lane");
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
    });
}
