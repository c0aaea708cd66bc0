import type { FilterBar } from "../render/filterBar";
import type { Timeline } from "./createTimeline";
import { formatUrlState, parseUrlState, type Known, type UrlState } from "./urlState";

interface LinkTargets {
  readonly timeline: Timeline;
  readonly filterBar: FilterBar;
  readonly known: Known;
  getView(): "timeline" | "list";
  setView(view: "timeline" | "list"): void;
  /** Detaches the history listener when the dataset is replaced. */
  readonly signal: AbortSignal;
}

/**
 * Keeps the address bar in step with the view, so reload, back/forward and a pasted link show
 * exactly the same window, selection, filters, search and view. Discrete changes (selection,
 * filters, view) add a history entry; continuous ones (zoom, pan, typing) replace the current one.
 * Returns the notices for malformed link parameters and the hooks to call on each kind of change.
 */
export function syncWithUrl(targets: LinkTargets) {
  const { timeline, filterBar, known } = targets;
  let applying = false;

  function current(): UrlState {
    return {
      window: timeline.domain,
      event: timeline.selected,
      query: filterBar.query,
      filters: filterBar.filters,
      view: targets.getView(),
    };
  }

  function apply(search: string): string[] {
    const { state, notices } = parseUrlState(search, known);
    applying = true;
    try {
      filterBar.set(state.filters, state.query);
      targets.setView(state.view);
      if (state.window !== undefined) timeline.show(state.window, false);
      if (state.event !== undefined) timeline.select(state.event);
      else timeline.deselect();
    } finally {
      applying = false;
    }
    return notices;
  }

  let replaceTimer: ReturnType<typeof setTimeout> | undefined;
  function write(mode: "push" | "replace"): void {
    if (applying) return;
    clearTimeout(replaceTimer);
    const url = () => `${location.pathname}${formatUrlState(current(), location.search)}${location.hash}`;
    if (mode === "push") {
      if (url() !== `${location.pathname}${location.search}${location.hash}`)
        history.pushState(null, "", url());
    } else {
      // Zooming produces many windows a second; the address bar only needs the one it settles on.
      replaceTimer = setTimeout(() => history.replaceState(null, "", url()), 250);
    }
  }

  const notices = apply(location.search);
  // Drop what was malformed, so the address shows what is actually on screen.
  history.replaceState(
    null,
    "",
    `${location.pathname}${formatUrlState(current(), location.search)}${location.hash}`,
  );
  addEventListener("popstate", () => apply(location.search), { signal: targets.signal });
  return {
    notices,
    windowOrSelectionChanged: (changed: { selection: boolean }) =>
      write(changed.selection ? "push" : "replace"),
    filtersChanged: (typing: boolean) => write(typing ? "replace" : "push"),
    viewSwitched: () => write("push"),
  };
}
