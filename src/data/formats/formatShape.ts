/**
 * What tells the formats apart, kept apart from their readers (which load only when a file needs
 * them: see parseAnyFormat): TimelineJS JSON by its events' `start_date`, the TimelineJS Sheets
 * template by its header row.
 */
import { isRecord } from "../readFields.ts";

/** Whether parsed JSON looks like TimelineJS rather than this project's format: events carry start_date. */
export function isTimelineJs(value: unknown): boolean {
  if (!isRecord(value) || !Array.isArray(value["events"])) return false;
  if (value["events"].some((e: unknown) => isRecord(e) && Object.hasOwn(e, "start_date"))) return true;
  // An empty TimelineJS file: a title slide or eras, and none of this format's lanes or articles.
  return (
    !Object.hasOwn(value, "lanes") &&
    !Object.hasOwn(value, "articles") &&
    (isRecord(value["title"]) || Object.hasOwn(value, "eras"))
  );
}

/** A header cell as compared: trimmed, lower case, runs of white space as one space. */
export const headerKey = (name: string) => name.trim().toLowerCase().replace(/\s+/g, " ");

/** Whether a CSV header row is the Sheets template's: it has Year and Headline (ours has start and title). */
export function isSheetsHeader(header: readonly string[]): boolean {
  const keys = new Set(header.map(headerKey));
  return keys.has("year") && keys.has("headline");
}
