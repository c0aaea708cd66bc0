import { select } from "d3-selection";
import type { Era } from "../data/types";
import { eraBands, type EraBand } from "../model/eraBands";
import { formatEdtf } from "../model/formatDate";
import type { TimeScale } from "../model/timeScale";
import type { MeasureText } from "../model/truncateLabel";
import { AXIS_HEIGHT_PX, type ChartDom } from "./chartDom";
import { setAttr } from "./dom";
import "../styles/eras.css";

/** The eras' titles share the axis strip's top row with its context line ("July 2025"), after it. */
const TITLE_BASELINE_PX = 14;
/**
 * The context line is bold: its width is measured in the labels' font (the titles' own, see eras.css),
 * with room for the difference.
 */
const BOLD_FACTOR = 1.12;

/**
 * Eras as labelled bands: a light tint behind the lanes (over the lane stripes, under the grid,
 * publication lines and marks) and, in the axis strip above them, the tint again with the era's title
 * in the row of the context line, where no event label ever is. Loaded only for a dataset with eras.
 */
export function createEraLayer(dom: ChartDom, eras: readonly Era[], measure: MeasureText) {
  const bandsGroup = select(dom.grid.node()!.parentNode as SVGGElement)
    .insert("g", ".grid")
    .attr("class", "eras")
    .attr("aria-hidden", "true");
  const strip = select(dom.axisSvg).insert("g", ".axis").attr("class", "era-titles").attr("role", "list");
  strip.attr("aria-label", "Eras");
  const key = (b: EraBand) => b.era;
  let slid: number | undefined;
  return {
    /** Draws the bands for the frame's scale `x` (the drawing's, with its margins). */
    draw(x: TimeScale, widthPx: number, heightPx: number, marginPx: number): void {
      const context = dom.context.text();
      const reservedLeftPx = context === "" ? 0 : 8 + measure(context) * BOLD_FACTOR;
      const bands = eraBands(eras, x, widthPx, measure, { marginPx, reservedLeftPx });
      bandsGroup
        .selectAll<SVGRectElement, EraBand>("rect")
        .data(bands, key)
        .join((enter) => enter.append("rect").attr("class", (b) => `era-band era-${b.era % 2}`))
        .each(function (b) {
          setAttr(this, "x", b.x0);
          setAttr(this, "width", Math.max(0, b.x1 - b.x0));
          setAttr(this, "height", heightPx);
        });
      strip
        .selectAll<SVGGElement, EraBand>("g.era")
        .data(bands, key)
        .join((enter) => {
          const g = enter
            .append("g")
            .attr("class", (b) => `era era-${b.era % 2}`)
            .attr("role", "listitem");
          g.append("title").text((b) => eraName(eras[b.era]!));
          g.append("rect").attr("class", "era-band").attr("height", AXIS_HEIGHT_PX);
          g.append("line").attr("class", "era-edge").attr("y1", 0).attr("y2", AXIS_HEIGHT_PX);
          g.append("text").attr("class", "era-title").attr("y", TITLE_BASELINE_PX);
          return g;
        })
        .each(function (b) {
          const [rect, line, text] = [...this.children].slice(1) as [
            SVGRectElement,
            SVGLineElement,
            SVGTextElement,
          ];
          setAttr(rect, "x", b.x0);
          setAttr(rect, "width", Math.max(0, b.x1 - b.x0));
          setAttr(line, "x1", b.x0);
          setAttr(line, "x2", b.x0);
          setAttr(text, "x", b.labelX);
          if (text.textContent !== b.label) text.textContent = b.label;
        });
    },
    /** Follows a drag's slide, as the chart's other layers placed in time do. */
    slide(dx: number): void {
      if (dx === slid) return;
      slid = dx;
      bandsGroup.attr("transform", `translate(${dx},0)`);
      strip.attr("transform", `translate(${dx},0)`);
    },
  };
}

export type EraLayer = ReturnType<typeof createEraLayer>;

/** An era's title, dates and text, for its tooltip and screen readers (the band's label may be cut). */
function eraName(era: Era): string {
  const span = `${formatEdtf(era.start)} \u2013 ${formatEdtf(era.end)}`;
  const about = era.description === undefined ? "" : `: ${era.description}`;
  return `${era.title ?? "Era"}, ${span}${about}`;
}
