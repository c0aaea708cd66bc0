import type { Dataset } from "../data/types";
import { sortEvents, type SortKey, type SortOrder } from "../model/sortEvents";
import { renderListView } from "../render/listView";

const LIST_PAGE = 500;

/**
 * The list view's state: which events it shows (the timeline's filters, narrowed by the search), in
 * which order, how many rows. It is drawn only when seen (or printed): a table of 100,000 rows is not
 * built behind the chart.
 */
export function createListController(
  list: HTMLElement,
  dataset: Dataset,
  seen: () => boolean,
  onShow: (eventId: string) => void,
) {
  const { events } = dataset;
  const laneOrder = new Map(dataset.lanes.map((l, i) => [l.id, i]));
  let include: Uint8Array | undefined;
  let matches: Uint8Array | undefined;
  let order: SortOrder = { key: "date", ascending: true };
  let stale = true;
  let limit = LIST_PAGE;
  // The rows the list shows, in its order: a printed chart numbers its events by them.
  let listed: readonly number[] = [];

  function render(force = false): void {
    if (!seen() && !force) {
      stale = true;
      return;
    }
    stale = false;
    const rows = sortEvents(
      events,
      (e) => (include?.[e] ?? 1) === 1 && (matches?.[e] ?? 1) === 1,
      order,
      laneOrder,
    );
    listed = rows.slice(0, limit);
    renderListView(list, dataset, rows, order, limit, {
      onMore: () => {
        limit += LIST_PAGE;
        render(true);
      },
      onSort: (key: SortKey) => {
        order = { key, ascending: order.key === key ? !order.ascending : true };
        render();
        list.querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)?.focus();
      },
      onShow,
    });
  }

  return {
    render,
    /** Shows the events with a 1 in `included` (all when undefined), narrowed to `matched` ones. */
    setShown(included: Uint8Array | undefined, matched: Uint8Array | undefined): void {
      include = included;
      matches = matched;
      render();
    },
    /** Draws the list if it changed while unseen (it is being shown). */
    refresh(): void {
      if (stale) render();
    },
    /** The rows listed, in order (drawing the list first if it is out of date). */
    listed(): readonly number[] {
      if (stale) render(true);
      return listed;
    },
  };
}
