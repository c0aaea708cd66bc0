import type { Selection } from "d3-selection";
import { formatContext, formatTick, timeTicks } from "../model/timeTicks";
import type { Domain } from "../model/timeDomain";

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Draws the time axis (ticks adapt to the zoom: years → months → days → hours), its context line
 * and full-height grid lines. `x` maps UTC ms to px.
 */
export function renderAxis(
  axis: G,
  grid: G,
  context: Selection<SVGTextElement, unknown, null, undefined>,
  domain: Domain,
  x: (ms: number) => number,
  widthPx: number,
  plotHeightPx: number,
): void {
  const ticks = timeTicks(domain[0], domain[1], Math.max(5, Math.floor(widthPx / 105)));
  axis
    .selectAll("path.domain")
    .data([widthPx])
    .join("path")
    .attr("class", "domain")
    .attr("d", (w) => `M0,0.5H${w}`);
  const tick = axis
    .selectAll<SVGGElement, Date>("g.tick")
    .data(ticks, (d) => +d)
    .join((enter) => {
      const g = enter.append("g").attr("class", "tick");
      g.append("line").attr("y2", -6);
      g.append("text").attr("y", -9);
      return g;
    })
    .attr("transform", (d) => `translate(${x(+d)},0)`);
  tick.select("text").text(formatTick);
  grid
    .selectAll("line")
    .data(ticks, (d) => +(d as Date))
    .join("line")
    .attr("x1", (d) => x(+d))
    .attr("x2", (d) => x(+d))
    .attr("y1", 0)
    .attr("y2", plotHeightPx);
  context.text(formatContext(domain[0], domain[1]));
}
