import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildMediaOrigins, widenPageCsp } from "./mediaCsp";

const INDEX = readFileSync("index.html", "utf8");
const cspOf = (html: string) => /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];

describe("the page's CSP, widened for allowed media", () => {
  it("is left as it is when no origin is allowed: nothing from outside loads", () => {
    expect(widenPageCsp(INDEX, [])).toBe(INDEX);
    expect(cspOf(INDEX)).toContain("img-src 'self' data:;");
    expect(cspOf(INDEX)).not.toMatch(/media-src|frame-src/);
  });

  it("adds the allowed origins to img-src, media-src and frame-src only", () => {
    const csp = cspOf(widenPageCsp(INDEX, ["https://upload.wikimedia.org"]))!;
    expect(csp).toContain("img-src 'self' data: https://upload.wikimedia.org;");
    expect(csp).toContain("media-src 'self' https://upload.wikimedia.org;");
    expect(csp).toContain("frame-src 'self' https://upload.wikimedia.org");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' ws: wss:;");
    expect(csp.match(/wikimedia/g)).toHaveLength(3);
  });

  it("reads the MEDIA_ORIGINS build setting, and refuses what is not an https origin", () => {
    expect(buildMediaOrigins(undefined)).toEqual([]);
    expect(buildMediaOrigins(" https://a.example, https://B.example:8443 ")).toEqual([
      "https://a.example",
      "https://b.example:8443",
    ]);
    expect(() => buildMediaOrigins("http://a.example")).toThrow(/not an https origin/);
    expect(() => buildMediaOrigins("https://a.example/path")).toThrow(/not an https origin/);
  });
});
