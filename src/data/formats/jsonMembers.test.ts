import fc from "fast-check";
import { describe, expect, test, vi } from "vitest";
import { splitJsonMembers } from "./jsonMembers";

interface Split {
  /** Each push's answer ANDed, then end()'s. */
  readonly complete: boolean;
  /** The object rebuilt from the values handed over. */
  readonly value: Record<string, unknown>;
  /** What was handed over, in order (values as JSON). */
  readonly pieces: string[];
}

/** Feeds `chunks` to a splitter for `arrayKey` and rebuilds the object from what it hands over. */
function split(chunks: readonly string[], arrayKey = "events"): Split {
  const pieces: string[] = [];
  const value: Record<string, unknown> = {};
  let elements: unknown[] = [];
  const splitter = splitJsonMembers(arrayKey, {
    member(key, member) {
      pieces.push(`${key}=${JSON.stringify(member)}`);
      value[key] = member;
    },
    arrayStart(key) {
      pieces.push(`${key}[`);
      elements = [];
      value[key] = elements;
    },
    element(element) {
      pieces.push(JSON.stringify(element));
      elements.push(element);
    },
  });
  let complete = true;
  for (const chunk of chunks) complete = splitter.push(chunk) && complete;
  complete = splitter.end() && complete;
  return { complete, value, pieces };
}

/** The text cut at the given places (sorted, deduplicated). */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : points[i - 1], end));
}

const space = fc.string({ unit: fc.constantFrom(" ", "\n", "\r", "\t"), maxLength: 3 });
const key = fc.oneof(
  fc.constantFrom("events", "lanes", "title", 'a"b', "\\", "é"),
  fc.string({ maxLength: 6 }),
);

/** A JSON object's text with random whitespace between its tokens (values laid out by JSON.stringify). */
const documentText = fc
  .record({
    members: fc.uniqueArray(fc.tuple(key, fc.jsonValue({ maxDepth: 3 })), {
      selector: ([k]) => k,
      maxLength: 5,
    }),
    events: fc.option(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 8 }), { nil: undefined }),
    eventsAt: fc.nat(),
    indent: fc.constantFrom(0, 2, "\t"),
    gaps: fc.array(space, { minLength: 64, maxLength: 64 }),
  })
  .map(({ members, events, eventsAt, indent, gaps }) => {
    let gap = 0;
    const ws = () => gaps[gap++ % gaps.length];
    const all: [string, string][] = members
      .filter(([k]) => k !== "events")
      .map(([k, v]) => [k, JSON.stringify(v, null, indent)]);
    if (events !== undefined) {
      const array = `[${ws()}${events.map((e) => JSON.stringify(e, null, indent)).join(`${ws()},${ws()}`)}${ws()}]`;
      all.splice(eventsAt % (all.length + 1), 0, ["events", array]);
    }
    const body = all.map(([k, v]) => `${ws()}${JSON.stringify(k)}${ws()}:${ws()}${v}${ws()}`).join(",");
    return `${ws()}{${body}}${ws()}`;
  });

