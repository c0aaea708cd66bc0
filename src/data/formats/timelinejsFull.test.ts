// TimelineJS JSON fully read: every field of the format lands in the dataset (fixture:
// test/fixtures/timelinejs-full.json), and what cannot be kept is said, naming file, event and field.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lines, loadText, ROOT } from "./testLoad";
import { datasetToTimelineJs } from "./timelinejsExport";
import { datasetToJson } from "./toJson";

const TEXT = readFileSync(resolve(ROOT, "test/fixtures/timelinejs-full.json"), "utf8");
const FILE = "timelinejs-full.json";

describe("TimelineJS JSON, every field", async () => {
  const loaded = await loadText(FILE, TEXT);
  const event = (id: string) => loaded.dataset.events.find((e) => e.id === id);

  it("reads the title slide into the dataset's title, description, media and background, and the scale", () => {
    const { dataset } = loaded;
    expect(dataset.title).toBe("Every TimelineJS field");
    expect(dataset.description).toBe("A title slide with text & media.");
    expect(dataset.descriptionHtml).toBe("<p>A title slide with text &amp; media.</p>");
    expect(dataset.media).toEqual({
      url: "https://example.org/cover.jpg",
      caption: "The cover",
      credit: "Example & Co",
      thumbnail: "https://example.org/cover-small.jpg",
      alt: "A cover picture",
    });
    expect(dataset.background).toEqual({ color: "#102030" });
    expect(dataset.scale).toBe("human");
  });

  it("keeps eras with their dates, headline and text (a headline is optional)", () => {
    expect(
      loaded.dataset.eras?.map((era) => [era.title, era.description, era.start.text, era.end.text]),
    ).toEqual([
      ["Before the summit", "Months of talks.", "2024-01", "2025-06-30"],
      [undefined, undefined, "2025-07", "2025-12"],
    ]);
  });

  it("reads an event's unique_id, dates to the second, display date, text, media, group and background", () => {
    expect(event("visit")).toMatchObject({
      id: "visit",
      title: "Rutte visits Washington",
      summary: "Rutte meets Trump at the White House.",
      // The markup is kept for the sanitised rich text of the details, beside the plain summary.
      summaryHtml: "<p>Rutte meets Trump at the White House.</p>",
      start: { text: "2025-07-14T14:30:05Z" },
      end: { text: "2025-07-15T09:00Z" },
      precision: "time",
      displayDate: "14–15 July 2025",
      media: {
        url: "https://example.org/photo.jpg",
        caption: "Rutte and Trump",
        credit: "Photo: Example",
        thumbnail: "https://example.org/thumb.jpg",
        alt: "Two men shaking hands",
      },
      lane: "meetings",
      background: { url: "https://example.org/bg.jpg" },
    });
  });

  it("says what it could not keep, naming file, event and field, and keeps the rest of the event", () => {
    expect(lines(loaded)).toEqual([
      `warning: ${FILE}: events[0] (visit): start_date.millisecond: 250 was left out: dates here hold whole seconds`,
      `warning: ${FILE}: events[1] (bad-media): media.url: "javascript:alert(1)" must be an https URL`,
      `warning: ${FILE}: events[1] (bad-media): media: was left out (see the problems above)`,
    ]);
    expect(event("bad-media")?.media).toBeUndefined();
    expect(event("bad-media")?.title).toBe("Summit");
  });

  it("an era that cannot be read is reported at its place in the file, and the others stay", async () => {
    const doc = {
      events: [{ start_date: { year: 2025 }, text: { headline: "An event" } }],
      eras: [
        { start_date: { year: 2025 }, end_date: { year: 2024 } },
        { start_date: { year: 2025 } },
        { start_date: { year: 2020 }, end_date: { year: 2021 } },
      ],
    };
    const result = await loadText("eras.json", JSON.stringify(doc));
    expect(lines(result)).toEqual([
      "eras.json: eras[1]: end_date: is required: an era runs from start_date to end_date",
      'eras.json: eras[0]: end_date: "2024" is before start "2025"',
    ]);
    expect(result.dataset.eras?.map((era) => era.start.text)).toEqual(["2020"]);
  });

  it("is kept whole in this project's JSON: written out and read back, the same dataset", async () => {
    const again = await loadText("again.json", JSON.stringify(datasetToJson(loaded.dataset)));
    expect(again.issues).toEqual([]);
    expect(again.dataset).toEqual(loaded.dataset);
  });

  it("is kept whole through TimelineJS export: written out and read back, the same dataset", async () => {
    const again = await loadText(FILE, JSON.stringify(datasetToTimelineJs(loaded.dataset)));
    expect(again.dataset).toEqual(loaded.dataset);
    // The sheet's dataset too (title and era rows, every column).
    const sheet = readFileSync(resolve(ROOT, "test/fixtures/sheets-template.csv"), "utf8");
    const fromSheet = await loadText("sheet", sheet);
    const back = await loadText("sheet", JSON.stringify(datasetToTimelineJs(fromSheet.dataset)));
    expect(back.dataset).toEqual(fromSheet.dataset);
  });
});
