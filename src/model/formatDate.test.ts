import { describe, expect, it } from "vitest";
import { parseEdtf } from "../data/parseEdtf";
import type { EdtfDate } from "../data/types";
import { BASIS_LABEL, formatEdtf, formatEventDate, PRECISION_LABEL } from "./formatDate";
import { makeEvents, type EventSpec } from "./testEvents";

const dateOf = (spec: Omit<EventSpec, "id">) => formatEventDate(makeEvents([{ id: "e", ...spec }])[0]!);

function edtf(text: string): EdtfDate {
  const parsed = parseEdtf(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
}

describe("formatEventDate", () => {
  it('formatEventDate(event) writes a day as "14 July 2025"', () => {
    expect(dateOf({ start: "2025-07-14" })).toBe("14 July 2025");
    expect(dateOf({ start: "2025-01-01" })).toBe("1 January 2025");
    expect(dateOf({ start: "2025-12-31" })).toBe("31 December 2025");
  });

  it('formatEventDate(event) writes a month as "July 2025"', () => {
    expect(dateOf({ start: "2025-07" })).toBe("July 2025");
    expect(dateOf({ start: "2025-01" })).toBe("January 2025");
  });

  it('formatEventDate(event) writes a week as "week of 7 July 2025"', () => {
    expect(dateOf({ start: "2025-07-07", precision: "week" })).toBe("week of 7 July 2025");
  });

  it('formatEventDate(event) writes a year as "2025"', () => {
    expect(dateOf({ start: "2025" })).toBe("2025");
  });

  it('formatEventDate(event) writes a range as "14 July 2025 – 15 July 2025"', () => {
    expect(dateOf({ start: "2025-07-14", end: "2025-07-15" })).toBe("14 July 2025 \u2013 15 July 2025");
    expect(dateOf({ start: "2025-07", end: "2025-09" })).toBe("July 2025 \u2013 September 2025");
  });

  it("formatEventDate(event) writes a time of day in the zone it was reported in, not the viewer's", () => {
    expect(dateOf({ start: "2025-04-24T11:00-04:00" })).toBe("24 April 2025, 11:00 UTC\u221204:00");
    // 03:30 UTC on 25 April, but 23:30 on 24 April where it was reported.
    expect(dateOf({ start: "2025-04-24T23:30-04:00" })).toBe("24 April 2025, 23:30 UTC\u221204:00");
    expect(dateOf({ start: "2025-04-24T11:00Z" })).toBe("24 April 2025, 11:00 UTC");
    expect(dateOf({ start: "2025-04-24T09:15+05:30" })).toBe("24 April 2025, 09:15 UTC+05:30");
  });

  it("formatEventDate(event) marks approximate and uncertain dates", () => {
    expect(dateOf({ start: "2025-07-14~" })).toBe("about 14 July 2025");
    expect(dateOf({ start: "2025-07-14?" })).toBe("14 July 2025 (uncertain)");
    expect(dateOf({ start: "2025-07-14%" })).toBe("about 14 July 2025 (uncertain)");
    expect(dateOf({ start: "2025-07~" })).toBe("about July 2025");
    expect(dateOf({ start: "2025-07-14", end: "2025-07-20?" })).toBe(
      "14 July 2025 \u2013 20 July 2025 (uncertain)",
    );
  });
});

describe("formatEdtf", () => {
  it("formatEdtf(date) writes each granularity in UTC, whatever the local zone", () => {
    // Midnight UTC on 1 January is already midday on 1 January in Chatham, but 31 December in the Americas.
    expect(formatEdtf(edtf("2025-01-01"))).toBe("1 January 2025");
    expect(formatEdtf(edtf("2025"))).toBe("2025");
    expect(formatEdtf(edtf("2024-12"))).toBe("December 2024");
  });
});

describe("labels", () => {
  it("PRECISION_LABEL and BASIS_LABEL describe every precision and basis", () => {
    expect(PRECISION_LABEL.week).toBe("known to the week");
    expect(Object.keys(PRECISION_LABEL).sort()).toEqual(["day", "month", "time", "week", "year"]);
    expect(Object.keys(BASIS_LABEL).sort()).toEqual(["inferred", "reference", "stated"]);
  });
});

describe("formatEdtf years before 1 CE and before 1000", () => {
  it("formatEdtf writes EDTF year -0043 as 44 BCE and year 0079 as 79", () => {
    const edtf = (text: string) => {
      const parsed = parseEdtf(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    expect(formatEdtf(edtf("-0043-03-15"))).toBe("15 March 44 BCE");
    expect(formatEdtf(edtf("0079-08-24"))).toBe("24 August 79");
    expect(formatEdtf(edtf("0000"))).toBe("1 BCE");
  });

  it("formatEventDate(event) writes a range that starts and ends on one day as that day", () => {
    const [event] = makeEvents([{ id: "one-day", start: "2025-07-13", end: "2025-07-13" }]);
    expect(formatEventDate(event!)).toBe("13 July 2025");
  });
});
