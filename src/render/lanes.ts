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

/**
 * The lane headings a reader sees: each in a block as tall as its lane, and CSS-sticky inside it, so
 * the heading of the lane in view stays below the axis while the plot scrolls (an SVG element cannot
 * be sticky; the SVG headings above are what exports and print show). Written when the rows change.
 */
export function renderStickyHeadings(
  container: HTMLElement,
  lanes: readonly Lane[],
  geometry: LaneGeometry,
): void {
  if (container.childElementCount !== lanes.length) {
    container.replaceChildren(
      ...lanes.map((lane, i) => {
        const block = document.createElement("div");
        // On its band's colour, as the labels are: no grid line runs through the words.
        block.className = i % 2 === 1 ? "lane-block odd" : "lane-block";
        const heading = document.createElement("div");
        heading.className = "lane-heading";
        const swatch = document.createElement("span");
        swatch.className = "lane-heading-swatch";
        swatch.style.background = laneColour(i);
        heading.append(swatch, lane.label);
        block.append(heading);
        return block;
      }),
    );
  }
  lanes.forEach((_, i) => {
    const block = container.children[i] as HTMLElement;
    const top = `${geometry.laneTopPx[i] ?? 0}px`;
    const height = `${geometry.laneHeightPx[i] ?? 0}px`;
    if (block.style.top !== top) block.style.top = top;
    if (block.style.height !== height) block.style.height = height;
  });
}
