import { describe, expect, it } from "vitest";
import type { Hit } from "./hitTest";
import type { EventMark } from "./layoutMarks";
import { detailTarget, initialView, reduceView, sameHit, type ViewState } from "./viewState";

const mark = (event: number): EventMark => ({
  event,
  lane: 0,
  row: 0,
  kind: "point",
  x0: 0,
  x1: 0,
  cx: 0,
  y: 0,
  label: "",
  labelX: 0,
  labelWidthPx: 0,
});
const hit = (event: number): Hit => ({ type: "event", mark: mark(event) });
const start: ViewState = initialView([0, 100]);

describe("reduceView", () => {
  it("reduceView(state, action) returns the same state when nothing changes (nothing is drawn)", () => {
    expect(reduceView(start, { type: "show", domain: [0, 100] })).toBe(start);
    expect(reduceView(start, { type: "hover", hit: undefined })).toBe(start);
    expect(reduceView(start, { type: "focus", event: undefined })).toBe(start);
    expect(reduceView(start, { type: "matches", matches: undefined })).toBe(start);
    expect(reduceView(start, { type: "resize", widthPx: 0, heightPx: 0 })).toBe(start);
  });

  it("reduceView(state, show) stores the new window without touching the old state", () => {
    const next = reduceView(start, { type: "show", domain: [10, 20] });
    expect(next.domain).toEqual([10, 20]);
    expect(start.domain).toEqual([0, 100]);
  });

  it("reduceView(state, toggle-pin) pins an event, and unpins it when pinned already", () => {
    const pinned = reduceView(start, { type: "toggle-pin", event: 3 });
    expect(pinned.pinned).toEqual({ type: "event", event: 3 });
    expect(reduceView(pinned, { type: "toggle-pin", event: 3 }).pinned).toBeUndefined();
    expect(reduceView(pinned, { type: "toggle-pin", event: 4 }).pinned).toEqual({ type: "event", event: 4 });
  });

  it("reduceView(state, dismiss) unpins and hides the hovered details until the pointer moves on", () => {
    const hovered = reduceView(reduceView(start, { type: "hover", hit: hit(1) }), {
      type: "toggle-pin",
      event: 1,
    });
    const dismissed = reduceView(hovered, { type: "dismiss" });
    expect(dismissed.pinned).toBeUndefined();
    expect(detailTarget(dismissed, false)).toBeUndefined();
    // The same mark hovered again is no change; another mark shows its details.
    expect(reduceView(dismissed, { type: "hover", hit: hit(1) })).toBe(dismissed);
    expect(detailTarget(reduceView(dismissed, { type: "hover", hit: hit(2) }), false)).toEqual({
      type: "event",
      event: 2,
    });
  });

  it("reduceView(state, filtered) drops a pinned event the filter hid, and keeps one it kept", () => {
    const pinned = reduceView(reduceView(start, { type: "hover", hit: hit(1) }), {
      type: "toggle-pin",
      event: 5,
    });
    const hid = reduceView(pinned, { type: "filtered", kept: (e) => e !== 5 });
    expect(hid.pinned).toBeUndefined();
    expect(hid.hovered).toBeUndefined();
    expect(reduceView(pinned, { type: "filtered", kept: () => true }).pinned).toEqual({
      type: "event",
      event: 5,
    });
  });
});

describe("detailTarget", () => {
  it("detailTarget(state, focusOnMarks) prefers pinned, then hovered, then the focused event", () => {
    const focused = reduceView(start, { type: "focus", event: 7 });
    expect(detailTarget(focused, false)).toBeUndefined();
    expect(detailTarget(focused, true)).toEqual({ type: "event", event: 7 });
    const hovered = reduceView(focused, { type: "hover", hit: hit(2) });
    expect(detailTarget(hovered, true)).toEqual({ type: "event", event: 2 });
    const pinned = reduceView(hovered, { type: "pin", target: { type: "event", event: 9 } });
    expect(detailTarget(pinned, true)).toEqual({ type: "event", event: 9 });
  });
});

describe("sameHit", () => {
  it("sameHit(a, b) compares events by index and clusters by first member and lane", () => {
    expect(sameHit(hit(1), hit(1))).toBe(true);
    expect(sameHit(hit(1), hit(2))).toBe(false);
    expect(sameHit(undefined, undefined)).toBe(true);
    expect(sameHit(hit(1), undefined)).toBe(false);
  });
});
