import { describe, expect, it } from "vitest";
import { BUNDLED_DATA, dataLocation, resolveArticleUrl } from "./dataLocation";

const PAGE = "https://news.example.org/timeline/index.html?data=x";
const BUNDLED = "https://news.example.org/timeline/events.json";

describe("dataLocation", () => {
  it("dataLocation(search, pageHref) without ?data= is the bundled events.json next to the page", () => {
    expect(BUNDLED_DATA).toBe("events.json");
    expect(dataLocation("", PAGE)).toEqual({ ok: true, url: BUNDLED, custom: false });
    expect(dataLocation("?lang=en", PAGE)).toEqual({ ok: true, url: BUNDLED, custom: false });
    expect(dataLocation("?data=%20%20", PAGE)).toEqual({ ok: true, url: BUNDLED, custom: false });
  });

  it("dataLocation(search, pageHref) accepts a same-origin relative URL, resolved against the page", () => {
    expect(dataLocation("?data=mine/events.json", PAGE)).toEqual({
      ok: true,
      url: "https://news.example.org/timeline/mine/events.json",
      custom: true,
    });
    expect(dataLocation("?data=../other.json", PAGE)).toEqual({
      ok: true,
      url: "https://news.example.org/other.json",
      custom: true,
    });
  });

  it("dataLocation(search, pageHref) accepts a same-origin absolute URL", () => {
    expect(dataLocation("?data=/data/x.json", PAGE)).toMatchObject({
      ok: true,
      url: "https://news.example.org/data/x.json",
    });
    expect(
      dataLocation(`?data=${encodeURIComponent("https://news.example.org/a/b.json?v=2")}`, PAGE),
    ).toMatchObject({ ok: true, url: "https://news.example.org/a/b.json?v=2", custom: true });
  });

  it("dataLocation(search, pageHref) rejects another origin with a message and falls back to the bundled data", () => {
    for (const other of [
      "https://evil.example.com/x.json",
      "//evil.example.com/x.json",
      "http://news.example.org/x.json", // another scheme is another origin
      "https://news.example.org:8443/x.json",
      "javascript:alert(1)",
      "data:application/json,{}",
    ]) {
      const result = dataLocation(`?data=${encodeURIComponent(other)}`, PAGE);
      expect(result).toEqual({
        ok: false,
        message: "?data= must point to this site (https://news.example.org); showing the bundled data",
        url: BUNDLED,
      });
    }
  });

  it("dataLocation(search, pageHref) rejects an invalid URL with a message and falls back", () => {
    const result = dataLocation(`?data=${encodeURIComponent("http://[oops")}`, PAGE);
    expect(result).toEqual({
      ok: false,
      message: "?data=http://[oops is not a valid URL; showing the bundled data",
      url: BUNDLED,
    });
  });
});

describe("dataLocation with a malformed %-escape", () => {
  it.each(["?data=%E0%A4%A", "?data=events%.json", "?data=a%2", "?data=%25E0%25A4%25A"])(
    "%s gives a notice and the bundled data, and never throws",
    (search) => {
      const location = dataLocation(search, PAGE);
      expect(location.ok).toBe(false);
      expect(location.ok ? "" : location.message).toContain(
        "has a malformed %-escape; showing the bundled data",
      );
      expect(location.url).toBe(BUNDLED);
    },
  );

  it("a well-formed escape is still a file", () => {
    expect(dataLocation("?data=my%20events.json", PAGE)).toMatchObject({ ok: true, custom: true });
  });
});

describe("resolveArticleUrl", () => {
  const DATASET = "https://news.example.org/timeline/events.json";

  it("resolveArticleUrl(datasetUrl, file) resolves an article file next to its dataset", () => {
    expect(resolveArticleUrl(DATASET, "articles/a.txt")).toBe(
      "https://news.example.org/timeline/articles/a.txt",
    );
    expect(resolveArticleUrl(DATASET, "./articles/../a.txt")).toBe("https://news.example.org/timeline/a.txt");
  });

  it("resolveArticleUrl(datasetUrl, file) refuses a file on another origin or outside the dataset's folder", () => {
    expect(() => resolveArticleUrl(DATASET, "https://evil.example.com/a.txt")).toThrow(
      "article file https://evil.example.com/a.txt is a URL or drive path",
    );
    expect(() => resolveArticleUrl(DATASET, "//evil.example.com/a.txt")).toThrow(/absolute path/);
    expect(() => resolveArticleUrl(DATASET, "/texts/a.txt")).toThrow(/absolute path/);
    expect(() => resolveArticleUrl(DATASET, "../a.txt")).toThrow(/outside the dataset's folder/);
    expect(() => resolveArticleUrl(DATASET, "%2e%2e/a.txt")).toThrow(/"%"/);
    expect(() => resolveArticleUrl(DATASET, "events.json")).toThrow(/not a text file/);
  });
});
