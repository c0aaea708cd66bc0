import type { Dataset, TimelineEvent } from "../data/types";
import { BASIS_LABEL, formatEventDate, PRECISION_LABEL } from "../model/formatDate";
import type { SortKey, SortOrder } from "../model/sortEvents";
import { STATUS_LABEL, reportingStatus } from "../model/reportingStatus";
import { el } from "./dom";
import { groupDigits } from "../model/groupDigits";

const COLUMNS: { key: SortKey | undefined; label: string }[] = [
  { key: "date", label: "Date" },
  { key: "title", label: "Event" },
  { key: "lane", label: "Lane" },
  { key: "certainty", label: "Date basis" },
  { key: "status", label: "Reporting" },
  { key: undefined, label: "Sources" },
];

export interface ListHandlers {
  onMore(): void;
  onSort(key: SortKey): void;
  onShow(eventId: string): void;
}

/** The header row: the list number, then a sort button per sortable column with its aria-sort. */
function headerRow(order: SortOrder, onSort: (key: SortKey) => void): HTMLTableRowElement {
  const headRow = el("tr");
  // Each row's number is the one its event carries on an exported or printed chart.
  const numberHead = el("th", "row-number", "No.");
  numberHead.scope = "col";
  headRow.append(numberHead);
  for (const column of COLUMNS) {
    const th = el("th");
    th.scope = "col";
    if (column.key === undefined) th.textContent = column.label;
    else {
      const key = column.key;
      const button = el("button", "sort-button", column.label);
      button.type = "button";
      button.dataset["sort"] = key;
      button.addEventListener("click", () => onSort(key));
      th.append(button);
      th.setAttribute(
        "aria-sort",
        key === order.key ? (order.ascending ? "ascending" : "descending") : "none",
      );
    }
    headRow.append(th);
  }
  return headRow;
}

/** An event's cells after its number: date, title with summary, lane, date basis, reporting, sources. */
function rowCells(
  event: TimelineEvent,
  articleNumber: ReadonlyMap<string, number>,
  laneLabel: ReadonlyMap<string, string>,
  onShow: (eventId: string) => void,
): HTMLTableCellElement[] {
  const date = el("td", "date-cell");
  date.append(formatEventDate(event), el("span", "cell-note", PRECISION_LABEL[event.precision]));
  const title = el("td");
  const show = el("button", "link-button", event.title);
  show.type = "button";
  show.title = "Show on the timeline";
  show.addEventListener("click", () => onShow(event.id));
  title.append(show, el("span", "cell-note", event.summary));
  const sources = el("td", "sources-cell");
  const list = el("ul");
  for (const s of event.sources)
    list.append(el("li", undefined, `A${articleNumber.get(s.article) ?? "?"}: \u201c${s.quote}\u201d`));
  sources.append(list);
  const cells = [
    date,
    title,
    el("td", undefined, laneLabel.get(event.lane) ?? event.lane),
    el("td", undefined, BASIS_LABEL[event.dateBasis]),
    el("td", `status-${reportingStatus(event)}`, STATUS_LABEL[reportingStatus(event)]),
    sources,
  ];
  // On a phone the rows are stacked (see the CSS), and each cell after the title says what it is.
  cells.forEach((cell, c) => c > 1 && (cell.dataset["label"] = COLUMNS[c]!.label));
  return cells;
}

/**
 * The events as an accessible, sortable table (same filters and search as the timeline), each row
 * linking back to its event on the timeline. Also what gets printed under the chart.
 */
export function renderListView(
  container: HTMLElement,
  dataset: Dataset,
  rows: readonly number[],
  order: SortOrder,
  limit: number,
  handlers: ListHandlers,
): void {
  const articleNumber = new Map(dataset.articles.map((a, i) => [a.id, i + 1]));
  const laneLabel = new Map(dataset.lanes.map((l) => [l.id, l.label]));
  const table = el("table", "event-table");
  table.append(
    el(
      "caption",
      undefined,
      `${rows.length} event${rows.length === 1 ? "" : "s"}, sorted by ${COLUMNS.find((c) => c.key === order.key)!.label.toLowerCase()} (${order.ascending ? "ascending" : "descending"})`,
    ),
  );
  const headRow = headerRow(order, handlers.onSort);
  table.append(el("thead"));
  table.tHead!.append(headRow);
  const body = el("tbody");
  for (const [i, e] of rows.slice(0, limit).entries()) {
    const event = dataset.events[e]!;
    const row = el("tr");
    row.dataset["event"] = event.id;
    const cells = rowCells(event, articleNumber, laneLabel, handlers.onShow);
    row.append(el("td", "row-number", String(i + 1)), ...cells);
    body.append(row);
  }
  table.append(body);
  const parts: HTMLElement[] = [table];
  if (rows.length > limit) {
    const more = el(
      "button",
      "tool-button list-more",
      `Show ${groupDigits(Math.min(500, rows.length - limit))} more of ${groupDigits(rows.length - limit)} not shown`,
    );
    more.type = "button";
    more.addEventListener("click", handlers.onMore);
    parts.push(more);
  }
  container.replaceChildren(...parts);
}
