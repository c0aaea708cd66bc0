import { axisTop } from "d3-axis";
import type { ScaleTime } from "d3-scale";
import type { Selection } from "d3-selection";
import { formatContext, formatTick } from "../model/timeTicks";

/** Draws the time axis (ticks adapt to the zoom: years → months → days → hours) and full-height grid lines. */
export function renderAxis(
  axisGroup: Selection<SVGGElement, unknown, null, undefined>,
  gridGroup: Selection<SVGGElement, unknown, null, undefined>,
  contextText: Selection<SVGTextElement, unknown, null, undefined>,
  x: ScaleTime<number, number>,
  widthPx: number,
  plotHeightPx: number,
): void {
  const ticks = x.ticks(Math.max(5, Math.floor(widthPx / 105)));
  axisGroup.call(axisTop<Date>(x).tickValues(ticks).tickFormat(formatTick).tickSizeOuter(0).tickSize(6));
  gridGroup
    .selectAll("line")
    .data(ticks, (d) => +(d as Date))
    .join("line")
    .attr("x1", (d) => x(d))
    .attr("x2", (d) => x(d))
    .attr("y1", 0)
    .attr("y2", plotHeightPx);
  const [d0, d1] = x.domain() as [Date, Date];
  contextText.text(formatContext(+d0, +d1));
}
