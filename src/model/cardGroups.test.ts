import { describe, expect, it } from "vitest";
import { cardPeriod, groupCards, groupOf, stepTarget } from "./cardGroups";
import { makeEvents } from "./testEvents";

describe("groupCards", () => {
  const events = makeEvents([
    { id: "year", start: "2022" },
    { id: "feb", start: "2022-02-24" },
    { id: "jul-month", start: "2025-07" },
    { id: "jul-10", start: "2025-07-10" },
    { id: "jul-14", start: "2025-07-14T11:00-04:00" },
    { id: "week", start: "2025-07-28", precision: "week" },
    { id: "aug", start: "2025-08-01" },
  ]);
  const order = events.map((_, e) => e);

  it("groupCards(events, order) puts consecutive cards of one month under one heading, in order", () => {
    expect(groupCards(events, order)).toEqual([
      { key: "2022", label: "2022", first: 0, count: 1 },
      { key: "2022-02", label: "February 2022", first: 1, count: 1 },
      { key: "2025-07", label: "July 2025", first: 2, count: 4 },
      { key: "2025-08", label: "August 2025", first: 6, count: 1 },
    ]);
  });

  it("groupCards(events, order) counts every card exactly once", () => {
    const groups = groupCards(events, order);
    expect(groups.reduce((n, g) => n + g.count, 0)).toBe(events.length);
    groups.slice(1).forEach((g, i) => expect(g.first).toBe(groups[i]!.first + groups[i]!.count));
  });

  it("groupCards(events, []) is empty", () => {
    expect(groupCards(events, [])).toEqual([]);
  });

  it("cardPeriod(event) heads a year-only event with its year, never a month it does not know", () => {
    expect(cardPeriod(events[0]!)).toEqual({ key: "2022", label: "2022" });
    expect(cardPeriod(makeEvents([{ id: "bce", start: "-0043", precision: "year" }])[0]!).label).toBe(
      "44 BCE",
    );
  });

  it("cardPeriod(event) uses the UTC month of the start (a time of day late on the 31st stays in its month)", () => {
    const [late] = makeEvents([{ id: "late", start: "2025-07-31T23:30-04:00" }]);
    // 03:30 UTC on 1 August: the month is the one the axis (UTC) shows.
    expect(cardPeriod(late!)).toEqual({ key: "2025-08", label: "August 2025" });
  });

  it("groupOf(groups, position) finds the group holding a card, -1 outside", () => {
    const groups = groupCards(events, order);
    expect([0, 1, 2, 5, 6].map((p) => groupOf(groups, p))).toEqual([0, 1, 2, 2, 3]);
    expect(groupOf(groups, 7)).toBe(-1);
    expect(groupOf(groups, -1)).toBe(-1);
  });

  it("stepTarget(groups, current, to) moves by heading: forward to the next, back to this one's start first", () => {
    const groups = groupCards(events, order); // 2022 | Feb 2022 | July 2025 (2–5) | Aug 2025 (6)
    expect(stepTarget(groups, 0, 1)).toBe(1);
    expect(stepTarget(groups, 3, 1)).toBe(6);
    expect(stepTarget(groups, 4, -1)).toBe(2);
    expect(stepTarget(groups, 2, -1)).toBe(1);
    expect(stepTarget(groups, 6, 1)).toBe(-1);
    expect(stepTarget(groups, 0, -1)).toBe(-1);
    expect(stepTarget(groups, 3, "first")).toBe(0);
    expect(stepTarget(groups, 3, "last")).toBe(6);
    expect(stepTarget([], 0, "last")).toBe(-1);
  });
});
