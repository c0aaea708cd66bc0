import type { Selection } from "d3-selection";
import { formatContext, formatTick, timeTicks } from "../model/timeTicks";
import type { Domain } from "../model/timeDomain";
import { setAttr, setText } from "./dom";

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
      // A tick's label depends on its date alone: written once (rewriting it lays the text out again).
      g.append("text").attr("y", -9).text(formatTick);
      return g;
    });
  tick.each(function (d) {
    setAttr(this, "transform", `translate(${x(+d)},0)`);
  });
  grid
    .selectAll<SVGLineElement, Date>("line")
    .data(ticks, (d) => +d)
    .join("line")
    .each(function (d) {
      setAttr(this, "x1", x(+d));
      setAttr(this, "x2", x(+d));
      setAttr(this, "y2", plotHeightPx);
    });
  setText(context.node()!, formatContext(domain[0], domain[1]));
}
