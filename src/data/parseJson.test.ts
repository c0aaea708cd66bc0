import { describe, expect, it } from "vitest";
import { parseJson } from "./parseJson";

function failure(text: string): string {
  const result = parseJson(text);
  if (result.ok) throw new Error(`parseJson accepted ${JSON.stringify(text)}`);
  return result.message;
}

describe("parseJson", () => {
  it("parseJson returns the value of valid JSON", () => {
    expect(parseJson('{ "title": "T", "events": [1, "two", null, true, { "x": -1.5e3 }] }')).toEqual({
      ok: true,
      value: { title: "T", events: [1, "two", null, true, { x: -1500 }] },
    });
  });

  it("parseJson accepts JSON whose top level is not an object (validation judges that later)", () => {
    expect(parseJson(" 42 ")).toEqual({ ok: true, value: 42 });
    expect(parseJson('"text"')).toEqual({ ok: true, value: "text" });
  });

  it("parseJson keeps a __proto__ key as an ordinary own key", () => {
    const result = parseJson('{ "__proto__": { "polluted": true } }');
    expect(result.ok && Object.hasOwn(result.value as object, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("parseJson reports the line and column of a trailing comma in an object", () => {
    expect(failure('{\n  "title": "T",\n}')).toBe(
      "invalid JSON at line 3, column 1: Expected double-quoted property name",
    );
  });

  it("parseJson reports line 1 and a 1-based column for an error on the first line", () => {
    expect(failure('{"a" 1}')).toBe("invalid JSON at line 1, column 6: Expected ':' after property name");
  });

  it("parseJson counts columns from the last newline before the error", () => {
    const text = '{\n  "events": [\n    { "id": "a" }\n    { "id": "b" }\n  ]\n}';
    expect(failure(text)).toBe("invalid JSON at line 4, column 5: Expected ',' or ']' after array element");
  });

  it("parseJson reports line and column of an unterminated string", () => {
    expect(failure('{\n"title": "T}')).toBe("invalid JSON at line 2, column 13: Unterminated string");
  });

  it("parseJson still returns a message (without line and column) for an error the engine gives no position for", () => {
    expect(failure("")).toBe("invalid JSON: Unexpected end of JSON input");
  });
});
