import type { Lane } from "../data/types";
import { el } from "./dom";
import { laneColour } from "./palette";

/**
 * The lane colours. (What the mark shapes mean is the same for every dataset: that half of the
 * legend is written in index.html.)
 */
export function renderLegend(laneList: HTMLElement, lanes: readonly Lane[]): void {
  laneList.replaceChildren(
    ...lanes.map((lane, i) => {
      const item = el("li", "legend-lane");
      const swatch = el("span", "swatch");
      swatch.style.setProperty("--lane-colour", laneColour(i));
      item.append(swatch, lane.label);
      if (lane.description !== undefined) item.title = lane.description;
      return item;
    }),
  );
}
