import { describe, expect, test } from "vitest";
import { utcFormat } from "./utcFormat";

const date = new Date(Date.UTC(2025, 6, 4, 9, 5));

describe("utcFormat", () => {
  test("utcFormat(pattern) formats day, month, weekday, year and time in UTC", () => {
    expect(utcFormat("%A %-d %B %Y")(date)).toBe("Friday 4 July 2025");
    expect(utcFormat("%d %b %Y %H:%M")(date)).toBe("04 Jul 2025 09:05");
    expect(utcFormat("%H:00")(date)).toBe("09:00");
  });

  test("utcFormat(pattern) writes years before 1 CE and before 1000 with four digits", () => {
    const d = new Date(0);
    d.setUTCFullYear(-43, 2, 15);
    expect(utcFormat("%-d %B %Y")(d)).toBe("15 March -0043");
    d.setUTCFullYear(44, 0, 1);
    expect(utcFormat("%Y")(d)).toBe("0044");
  });

  test("utcFormat(pattern) leaves unknown directives and plain text as they are", () => {
    expect(utcFormat("week %U of %Y")(date)).toBe("week %U of 2025");
  });
});
