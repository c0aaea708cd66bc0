import type { Selection } from "d3-selection";
import { axisTicks, formatTick } from "../model/timeTicks";
import type { TimeScale } from "../model/timeScale";
import { setAttr } from "./dom";

type G = Selection<SVGGElement, unknown, null, undefined>;

/**
 * Draws the time axis (ticks adapt to the zoom: years → months → days → hours) and full-height grid
 * lines, from `marginPx` before the window to as far past it (a drag slides them into view).
 */
export function renderAxis(
  axis: G,
  grid: G,
  x: TimeScale,
  widthPx: number,
  plotHeightPx: number,
  marginPx: number,
): void {
  const ticks = axisTicks(x, marginPx);
  axis
    .selectAll("path.domain")
    .data([widthPx])
    .join("path")
    .attr("class", "domain")
    .attr("d", (w) => `M${-marginPx},0.5H${w + marginPx}`);
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
    setAttr(this, "transform", `translate(${x(d)},0)`);
  });
  grid
    .selectAll<SVGLineElement, Date>("line")
    .data(ticks, (d) => +d)
    .join("line")
    .each(function (d) {
      setAttr(this, "x1", x(d));
      setAttr(this, "x2", x(d));
      setAttr(this, "y2", plotHeightPx);
    });
}
