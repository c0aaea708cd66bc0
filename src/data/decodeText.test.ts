import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBytes, sniffEncoding, StreamDecoder } from "./decodeText";

const utf8 = (text: string) => new TextEncoder().encode(text);
function utf16(text: string, bigEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[2 + 2 * i + (bigEndian ? 0 : 1)] = code >> 8;
    bytes[2 + 2 * i + (bigEndian ? 1 : 0)] = code & 0xff;
  }
  return bytes;
}

/** Decodes bytes cut at the given points, as the page does while a file arrives. */
function streamed(bytes: Uint8Array, cuts: readonly number[]): string {
  const decoder = new StreamDecoder();
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  let text = "";
  let from = 0;
  for (const point of points) {
    text += decoder.decode(bytes.slice(from, point), { stream: true });
    from = point;
  }
  return text + decoder.decode(bytes.slice(from));
}

describe("decodeBytes and StreamDecoder", () => {
  const TEXT = '{"title":"José – 東京 😀"}';

  it.each([
    ["UTF-8", utf8(TEXT)],
    ["UTF-8 with a BOM", utf8(`\uFEFF${TEXT}`)],
    ["UTF-8 with two BOMs", utf8(`\uFEFF\uFEFF${TEXT}`)],
    ["UTF-16LE with a BOM", utf16(TEXT, false)],
    ["UTF-16BE with a BOM", utf16(TEXT, true)],
    ["UTF-16LE with a BOM, then another", utf16(`\uFEFF${TEXT}`, false)],
  ])("%s: the same text, whole or in chunks", (_, bytes) => {
    expect(decodeBytes(bytes)).toBe(TEXT);
    expect(streamed(bytes, [1])).toBe(TEXT);
    expect(streamed(bytes, [1, 2, 3, 5, 8])).toBe(TEXT);
  });

  it("tells the encoding from the byte-order mark", () => {
    expect(sniffEncoding(new Uint8Array([0xff, 0xfe, 0x41, 0]))).toBe("utf-16le");
    expect(sniffEncoding(new Uint8Array([0xfe, 0xff, 0, 0x41]))).toBe("utf-16be");
    expect(sniffEncoding(utf8("\uFEFF{}"))).toBe("utf-8");
    expect(sniffEncoding(utf8("{}"))).toBe("utf-8");
  });

  it("gives the same text whole or cut anywhere, for any text in any of the encodings", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("a", "\uFEFF", "é", "😀", "東", "{", "\n") }),
        fc.constantFrom("utf-8", "utf-16le", "utf-16be"),
        fc.array(fc.nat(), { maxLength: 6 }),
        (text, encoding, cuts) => {
          const bytes = encoding === "utf-8" ? utf8(text) : utf16(text, encoding === "utf-16be");
          expect(streamed(bytes, cuts)).toBe(decodeBytes(bytes));
          expect(decodeBytes(bytes)).toBe(text.replace(/^\uFEFF+/, ""));
        },
      ),
      { numRuns: 500 },
    );
  });
});
