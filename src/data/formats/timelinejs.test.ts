import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { utcMs } from "../parseEdtf";
import { validateDataset } from "../validateDataset";
import { isTimelineJs } from "./formatShape";
import { lines, loadRepoFile, loadText, ROOT } from "./testLoad";
import {
  datasetToTimelineJs,
  edtfYearOfTimelineJs,
  htmlToText,
  quotePassage,
  TIMELINEJS_ARTICLE_ID,
  TIMELINEJS_DATE_NOTE,
  timelineJsYearOfEdtf,
} from "./timelinejs";

const FIXTURE = "test/fixtures/timelinejs-example.json";

describe("TimelineJS import of the example file", async () => {
  const loaded = await loadRepoFile(FIXTURE);
  const byTitle = new Map(loaded.dataset.events.map((e) => [e.title, e]));
  const event = (title: string) => {
    const found = byTitle.get(title);
    if (found === undefined) throw new Error(`no event titled "${title}"`);
    return found;
  };

  it("is detected as TimelineJS and keeps every event, with only warnings", () => {
    expect(loaded.format).toBe("timelinejs");
    expect(loaded.issues.every((issue) => issue.severity === "warning")).toBe(true);
    expect(loaded.dataset.events).toHaveLength(6);
    expect(loaded.dataset.title).toBe("Dates in Many Shapes");
    expect(loaded.dataset.description).toBe(
      "A small TimelineJS 3 file with dates from 44 BCE to 2025 & every date precision.",
    );
  });

  it("reads year-only, year-month and full dates at their precision", () => {
    expect([event("A year of summits").start.text, event("A year of summits").precision]).toEqual([
      "2025",
      "year",
    ]);
    expect([event("The Berlin Wall opens").start.text, event("The Berlin Wall opens").precision]).toEqual([
      "1989-11",
      "month",
    ]);
    const rutte = event("Rutte in Washington");
    expect([rutte.start.text, rutte.precision]).toEqual(["2025-07-14", "day"]);
  });

  it("reads a date with a time as UTC, saying TimelineJS has no zone", () => {
    const moon = event("Apollo 11 lands on the Moon");
    expect([moon.start.text, moon.precision]).toEqual(["1969-07-20T20:17Z", "time"]);
    expect(moon.startMs).toBe(Date.UTC(1969, 6, 20, 20, 17));
    expect(moon.dateNote).toBe(
      `${TIMELINEJS_DATE_NOTE} TimelineJS gives no time zone; the time is read as UTC.`,
    );
  });

  it("reads TimelineJS year -44 (shown as 44 BCE) as EDTF -0043, and -27 as -0026", () => {
    const caesar = event("Caesar is assassinated");
    expect(caesar.start.text).toBe("-0043-03-15");
    expect(caesar.startMs).toBe(utcMs(-43, 2, 15));
    expect(event("Augustus rules Rome").start.text).toBe("-0026");
  });

  it("keeps end dates as ranges", () => {
    const augustus = event("Augustus rules Rome");
    expect([augustus.start.text, augustus.end?.text, augustus.isRange]).toEqual(["-0026", "0014", true]);
    expect(event("Rutte in Washington").end?.text).toBe("2025-07-15");
    expect(event("A year of summits").isRange).toBe(false);
  });

  it("makes lanes of groups, with a default lane for events without one", () => {
    expect(loaded.dataset.lanes.map((l) => [l.id, l.label])).toEqual([
      ["antiquity", "Antiquity"],
      ["space-science", "Space & science"],
      ["europe", "Europe"],
      ["events", "Events"],
    ]);
    expect(event("A year of summits").lane).toBe("events");
  });

  it("turns HTML into plain text: tags and scripts removed, entities decoded, never interpreted", () => {
    expect(event("Caesar is assassinated").summary).toBe(
      "Julius Caesar is stabbed to death at a meeting of the Senate in Rome.",
    );
    expect(event("Apollo 11 lands on the Moon").summary).toBe(
      "The lunar module Eagle lands in the Sea of Tranquility. Armstrong: \u201cThe Eagle has landed.\u201d",
    );
    expect(event("The Berlin Wall opens").summary).toBe(
      "Border crossings open in Berlin \u2014 the wall falls within weeks.",
    );
    // Escaped markup in the file is text the author meant to show.
    expect(event("Rutte in Washington").summary).toContain("on <Monday> and Tuesday");
  });

  it("quotes each event's own text against one synthetic article without a file, so quotes are unverified", () => {
    expect(loaded.dataset.articles).toEqual([
      { id: TIMELINEJS_ARTICLE_ID, title: 'TimelineJS file "timelinejs-example.json"' },
    ]);
    for (const e of loaded.dataset.events) {
      expect(e.sources).toHaveLength(1);
      expect(e.sources[0]?.article).toBe(TIMELINEJS_ARTICLE_ID);
      expect(e.sources[0]?.verified).toBe(false);
      expect(`${e.title} ${e.summary}`).toContain(e.sources[0]?.quote);
      // TimelineJS has no actors: the default every format shares.
      expect(e.actors).toEqual([]);
      expect(e.dateBasis).toBe("stated");
    }
    // With no text, there is no summary and the headline is the quote.
    expect(event("A year of summits").sources[0]?.quote).toBe("A year of summits");
    expect(event("A year of summits").summary).toBe("");
  });

  it("keeps media and eras rather than dropping them, and makes no article of a media link", () => {
    expect(lines(loaded)).toEqual([]);
    expect(event("Caesar is assassinated").media?.url).toBe(
      "https://en.wikipedia.org/wiki/Assassination_of_Julius_Caesar",
    );
    expect(loaded.dataset.eras).toHaveLength(1);
    expect(loaded.dataset.articles.some((a) => a.url !== undefined)).toBe(false);
  });

  it("uses unique_id as the id, or derives one from start and headline", () => {
    expect(loaded.dataset.events.map((e) => e.id)).toEqual([
      "ides-of-march",
      "minus-0026-augustus-rules-rome",
      "moon-landing",
      "1989-11-the-berlin-wall-opens",
      "2025-07-14-rutte-in-washington",
      "2025-a-year-of-summits",
    ]);
  });

  it("keeps a display_date in the date note", () => {
    expect(event("The Berlin Wall opens").dateNote).toBe(
      `${TIMELINEJS_DATE_NOTE} TimelineJS shows the date as "Autumn 1989".`,
    );
  });
});

