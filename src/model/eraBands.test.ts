import { describe, expect, it } from "vitest";
import { parseEdtf } from "../data/parseEdtf";
import type { EdtfDate, Era } from "../data/types";
import { ERA_LABEL_PAD_PX, eraBands, eraTitlesAt } from "./eraBands";
import { measure7, utc } from "./testEvents";
import { timeScale } from "./timeScale";

const date = (text: string): EdtfDate => {
  const parsed = parseEdtf(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};
const era = (start: string, end: string, title?: string): Era => ({
  start: date(start),
  end: date(end),
  ...(title === undefined ? {} : { title }),
});

// July 2025 across 310 px: 10 px a day.
const x = timeScale([utc(2025, 7, 1), utc(2025, 8, 1)], 310);

describe("eraBands", () => {
  it("maps each era through the frame's scale, to the end of its (inclusive) end date", () => {
    const [band] = eraBands([era("2025-07-03", "2025-07-10", "Talks")], x, 310, measure7);
    expect(band).toMatchObject({ era: 0, x0: 20, x1: 100, label: "Talks", labelX: 20 + ERA_LABEL_PAD_PX });
  });

  it("leaves out eras outside the drawn range, and clips those that run past it", () => {
    const bands = eraBands(
      [
        era("2025-05", "2025-06", "Before"),
        era("2025-06-20", "2025-07-05", "Spring"),
        era("2025-09", "2025-10"),
      ],
      x,
      310,
      measure7,
    );
    expect(bands.map((b) => [b.era, b.x0, b.x1])).toEqual([[1, 0, 50]]);
    // With margins (a drag's), the bands reach into them and no further.
    const wide = eraBands([era("2025-06", "2025-09", "Summer")], x, 310, measure7, { marginPx: 155 });
    expect([wide[0]!.x0, wide[0]!.x1]).toEqual([-155, 465]);
  });

  it("puts a title in the visible part of its band, after the reserved strip, cut to fit or left out", () => {
    const [long, short] = eraBands(
      [
        era("2025-06", "2025-07-20", "The long summer of negotiations"),
        era("2025-07-21", "2025-07-23", "Brief"),
      ],
      x,
      310,
      measure7,
      { reservedLeftPx: 70 },
    );
    expect(long!.labelX).toBe(70 + ERA_LABEL_PAD_PX);
    expect(long!.label).toBe("The long summer\u2026");
    expect(measure7(long!.label)).toBeLessThanOrEqual(long!.x1 - ERA_LABEL_PAD_PX - long!.labelX);
    // Three days (30 px) leave no room for a word: no label rather than "B…".
    expect(short!.label).toBe("");
    // An era without a headline is a band without a label.
    expect(eraBands([era("2025-07", "2025-07")], x, 310, measure7)[0]!.label).toBe("");
  });
});

describe("eraTitlesAt: the eras an event's card names", () => {
  const day = date;
  const eras: Era[] = [
    { title: "Before the summit", start: day("2025-06-01"), end: day("2025-07-09") },
    { title: "Summit fortnight", start: day("2025-07-10"), end: day("2025-07-24") },
    { start: day("2025-07-01"), end: day("2025-07-31") },
  ];
  it("names every titled era the instant falls in, ends inclusive of their last day", () => {
    expect(eraTitlesAt(eras, Date.parse("2025-07-09T23:00Z"))).toEqual(["Before the summit"]);
    expect(eraTitlesAt(eras, Date.parse("2025-07-10T00:00Z"))).toEqual(["Summit fortnight"]);
    expect(eraTitlesAt(eras, Date.parse("2025-07-24T23:59Z"))).toEqual(["Summit fortnight"]);
    expect(eraTitlesAt(eras, Date.parse("2025-07-25T00:00Z"))).toEqual([]);
    expect(eraTitlesAt(eras, Date.parse("2025-05-31T12:00Z"))).toEqual([]);
  });
});
