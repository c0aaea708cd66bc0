import type { Dataset } from "../data/types";
import type { Timeline } from "./createTimeline";
import { chartPicture } from "./exportMenu";

type Exporter = typeof import("../render/exportImage");

export interface PrintContext {
  readonly timeline: Timeline;
  readonly dataset: Dataset;
  /** Where the printed chart goes (shown only in print, in place of the live chart). */
  readonly target: HTMLElement;
  /** Brings the printed list up to date and gives its events in its order: the chart's numbers. */
  listed(): readonly number[];
  readonly signal: AbortSignal;
}

/**
 * Print shows the chart as an export draws it, numbered to match the list printed after it, with
 * the credit line. The drawing code is the export's (a chunk of its own, fetched when the page is
 * idle): printing gives no time to fetch it, since the page is laid out for print as soon as
 * "beforeprint" returns. Until it has arrived, print shows the live chart without numbers.
 */
export function watchPrint(ctx: PrintContext): void {
  let exporter: Exporter | undefined;
  (window.requestIdleCallback ?? setTimeout)(() => {
    void import("../render/exportImage").then((module) => (exporter = module));
  });
  const prepare = () => {
    const listed = ctx.listed();
    if (exporter === undefined) return;
    const draw = exporter.printChart;
    const chart = ctx.timeline.withSvgClusters(exporter.renderClusters, (svg) =>
      draw(chartPicture(ctx.timeline, svg, listed), ctx.dataset),
    );
    // Scales to the printed page's width.
    chart.removeAttribute("width");
    chart.removeAttribute("height");
    ctx.target.replaceChildren(chart);
    ctx.target.hidden = false;
  };
  const clear = () => {
    ctx.target.hidden = true;
    ctx.target.replaceChildren();
  };
  const { signal } = ctx;
  addEventListener("beforeprint", prepare, { signal });
  addEventListener("afterprint", clear, { signal });
  // Print preview emulation (and some browsers' print) only switches the media query.
  const print = matchMedia("print");
  print.addEventListener("change", () => (print.matches ? prepare() : clear()), { signal });
}
