/**
 * TimelineJS 3 export (datasetToTimelineJs): id → unique_id, title/summary → headline/text
 * (HTML-escaped), lane label → group, dates → date objects (years ≤ 0 → y - 1; times converted to
 * UTC). The EDTF text is kept as display_date where TimelineJS would otherwise lose something (times
 * in a zone other than UTC, weeks, approximate/uncertain dates); an event's own displayDate wins.
 * Media, backgrounds, eras, the scale and the title slide's media go out as they came in; an event
 * without media gets its first source's article URL (if any) as a link. Not held: lane ids and descriptions, actors, topics, dateBasis, dateNote,
 * quotes and articles, conflicts, the zone of times (the instant is kept), week precision and EDTF
 * qualifiers (kept only as display text).
 */
import type { Background, Dataset, Era, Media } from "../types";
import { escapeHtml } from "./htmlText.ts";
import type { TimelineJsDocument, TimelineJsEvent, TimelineJsMedia } from "./timelinejsTypes.ts";
import { toTimelineJsDate } from "./timelinejsDates.ts";

/** Media as TimelineJS writes it: caption and credit are HTML there, so escaped. */
function mediaOut(media: Media): TimelineJsMedia {
  return {
    url: media.url,
    ...(media.caption === undefined ? {} : { caption: escapeHtml(media.caption) }),
    ...(media.credit === undefined ? {} : { credit: escapeHtml(media.credit) }),
    ...(media.thumbnail === undefined ? {} : { thumbnail: media.thumbnail }),
    ...(media.alt === undefined ? {} : { alt: media.alt }),
  };
}

/** Media, background and display date of a slide, each only when there is one. */
function slideExtras(item: { media?: Media; background?: Background; displayDate?: string }) {
  return {
    ...(item.displayDate === undefined ? {} : { display_date: escapeHtml(item.displayDate) }),
    ...(item.media === undefined ? {} : { media: mediaOut(item.media) }),
    ...(item.background === undefined ? {} : { background: { ...item.background } }),
  };
}

function eraOut(era: Era) {
  const text = {
    ...(era.title === undefined ? {} : { headline: escapeHtml(era.title) }),
    ...(era.description === undefined ? {} : { text: escapeHtml(era.description) }),
  };
  return {
    start_date: toTimelineJsDate(era.start, false),
    end_date: toTimelineJsDate(era.end, false),
    ...(Object.keys(text).length === 0 ? {} : { text }),
  };
}

/** The dataset as a TimelineJS 3 document (see the header comment for what TimelineJS cannot hold). */
export function datasetToTimelineJs(dataset: Dataset): TimelineJsDocument {
  const laneLabel = new Map(dataset.lanes.map((lane) => [lane.id, lane.label]));
  const articles = new Map(dataset.articles.map((article) => [article.id, article]));
  return {
    ...(dataset.scale === undefined ? {} : { scale: dataset.scale }),
    title: {
      text: {
        headline: escapeHtml(dataset.title),
        ...(dataset.description === ""
          ? {}
          : { text: dataset.descriptionHtml ?? escapeHtml(dataset.description) }),
      },
      ...slideExtras({ media: dataset.media, background: dataset.background }),
    },
    events: dataset.events.map((event): TimelineJsEvent => {
      const first = event.sources[0] === undefined ? undefined : articles.get(event.sources[0].article);
      // An event's own media first; otherwise its first article's page, as a link.
      const media: Media | undefined =
        event.media ??
        // Media is https only: an http page would not be read back.
        (first?.url === undefined || !first.url.startsWith("https:")
          ? undefined
          : {
              url: first.url,
              caption: first.title,
              ...(first.outlet === undefined ? {} : { credit: first.outlet }),
            });
      return {
        unique_id: event.id,
        start_date: toTimelineJsDate(event.start, event.precision === "week"),
        ...(event.end === undefined ? {} : { end_date: toTimelineJsDate(event.end, false) }),
        text: {
          headline: escapeHtml(event.title),
          // The author's own markup when it came with some (TimelineJS shows it through its sanitiser).
          ...(event.summary === "" ? {} : { text: event.summaryHtml ?? escapeHtml(event.summary) }),
        },
        group: escapeHtml(laneLabel.get(event.lane) ?? event.lane),
        ...slideExtras({ media, background: event.background, displayDate: event.displayDate }),
      };
    }),
    ...(dataset.eras === undefined ? {} : { eras: dataset.eras.map(eraOut) }),
  };
}
