import type { Dataset, TimelineEvent } from "../data/types";
import { el } from "../render/dom";
import { download } from "../render/download";
import type { ChartPicture } from "../render/exportImage";
import type { Timeline } from "./createTimeline";
import { labelMeasure } from "./measureText";

export interface DataExport {
  readonly label: string;
  readonly fileName: string;
  readonly type: string;
  /** Serialises the events currently shown (after filters). */
  serialize(events: readonly TimelineEvent[]): Promise<string>;
}

/**
 * "Export" menu in the chart's control bar: the current view as SVG or PNG (with title, legend and
 * numbered source citations), and the filtered events in the data formats given.
 */
export function createExportMenu(
  timeline: Timeline,
  dataset: Dataset,
  included: () => readonly TimelineEvent[],
  formats: readonly DataExport[],
): HTMLDetailsElement {
  const menu = el("details", "export-menu");
  menu.append(el("summary", undefined, "Export"));
  const list = el("div", "export-list");
  // Why an export could not be made, said where the reader clicked (never a silent failure).
  const status = el("p", "export-status");
  status.setAttribute("role", "alert");
  status.hidden = true;
  const item = (label: string, action: () => void | Promise<void>) => {
    const button = el("button", undefined, label);
    button.type = "button";
    button.addEventListener("click", async () => {
      menu.open = false;
      status.hidden = true;
      try {
        await action();
      } catch (error) {
        status.textContent = `${label}: could not export: ${error instanceof Error ? error.message : String(error)}`;
        status.hidden = false;
      }
    });
    list.append(button);
  };
  const baseName = "timeline";
  // Drawing an export loads on first use: most readers never export.
  const exporter = () => import("../render/exportImage");
  const svg = async () => {
    const { exportSvg, renderClusters } = await exporter();
    return timeline.withSvgClusters(renderClusters, (chart) =>
      exportSvg(chartPicture(timeline, chart), dataset),
    );
  };
  item("View as SVG image", async () => {
    download(await svg(), `${baseName}.svg`, "image/svg+xml");
  });
  item("View as PNG image", async () => {
    const { svgToPng } = await exporter();
    const text = await svg();
    const size = /width="([\d.]+)" height="([\d.]+)"/.exec(text);
    download(
      await svgToPng(text, Number(size?.[1] ?? 1200), Number(size?.[2] ?? 800)),
      `${baseName}.png`,
      "image/png",
    );
  });
  for (const format of formats)
    item(format.label, async () => {
      download(await format.serialize(included()), format.fileName, format.type);
    });
  menu.append(list);
  timeline.controls.append(menu, status);
  // Escape closes it when it is the topmost layer (see escapeLayers).
  return menu;
}

/**
 * What a picture of the timeline is made from now: the chart (with `chart`'s clusters as SVG), its
 * layout, and the events shown in time order, which is the order they are listed and numbered in.
 */
export function chartPicture(
  timeline: Timeline,
  chart: SVGSVGElement,
  listed: readonly number[] = timeline.shown,
): ChartPicture {
  return {
    chart,
    layout: timeline.layout,
    listed,
    rangeText: timeline.rangeText,
    measure: labelMeasure(),
    madeAtMs: Date.now(),
  };
}
