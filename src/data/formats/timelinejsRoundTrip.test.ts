// Property: any TimelineJS document, read, written back as TimelineJS and read again, gives the same
// dataset; and written as this project's JSON or as the Sheets template and read again, too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../types";
import { datasetToSheetsCsv } from "./sheetsExport";
import { datasetToTimelineJs } from "./timelinejsExport";
import { loadText } from "./testLoad";
import { datasetToJson } from "./toJson";

const words = fc.stringMatching(/^[A-Za-z]{1,8}( [A-Za-z]{1,8}){0,5}$/);
const url = fc.stringMatching(/^[a-z0-9]{1,10}$/).map((path) => `https://example.org/${path}`);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const date = fc
  .record({
    year: fc.integer({ min: -3000, max: 3000 }).filter((y) => y !== 0),
    month: opt(fc.integer({ min: 1, max: 12 })),
    day: opt(fc.integer({ min: 1, max: 28 })),
    hour: opt(fc.integer({ min: 0, max: 23 })),
    minute: opt(fc.integer({ min: 0, max: 59 })),
    second: opt(fc.integer({ min: 0, max: 59 })),
  })
  // Only the parts TimelineJS allows together: a day needs a month, a time needs a day.
  .map(({ year, month, day, hour, minute, second }) => {
    const withDay = month !== undefined && day !== undefined;
    const withTime = withDay && hour !== undefined;
    return {
      year,
      ...(month === undefined ? {} : { month }),
      ...(withDay ? { day } : {}),
      ...(withTime ? { hour, ...(minute === undefined ? {} : { minute }) } : {}),
      ...(withTime && minute !== undefined && second !== undefined ? { second } : {}),
    };
  });

const media = fc.record(
  { url, caption: words, credit: words, thumbnail: url, alt: words },
  { requiredKeys: ["url"] },
);
const background = fc.oneof(fc.record({ url }), fc.constantFrom({ color: "#123456" }, { color: "navy" }));
const event = fc.record(
  {
    start_date: date,
    text: fc.record({ headline: words, text: words }, { requiredKeys: ["headline"] }),
    group: fc.constantFrom("Meetings", "War", "Talks"),
    unique_id: fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/),
    display_date: words,
    media,
    background,
  },
  { requiredKeys: ["start_date", "text"] },
);
const era = fc.record(
  {
    start_date: fc.record({ year: fc.integer({ min: 1000, max: 1999 }) }),
    end_date: fc.record({ year: fc.integer({ min: 2000, max: 2999 }) }),
    text: fc.record({ headline: words, text: words }, { requiredKeys: [] }),
  },
  { requiredKeys: ["start_date", "end_date"] },
);
const document = fc.record(
  {
    title: fc.record(
      { text: fc.record({ headline: words, text: words }), media, background },
      { requiredKeys: ["text"] },
    ),
    events: fc.array(event, { minLength: 1, maxLength: 6 }),
    eras: fc.array(era, { maxLength: 3 }),
    scale: fc.constant("human"),
  },
  { requiredKeys: ["title", "events"] },
);

describe("conversion round trips (property)", () => {
  it("TimelineJS → dataset → TimelineJS → dataset, and → our JSON → dataset, loses nothing", async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const first = await loadText("p", JSON.stringify(doc));
        expect(first.issues.filter((i) => i.severity === "error")).toEqual([]);
        const viaTimelineJs = await loadText("p", JSON.stringify(datasetToTimelineJs(first.dataset)));
        expect(viaTimelineJs.dataset).toEqual(first.dataset);
        const viaJson = await loadText("p", JSON.stringify(datasetToJson(first.dataset)));
        expect(viaJson.dataset).toEqual(first.dataset);
        // The Sheets template has no id column (ids are derived again) and no scale; the rest comes back.
        const viaSheet = await loadText("p", datasetToSheetsCsv(first.dataset));
        const withoutIds = ({ scale: _scale, ...d }: Dataset) => ({
          ...d,
          events: d.events.map(({ id: _id, ...e }) => e),
        });
        expect(withoutIds(viaSheet.dataset)).toEqual(withoutIds(first.dataset));
      }),
      { numRuns: 150 },
    );
  });
});
