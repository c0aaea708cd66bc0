import type { DateBasis } from "../data/types";
import type { FacetOption } from "../model/facetOptions";
import type { Filters } from "../model/filterEvents";
import type { ReportingStatus } from "../model/reportingStatus";
import { el } from "./dom";

export interface FacetOptions {
  readonly lanes: readonly FacetOption[];
  readonly actors: readonly FacetOption[];
  readonly topics: readonly FacetOption[];
  readonly articles: readonly FacetOption[];
  readonly bases: readonly FacetOption[];
  readonly statuses: readonly FacetOption[];
}

const FACETS: { key: keyof FacetOptions; legend: string }[] = [
  { key: "lanes", legend: "Lane" },
  { key: "articles", legend: "Source article" },
  { key: "bases", legend: "Date certainty" },
  { key: "statuses", legend: "Reporting" },
  { key: "actors", legend: "Actor" },
  { key: "topics", legend: "Topic" },
];

export interface FilterBar {
  /** The filter panel (Escape closes it when it is the topmost layer: see app/escapeLayers). */
  readonly popover: HTMLDetailsElement;
  /** Text for the shown/total line. */
  setStatus(text: string): void;
  onChange(handler: (filters: Filters, query: string) => void): void;
  /** Shows the given filters and search (e.g. from a link) and reports them as a change. */
  set(filters: Filters, query: string): void;
  /** What is chosen now. */
  readonly filters: Filters;
  readonly query: string;
}

/** One fieldset of checkboxes per facet that has options, in FACETS order; returns the boxes. */
function facetBoxes(panel: HTMLElement, options: FacetOptions): HTMLInputElement[] {
  const boxes: HTMLInputElement[] = [];
  for (const { key, legend } of FACETS) {
    if (options[key].length === 0) continue;
    const fieldset = el("fieldset", `facet facet-${key}`);
    fieldset.append(el("legend", undefined, legend));
    for (const option of options[key]) {
      const label = el("label");
      const box = el("input");
      box.type = "checkbox";
      box.name = key;
      box.value = option.value;
      box.dataset["facet"] = key;
      boxes.push(box);
      label.append(box, ` ${option.label} `, el("span", "facet-count", `(${option.count})`));
      fieldset.append(label);
    }
    panel.append(fieldset);
  }
  return boxes;
}

/** The search box, the facet checkboxes (in a dropdown panel), the counts and a reset button. */
export function createFilterBar(container: HTMLElement, options: FacetOptions): FilterBar {
  let handler: (filters: Filters, query: string) => void = () => {};
  const search = el("input", "search");
  search.type = "search";
  search.placeholder = "Search titles, summaries, quotes\u2026";
  search.setAttribute("aria-label", "Search events");
  search.id = "search";

  const panel = el("div", "facet-panel");
  const details = el("details", "facets");
  const summary = el("summary", undefined, "Filters");
  details.append(summary, panel);
  const boxes = facetBoxes(panel, options);
  const status = el("p", "filter-status");
  status.setAttribute("aria-live", "polite");
  const reset = el("button", "reset", "Reset");
  reset.type = "button";
  reset.title = "Clear search and filters (the time window stays)";
  container.replaceChildren(search, details, status, reset);
  container.setAttribute("role", "search");
  container.setAttribute("aria-label", "Search and filter events");

  function current(): Filters {
    const chosen = (key: keyof FacetOptions) =>
      new Set(boxes.filter((b) => b.dataset["facet"] === key && b.checked).map((b) => b.value));
    return {
      lanes: chosen("lanes"),
      actors: chosen("actors"),
      topics: chosen("topics"),
      articles: chosen("articles"),
      bases: chosen("bases") as Set<DateBasis>,
      statuses: chosen("statuses") as Set<ReportingStatus>,
    };
  }
  function changed(): void {
    const active = boxes.filter((b) => b.checked).length;
    summary.textContent = active > 0 ? `Filters (${active})` : "Filters";
    reset.disabled = active === 0 && search.value === "";
    handler(current(), search.value);
  }
  search.addEventListener("input", changed);
  panel.addEventListener("change", changed);
  reset.addEventListener("click", () => {
    search.value = "";
    for (const b of boxes) b.checked = false;
    changed();
  });
  reset.disabled = true;

  return {
    popover: details,
    setStatus: (text) => {
      status.textContent = text;
    },
    onChange: (h) => {
      handler = h;
    },
    set(filters, query) {
      search.value = query;
      for (const b of boxes) {
        const chosen: ReadonlySet<string> = filters[b.dataset["facet"] as keyof Filters];
        b.checked = chosen.has(b.value);
      }
      changed();
    },
    get filters() {
      return current();
    },
    get query() {
      return search.value;
    },
  };
}
