// Reading what a dataset may carry beyond its events' facts, as TimelineJS files do: media,
// backgrounds, eras and the time scale. All plain text; URLs are http(s) only, so nothing a reader
// is shown can be a script (javascript:) or a local file.
import { FieldReader, isRecord, type JsonRecord } from "./readFields.ts";
import { dateField, keep, recordAt, type Context } from "./readRecords.ts";
import { readOrigin } from "./mediaPolicy.ts";
import type { Background, Era, Media } from "./types";

const URL_RULE = {
  required: false,
  max: 2000,
  pattern: /^https?:\/\/\S+$/i,
  patternHint: "must be an http(s) URL",
};

/** Media: https only, so a page served over https can show it and nothing is sent in clear. */
const MEDIA_URL_RULE = {
  required: false,
  max: 2000,
  pattern: /^https:\/\/\S+$/i,
  patternHint: "must be an https URL",
};

/**
 * An object field read by its own FieldReader (so its problems are named `field.key`); a problem in
 * it is a warning and costs only that field, never the record that holds it.
 */
function nested(r: FieldReader, field: string, known: readonly string[]): FieldReader | undefined {
  const value = Object.hasOwn(r.record, field) ? r.record[field] : undefined;
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) {
    r.warn(field, "must be an object; it was left out");
    return undefined;
  }
  const inner = new FieldReader(value, r.file, r.path, r.id);
  inner.unknownKeys(known);
  return inner;
}

/** Copies `inner`'s issues to `r` as warnings, with the field named in full. */
function warnAll(r: FieldReader, field: string, inner: FieldReader): boolean {
  for (const issue of inner.issues) r.warn(`${field}.${issue.field}`, issue.message);
  return inner.hasErrors;
}

export function readMedia(r: FieldReader, field = "media"): Media | undefined {
  const m = nested(r, field, ["url", "caption", "credit", "thumbnail", "alt"]);
  if (m === undefined) return undefined;
  const url = m.string("url", { ...MEDIA_URL_RULE, required: true });
  const caption = m.string("caption", { required: false, max: 1000 });
  const credit = m.string("credit", { required: false, max: 300 });
  const thumbnail = m.string("thumbnail", MEDIA_URL_RULE);
  const alt = m.string("alt", { required: false, max: 1000 });
  if (warnAll(r, field, m) && url === undefined) {
    r.warn(field, "was left out (see the problems above)");
    return undefined;
  }
  if (url === undefined) return undefined;
  return {
    url,
    ...(caption === undefined ? {} : { caption }),
    ...(credit === undefined ? {} : { credit }),
    ...(thumbnail === undefined ? {} : { thumbnail }),
    ...(alt === undefined ? {} : { alt }),
  };
}

/** A CSS colour as TimelineJS takes it: #rgb, #rrggbb (with alpha) or a colour name. */
const COLOUR = /^(#[0-9a-f]{3,8}|[a-z]{3,30})$/i;

export function readBackground(r: FieldReader, field = "background"): Background | undefined {
  const b = nested(r, field, ["url", "color"]);
  if (b === undefined) return undefined;
  const url = b.string("url", URL_RULE);
  const color = b.string("color", {
    required: false,
    max: 40,
    pattern: COLOUR,
    patternHint: "is not a colour",
  });
  warnAll(r, field, b);
  if (url === undefined && color === undefined) return undefined;
  return { ...(url === undefined ? {} : { url }), ...(color === undefined ? {} : { color }) };
}

/** The document's `eras`: each with a title, a start and an end not before it. */
export function readEras(ctx: Context, items: readonly unknown[]): Era[] {
  const eras: Era[] = [];
  items.forEach((item, i) => {
    const record: JsonRecord | undefined = recordAt(ctx, item, `eras[${i}]`);
    if (record === undefined) return;
    const r = new FieldReader(record, ctx.file, `eras[${i}]`);
    r.unknownKeys(["title", "description", "start", "end"]);
    // TimelineJS eras may have no headline: a band without a label is still an era.
    const title = r.string("title", { required: false, max: 120 });
    const description = r.string("description", { required: false, max: 1000 });
    const start = dateField(r, "start", true);
    const end = dateField(r, "end", true);
    if (start !== undefined && end !== undefined && end.startMs < start.startMs)
      r.error("end", `"${end.text}" is before start "${start.text}"`);
    if (keep(ctx, r) && start !== undefined && end !== undefined)
      eras.push({
        ...(title === undefined ? {} : { title }),
        ...(description === undefined ? {} : { description }),
        start,
        end,
      });
  });
  return eras;
}

/**
 * The dataset's `mediaOrigins`: the https origins (`https://host[:port]`) whose media may load. An
 * entry that is not one is left out with a warning naming it; the others stay.
 */
export function readMediaOrigins(r: FieldReader): string[] | undefined {
  const items = r.array("mediaOrigins", false);
  if (items === undefined) return undefined;
  const origins: string[] = [];
  items.forEach((item, i) => {
    const origin = typeof item === "string" ? readOrigin(item.trim()) : undefined;
    if (origin === undefined)
      r.warn(
        `mediaOrigins[${i}]`,
        'must be an https origin such as "https://upload.wikimedia.org"; it was left out',
      );
    else if (!origins.includes(origin)) origins.push(origin);
  });
  return origins;
}

/** Rich text this long is shown as its plain text instead (the sanitiser's work stays bounded). */
export const HTML_MAX = 20_000;

/**
 * A field of limited HTML (`summaryHtml`, `descriptionHtml`), kept as written: shown only through the
 * sanitiser. A problem with it is a warning that costs only the rich text: the plain text stays.
 */
export function readHtml(r: FieldReader, field: string): string | undefined {
  const value = Object.hasOwn(r.record, field) ? r.record[field] : undefined;
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value !== "string") r.warn(field, "must be a string; the plain text is shown");
  else if (value.length > HTML_MAX)
    r.warn(field, `is ${value.length} characters long (at most ${HTML_MAX}); the plain text is shown`);
  else return value;
  return undefined;
}
