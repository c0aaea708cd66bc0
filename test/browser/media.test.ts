// Issue 20's rendering: a TimelineJS file's eras drawn as labelled bands, its rich text shown through
// DOMPurify (script inert), its media shown only from origins the dataset and the page's CSP allow
// (nothing else is even requested), links to original articles, and the author's data notes
// (dismissible, hidden in embed mode and for a dataset set to publish).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContextOptions, Page } from "playwright-core";
import { afterAll, describe, expect, inject, test } from "vitest";
import { closeBrowser, getBrowser, viewSettled } from "./harness";

afterAll(closeBrowser);

const TJS = "fixtures/timelinejs-media.json";
const OWN = "fixtures/media-own.json";
const WINDOW = "window=2025-06-30/2025-07-21";
// A 1×1 PNG, served for the allowed origin.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

interface Opened {
  readonly page: Page;
  readonly errors: string[];
  /** Every request the page made to a host other than the test server's. */
  readonly outside: string[];
}

/** Opens the page on `query`, serving https://media.test from memory and recording outside requests. */
async function open(
  query: string,
  viewport = { width: 1280, height: 800 },
  options: BrowserContextOptions = {},
): Promise<Opened> {
  const page = await (await getBrowser()).newPage({ viewport, ...options });
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("request", (request) => {
    if (!request.url().startsWith(inject("baseUrl"))) outside.push(request.url());
  });
  await page.route("https://media.test/**", (route) =>
    route.fulfill({ status: 200, contentType: "image/png", body: PNG }),
  );
  // Any other outside request would fail offline anyway; it is aborted so none can hang the test.
  await page.route(/^https:\/\/(?!media\.test\/)/, (route) => route.abort());
  await page.goto(`${inject("baseUrl")}${query}`);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
  return { page, errors, outside };
}

