import { scaleUtc } from "d3-scale";
import { select } from "d3-selection";
import "d3-transition";
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from "d3-zoom";
import type { Domain } from "../model/timeDomain";

export interface TimeZoom {
  /** Call when the plot's size changes; keeps the visible domain. */
  resize(widthPx: number, heightPx: number, domain: Domain): void;
  /** Shows a domain (clamped to the bounds), animated unless `animate` is false. */
  show(domain: Domain, animate: boolean): void;
  /** Zooms by a factor around the centre (e.g. 2 for +, 0.5 for −). */
  scaleBy(factor: number, animate: boolean): void;
  readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;
}

/**
 * d3-zoom as an input device: wheel, drag, pinch and programmatic changes all end up as a visible
 * domain passed to `onDomain`, which is the source of truth. The transform is relative to a base
 * scale spanning `bounds`, so the zoom and translate extents are exactly the bounds and the minimum span.
 */
export function createTimeZoom(
  svg: SVGSVGElement,
  bounds: Domain,
  minSpanMs: number,
  onDomain: (domain: Domain, source: "user" | "program") => void,
): TimeZoom {
  const base = scaleUtc().domain(bounds.map((t) => new Date(t)));
  let widthPx = 1;
  const behavior = zoom<SVGSVGElement, unknown>()
    .scaleExtent([1, Math.max(1, (bounds[1] - bounds[0]) / minSpanMs)])
    .filter((event: Event) => {
      // Default filter plus: let clicks on controls inside the SVG through untouched.
      const e = event as MouseEvent;
      return (!e.ctrlKey || event.type === "wheel") && !e.button;
    })
    .on("zoom", (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
      const [d0, d1] = event.transform.rescaleX(base).domain();
      onDomain([+d0!, +d1!], event.sourceEvent ? "user" : "program");
    });
  const selection = select(svg).call(behavior);
  // Double-click zoom on a timeline fights with click-to-pin; the +/− controls do that job.
  selection.on("dblclick.zoom", null);

  function transformFor([d0, d1]: Domain) {
    const k = (bounds[1] - bounds[0]) / (d1 - d0);
    return zoomIdentity.scale(k).translate(-base(new Date(d0)), 0);
  }
  const reduceMotion = () =>
    typeof matchMedia === "function" && matchMedia("(prefers-reduced-motion: reduce)").matches;

  return {
    behavior,
    resize(width, height, domain) {
      widthPx = Math.max(1, width);
      const heightPx = Math.max(1, height);
      base.range([0, widthPx]);
      behavior
        .extent([
          [0, 0],
          [widthPx, heightPx],
        ])
        .translateExtent([
          [0, 0],
          [widthPx, heightPx],
        ]);
      selection.call(behavior.transform, transformFor(domain));
    },
    show(domain, animate) {
      const target = transformFor(domain);
      if (animate && !reduceMotion()) selection.transition().duration(350).call(behavior.transform, target);
      else selection.call(behavior.transform, target);
    },
    scaleBy(factor, animate) {
      if (animate && !reduceMotion())
        selection
          .transition()
          .duration(250)
          .call(behavior.scaleBy, factor, [widthPx / 2, 0]);
      else selection.call(behavior.scaleBy, factor, [widthPx / 2, 0]);
    },
  };
}