describe("splitJsonMembers", () => {
  test("hands over members, and the array's elements one by one", () => {
    const { complete, pieces } = split(['{"title": "A", "events": [{"id": "x"}, 2, "s]", [1]], "n": null}']);
    expect(complete).toBe(true);
    expect(pieces).toEqual(['title="A"', "events[", '{"id":"x"}', "2", '"s]"', "[1]", "n=null"]);
  });

  test("follows strings, escapes and brackets across any cut of the text", () => {
    const text = '{"a\\"":"x\\\\","events":["}\\"]{", {"k": [1, {"q": "\\\\\\""}]}, -1.5e3, true]}';
    const whole = split([text]);
    for (let i = 0; i <= text.length; i++) {
      for (const at of [[i], [i, i + 1, i + 3]]) expect(split(cut(text, at))).toEqual(whole);
    }
    expect(whole.value).toEqual(JSON.parse(text));
  });

  test("splits any JSON object, cut anywhere, into exactly what JSON.parse reads", () => {
    fc.assert(
      fc.property(documentText, fc.array(fc.nat(), { maxLength: 12 }), (text, at) => {
        const result = split(cut(text, at));
        const parsed = JSON.parse(text) as Record<string, unknown>;
        // Only a document with the array can be split; the caller parses any other whole.
        expect(result.complete).toBe(Array.isArray(parsed["events"]));
        if (result.complete) expect(result.value).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  test("takes records that open alike in bulk, even when their strings look like the boundary", () => {
    // Strings made of the pieces of a boundary between records, escapes and brackets.
    const tricky = fc.string({
      unit: fc.constantFrom("}", ",", "{", '"id"', ":", "\\", '"', " ", "\n", "]", "x"),
      maxLength: 12,
    });
    const records = fc.array(
      fc.record({
        id: tricky,
        text: tricky,
        nested: fc.option(fc.record({ id: tricky }), { nil: undefined }),
      }),
      { maxLength: 30 },
    );
    fc.assert(
      fc.property(
        records,
        fc.constantFrom(0, 2, "\t"),
        fc.array(fc.nat(), { maxLength: 6 }),
        (events, indent, at) => {
          const text = JSON.stringify({ lanes: [], events, n: 1 }, null, indent);
          const result = split(cut(text, at));
          expect(result.complete).toBe(true);
          expect(result.value).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("parses a file of like records in a few calls, not one per record", () => {
    const events = Array.from({ length: 2000 }, (_, i) => ({ id: `e${i}`, title: 'a }, { "id": b', n: i }));
    const text = JSON.stringify({ lanes: [], events }, null, 2);
    const parse = vi.spyOn(JSON, "parse");
    try {
      const result = split(cut(text, [1000, text.length >> 2, text.length >> 1, (text.length * 3) >> 2]));
      expect(result.value).toEqual({ lanes: [], events });
      expect(parse.mock.calls.length).toBeLessThan(40);
    } finally {
      parse.mockRestore();
    }
  });

  test("never completes a text JSON.parse rejects", () => {
    // Damaged documents: a character dropped, doubled or replaced by one with a meaning in JSON.
    const damaged = fc
      .tuple(documentText, fc.nat(), fc.constantFrom("", ",", "]", "}", "[", "{", ":", '"', "\\", "x", "1"))
      .map(([text, at, insert]) => {
        const i = at % text.length;
        return text.slice(0, i) + insert + text.slice(i + 1);
      });
    fc.assert(
      fc.property(damaged, fc.array(fc.nat(), { maxLength: 6 }), (text, at) => {
        const result = split(cut(text, at));
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          expect(result.complete).toBe(false);
          return;
        }
        if (result.complete) expect(result.value).toEqual(parsed);
      }),
      { numRuns: 3000 },
    );
  });

  test("stops at what is not a JSON object, and at a value too big to be a record", () => {
    for (const text of [
      "[1, 2]",
      "id,title\na,b",
      '{"a" 1}',
      '{"a": 1,}',
      '{"events": [1,]}',
      "{} x",
      " \uFEFF{}",
      '\uFEFF{"events": []}',
    ]) {
      expect(split([text]).complete, text).toBe(false);
    }
    expect(split(['{"events": [1]', "   "]).complete).toBe(false);
    // A million characters with no cut to make: given up (the whole text is parsed instead).
    const cuts = Array.from({ length: 20 }, (_, i) => i * 200_000);
    const hugeHead = `{"lanes": "${"x".repeat(1 << 21)}", "events": []}`;
    expect(split(cut(hugeHead, cuts)).complete).toBe(false);
    // Records that open differently give no boundary: a small file is parsed at its end, a big one not.
    const unlike = (n: number) =>
      `{"events": [${Array.from({ length: n }, (_, i) => `{"k${i}": ${i}}`).join(",")}]}`;
    expect(unlike(100_000).length).toBeGreaterThan(1 << 20);
    expect(split(cut(unlike(100_000), cuts)).complete).toBe(false);
    expect(split(cut(unlike(1000), [100, 5000])).value).toEqual(JSON.parse(unlike(1000)));
    expect(split(['{"events": [{}, "small"]}']).complete).toBe(true);
    // Empty elements, where a cut would be made.
    for (const text of [
      '{"events": [ ,{"id":1},{"id":2}]}',
      '{"events": [{"id":0},{"id":1}, ,{"id":2},{"id":3}]}',
    ]) {
      for (let i = 0; i <= text.length; i++) expect(split(cut(text, [i])).complete, text).toBe(false);
    }
    // A second array under the same key replaces the first in JSON.parse: that is not followed.
    const records = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}` }));
    const twice = `${JSON.stringify({ events: records }).slice(0, -1)},"events":[{"id":"z"}]}`;
    expect(split(cut(twice, [300, 600])).complete).toBe(false);
  });
});
