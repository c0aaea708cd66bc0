import fc from "fast-check";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { daysInMonth, parseEdtf, utcMs } from "./parseEdtf";
import type { EdtfDate } from "./types";

/** What the edtf package returns: `min` is the first and `max` the last (inclusive) millisecond. */
interface EdtfJsDate {
  readonly min: number;
  readonly max: number;
}
// edtf ships no type declarations (and this file may not add a .d.ts), so it is loaded untyped and
// given the one signature these tests use.
const edtf = (createRequire(import.meta.url)("edtf") as { default: (text: string) => EdtfJsDate }).default;

/** The parsed value, failing the test with the parser's message when it rejects the text. */
function parsed(text: string): EdtfDate {
  const result = parseEdtf(text);
  if (!result.ok) throw new Error(`parseEdtf("${text}") rejected it: ${result.message}`);
  return result.value;
}

/** The rejection message, failing the test when the parser accepts the text. */
function rejection(text: string): string {
  const result = parseEdtf(text);
  if (result.ok) throw new Error(`parseEdtf("${text}") accepted it as ${JSON.stringify(result.value)}`);
  return result.message;
}

/** An independent oracle: ISO strings with an explicit Z are parsed as UTC, years 0–99 included. */
const iso = (text: string): number => {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`bad oracle date ${text}`);
  return ms;
};

describe("granularities", () => {
  it('parseEdtf("2025") is the whole year [2025-01-01, 2026-01-01)', () => {
    expect(parsed("2025")).toEqual({
      text: "2025",
      granularity: "year",
      startMs: iso("2025-01-01T00:00:00Z"),
      endMs: iso("2026-01-01T00:00:00Z"),
      approximate: false,
      uncertain: false,
    });
  });

  it('parseEdtf("2025-07") is the whole month [07-01, 08-01)', () => {
    const date = parsed("2025-07");
    expect(date.granularity).toBe("month");
    expect(date.startMs).toBe(iso("2025-07-01T00:00:00Z"));
    expect(date.endMs).toBe(iso("2025-08-01T00:00:00Z"));
  });

  it('parseEdtf("2025-12") ends exclusively at the start of the next year', () => {
    expect(parsed("2025-12").endMs).toBe(iso("2026-01-01T00:00:00Z"));
  });

  it('parseEdtf("2024-02") ends exclusively on 03-01 of a leap year (29 days)', () => {
    const date = parsed("2024-02");
    expect(date.endMs - date.startMs).toBe(29 * 86_400_000);
    expect(date.endMs).toBe(iso("2024-03-01T00:00:00Z"));
  });

  it('parseEdtf("2025-07-10") is one UTC day [07-10, 07-11)', () => {
    const date = parsed("2025-07-10");
    expect(date.granularity).toBe("day");
    expect(date.startMs).toBe(iso("2025-07-10T00:00:00Z"));
    expect(date.endMs).toBe(iso("2025-07-11T00:00:00Z"));
  });

  it('parseEdtf("2025-12-31") ends exclusively at the start of the next year', () => {
    expect(parsed("2025-12-31").endMs).toBe(iso("2026-01-01T00:00:00Z"));
  });

  it('parseEdtf("2025-04-24T11:00Z") is an instant in UTC with offset 0', () => {
    expect(parsed("2025-04-24T11:00Z")).toEqual({
      text: "2025-04-24T11:00Z",
      granularity: "time",
      startMs: iso("2025-04-24T11:00:00Z"),
      endMs: iso("2025-04-24T11:00:00Z"),
      offsetMinutes: 0,
      approximate: false,
      uncertain: false,
    });
  });

  it('parseEdtf("2025-04-24T11:00-04:00") is 15:00Z and keeps the written offset -240', () => {
    const date = parsed("2025-04-24T11:00-04:00");
    expect(date.startMs).toBe(iso("2025-04-24T15:00:00Z"));
    expect(date.endMs).toBe(date.startMs);
    expect(date.offsetMinutes).toBe(-240);
  });

  it('parseEdtf("2025-04-24T11:00+05:30") is 05:30Z (offset minutes count)', () => {
    const date = parsed("2025-04-24T11:00+05:30");
    expect(date.startMs).toBe(iso("2025-04-24T05:30:00Z"));
    expect(date.offsetMinutes).toBe(330);
  });

  it('parseEdtf("2025-04-24T11:00:30Z") keeps the seconds', () => {
    expect(parsed("2025-04-24T11:00:30Z").startMs).toBe(iso("2025-04-24T11:00:30Z"));
  });

  it('parseEdtf("2025-01-01T01:00+14:00") crosses back into the previous UTC day', () => {
    expect(parsed("2025-01-01T01:00+14:00").startMs).toBe(iso("2024-12-31T11:00:00Z"));
  });

  it("parseEdtf accepts offsets of exactly ±14:00", () => {
    expect(parsed("2025-04-24T11:00+14:00").offsetMinutes).toBe(840);
    expect(parsed("2025-04-24T11:00-14:00").offsetMinutes).toBe(-840);
  });
});