/** A TimelineJS document with the given events. */
function tjs(...events: unknown[]): string {
  return JSON.stringify({ events });
}

const ok = (extra: object = {}) => ({
  start_date: { year: 2025 },
  text: { headline: "Fine event", text: "A fine text for the event." },
  ...extra,
});

describe("TimelineJS import: problems name the event and the TimelineJS field", () => {
  it("rejects an event without a year, keeping the others", async () => {
    const loaded = await loadText(
      "t.json",
      tjs(ok(), { start_date: { month: 3 }, text: { headline: "No year", text: "Some text here." } }, ok()),
    );
    expect(lines(loaded)).toEqual(["t.json: events[1]: start_date.year: is required"]);
    expect(loaded.dataset.events).toHaveLength(2);
    expect(loaded.rejectedEvents).toBe(1);
  });

  it("reports what the validator finds at the TimelineJS field it came from", async () => {
    const loaded = await loadText(
      "t.json",
      tjs(
        ok({ unique_id: "feb", start_date: { year: 2025, month: 2, day: 30 } }),
        ok({ unique_id: "rev", start_date: { year: 2025 }, end_date: { year: 2024 } }),
        ok({ unique_id: "nohead", text: { headline: "", text: "" } }),
        ok({ group: "G".repeat(61) }),
      ),
    );
    expect(lines(loaded)).toEqual([
      't.json: events[0] (feb): start_date: "2025-02-30" is not a calendar date: 2025-02 has 28 days',
      't.json: events[1] (rev): end_date: "2024" is before start "2025"',
      "t.json: events[2] (nohead): text.headline: is required",
      "t.json: events[3]: group: is 61 characters long; at most 60 allowed",
      // Values quoted back are cut to their first 57 characters (tidyIssue).
      `t.json: events[3] (2025-fine-event): group: "${"g".repeat(57)}..." is not a lane in this file (lanes: events)`,
    ]);
  });

  it("rejects non-numeric parts, a day without a month and a time without a day", async () => {
    const loaded = await loadText(
      "t.json",
      tjs(
        ok({ start_date: { year: "twenty" } }),
        ok({ start_date: { year: 2025, day: 3 } }),
        ok({ start_date: { year: 2025, month: 3, hour: 10 } }),
        ok({ start_date: { year: 12000 } }),
      ),
    );
    expect(lines(loaded)).toEqual([
      't.json: events[0]: start_date.year: must be a whole number, not "twenty"',
      "t.json: events[1]: start_date.day: needs a month",
      "t.json: events[2]: start_date.hour: needs a day",
      "t.json: events[3]: start_date.year: 12000 is beyond the four-digit years EDTF dates are written with here",
    ]);
    expect(loaded.dataset.events).toEqual([]);
  });

  it("keeps a headline-only event with nothing of 8 or more characters to quote, with no source", async () => {
    const loaded = await loadText("t.json", tjs(ok({ text: { headline: "War" } })));
    expect(lines(loaded)).toEqual([]);
    expect(loaded.dataset.events.map((e) => [e.title, e.summary, e.sources])).toEqual([["War", "", []]]);
    // The file is no event's source, so it is not listed as an article.
    expect(loaded.dataset.articles).toEqual([]);
  });

  it("keeps a text-only event, titled by its text's first sentence, with a warning", async () => {
    const loaded = await loadText(
      "t.json",
      tjs(ok({ unique_id: "t", text: { text: "<p>Talks resume in Geneva. Both sides attend.</p>" } })),
    );
    expect(lines(loaded)).toEqual([
      "warning: t.json: events[0] (t): text.headline: is empty; the title is the start of text.text",
    ]);
    expect(loaded.dataset.events.map((e) => [e.title, e.summary])).toEqual([
      ["Talks resume in Geneva.", "Talks resume in Geneva. Both sides attend."],
    ]);
  });

  it("reads year 0 as 1 BCE with a warning", async () => {
    const loaded = await loadText("t.json", tjs(ok({ start_date: { year: 0 } })));
    expect(lines(loaded)).toEqual([
      "warning: t.json: events[0]: start_date.year: 0 is not a year (1 BCE is followed by 1 CE); read as 1 BCE (EDTF 0000)",
    ]);
    expect(loaded.dataset.events[0]?.start.text).toBe("0000");
  });

  it("makes repeated ids unique, warning when the file gave them", async () => {
    const loaded = await loadText(
      "t.json",
      tjs(ok({ unique_id: "same" }), ok({ unique_id: "same" }), ok(), ok()),
    );
    expect(loaded.dataset.events.map((e) => e.id)).toEqual([
      "same",
      "same-2",
      "2025-fine-event",
      "2025-fine-event-2",
    ]);
    expect(lines(loaded)).toEqual([
      `warning: t.json: events[1] (same): unique_id: repeats an earlier event's id; imported as "same-2"`,
    ]);
  });

  it("shortens over-long headlines and texts with a warning instead of losing the event", async () => {
    const text = `${"word ".repeat(300)}end.`;
    const loaded = await loadText("t.json", tjs(ok({ text: { headline: "Head ".repeat(30), text } })));
    const [event] = loaded.dataset.events;
    expect(event?.title.length).toBeLessThanOrEqual(120);
    expect(event?.title.endsWith("\u2026")).toBe(true);
    expect(event?.summary.length).toBeLessThanOrEqual(1000);
    expect(event?.sources[0]?.quote.length).toBeLessThanOrEqual(400);
    expect(text.startsWith(event?.sources[0]?.quote ?? "-")).toBe(true);
    expect(loaded.issues.map((i) => [i.severity, i.field])).toEqual([
      ["warning", "text.text"],
      ["warning", "text.headline"],
    ]);
  });

  it("treats an empty end_date (as spreadsheets export) as none", async () => {
    const loaded = await loadText("t.json", tjs(ok({ end_date: { year: "", month: "" } })));
    expect(loaded.issues).toEqual([]);
    expect(loaded.dataset.events[0]?.end).toBeUndefined();
  });
});

