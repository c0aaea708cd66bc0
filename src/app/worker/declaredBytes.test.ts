import { describe, expect, test } from "vitest";
import { declaredBytes } from "./checkBody";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("declaredBytes: an article's whole size, before its body is read", () => {
  test("a part (206) gives the whole size from Content-Range, not the part's length", () => {
    const part = headers({ "content-range": "bytes 0-1048576/31500000", "content-length": "1048577" });
    expect(declaredBytes(206, part)).toBe(31_500_000);
  });

  test("a part whose whole size is unknown counts as too large to take on", () => {
    expect(declaredBytes(206, headers({ "content-range": "bytes 0-1048576/*" }))).toBe(Infinity);
    expect(declaredBytes(206, headers({}))).toBe(Infinity);
  });

  test("a whole body (200) gives Content-Length, or 0 when the server does not say", () => {
    expect(declaredBytes(200, headers({ "content-length": "5120" }))).toBe(5120);
    expect(declaredBytes(200, headers({}))).toBe(0);
    expect(declaredBytes(200, headers({ "content-length": "lots" }))).toBe(0);
  });
});
