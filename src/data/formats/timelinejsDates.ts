/**
 * TimelineJS date objects ({ year, month, day, hour, minute, second, millisecond, display_date })
 * to EDTF and back, with the year numbering each uses (see timelinejs.ts's header).
 */
import type { DataIssue } from "../issues";
import { isRecord } from "../readFields.ts";
import type { EdtfDate, Precision } from "../types";
import { htmlToText } from "./htmlText.ts";
import type { TimelineJsDate } from "./timelinejsTypes.ts";

/** TimelineJS year (as shown: -44 is 44 BCE, no year 0) → EDTF's astronomical year (-0043). */
export function edtfYearOfTimelineJs(year: number): number {
  return year < 0 ? year + 1 : year;
}

/** EDTF's astronomical year → the TimelineJS year that shows as the same year (0000 → -1, i.e. 1 BCE). */
export function timelineJsYearOfEdtf(year: number): number {
  return year <= 0 ? year - 1 : year;
}

function pad(value: number, width: number): string {
  return `${value < 0 ? "-" : ""}${String(Math.abs(value)).padStart(width, "0")}`;
}

export type Reporter = (severity: DataIssue["severity"], field: string, message: string) => void;

export interface ReadDate {
  readonly text: string;
  readonly precision: Precision;
  readonly display?: string;
}

const DATE_PARTS = ["year", "month", "day", "hour", "minute", "second", "millisecond"] as const;

/** A TimelineJS date object as EDTF, or undefined after reporting why it cannot be one. */
export function readDate(value: unknown, field: string, report: Reporter): ReadDate | undefined {
  if (!isRecord(value)) {
    report("error", field, "must be an object with at least a year");
    return undefined;
  }
  const parts: Partial<Record<(typeof DATE_PARTS)[number], number>> = {};
  for (const part of DATE_PARTS) {
    const raw = value[part];
    if (raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "")) continue;
    const text = typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : "";
    if (!/^-?\d+$/.test(text)) {
      report("error", `${field}.${part}`, `must be a whole number, not ${JSON.stringify(raw)}`);
      return undefined;
    }
    parts[part] = Number(text);
  }
  const { year, month, day, hour, minute, second, millisecond } = parts;
  if (year === undefined) {
    report("error", `${field}.year`, "is required");
    return undefined;
  }
  const missing =
    day !== undefined && month === undefined
      ? ["day", "month"]
      : hour !== undefined && day === undefined
        ? ["hour", "day"]
        : (minute ?? second) !== undefined && hour === undefined
          ? [minute === undefined ? "second" : "minute", "hour"]
          : undefined;
  if (missing !== undefined) {
    report("error", `${field}.${missing[0]}`, `needs a ${missing[1]}`);
    return undefined;
  }
  // EDTF (and so this format) holds whole seconds: a fraction is read, and said to be dropped.
  if (millisecond !== undefined && millisecond !== 0) {
    report(
      "warning",
      `${field}.millisecond`,
      second === undefined
        ? "needs a second; it was left out"
        : `${millisecond} was left out: dates here hold whole seconds`,
    );
  }
  const astronomical = edtfYearOfTimelineJs(year);
  if (Math.abs(astronomical) > 9999) {
    report(
      "error",
      `${field}.year`,
      `${year} is beyond the four-digit years EDTF dates are written with here`,
    );
    return undefined;
  }
  if (year === 0) {
    report(
      "warning",
      `${field}.year`,
      "0 is not a year (1 BCE is followed by 1 CE); read as 1 BCE (EDTF 0000)",
    );
  }
  let text = pad(astronomical, 4);
  let precision: Precision = "year";
  if (month !== undefined) {
    text += `-${pad(month, 2)}`;
    precision = "month";
  }
  if (day !== undefined) {
    text += `-${pad(day, 2)}`;
    precision = "day";
  }
  if (hour !== undefined) {
    text += `T${pad(hour, 2)}:${pad(minute ?? 0, 2)}${second === undefined ? "" : `:${pad(second, 2)}`}Z`;
    precision = "time";
  }
  const display = typeof value["display_date"] === "string" ? htmlToText(value["display_date"]) : "";
  return { text, precision, ...(display === "" ? {} : { display }) };
}

/** Whether an end_date is really absent: missing, or an object with no date parts (as spreadsheets export). */
export function isBlankDate(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return (
    isRecord(value) &&
    DATE_PARTS.every((part) => {
      const raw = value[part];
      return raw === undefined || raw === null || (typeof raw === "string" && raw.trim() === "");
    })
  );
}

const QUALIFIER_WORDS: Readonly<Record<string, string>> = {
  "~": "approximate",
  "?": "uncertain",
  "%": "approximate and uncertain",
};

export function toTimelineJsDate(date: EdtfDate, week: boolean): TimelineJsDate {
  const out: TimelineJsDate = { year: 0 };
  if (date.granularity === "time") {
    // TimelineJS has no zones: the instant is written in UTC, and the original kept as display text.
    const instant = new Date(date.startMs);
    Object.assign(out, {
      year: timelineJsYearOfEdtf(instant.getUTCFullYear()),
      month: instant.getUTCMonth() + 1,
      day: instant.getUTCDate(),
      hour: instant.getUTCHours(),
      minute: instant.getUTCMinutes(),
    });
    // Seconds written when there are some, or when the date was written with them (":00").
    if (instant.getUTCSeconds() !== 0 || /T\d{2}:\d{2}:\d{2}/.test(date.text))
      out.second = instant.getUTCSeconds();
  } else {
    const [year = "0", month, day] = date.text.replace(/[~?%]$/, "").match(/^-?\d+|\d+/g) ?? [];
    out.year = timelineJsYearOfEdtf(Number(year));
    if (month !== undefined) out.month = Number(month);
    if (day !== undefined) out.day = Number(day);
  }
  const qualifier = QUALIFIER_WORDS[date.text.slice(-1)];
  const plain = date.text.replace(/[~?%]$/, "");
  // A UTC time is exactly what TimelineJS holds; any other zone is kept as display text.
  const zoned = date.granularity === "time" && date.offsetMinutes !== 0;
  if (zoned || week || qualifier !== undefined) {
    out.display_date = `${week ? "week from " : ""}${plain}${qualifier === undefined ? "" : ` (${qualifier})`}`;
  }
  return out;
}
