import { select, type Selection } from "d3-selection";
import { spacedTicks, type Overview, type OverviewBin } from "../model/overviewBins";
import { el } from "./dom";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Bars above, year (or month) labels below: the whole strip stays within 56 px. */
export const STRIP_HEIGHT_PX = 44;
const BARS_PX = 28;
/** The visible part is marked at least this wide, so a single card's place still shows. */
const MIN_MARK_PX = 4;

/** The faint bars (all events) and the solid ones in front (those shown), per bin. */
function drawBars(bars: Selection<SVGGElement, unknown, null, undefined>, { x, maxTotal, bins }: Overview) {
  const y = (count: number) => (maxTotal === 0 ? 0 : Math.max(2, (count / maxTotal) * BARS_PX));
  const width = (b: OverviewBin) => Math.max(1, x(b.x1Ms) - x(b.x0Ms) - 1);
  bars
    .selectAll("rect.strip-all")
    .data(bins.filter((b) => b.total > 0))
    .join("rect")
    .attr("class", "strip-all")
    .attr("x", (b) => x(b.x0Ms))
    .attr("width", width)
    .attr("y", (b) => BARS_PX + 2 - y(b.total))
    .attr("height", (b) => y(b.total));
  bars
    .selectAll("rect.strip-shown")
    .data(bins.filter((b) => b.shown > 0))
    .join("rect")
    .attr("class", "strip-shown")
    .attr("x", (b) => x(b.x0Ms))
    .attr("width", width)
    .attr("y", (b) => BARS_PX + 2 - y(b.shown))
    .attr("height", (b) => y(b.shown));
}

/**
 * The overview strip over the phone cards: a histogram of the events over the dataset's whole time
 * (faint: all events; solid: those the filters and search show) with the part on screen marked.
 * It is a slider (role="slider") for keyboards and screen readers; pointer input is wired elsewhere.
 */
export function createOverviewStrip(node: HTMLElement) {
  node.classList.add("overview-strip");
  node.tabIndex = 0;
  node.setAttribute("role", "slider");
  node.setAttribute("aria-label", "Move through time");
  node.setAttribute("aria-orientation", "horizontal");
  const svgNode = document.createElementNS(SVG_NS, "svg");
  svgNode.setAttribute("aria-hidden", "true");
  svgNode.setAttribute("height", String(STRIP_HEIGHT_PX));
  const svg = select(svgNode);
  const bars = svg.append("g").attr("class", "strip-bars");
  const labels = svg.append("g").attr("class", "strip-labels");
  const mark = svg
    .append("rect")
    .attr("class", "strip-mark")
    .attr("y", 0.5)
    .attr("height", BARS_PX + 3);
  const caption = el("span", "strip-caption");
  caption.setAttribute("aria-hidden", "true");
  node.replaceChildren(svgNode, caption);
  let overview: Overview | undefined;

  return {
    /** Draws the bars (when the events shown or the width change). */
    draw(next: Overview, widthPx: number): void {
      overview = next;
      svgNode.setAttribute("width", String(widthPx));
      const { x } = next;
      drawBars(bars, next);
      const ticks = spacedTicks(x.ticks(Math.max(2, Math.floor(widthPx / 90))), x, widthPx);
      const format = x.tickFormat();
      labels
        .selectAll("text")
        .data(ticks)
        .join("text")
        .attr("x", (d) => x(d))
        .attr("y", STRIP_HEIGHT_PX - 2)
        .text((d) => format(d));
    },
    /** Marks the time the cards on screen cover, [t0Ms, t1Ms]; undefined when none is. */
    mark(t0Ms: number | undefined, t1Ms: number | undefined): void {
      if (overview === undefined || t0Ms === undefined || t1Ms === undefined) {
        mark.attr("hidden", "");
        return;
      }
      const x0 = overview.x(t0Ms),
        x1 = overview.x(t1Ms);
      const centre = (x0 + x1) / 2;
      const widthPx = Math.max(MIN_MARK_PX, x1 - x0);
      mark
        .attr("hidden", null)
        .attr("x", centre - widthPx / 2)
        .attr("width", widthPx);
    },
    /** What the slider says: where the reader is (e.g. "July 2025"), as card `now` of `count`. */
    describe(where: string, now: number, count: number): void {
      node.setAttribute("aria-valuemin", count === 0 ? "0" : "1");
      node.setAttribute("aria-valuemax", String(count));
      node.setAttribute("aria-valuenow", String(now));
      const text = count === 0 ? "No events shown" : `${where}: event ${now} of ${count}`;
      node.setAttribute("aria-valuetext", text);
      if (caption.textContent !== where) caption.textContent = where;
    },
  };
}
export type OverviewStrip = ReturnType<typeof createOverviewStrip>;
