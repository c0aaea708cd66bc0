import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Dataset } from "../data/types";
import { facetOptions, MAX_OPEN_FACET } from "./facetOptions";
import { makeEvents } from "./testEvents";

/** Events with the given actors and source articles (the fixture's article is replaced). */
function dataset(specs: readonly { actors: string[]; articles: string[]; conflict?: boolean }[]): Dataset {
  const events = makeEvents(specs.map((_, i) => ({ id: `e${i}`, start: "2025-07-14" }))).map((e, i) => ({
    ...e,
    actors: specs[i]!.actors,
    sources: specs[i]!.articles.map((article) => ({
      article,
      quote: "A quote long enough.",
      verified: false,
    })),
    ...(specs[i]!.conflict ? { conflict: { note: "They disagree.", events: [] } } : {}),
  }));
  return {
    title: "t",
    description: "",
    lanes: [{ id: "politics", label: "Politics" }],
    articles: ["a", "b", "c"].map((id) => ({ id, title: id.toUpperCase() })),
    events,
  };
}

describe("facetOptions", () => {
  it("counts each event once per distinct value, most frequent first, ties in code-point order", () => {
    const facets = facetOptions(
      dataset([
        { actors: ["Rutte", "Trump", "Rutte"], articles: ["a", "a"] },
        { actors: ["Trump"], articles: ["a", "b"] },
        { actors: ["Zelensky", "Ärzte", "Biden"], articles: ["c"], conflict: true },
      ]),
    );
    expect(facets.actors).toEqual([
      { value: "Trump", label: "Trump", count: 2 },
      { value: "Biden", label: "Biden", count: 1 },
      { value: "Rutte", label: "Rutte", count: 1 },
      { value: "Zelensky", label: "Zelensky", count: 1 },
      { value: "Ärzte", label: "Ärzte", count: 1 },
    ]);
    expect(facets.articles.map((a) => [a.value, a.count])).toEqual([
      ["a", 2],
      ["b", 1],
      ["c", 1],
    ]);
    expect(facets.statuses.map((s) => [s.value, s.count])).toEqual([
      ["disputed", 1],
      ["corroborated", 1],
      ["single", 1],
    ]);
    expect(facets.lanes).toEqual([{ value: "politics", label: "Politics", count: 3 }]);
  });

  it("matches a count over Sets for any lists of actors, and keeps at most MAX_OPEN_FACET", () => {
    const name = fc.constantFrom(...Array.from({ length: 60 }, (_, i) => `actor ${i % 7 === 0 ? "" : i}`));
    fc.assert(
      fc.property(fc.array(fc.array(name, { maxLength: 6 }), { minLength: 1, maxLength: 40 }), (lists) => {
        const { actors } = facetOptions(dataset(lists.map((actors) => ({ actors, articles: ["a"] }))));
        const expected = new Map<string, number>();
        for (const list of lists) for (const a of new Set(list)) expected.set(a, (expected.get(a) ?? 0) + 1);
        expect(actors.length).toBe(Math.min(MAX_OPEN_FACET, expected.size));
        for (const option of actors) expect(option.count).toBe(expected.get(option.value));
        for (let i = 1; i < actors.length; i++)
          expect(actors[i - 1]!.count).toBeGreaterThanOrEqual(actors[i]!.count);
      }),
    );
  });
});