describe("TimelineJS helpers", () => {
  it("maps years both ways, with no year 0 on the TimelineJS side", () => {
    expect([-44, -1, 1, 2025].map(edtfYearOfTimelineJs)).toEqual([-43, 0, 1, 2025]);
    for (let year = -3000; year <= 3000; year += 7) {
      if (year !== 0) expect(timelineJsYearOfEdtf(edtfYearOfTimelineJs(year))).toBe(year);
    }
  });

  it("strips HTML to text without interpreting it", () => {
    expect(htmlToText("<p>One</p><p>two&nbsp;&amp; <b>three</b>&#33; &#x263A;</p>")).toBe(
      "One two & three! \u263a",
    );
    expect(htmlToText("a <!-- hidden --> b <style>p{}</style><script>x()</script> c")).toBe("a b c");
    expect(htmlToText("&lt;img src=x onerror=alert(1)&gt; &bogus; 3 < 4")).toBe(
      "<img src=x onerror=alert(1)> &bogus; 3 < 4",
    );
  });

  it("quotes a verbatim passage of 8 to 400 characters ending at a sentence or word", () => {
    expect(quotePassage("short")).toBeUndefined();
    expect(quotePassage("Exactly fine.")).toBe("Exactly fine.");
    const long = `First sentence here. ${"word ".repeat(100)}`;
    expect(quotePassage(long)).toBe("First sentence here.");
    const words = "word ".repeat(100);
    const passage = quotePassage(words) ?? "";
    expect(passage.length).toBeLessThanOrEqual(400);
    expect(words.startsWith(passage) && passage.endsWith("word")).toBe(true);
  });

  it("tells TimelineJS files from this project's JSON", () => {
    const ours = JSON.parse(readFileSync(resolve(ROOT, "data/events.json"), "utf8")) as unknown;
    const theirs = JSON.parse(readFileSync(resolve(ROOT, FIXTURE), "utf8")) as unknown;
    expect(isTimelineJs(theirs)).toBe(true);
    expect(isTimelineJs(ours)).toBe(false);
    expect(isTimelineJs({ title: { text: { headline: "Empty" } }, events: [] })).toBe(true);
    expect(isTimelineJs({ title: "x", lanes: [], articles: [], events: [] })).toBe(false);
  });
});

