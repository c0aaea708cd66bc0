import { byId } from "../render/dom";
import type { phoneOnDemand } from "./phoneOnDemand";

export type ViewName = "timeline" | "list";

interface ViewParts {
  /** The chart's container. */
  readonly chart: HTMLElement;
  readonly list: HTMLElement;
  /** At phone width the Timeline view is the card timeline, not the chart squeezed into 390 px. */
  readonly phone: ReturnType<typeof phoneOnDemand>;
  /** Draws the list if it changed while hidden. */
  refreshList(): void;
  /** The reader switched views with the buttons (the address records it). */
  onSwitched(): void;
  readonly signal: AbortSignal;
}

/** The Timeline / List switch, and which of chart, cards and list is shown for it at this width. */
export function createViewSwitch({ chart, list, phone, refreshList, onSwitched, signal }: ViewParts) {
  const phoneSized = matchMedia("(max-width: 480px)");
  const buttons = [byId<HTMLButtonElement>("view-timeline"), byId<HTMLButtonElement>("view-list")];
  let view: ViewName = "timeline";
  const cardsWanted = () => view === "timeline" && phoneSized.matches;
  function set(next: ViewName): void {
    view = next;
    const cards = cardsWanted();
    chart.hidden = view !== "timeline" || cards;
    phone.activate(cards, cardsWanted);
    document.body.classList.toggle("phone-cards", cards);
    document.querySelector(".skip-link")?.setAttribute("href", cards ? "#phone-view" : "#timeline");
    list.hidden = view !== "list";
    if (view === "list") refreshList();
    buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset["view"] === view)));
    document.body.dataset["view"] = view;
  }
  for (const b of buttons) {
    const switchTo = () => {
      set(b.dataset["view"] === "list" ? "list" : "timeline");
      onSwitched();
    };
    b.addEventListener("click", switchTo, { signal });
  }
  phoneSized.addEventListener("change", () => set(view), { signal });
  return {
    get view(): ViewName {
      return view;
    },
    set,
    /** Whether the timeline is shown as cards (a phone-sized window). */
    get cards(): boolean {
      return phoneSized.matches;
    },
  };
}