describe("calendar rules", () => {
  it('parseEdtf("2024-02-29") accepts 29 February in a leap year', () => {
    expect(parsed("2024-02-29").startMs).toBe(iso("2024-02-29T00:00:00Z"));
  });

  it('parseEdtf("2000-02-29") accepts 29 February in a year divisible by 400', () => {
    expect(parsed("2000-02-29").startMs).toBe(iso("2000-02-29T00:00:00Z"));
  });

  it('parseEdtf("2025-02-29") rejects 29 February in a common year', () => {
    expect(rejection("2025-02-29")).toBe('"2025-02-29" is not a calendar date: 2025-02 has 28 days');
  });

  it('parseEdtf("2100-02-29") rejects 29 February in a century year not divisible by 400', () => {
    expect(rejection("2100-02-29")).toBe('"2100-02-29" is not a calendar date: 2100-02 has 28 days');
  });

  it('parseEdtf("2025-02-30") rejects a day that is not in the month', () => {
    expect(rejection("2025-02-30")).toBe('"2025-02-30" is not a calendar date: 2025-02 has 28 days');
  });

  it('parseEdtf("2025-04-31") rejects day 31 in a 30-day month', () => {
    expect(rejection("2025-04-31")).toBe('"2025-04-31" is not a calendar date: 2025-04 has 30 days');
  });

  it('parseEdtf("2025-01-31") accepts day 31 in a 31-day month', () => {
    expect(parsed("2025-01-31").startMs).toBe(iso("2025-01-31T00:00:00Z"));
  });

  it('parseEdtf("2025-07-00") rejects day 00', () => {
    expect(rejection("2025-07-00")).toBe('"2025-07-00" is not a calendar date: 2025-07 has 31 days');
  });

  it('parseEdtf("2025-13") rejects month 13', () => {
    expect(rejection("2025-13")).toBe('"2025-13" has month 13; months run 01–12');
  });

  it('parseEdtf("2025-00") rejects month 00', () => {
    expect(rejection("2025-00")).toBe('"2025-00" has month 00; months run 01–12');
  });

  it('parseEdtf("2025-13-01") rejects month 13 in a full date', () => {
    expect(rejection("2025-13-01")).toBe('"2025-13-01" has month 13; months run 01–12');
  });

  it("daysInMonth follows the proleptic Gregorian leap rule", () => {
    expect([2024, 2025, 2000, 2100, 0, -4, -1].map((year) => daysInMonth(year, 2))).toEqual([
      29, 28, 29, 28, 29, 29, 28,
    ]);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2025, month))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });
});

