// The document's own fields, besides its lanes, articles and events. They are checked last: a
// streamed file's events are checked before the rest of the document has arrived.
import { readBackground, readEras, readHtml, readMedia, readMediaOrigins } from "./readExtras.ts";
import type { FieldReader } from "./readFields.ts";
import type { Context } from "./readRecords.ts";
import type { Dataset } from "./types";

const DOCUMENT_KEYS = [
  "$schema",
  "strict",
  "title",
  "description",
  "descriptionHtml",
  "lanes",
  "articles",
  "events",
  "eras",
  "scale",
  "media",
  "background",
  "mediaOrigins",
  "publish",
] as const;

/**
 * Checks the document's keys, its `strict`, title and description, and that its lanes, articles and
 * events are arrays (required as the dataset is strict or not); returns the title and description.
 */
export function readDocumentFields(ctx: Context, root: FieldReader): { title: string; description: string } {
  root.unknownKeys(DOCUMENT_KEYS);
  const strict = root.record["strict"];
  if (strict !== undefined && typeof strict !== "boolean") root.error("strict", "must be true or false");
  const title = root.string("title", { required: ctx.strict, max: 200 }) ?? "Untitled timeline";
  const description = root.string("description", { required: false, max: 1000 }) ?? "";
  root.array("lanes", ctx.strict);
  root.array("articles", ctx.strict);
  root.array("events", true);
  return { title, description };
}

/** The document's eras, scale and title-slide media and background: only those given. */
export function readDatasetExtras(
  ctx: Context,
  root: FieldReader,
): Pick<Dataset, "eras" | "scale" | "media" | "background" | "mediaOrigins" | "publish" | "descriptionHtml"> {
  const eraItems = root.array("eras", false);
  const eras = eraItems === undefined ? undefined : readEras(ctx, eraItems);
  const scale = root.oneOf("scale", ["human", "cosmological"] as const, false);
  const media = readMedia(root);
  const background = readBackground(root);
  const mediaOrigins = readMediaOrigins(root);
  const descriptionHtml = readHtml(root, "descriptionHtml");
  const publish = root.record["publish"];
  if (publish !== undefined && typeof publish !== "boolean")
    root.warn("publish", "must be true or false; it was ignored");
  return {
    ...(mediaOrigins === undefined || mediaOrigins.length === 0 ? {} : { mediaOrigins }),
    ...(descriptionHtml === undefined ? {} : { descriptionHtml }),
    ...(publish === true ? { publish: true } : {}),
    ...(eras === undefined || eras.length === 0 ? {} : { eras }),
    ...(scale === undefined ? {} : { scale }),
    ...(media === undefined ? {} : { media }),
    ...(background === undefined ? {} : { background }),
  };
}
