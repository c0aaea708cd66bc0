import type { Dataset, Lane } from "../data/types";
import { el } from "./dom";
import { laneColour } from "./palette";

/**
 * The mark kinds a dataset draws (keys of the legend's items in index.html): a legend lists only
 * what the reader can meet in this chart.
 */
export function markKinds({ events, articles }: Dataset): Set<string> {
  const kinds = new Set<string>(["cluster"]);
  for (const e of events) {
    kinds.add(e.dateBasis);
    if (e.isRange) kinds.add("range");
    else if (e.precision === "week" || e.precision === "month" || e.precision === "year") kinds.add("window");
    if (e.conflict !== undefined) kinds.add("conflict");
  }
  if (articles.some((a) => a.published !== undefined)) kinds.add("publication");
  return kinds;
}

/** A printed page cannot be clicked open: the key is opened for printing and closed again after. */
export function openKeyForPrint(key: HTMLDetailsElement): void {
  let wasOpen = key.open;
  addEventListener("beforeprint", () => {
    wasOpen = key.open;
    key.open = true;
  });
  addEventListener("afterprint", () => (key.open = wasOpen));
}

/** Shows only the legend's keys for the mark kinds the dataset has (see markKinds). */
export function showMarkKinds(keyList: HTMLElement, kinds: ReadonlySet<string>): void {
  for (const item of keyList.querySelectorAll<HTMLElement>("li[data-key]"))
    item.hidden = !kinds.has(item.dataset["key"] ?? "");
}

/** The lane colours. (What the mark shapes mean is written in index.html: see showMarkKinds.) */
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
