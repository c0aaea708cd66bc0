import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadDataset } from "./loadDataset";
import { packEvents, unpackEvents, type PackedEvents } from "./packEvents";
import type { EdtfDate, TimelineEvent } from "./types";

/** What the page receives: the packed events after a structured clone that transfers the numbers. */
function sent(packed: PackedEvents): PackedEvents {
  return structuredClone(packed, { transfer: [packed.numbers.buffer] });
}

/** Validated events are plain objects; fast-check would otherwise also make null-prototype ones. */
const NO_NULL = { noNullPrototype: true };

const edtf: fc.Arbitrary<EdtfDate> = fc
  .record(
    {
      text: fc.string(),
      granularity: fc.constantFrom("year" as const, "month" as const, "day" as const, "time" as const),
      startMs: fc.integer({ min: -8.64e15, max: 8.64e15 }),
      endMs: fc.integer({ min: -8.64e15, max: 8.64e15 }),
      approximate: fc.boolean(),
      uncertain: fc.boolean(),
      offsetMinutes: fc.option(fc.integer({ min: -840, max: 840 }), { nil: undefined }),
    },
    NO_NULL,
  )
  .map(({ offsetMinutes, ...d }) => (offsetMinutes === undefined ? d : { ...d, offsetMinutes }));

const event: fc.Arbitrary<TimelineEvent> = fc.record(
  {
    id: fc.string(),
    title: fc.string(),
    summary: fc.string(),
    start: edtf,
    end: fc.option(edtf, { nil: undefined }),
    precision: fc.constantFrom(
      "year" as const,
      "month" as const,
      "week" as const,
      "day" as const,
      "time" as const,
    ),
    dateBasis: fc.constantFrom("stated" as const, "inferred" as const, "reference" as const),
    dateNote: fc.string(),
    // Few distinct values, so the shared-string table is exercised with repeats.
    lane: fc.constantFrom("a", "b", ""),
    actors: fc.array(fc.constantFrom("Trump", "Rutte", "Zelensky", "")),
    topics: fc.array(fc.string()),
    sources: fc.array(
      fc.record(
        { article: fc.constantFrom("a1", "a2"), quote: fc.string(), verified: fc.boolean() },
        NO_NULL,
      ),
    ),
    conflict: fc.option(fc.record({ note: fc.string(), events: fc.array(fc.string()) }, NO_NULL), {
      nil: undefined,
    }),
    startMs: fc.double({ noNaN: true }),
    endMs: fc.double({ noNaN: true }),
    isRange: fc.boolean(),
  },
  NO_NULL,
);

/** TimelineJS's media, display date and background, each present or absent (never undefined). */
const withExtras: fc.Arbitrary<TimelineEvent> = fc
  .tuple(
    event,
    fc.record(
      {
        media: fc.record(
          {
            url: fc.string(),
            caption: fc.string(),
            credit: fc.string(),
            thumbnail: fc.string(),
            alt: fc.string(),
          },
          { requiredKeys: ["url"], ...NO_NULL },
        ),
        displayDate: fc.string(),
        background: fc.record({ url: fc.string(), color: fc.string() }, { requiredKeys: [], ...NO_NULL }),
      },
      { requiredKeys: [], ...NO_NULL },
    ),
  )
  .map(([e, extras]) => ({ ...e, ...extras }));

describe("packEvents / unpackEvents", () => {
  it("round-trips any events through a structured clone, field for field", () => {
    fc.assert(
      fc.property(fc.array(withExtras, { maxLength: 30 }), (events) => {
        expect(unpackEvents(sent(packEvents(events)))).toStrictEqual(events);
      }),
    );
  });

  it("round-trips the bundled dataset (verified quotes, ranges, a time with its zone, conflicts)", async () => {
    const location = resolve("data/events.json");
    const { dataset } = await loadDataset(
      location,
      (path) => readFile(path, "utf8"),
      (from, file) => resolve(dirname(from), file),
    );
    expect(dataset.events.length).toBeGreaterThan(30);
    expect(dataset.events.some((e) => e.conflict !== undefined && e.start.offsetMinutes !== 0)).toBe(true);
    expect(unpackEvents(sent(packEvents(dataset.events)))).toStrictEqual(dataset.events);
  });

  it("writes each repeated string once", () => {
    const events = fc.sample(event, { numRuns: 200, seed: 7 });
    const { shared } = packEvents(events);
    expect(new Set(shared).size).toBe(shared.length);
    expect(shared).toContain("Rutte");
  });

  it("packs no events as an empty tape", () => {
    const packed = packEvents([]);
    expect(packed.count).toBe(0);
    expect(unpackEvents(sent(packed))).toEqual([]);
  });
});
