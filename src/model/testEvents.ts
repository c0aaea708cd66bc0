/**
 * Shared fixtures for the model tests (not a test file itself): events are written as EDTF text and
 * run through the real validator, so they carry the same startMs/endMs the app computes.
 */
import type { Precision, TimelineEvent } from "../data/types";
import { validateDataset } from "../data/validateDataset";
import { buildEventIndex, type EventIndex } from "./eventIndex";

export const LANES: readonly string[] = ["politics", "economy", "world"];

export interface EventSpec {
  readonly id: string;
  /** EDTF: "2025", "2025-07", "2025-07-14", "2025-04-24T11:00-04:00", optionally with ~ ? %. */
  readonly start: string;
  readonly end?: string;
  /** Defaults to the granularity of `start` ("week" must be given). */
  readonly precision?: Precision;
  /** Defaults to the first lane. */
  readonly lane?: string;
  readonly title?: string;
}

/** The precision matching how `start` is written. */
function precisionOf(start: string): Precision {
  if (start.includes("T")) return "time";
  const date = start.replace(/[~?%]$/, "");
  return date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
}

/** Validated events, in the order given; throws if the validator drops or rejects any of them. */
export function makeEvents(specs: readonly EventSpec[], lanes: readonly string[] = LANES): TimelineEvent[] {
  const doc = {
    title: "Fixture",
    lanes: lanes.map((id) => ({ id, label: id })),
    // Background: fixtures may hold no event at all, and then nothing cites it.
    articles: [{ id: "article", title: "An article", background: true }],
    events: specs.map((s) => ({
      id: s.id,
      title: s.title ?? `Event ${s.id}`,
      summary: "A summary.",
      start: s.start,
      ...(s.end === undefined ? {} : { end: s.end }),
      precision: s.precision ?? precisionOf(s.start),
      dateBasis: "stated",
      dateNote: "Fixture",
      lane: s.lane ?? lanes[0],
      actors: ["Someone"],
      sources: [{ article: "article", quote: "A quote long enough to pass." }],
    })),
  };
  const { dataset, issues } = validateDataset(doc, { file: "fixture.json" });
  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length > 0 || dataset.events.length !== specs.length) {
    throw new Error(
      `fixture rejected: ${errors.map((e) => `${e.path} ${e.field}: ${e.message}`).join("; ")}`,
    );
  }
  return [...dataset.events];
}

/** Events and their time index over LANES (or the given lanes). */
export function indexed(
  specs: readonly EventSpec[],
  lanes: readonly string[] = LANES,
): { events: TimelineEvent[]; index: EventIndex } {
  const events = makeEvents(specs, lanes);
  return { events, index: buildEventIndex(events, lanes) };
}

/** UTC milliseconds with a 1-based month, so fixtures read like the dates they mean. */
export function utc(year: number, month: number, day = 1, hour = 0, minute = 0): number {
  return Date.UTC(year, month - 1, day, hour, minute);
}

/** "YYYY-MM-DD" of a UTC millisecond time. */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A fixed-pitch stand-in for canvas text measurement: 7 px a character. */
export const measure7 = (text: string): number => text.length * 7;

/** Dataset indices of `events` by id. */
export function idsOf(events: readonly TimelineEvent[], indices: Iterable<number>): string[] {
  return [...indices].map((i) => events[i]!.id);
}
