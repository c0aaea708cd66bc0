import { describe, expect, it } from "vitest";
import { formatIssue } from "./issues";
import { cspAllows, mayLoad, mediaKind, originOf, readOrigin, videoEmbed, widenCsp } from "./mediaPolicy";
import { validateDataset } from "./validateDataset";

const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
const WIKI = "https://upload.wikimedia.org";

describe("origins", () => {
  it("reads an https origin, normalised, and refuses anything else", () => {
    expect(readOrigin("https://Upload.Wikimedia.org/")).toBe(WIKI);
    expect(readOrigin("https://media.example:8443")).toBe("https://media.example:8443");
    for (const bad of [
      "http://upload.wikimedia.org",
      "https://a.org/path",
      "https://*.org",
      "javascript:x",
      "https://",
      "",
    ])
      expect(readOrigin(bad)).toBeUndefined();
  });

  it("gives a URL's origin for https only", () => {
    expect(originOf(`${WIKI}/a/b.jpg`)).toBe(WIKI);
    expect(originOf("http://upload.wikimedia.org/a.jpg")).toBeUndefined();
    expect(originOf("not a url")).toBeUndefined();
  });
});

describe("media kinds and players", () => {
  it("knows images, video, audio, platforms and pages", () => {
    expect(mediaKind(`${WIKI}/x/Photo.JPG`)).toBe("image");
    expect(mediaKind("https://a.org/clip.mp4")).toBe("video");
    expect(mediaKind("https://a.org/talk.mp3?x=1")).toBe("audio");
    expect(mediaKind("https://www.youtube.com/watch?v=dQw4w9WgXcQ")).toBe("youtube");
    expect(mediaKind("https://vimeo.com/76979871")).toBe("vimeo");
    expect(mediaKind("https://www.reuters.com/world/story")).toBe("page");
  });

  it("plays YouTube from youtube-nocookie and Vimeo without tracking, never autoplaying", () => {
    expect(videoEmbed("https://youtu.be/dQw4w9WgXcQ")?.embed).toBe(
      "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    );
    expect(videoEmbed("https://vimeo.com/76979871")?.embed).toBe(
      "https://player.vimeo.com/video/76979871?dnt=1",
    );
    expect(videoEmbed("https://www.youtube.com/watch?v=dQw4w9WgXcQ")?.embed).not.toMatch(/autoplay/);
    expect(videoEmbed("http://youtu.be/dQw4w9WgXcQ")).toBeUndefined();
    expect(videoEmbed("https://www.youtube.com/watch?v=<script>")).toBeUndefined();
  });
});

describe("the page's policy", () => {
  it("widens img-src, media-src and frame-src by the allowed origins, and nothing else", () => {
    const wide = widenCsp(PAGE_CSP, [WIKI, "https://www.youtube-nocookie.com", "http://bad.org"]);
    expect(wide).toContain(`img-src 'self' data: ${WIKI} https://www.youtube-nocookie.com`);
    expect(wide).toContain(`media-src 'self' ${WIKI}`);
    expect(wide).toContain(`frame-src 'self' ${WIKI}`);
    expect(wide).not.toContain("bad.org");
    expect(wide).toContain("script-src 'self';");
    expect(wide).toContain("connect-src 'self';");
    expect(widenCsp(PAGE_CSP, [])).toBe(PAGE_CSP);
  });

  it("loads media only from an origin both the author and the policy allow", () => {
    const wide = widenCsp(PAGE_CSP, [WIKI]);
    const photo = `${WIKI}/p.jpg`;
    expect(mayLoad(photo, "image", [WIKI], wide)).toBe(true);
    // Nothing by default: no allowed origins, or a policy that does not let it in.
    expect(mayLoad(photo, "image", undefined, wide)).toBe(false);
    expect(mayLoad(photo, "image", [WIKI], PAGE_CSP)).toBe(false);
    expect(mayLoad("https://evil.example/p.jpg", "image", [WIKI], wide)).toBe(false);
    // A page is linked, never loaded; a video platform loads from its player's origin.
    expect(mayLoad(`${WIKI}/page`, "page", [WIKI], wide)).toBe(false);
    const nocookie = "https://www.youtube-nocookie.com";
    expect(
      mayLoad("https://youtu.be/dQw4w9WgXcQ", "youtube", [nocookie], widenCsp(PAGE_CSP, [nocookie])),
    ).toBe(true);
    expect(cspAllows(PAGE_CSP, "frame-src", nocookie)).toBe(false);
  });
});

describe("the dataset's media settings", () => {
  const validate = (doc: unknown) => validateDataset(doc, { file: "t.json", articleTexts: new Map() });

  it("keeps the valid mediaOrigins and the publish flag, and names a bad origin", () => {
    const result = validate({
      mediaOrigins: [WIKI, "http://plain.org", 7],
      publish: true,
      events: [{ title: "Talks", start: "2025-07-10" }],
    });
    expect(result.dataset.mediaOrigins).toEqual([WIKI]);
    expect(result.dataset.publish).toBe(true);
    expect(result.issues.map(formatIssue)).toEqual([
      'warning: t.json: (top level): mediaOrigins[1]: must be an https origin such as "https://upload.wikimedia.org"; it was left out',
      'warning: t.json: (top level): mediaOrigins[2]: must be an https origin such as "https://upload.wikimedia.org"; it was left out',
    ]);
  });

  it("takes media over https only, naming file, event and field, and keeps the event", () => {
    const result = validate({
      events: [
        { id: "a", title: "A", start: "2025-07-10", media: { url: "http://plain.org/a.jpg", caption: "A" } },
        {
          id: "b",
          title: "B",
          start: "2025-07-11",
          media: { url: `${WIKI}/b.jpg`, thumbnail: "ftp://x/t.jpg" },
        },
        {
          id: "c",
          title: "C",
          start: "2025-07-12",
          media: { url: `${WIKI}/c.jpg`, alt: "A map", credit: "AP" },
        },
      ],
    });
    expect(result.dataset.events.map((e) => e.id)).toEqual(["a", "b", "c"]);
    expect(result.dataset.events[0]!.media).toBeUndefined();
    expect(result.dataset.events[1]!.media).toEqual({ url: `${WIKI}/b.jpg` });
    expect(result.dataset.events[2]!.media).toEqual({ url: `${WIKI}/c.jpg`, alt: "A map", credit: "AP" });
    expect(result.issues.map(formatIssue)).toEqual([
      'warning: t.json: events[0] (a): media.url: "http://plain.org/a.jpg" must be an https URL',
      "warning: t.json: events[0] (a): media: was left out (see the problems above)",
      'warning: t.json: events[1] (b): media.thumbnail: "ftp://x/t.jpg" must be an https URL',
    ]);
  });

  it("keeps a summary's HTML as written beside its plain text, and drops only an over-long one", () => {
    const result = validate({
      events: [
        {
          id: "a",
          title: "A",
          start: "2025-07-10",
          summary: "Hi there",
          summaryHtml: "<p>Hi <b>there</b></p>",
        },
        { id: "b", title: "B", start: "2025-07-10", summary: "Long", summaryHtml: "x".repeat(20_001) },
      ],
    });
    expect(result.dataset.events[0]!.summaryHtml).toBe("<p>Hi <b>there</b></p>");
    expect(result.dataset.events[1]!.summaryHtml).toBeUndefined();
    expect(result.dataset.events[1]!.summary).toBe("Long");
    expect(result.issues.map(formatIssue)).toEqual([
      "warning: t.json: events[1] (b): summaryHtml: is 20001 characters long (at most 20000); the plain text is shown",
    ]);
  });
});
