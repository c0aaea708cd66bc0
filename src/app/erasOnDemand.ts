import type { Era } from "../data/types";
import type { MeasureText } from "../model/truncateLabel";
import type { ChartDom } from "../render/chartDom";
import type { EraLayer } from "../render/eras";

/**
 * The eras' layer of a dataset that has eras, its code (and stylesheet) fetched once the chart is up:
 * most datasets have none and never fetch it. `redraw` asks for a frame that draws the bands (for a
 * timeline already replaced by another file's, the layer draws into a chart no longer on the page).
 */
export function erasOnDemand(
  dom: ChartDom,
  eras: readonly Era[] | undefined,
  measure: MeasureText,
  redraw: () => void,
): () => EraLayer | undefined {
  let layer: EraLayer | undefined;
  if (eras !== undefined && eras.length > 0)
    void import("../render/eras").then(({ createEraLayer }) => {
      layer = createEraLayer(dom, eras, measure);
      redraw();
    });
  return () => layer;
}
