/**
 * TimelineJS 3 export (datasetToTimelineJs): id → unique_id, title/summary → headline/text
 * (HTML-escaped), lane label → group, dates → date objects (years ≤ 0 → y - 1; times converted to
 * UTC). The EDTF text is kept as display_date where TimelineJS would otherwise lose something (times
 * with their zone, weeks, approximate/uncertain dates). The first source's article URL (if any)
 * becomes the media link. Not held: lane ids and descriptions, actors, topics, dateBasis, dateNote,
 * quotes and articles, conflicts, the zone of times (the instant is kept), week precision and EDTF
 * qualifiers (kept only as display text).
 */
import type { Dataset } from "../types";
import { escapeHtml } from "./htmlText.ts";
import type { TimelineJsDocument, TimelineJsEvent } from "./timelinejsTypes.ts";
import { toTimelineJsDate } from "./timelinejsDates.ts";

/** The dataset as a TimelineJS 3 document (see the header comment for what TimelineJS cannot hold). */
export function datasetToTimelineJs(dataset: Dataset): TimelineJsDocument {
  const laneLabel = new Map(dataset.lanes.map((lane) => [lane.id, lane.label]));
  const articles = new Map(dataset.articles.map((article) => [article.id, article]));
  return {
    title: {
      text: {
        headline: escapeHtml(dataset.title),
        ...(dataset.description === "" ? {} : { text: escapeHtml(dataset.description) }),
      },
    },
    events: dataset.events.map((event): TimelineJsEvent => {
      const first = event.sources[0] === undefined ? undefined : articles.get(event.sources[0].article);
      return {
        unique_id: event.id,
        start_date: toTimelineJsDate(event.start, event.precision === "week"),
        ...(event.end === undefined ? {} : { end_date: toTimelineJsDate(event.end, false) }),
        text: { headline: escapeHtml(event.title), text: escapeHtml(event.summary) },
        group: escapeHtml(laneLabel.get(event.lane) ?? event.lane),
        ...(first?.url === undefined
          ? {}
          : {
              media: {
                url: first.url,
                caption: escapeHtml(first.title),
                ...(first.outlet === undefined ? {} : { credit: escapeHtml(first.outlet) }),
              },
            }),
      };
    }),
  };
}