describe("times of day", () => {
  it('parseEdtf("2025-04-24T24:00Z") rejects hour 24', () => {
    expect(rejection("2025-04-24T24:00Z")).toBe('"2025-04-24T24:00Z" has an impossible time of day 24:00');
  });

  it('parseEdtf("2025-04-24T11:60Z") rejects minute 60', () => {
    expect(rejection("2025-04-24T11:60Z")).toBe('"2025-04-24T11:60Z" has an impossible time of day 11:60');
  });

  it('parseEdtf("2025-04-24T11:00:60Z") rejects second 60', () => {
    expect(rejection("2025-04-24T11:00:60Z")).toBe(
      '"2025-04-24T11:00:60Z" has an impossible time of day 11:00:60',
    );
  });

  it('parseEdtf("2025-04-24T23:59:59Z") accepts the last second of the day', () => {
    expect(parsed("2025-04-24T23:59:59Z").startMs).toBe(iso("2025-04-24T23:59:59Z"));
  });

  it('parseEdtf("2025-04-24T11:00+14:30") rejects an offset beyond +14:00', () => {
    expect(rejection("2025-04-24T11:00+14:30")).toBe(
      '"2025-04-24T11:00+14:30" has an impossible zone offset +14:30',
    );
  });

  it('parseEdtf("2025-04-24T11:00-15:00") rejects an offset beyond -14:00', () => {
    expect(rejection("2025-04-24T11:00-15:00")).toBe(
      '"2025-04-24T11:00-15:00" has an impossible zone offset -15:00',
    );
  });

  it('parseEdtf("2025-04-24T11:00+05:60") rejects offset minutes beyond 59', () => {
    expect(rejection("2025-04-24T11:00+05:60")).toBe(
      '"2025-04-24T11:00+05:60" has an impossible zone offset +05:60',
    );
  });

  it('parseEdtf("2025-04-24T11:00") rejects a time without a zone, naming Z and an offset', () => {
    expect(rejection("2025-04-24T11:00")).toBe(
      '"2025-04-24T11:00" has a time of day but no zone: add Z or an offset such as -04:00',
    );
  });

  it('parseEdtf("2025-04-24T11:00:30") rejects a time with seconds but without a zone', () => {
    expect(rejection("2025-04-24T11:00:30")).toMatch(/has a time of day but no zone: add Z/);
  });

  it('parseEdtf("2025-04-24T11") rejects a malformed time without a zone by asking for one', () => {
    expect(rejection("2025-04-24T11")).toMatch(/has a time of day but no zone/);
  });
});

describe("qualifiers", () => {
  it.each([
    ["2025-07~", true, false],
    ["2025-07?", false, true],
    ["2025-07%", true, true],
    ["2025-07", false, false],
  ])(
    'parseEdtf("%s") sets approximate=%s, uncertain=%s and keeps the interval',
    (text, approximate, uncertain) => {
      const date = parsed(text);
      expect({ approximate: date.approximate, uncertain: date.uncertain }).toEqual({
        approximate,
        uncertain,
      });
      expect([date.startMs, date.endMs]).toEqual([iso("2025-07-01T00:00:00Z"), iso("2025-08-01T00:00:00Z")]);
      expect(date.text).toBe(text);
    },
  );

  it('parseEdtf("2025?") and parseEdtf("2025-04-24T11:00Z~") accept qualifiers at every granularity', () => {
    expect(parsed("2025?").uncertain).toBe(true);
    expect(parsed("2025-04-24~").approximate).toBe(true);
    const time = parsed("2025-04-24T11:00Z%");
    expect([time.approximate, time.uncertain, time.startMs]).toEqual([
      true,
      true,
      iso("2025-04-24T11:00:00Z"),
    ]);
  });

  it('parseEdtf("2025-07~?") rejects two qualifiers', () => {
    expect(rejection("2025-07~?")).toMatch(/is not an EDTF date/);
  });
});

describe("years far from now", () => {
  it('parseEdtf("0044") is the year 44, not 1944', () => {
    const date = parsed("0044");
    expect(date.startMs).toBe(iso("0044-01-01T00:00:00Z"));
    expect(date.endMs).toBe(iso("0045-01-01T00:00:00Z"));
  });

  it('parseEdtf("0099-12-31") and parseEdtf("0000-02-29") stay in years 99 and 0', () => {
    expect(parsed("0099-12-31").endMs).toBe(iso("0100-01-01T00:00:00Z"));
    expect(parsed("0000-02-29").startMs).toBe(iso("0000-02-29T00:00:00Z"));
  });

  it('parseEdtf("0010-04-24T11:00Z") keeps a time of day in year 10', () => {
    expect(parsed("0010-04-24T11:00Z").startMs).toBe(iso("0010-04-24T11:00:00Z"));
  });

  it("utcMs does not move years 0–99 to 1900 like Date.UTC does", () => {
    expect(utcMs(44)).toBe(iso("0044-01-01T00:00:00Z"));
    expect(utcMs(44)).not.toBe(Date.UTC(44, 0));
    expect(utcMs(5, 6, 7, 8, 9, 10)).toBe(iso("0005-07-07T08:09:10Z"));
  });

  it("utcMs is the proleptic Gregorian calendar's UTC for any year, either side of its fast path", () => {
    const reference = (y: number, mo: number, d: number, h: number, mi: number, s: number) => {
      const date = new Date(0);
      date.setUTCFullYear(y, mo, d);
      date.setUTCHours(h, mi, s, 0);
      return date.getTime();
    };
    const moment = fc.tuple(
      fc.oneof(fc.integer({ min: -9999, max: 9999 }), fc.integer({ min: 95, max: 105 })),
      fc.integer({ min: 0, max: 11 }),
      fc.integer({ min: 1, max: 31 }),
      fc.integer({ min: 0, max: 23 }),
      fc.integer({ min: 0, max: 59 }),
      fc.integer({ min: 0, max: 59 }),
    );
    fc.assert(
      fc.property(moment, (m) => {
        expect(utcMs(...m)).toBe(reference(...m));
      }),
      { numRuns: 5000 },
    );
  });

  it('parseEdtf("-0044") is the year 44 BCE (astronomical -44)', () => {
    const date = parsed("-0044");
    expect(date.granularity).toBe("year");
    expect(date.startMs).toBe(iso("-000044-01-01T00:00:00Z"));
    expect(date.endMs).toBe(iso("-000043-01-01T00:00:00Z"));
  });

  it('parseEdtf("-0044-03-15") is a day in year -44; -0004-02-29 is a leap day, -0001-02-29 is not', () => {
    expect(parsed("-0044-03-15").startMs).toBe(iso("-000044-03-15T00:00:00Z"));
    expect(parsed("-0004-02-29").startMs).toBe(iso("-000004-02-29T00:00:00Z"));
    expect(rejection("-0001-02-29")).toBe('"-0001-02-29" is not a calendar date: -0001-02 has 28 days');
  });

  it('parseEdtf("-0001") ends exclusively where year 0 begins', () => {
    expect(parsed("-0001").endMs).toBe(iso("0000-01-01T00:00:00Z"));
  });
});

