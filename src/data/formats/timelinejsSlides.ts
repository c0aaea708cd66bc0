/**
 * What a TimelineJS slide carries besides its date and text, in this project's JSON: `media` (url,
 * caption, credit, thumbnail, alt), `background` (url or color), and the document's `eras` and
 * `scale`. Captions and credits are HTML in TimelineJS and become plain text here, as headlines do.
 * URLs are passed on as written: the validator keeps only http(s) ones and says why it drops others.
 */
import type { DataIssue } from "../issues";
import { isRecord, type JsonRecord } from "../readFields.ts";
import type { BackgroundJson, EraJson, MediaJson } from "./common.ts";
import { htmlToText } from "./htmlText.ts";
import { isBlankDate, readDate, type Reporter } from "./timelinejsDates.ts";

function text(record: JsonRecord, key: string): string {
  const value = record[key];
  return typeof value === "string" ? value.trim() : "";
}

/** A slide's media, or undefined when it has none (no url). */
export function mediaOfSlide(slide: JsonRecord): MediaJson | undefined {
  const media = slide["media"];
  if (!isRecord(media) || text(media, "url") === "") return undefined;
  const out: MediaJson = { url: text(media, "url") };
  const caption = htmlToText(text(media, "caption"));
  const credit = htmlToText(text(media, "credit"));
  if (caption !== "") out.caption = caption;
  if (credit !== "") out.credit = credit;
  if (text(media, "thumbnail") !== "") out.thumbnail = text(media, "thumbnail");
  if (text(media, "alt") !== "") out.alt = text(media, "alt");
  return out;
}

/** A slide's background, or undefined when it has none. */
export function backgroundOfSlide(slide: JsonRecord): BackgroundJson | undefined {
  const background = slide["background"];
  if (!isRecord(background)) return undefined;
  const out: BackgroundJson = {};
  if (text(background, "url") !== "") out.url = text(background, "url");
  if (text(background, "color") !== "") out.color = text(background, "color");
  return Object.keys(out).length === 0 ? undefined : out;
}

/** The media and background of a slide, as the keys of an event or a document. */
export function slideExtras(slide: JsonRecord): { media?: MediaJson; background?: BackgroundJson } {
  const media = mediaOfSlide(slide);
  const background = backgroundOfSlide(slide);
  return {
    ...(media === undefined ? {} : { media }),
    ...(background === undefined ? {} : { background }),
  };
}

/**
 * The document's eras: dates as EDTF, headline as title, text as description. An era that cannot
 * be read is reported (as `eras[i]`, with its field) and left out; the others stay.
 */
export function readEras(
  value: unknown,
  file: string,
  issues: DataIssue[],
  /** Filled with each kept era's index in the file, to locate the validator's findings. */
  origin: number[],
): EraJson[] {
  if (!Array.isArray(value)) return [];
  const eras: EraJson[] = [];
  value.forEach((item: unknown, i) => {
    const path = `eras[${i}]`;
    if (!isRecord(item)) {
      issues.push({ severity: "error", file, path, field: "(record)", message: "must be an object" });
      return;
    }
    let failed = false;
    const report: Reporter = (severity, field, message) => {
      if (severity === "error") failed = true;
      issues.push({ severity, file, path, field, message });
    };
    const start = readDate(item["start_date"], "start_date", report);
    const end = isBlankDate(item["end_date"])
      ? (report("error", "end_date", "is required: an era runs from start_date to end_date"), undefined)
      : readDate(item["end_date"], "end_date", report);
    const slideText = isRecord(item["text"]) ? item["text"] : {};
    const title = htmlToText(text(slideText, "headline"));
    const description = htmlToText(text(slideText, "text"));
    if (failed || start === undefined || end === undefined) return;
    origin.push(i);
    eras.push({
      ...(title === "" ? {} : { title }),
      ...(description === "" ? {} : { description }),
      start: start.text,
      end: end.text,
    });
  });
  return eras;
}

/** TimelineJS's `scale` ("human" or "cosmological"), or undefined when not given. */
export function scaleOf(document: JsonRecord): string | undefined {
  const scale = text(document, "scale");
  return scale === "" ? undefined : scale;
}
