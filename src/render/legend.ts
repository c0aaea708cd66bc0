import type { Lane } from "../data/types";
import { el } from "./dom";
import { laneColour } from "./palette";

/** The lane colours and what the mark shapes mean (precision and how each date was established). */
export function renderLegend(container: HTMLElement, lanes: readonly Lane[]): void {
  const laneList = el("ul", "legend-lanes");
  laneList.setAttribute("aria-label", "Lanes");
  lanes.forEach((lane, i) => {
    const item = el("li", "legend-lane");
    const swatch = el("span", "swatch");
    swatch.style.setProperty("--lane-colour", laneColour(i));
    item.append(swatch, lane.label);
    if (lane.description !== undefined) item.title = lane.description;
    laneList.append(item);
  });
  const keys: [string, string][] = [
    ["key-stated", "date stated in article"],
    ["key-inferred", "inferred from wording (\u201con Thursday\u201d)"],
    ["key-reference", "from outside reference"],
    ["key-window", "known only to the week/month: drawn over that span"],
    ["key-range", "lasted several days"],
    ["key-cluster", "several events: zoom in or click"],
    ["key-conflict", "reports disagree"],
    ["key-publication", "when a source article was published"],
  ];
  const keyList = el("ul", "legend-keys");
  keyList.setAttribute("aria-label", "Mark shapes");
  for (const [className, text] of keys) {
    const item = el("li");
    item.append(el("span", `key ${className}`), text);
    keyList.append(item);
  }
  container.replaceChildren(laneList, keyList);
}