describe("malformed text", () => {
  it.each(["", "25", "2025-7", "2025-07-1", "2025/07/01", " 2025", "2025-07-01T11:00Zextra", "20250"])(
    'parseEdtf("%s") is not an EDTF date',
    (text) => {
      expect(rejection(text)).toBe(
        `"${text}" is not an EDTF date: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDThh:mm(:ss)(Z|±hh:mm), optionally ending in ~, ? or %`,
      );
    },
  );
});

// edtf.js (an independent EDTF implementation) as an oracle. Its `max` is the last millisecond of
// the interval (inclusive); ours is exclusive. edtf.js does not reject impossible days, so only valid
// ones are generated, and it wrongly treats 0000-02-29 as 03-01 (it maps year 0 to 1900), so that
// one date is skipped.
describe("agreement with the edtf package", () => {
  const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthLength = (year: number, month: number): number =>
    month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  const pad = (n: number, width: number): string => String(n).padStart(width, "0");

  const validDate = fc
    .record({
      year: fc.integer({ min: -9999, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      dayFraction: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
      granularity: fc.constantFrom("year", "month", "day"),
      qualifier: fc.constantFrom("", "~", "?", "%"),
    })
    .map(({ year, month, dayFraction, granularity, qualifier }) => {
      const day = 1 + Math.floor(dayFraction * monthLength(year, month));
      const y = `${year < 0 ? "-" : ""}${pad(Math.abs(year), 4)}`;
      const text =
        granularity === "year"
          ? y
          : granularity === "month"
            ? `${y}-${pad(month, 2)}`
            : `${y}-${pad(month, 2)}-${pad(day, 2)}`;
      return {
        text: text + qualifier,
        granularity,
        yearZeroLeapDay: year === 0 && month === 2 && day === 29,
      };
    });

  it("parseEdtf agrees with edtf(text).min and .max + 1 for random valid years, months and days", () => {
    fc.assert(
      fc.property(validDate, ({ text, granularity, yearZeroLeapDay }) => {
        fc.pre(!(yearZeroLeapDay && granularity === "day"));
        const ours = parsed(text);
        const theirs = edtf(text);
        expect(ours.granularity).toBe(granularity);
        expect(ours.startMs).toBe(theirs.min);
        expect(ours.endMs).toBe(theirs.max + 1);
      }),
      { numRuns: 300 },
    );
  });

  it("parseEdtf agrees with edtf on the edges: year 0, year 99, leap days and year ends", () => {
    for (const text of ["0000", "0099", "0100-02", "2024-02-29", "2000-02-29", "9999-12-31", "-9999-01-01"]) {
      const theirs = edtf(text);
      expect([text, parsed(text).startMs, parsed(text).endMs]).toEqual([text, theirs.min, theirs.max + 1]);
    }
  });
});
