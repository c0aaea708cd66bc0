import type { Parsed } from "./parseEdtf";

/** Parses JSON text, turning a syntax error's character position into a line and column a person can find. */
export function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    if (position === null) return { ok: false, message: `invalid JSON: ${message}` };
    const before = text.slice(0, Number(position[1]));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    return {
      ok: false,
      message: `invalid JSON at line ${line}, column ${column}: ${message.replace(/ in JSON at position \d+.*$/, "")}`,
    };
  }
}
