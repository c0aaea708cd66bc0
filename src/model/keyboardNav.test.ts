import { describe, expect, it } from "vitest";
import { buildEventIndex } from "./eventIndex";
import { endOfTime, stepAcrossLanes, stepInTime } from "./keyboardNav";
import { indexed, LANES, type EventSpec } from "./testEvents";

// Given out of time order, so dataset index and time order differ.
const specs: EventSpec[] = [
  { id: "p-mid", start: "2025-07-15", lane: "politics" },
  { id: "p-early", start: "2025-07-01", lane: "politics" },
  { id: "e-near", start: "2025-07-14", lane: "economy" },
  { id: "e-far", start: "2025-07-30", lane: "economy" },
  { id: "w-one", start: "2025-07-20", lane: "world" },
  { id: "p-late", start: "2025-07-31", lane: "politics" },
];
const { events, index } = indexed(specs);
const at = (id: string) => events.findIndex((e) => e.id === id);
const id = (e: number | undefined) => (e === undefined ? undefined : events[e]!.id);

describe("stepInTime", () => {
  it("stepInTime(index, event, step) moves to the next and previous event in time order", () => {
    expect(id(stepInTime(index, at("p-early"), 1))).toBe("e-near");
    expect(id(stepInTime(index, at("p-mid"), -1))).toBe("e-near");
    expect(id(stepInTime(index, at("p-mid"), 2))).toBe("e-far");
  });

  it("stepInTime(index, event, step) clamps at the first and last event", () => {
    expect(id(stepInTime(index, at("p-early"), -1))).toBe("p-early");
    expect(id(stepInTime(index, at("p-late"), 1))).toBe("p-late");
    expect(id(stepInTime(index, at("e-near"), 100))).toBe("p-late");
    expect(id(stepInTime(index, at("e-near"), -100))).toBe("p-early");
  });
});

describe("stepInTime with a filter", () => {
  // Only the politics events are indexed; "e-near" (14 July) is hidden.
  const include = Uint8Array.from(events, (e) => (e.lane === "politics" ? 1 : 0));
  const filtered = buildEventIndex(events, LANES, include);
  const hidden = at("e-near");

  it("stepInTime(index, hiddenEvent, step, startMs) steps from where the hidden event would stand", () => {
    expect(id(stepInTime(filtered, hidden, 1, events[hidden]!.startMs))).toBe("p-mid");
    expect(id(stepInTime(filtered, hidden, -1, events[hidden]!.startMs))).toBe("p-early");
    expect(id(stepInTime(filtered, hidden, 2, events[hidden]!.startMs))).toBe("p-late");
  });

  it("stepInTime(index, event, step) steps among the indexed events only", () => {
    expect(id(stepInTime(filtered, at("p-early"), 1))).toBe("p-mid");
    expect(id(stepInTime(filtered, at("p-mid"), 1))).toBe("p-late");
  });

  it("stepInTime(index, event, step) is undefined when the index is empty", () => {
    expect(stepInTime(buildEventIndex(events, LANES, new Uint8Array(events.length)), 0, 1)).toBeUndefined();
  });
});

describe("endOfTime", () => {
  it("endOfTime(index, which) is the first or last event in time order", () => {
    expect(id(endOfTime(index, "first"))).toBe("p-early");
    expect(id(endOfTime(index, "last"))).toBe("p-late");
  });

  it("endOfTime(index, which) is undefined with no events", () => {
    expect(endOfTime(buildEventIndex([], LANES), "first")).toBeUndefined();
    expect(endOfTime(buildEventIndex([], LANES), "last")).toBeUndefined();
  });
});

describe("stepAcrossLanes", () => {
  it("stepAcrossLanes(index, event, 1) picks the event in the lane below nearest in time", () => {
    expect(id(stepAcrossLanes(index, at("p-mid"), 1))).toBe("e-near");
    expect(id(stepAcrossLanes(index, at("p-late"), 1))).toBe("e-far");
  });

  it("stepAcrossLanes(index, event, -1) picks the event in the lane above nearest in time", () => {
    expect(id(stepAcrossLanes(index, at("e-far"), -1))).toBe("p-late");
    expect(id(stepAcrossLanes(index, at("w-one"), -1))).toBe("e-near");
  });

  it("stepAcrossLanes(index, event, direction) skips an empty adjacent lane", () => {
    const noEconomy = indexed(specs.filter((s) => s.lane !== "economy"));
    const from = noEconomy.events.findIndex((e) => e.id === "p-mid");
    expect(noEconomy.events[stepAcrossLanes(noEconomy.index, from, 1)]!.id).toBe("w-one");
  });

  it("stepAcrossLanes(index, event, direction) returns a filtered-out event itself", () => {
    const include = Uint8Array.from(events, (e) => (e.id === "e-near" ? 0 : 1));
    const filtered = buildEventIndex(events, LANES, include);
    expect(stepAcrossLanes(filtered, at("e-near"), 1)).toBe(at("e-near"));
    expect(id(stepAcrossLanes(filtered, at("p-mid"), 1))).toBe("e-far");
  });

  it("stepAcrossLanes(index, event, direction) returns the event itself when no lane lies that way", () => {
    expect(stepAcrossLanes(index, at("p-mid"), -1)).toBe(at("p-mid"));
    expect(stepAcrossLanes(index, at("w-one"), 1)).toBe(at("w-one"));
  });
});
