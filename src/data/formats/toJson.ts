/**
 * A validated Dataset back in the project's JSON format: the inverse of validateDataset. Dates are
 * written as the EDTF text they were parsed from, optional fields only when present, and derived
 * values (extents, `verified`) are left out, so validateDataset(datasetToJson(d)) gives d back.
 */
import type { Dataset } from "../types";
import type { ArticleJson, DatasetJson, EventJson, LaneJson } from "./common";

export interface ToJsonOptions {
  /**
   * Rewrites each article's `file`, e.g. to keep it pointing at the same text from a new location;
   * undefined leaves the article without a file.
   */
  readonly articleFile?: (file: string) => string | undefined;
  /** A `$schema` reference to write first, e.g. "./events.schema.json". */
  readonly schema?: string;
}

export function datasetToJson(dataset: Dataset, options: ToJsonOptions = {}): DatasetJson {
  const lanes = dataset.lanes.map((lane): LaneJson => ({
    id: lane.id,
    label: lane.label,
    ...(lane.description === undefined ? {} : { description: lane.description }),
  }));
  const fileOf = (file: string | undefined) =>
    file === undefined || options.articleFile === undefined ? file : options.articleFile(file);
  const articles = dataset.articles.map((article): ArticleJson => ({
    id: article.id,
    ...(fileOf(article.file) === undefined ? {} : { file: fileOf(article.file) }),
    title: article.title,
    ...(article.outlet === undefined ? {} : { outlet: article.outlet }),
    ...(article.url === undefined ? {} : { url: article.url }),
    ...(article.published === undefined ? {} : { published: article.published.text }),
    ...(article.publishedBasis === undefined ? {} : { publishedBasis: article.publishedBasis }),
    ...(article.publishedNote === undefined ? {} : { publishedNote: article.publishedNote }),
  }));
  const events = dataset.events.map((event): EventJson => ({
    id: event.id,
    title: event.title,
    summary: event.summary,
    ...(event.summaryHtml === undefined ? {} : { summaryHtml: event.summaryHtml }),
    start: event.start.text,
    ...(event.end === undefined ? {} : { end: event.end.text }),
    precision: event.precision,
    dateBasis: event.dateBasis,
    dateNote: event.dateNote,
    lane: event.lane,
    actors: [...event.actors],
    ...(event.topics.length === 0 ? {} : { topics: [...event.topics] }),
    sources: event.sources.map((source) => ({ article: source.article, quote: source.quote })),
    ...(event.conflict === undefined
      ? {}
      : {
          conflict: {
            note: event.conflict.note,
            // The validator reads a missing list as empty; an empty one is written as missing.
            ...(event.conflict.events.length === 0 ? {} : { events: [...event.conflict.events] }),
          },
        }),
    ...(event.media === undefined ? {} : { media: { ...event.media } }),
    ...(event.displayDate === undefined ? {} : { displayDate: event.displayDate }),
    ...(event.background === undefined ? {} : { background: { ...event.background } }),
  }));
  return {
    ...(options.schema === undefined ? {} : { $schema: options.schema }),
    ...(dataset.strict === true ? { strict: true } : {}),
    title: dataset.title,
    ...(dataset.description === "" ? {} : { description: dataset.description }),
    ...(dataset.descriptionHtml === undefined ? {} : { descriptionHtml: dataset.descriptionHtml }),
    lanes,
    articles,
    events,
    ...(dataset.eras === undefined
      ? {}
      : {
          eras: dataset.eras.map((era) => ({
            ...(era.title === undefined ? {} : { title: era.title }),
            ...(era.description === undefined ? {} : { description: era.description }),
            start: era.start.text,
            end: era.end.text,
          })),
        }),
    ...(dataset.scale === undefined ? {} : { scale: dataset.scale }),
    ...(dataset.media === undefined ? {} : { media: { ...dataset.media } }),
    ...(dataset.mediaOrigins === undefined ? {} : { mediaOrigins: [...dataset.mediaOrigins] }),
    ...(dataset.publish === true ? { publish: true } : {}),
    ...(dataset.background === undefined ? {} : { background: { ...dataset.background } }),
  };
}
