import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { NO_FILTERS } from "../model/filterEvents";
import { formatUrlState, parseUrlState, type Known, type UrlState } from "./urlState";

const known: Known = {
  events: new Set(["a", "b-2"]),
  lanes: new Set(["meetings", "weapons"]),
  articles: new Set(["a1", "a2"]),
  actors: new Set(["Mark Rutte", "Washington, D.C.", "Ä & ü"]),
  topics: new Set(["tariffs", "air defence"]),
};

describe("urlState", () => {
  test("parseUrlState(search) reads window, event, search, facets and view", () => {
    const { state, notices } = parseUrlState(
      "?window=2025-07-07/2025-07-17T12:00:00Z&event=b-2&q=patriot&lane=weapons&actor=Washington%2C+D.C.&basis=inferred&view=list",
      known,
    );
    expect(notices).toEqual([]);
    expect(state.window).toEqual([Date.UTC(2025, 6, 7), Date.UTC(2025, 6, 17, 12)]);
    expect(state.event).toBe("b-2");
    expect(state.query).toBe("patriot");
    expect([...state.filters.lanes]).toEqual(["weapons"]);
    expect([...state.filters.actors]).toEqual(["Washington, D.C."]);
    expect([...state.filters.bases]).toEqual(["inferred"]);
    expect(state.view).toBe("list");
  });

  test("parseUrlState(search) ignores malformed or unknown values with a notice each, never throwing", () => {
    const { state, notices } = parseUrlState(
      "?window=2025-02-30/2025-03-01&event=nope&lane=mars&status=rumour&view=grid&zoom=3&data=x.json&embed=1",
      known,
    );
    expect(state.window).toBeUndefined();
    expect(state.event).toBeUndefined();
    expect(state.filters.lanes.size).toBe(0);
    expect(state.filters.statuses.size).toBe(0);
    expect(state.view).toBe("timeline");
    expect(notices).toEqual([
      "Ignored window=2025-02-30/2025-03-01: expected START/END as ISO dates, e.g. 2025-07-07/2025-07-17",
      "Ignored event=nope: there is no such event",
      "Ignored lane=mars: not in this dataset",
      "Ignored status=rumour: not in this dataset",
      "Ignored view=grid",
      'Ignored unknown link parameter "zoom"',
    ]);
  });

  test("parseUrlState(search) rejects a window whose end is not after its start", () => {
    expect(parseUrlState("?window=2025-07-17/2025-07-07", known).state.window).toBeUndefined();
  });

  test("formatUrlState(state, current) keeps data and embed, omits defaults, and stays readable", () => {
    const state: UrlState = {
      window: [Date.UTC(2025, 6, 7), Date.UTC(2025, 6, 17)],
      query: "",
      filters: NO_FILTERS,
      view: "timeline",
    };
    expect(formatUrlState(state, "?data=my.json&embed=1&q=old")).toBe(
      "?data=my.json&embed=1&window=2025-07-07T00:00:00Z/2025-07-17T00:00:00Z",
    );
    expect(formatUrlState({ query: "", filters: NO_FILTERS, view: "timeline" }, "")).toBe("");
  });

  test("formatUrlState then parseUrlState round-trips any state (property)", () => {
    const pick = <T>(values: readonly T[]) => fc.subarray([...values]).map((v) => new Set(v));
    const stateArb = fc.record({
      window: fc.option(
        fc
          .tuple(fc.integer({ min: 0, max: 2.5e11 }), fc.integer({ min: 1, max: 1e9 }))
          .map(([a, span]): [number, number] => [a * 1000, a * 1000 + span * 1000]),
        { nil: undefined },
      ),
      event: fc.option(fc.constantFrom(...known.events), { nil: undefined }),
      query: fc.string(),
      filters: fc.record({
        lanes: pick([...known.lanes]),
        articles: pick([...known.articles]),
        actors: pick([...known.actors]),
        topics: pick([...known.topics]),
        bases: pick(["stated", "inferred", "reference"] as const),
        statuses: pick(["disputed", "corroborated", "single"] as const),
      }),
      view: fc.constantFrom("timeline" as const, "list" as const),
    });
    fc.assert(
      fc.property(stateArb, (state) => {
        const { state: back, notices } = parseUrlState(formatUrlState(state, ""), known);
        expect(notices).toEqual([]);
        expect(back.window).toEqual(state.window);
        expect(back.event).toBe(state.event);
        expect(back.query).toBe(state.query);
        expect(back.view).toBe(state.view);
        for (const facet of Object.keys(state.filters) as (keyof typeof state.filters)[]) {
          expect([...back.filters[facet]].sort()).toEqual([...state.filters[facet]].sort());
        }
      }),
    );
  });
});