describe("datasetToTimelineJs", () => {
  const json = {
    title: "A <title>",
    description: "Desc & more",
    lanes: [{ id: "l", label: "Lane & co" }],
    articles: [{ id: "a", title: "Report", outlet: "Wire", url: "https://example.org/report" }],
    events: [
      {
        id: "bce",
        title: "Ides",
        summary: "Caesar <dies>",
        start: "-0043-03-15",
        end: "-0042",
        precision: "day",
        dateBasis: "stated",
        dateNote: "n",
        lane: "l",
        actors: ["A"],
        sources: [{ article: "a", quote: "a long enough quote" }],
      },
      {
        id: "time",
        title: "At eleven",
        summary: "S",
        start: "2025-04-24T11:00-04:00",
        precision: "time",
        dateBasis: "stated",
        dateNote: "n",
        lane: "l",
        actors: ["A"],
        sources: [{ article: "a", quote: "a long enough quote" }],
      },
      {
        id: "week",
        title: "Last week",
        summary: "S",
        start: "2025-07-07~",
        precision: "week",
        dateBasis: "inferred",
        dateNote: "n",
        lane: "l",
        actors: ["A"],
        sources: [{ article: "a", quote: "a long enough quote" }],
      },
    ],
  };
  const { dataset } = validateDataset(json, { file: "t.json" });
  const out = datasetToTimelineJs(dataset);

  it("writes EDTF years ≤ 0 as the TimelineJS year that shows as the same BCE year", () => {
    expect(out.events[0]?.start_date).toEqual({ year: -44, month: 3, day: 15 });
    expect(out.events[0]?.end_date).toEqual({ year: -43 });
  });

  it("writes times in UTC and keeps the zone as display text", () => {
    expect(out.events[1]?.start_date).toEqual({
      year: 2025,
      month: 4,
      day: 24,
      hour: 15,
      minute: 0,
      display_date: "2025-04-24T11:00-04:00",
    });
  });

  it("keeps weeks and qualifiers as display text", () => {
    expect(out.events[2]?.start_date.display_date).toBe("week from 2025-07-07 (approximate)");
  });

  it("escapes text for TimelineJS's HTML fields and uses lane labels as groups", () => {
    expect(out.title?.text).toEqual({ headline: "A &lt;title&gt;", text: "Desc &amp; more" });
    expect(out.events[0]?.text).toEqual({ headline: "Ides", text: "Caesar &lt;dies&gt;" });
    expect(out.events[0]?.group).toBe("Lane &amp; co");
    expect(out.events[0]?.unique_id).toBe("bce");
  });

  it("links the first source's article as media", () => {
    expect(out.events[0]?.media).toEqual({
      url: "https://example.org/report",
      caption: "Report",
      credit: "Wire",
    });
  });
});