/** Pins an event's details by clicking its mark; resolves with the pinned card once its extras are in. */
async function pin(page: Page, id: string) {
  await page.locator(`g.event[data-event-id="${id}"] .dot`).click();
  const card = page.locator(".tooltip.pinned");
  await card.locator(".detail-media, .detail-rich").first().waitFor();
  return card;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe("a TimelineJS file with eras, rich text and an image", () => {
  test("draws the eras as labelled bands, in the axis strip's row, never over an event label", async () => {
    const { page, errors } = await open(`?data=${TJS}&${WINDOW}`);
    const titles = page.locator(".era-titles text.era-title");
    await titles.first().waitFor();
    await expect(titles.allTextContents()).resolves.toEqual(["Before the summit", "Summit fortnight"]);
    await expect(page.locator("svg.chart g.eras rect.era-band").count()).resolves.toBe(2);
    // Full names (and dates) for a title cut short.
    await expect(page.locator(".era-titles g.era title").first().textContent()).resolves.toMatch(
      /^Before the summit, 1 Jul/,
    );
    const strip = (await page.locator("svg.chart-axis").boundingBox())!;
    const labels = await page
      .locator("svg.chart g.event text")
      .evaluateAll((nodes) => nodes.map((n) => n.getBoundingClientRect().toJSON() as Box));
    const context = (await page.locator(".axis-context").boundingBox())!;
    for (const title of await titles.evaluateAll((n) =>
      n.map((t) => t.getBoundingClientRect().toJSON() as Box),
    )) {
      expect(title.y).toBeGreaterThanOrEqual(strip.y);
      expect(title.y + title.height).toBeLessThanOrEqual(strip.y + strip.height);
      expect(labels.some((label) => overlap(title, label))).toBe(false);
      expect(overlap(title, context)).toBe(false);
    }
    // The bands follow the window: zoomed in on the first era, only its band is drawn.
    const bandX = () => page.locator("svg.chart g.eras rect.era-band").first().getAttribute("x");
    const before = await bandX();
    await page.getByRole("button", { name: "Zoom in (+)" }).click();
    await viewSettled(page);
    expect(await bandX()).not.toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("shows the text as sanitised rich text with the image, and nothing in it runs", async () => {
    const { page, errors, outside } = await open(`?data=${TJS}&${WINDOW}`);
    const card = await pin(page, "photo");
    const rich = card.locator(".detail-rich");
    await rich.waitFor();
    await expect(rich.locator("strong").textContent()).resolves.toBe("Trump");
    await expect(rich.locator("em").textContent()).resolves.toBe("White House");
    await expect(rich.locator("ul li").count()).resolves.toBe(2);
    await expect(rich.locator("blockquote").count()).resolves.toBe(1);
    // Links keep only http(s) targets, and open a new tab that learns nothing of the page.
    const links = await rich
      .locator("a")
      .evaluateAll((as) =>
        as.map((a) => [
          a.textContent,
          a.getAttribute("href"),
          a.getAttribute("rel"),
          a.getAttribute("target"),
        ]),
      );
    // A link whose target was refused (javascript:) keeps its words, as text.
    expect(links).toEqual([["more", "https://example.org/more", "noopener noreferrer", "_blank"]]);
    await expect(rich.textContent()).resolves.toContain("or this.");
    // Nothing executable or styled is left in the card.
    await expect(
      card.locator(".detail-rich :is(script, img, iframe, svg, math, [style], [onclick], [onerror])").count(),
    ).resolves.toBe(0);
    // The plain text is still what search and labels use.
    await expect(card.locator("p.detail-summary").count()).resolves.toBe(0);

    const image = card.locator(".detail-media img");
    await expect(image.getAttribute("src")).resolves.toBe("https://media.test/photo.png");
    await expect(image.getAttribute("alt")).resolves.toBe("Rutte and Trump shake hands");
    await expect(image.getAttribute("loading")).resolves.toBe("lazy");
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>(".tooltip.pinned .detail-media img");
      return img !== null && img.complete && img.naturalWidth === 1;
    });
    await expect(card.locator(".media-caption").textContent()).resolves.toBe("Two men shaking hands");
    await expect(card.locator(".media-credit").textContent()).resolves.toBe("Photo: Test Agency");
    await page.waitForTimeout(300);
    await expect(
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    expect(outside).toEqual(["https://media.test/photo.png"]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("on a phone, each card names the era its event falls in, as the chart's bands show it", async () => {
    const { page, errors } = await open(`?data=${TJS}`, { width: 390, height: 844 });
    const era = (id: string) => page.locator(`.phone-card[data-event-id="${id}"] .card-era`).textContent();
    await expect(era("photo")).resolves.toBe("Before the summit");
    await expect(era("blocked")).resolves.toBe("Summit fortnight");
    // The strip's date labels never run into each other.
    const boxes = await page
      .locator(".overview-strip .strip-labels text")
      .evaluateAll((texts) => texts.map((t) => (t as SVGGraphicsElement).getBoundingClientRect()));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left).toBeGreaterThan(boxes[i - 1]!.right);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the title slide's text is sanitised rich text in the header, and its media is shown above the sources", async () => {
    const { page, errors, outside } = await open("?data=fixtures/timelinejs-title.json");
    const rich = page.locator(".masthead .description-rich");
    await rich.waitFor();
    await expect(rich.locator("b").textContent()).resolves.toBe("three outlets");
    await expect(rich.locator("a").getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await expect(rich.locator("p").count()).resolves.toBe(2);
    await expect(rich.locator(":is(script, img, [onerror])").count()).resolves.toBe(0);
    // The plain description gives way to it (it stays for search, exports and the CLI).
    await expect(page.locator("#description").isHidden()).resolves.toBe(true);
    const figure = page.locator("footer.sources > .title-media");
    await expect(figure.locator("img").getAttribute("src")).resolves.toBe("https://media.test/title.png");
    await expect(figure.locator("img").getAttribute("alt")).resolves.toBe("A conference hall");
    await expect(figure.locator(".media-caption").textContent()).resolves.toBe("The summit's opening");
    await page.waitForTimeout(300);
    await expect(
      page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).resolves.toBeUndefined();
    expect(outside.every((url) => url === "https://media.test/title.png")).toBe(true);
    // Opening another file takes both away with its title slide.
    await page.setInputFiles("#open-file-input", "test/fixtures/own-events.csv");
    await page.waitForFunction(() => !document.querySelector(".description-rich, .title-media"));
    // Its own (plain, here empty) description is no longer hidden.
    await expect(page.evaluate(() => document.getElementById("description")?.hidden)).resolves.toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("media from an origin not allowed (by the data or by the page's policy) is a link, never loaded", async () => {
    const { page, errors, outside } = await open(`?data=${TJS}&${WINDOW}`);
    for (const [id, origin] of [
      ["blocked", "https://evil.test"],
      ["not-in-csp", "https://other.test"],
      ["video", "https://www.youtube-nocookie.com"],
    ] as const) {
      const card = await pin(page, id);
      await expect(card.locator(".detail-media :is(img, iframe, video, audio)").count()).resolves.toBe(0);
      const link = card.locator(".media-link");
      await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer");
      await expect(card.locator(".media-note").textContent()).resolves.toBe(
        `Not shown here: this timeline does not load media from ${origin}.`,
      );
      await page.keyboard.press("Escape");
    }
    await expect(page.locator(".tooltip").isHidden()).resolves.toBe(true);
    await pin(page, "video");
    await expect(page.locator(".tooltip.pinned .media-link").textContent()).resolves.toBe(
      "Watch on YouTube \u2197",
    );
    await page.waitForTimeout(300);
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("data notes are for the author", () => {
  test("list the import's warnings in a panel the author can dismiss; the chart is drawn", async () => {
    const { page, errors } = await open(`?data=${TJS}&${WINDOW}`);
    const notes = page.locator("#alerts");
    await expect(notes.isVisible()).resolves.toBe(true);
    await expect(notes.locator(".notes-title").textContent()).resolves.toBe("Data notes");
    await expect(notes.locator("li").allTextContents()).resolves.toEqual([
      "warning: /fixtures/timelinejs-media.json: events[3] (video): start_date.millisecond: needs a second; it was left out",
    ]);
    await expect(page.locator("svg.chart g.event").count()).resolves.toBe(4);
    await notes.getByRole("button", { name: "Dismiss the data notes" }).click();
    await expect(notes.isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("are hidden in embed mode", async () => {
    const { page } = await open(`?data=${TJS}&${WINDOW}&embed=1`);
    await expect(page.locator("#alerts").isHidden()).resolves.toBe(true);
    await expect(page.locator("svg.chart g.event").count()).resolves.toBe(4);
    await page.close();
  });

  test('are hidden for a dataset set to "publish", errors too; its valid events and media are shown', async () => {
    const { page, errors, outside } = await open(`?data=${OWN}&window=2025-07-08/2025-07-14`);
    await expect(page.locator("#alerts").isHidden()).resolves.toBe(true);
    await expect(page.locator("svg.chart g.event").count()).resolves.toBe(2);
    const card = await pin(page, "own-photo");
    await expect(card.locator(".detail-media img").getAttribute("alt")).resolves.toBe("Alt text");
    // An article with a URL links to the original, and tells it nothing of this page.
    const original = card.locator("a.original-link");
    await expect(original.getAttribute("href")).resolves.toBe("https://example.org/wire-story");
    await expect(original.getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await expect(original.getAttribute("target")).resolves.toBe("_blank");
    await expect(original.textContent()).resolves.toBe("Original article \u2197");
    await page.keyboard.press("Escape");
    // The source reader links to it too; an article whose URL was refused has no link.
    await page.locator("#sources .source-title", { hasText: "Wire story" }).click();
    const reader = page.locator("#source-reader");
    await reader.waitFor({ state: "visible" });
    await expect(reader.locator("a.original-link").getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await reader.getByRole("button", { name: "Close the source (Escape)" }).click();
    await page.locator("#sources .source-title", { hasText: "Story with a bad URL" }).click();
    await reader.locator(".reader-title", { hasText: "Story with a bad URL" }).waitFor();
    await expect(reader.locator("a.original-link").count()).resolves.toBe(0);
    expect(outside.every((url) => url.startsWith("https://media.test/"))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

describe("accessibility of eras, media and data notes", () => {
  test.each(["light", "dark"] as const)(
    "axe-core finds no serious or critical violations (%s theme, notes shown, an event with media pinned)",
    async (colorScheme) => {
      const { page } = await open(`?data=${TJS}&${WINDOW}`, undefined, { colorScheme, bypassCSP: true });
      await page.locator(".era-titles text.era-title").first().waitFor();
      await pin(page, "photo");
      await page.addScriptTag({ content: axeSource });
      const violations = await page.evaluate(async () => {
        type Violation = { id: string; impact: string | null; nodes: { target: string[] }[] };
        const axe = (window as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe;
        return (await axe.run()).violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      });
      expect(violations).toEqual([]);
      await page.close();
    },
  );
});
