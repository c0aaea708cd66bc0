// Hostile and broken data in the page: corpus files (test/fixtures/bad/, served at fixtures/bad/)
// must give the same messages as `npm run validate` and draw every valid event; markup and script in
// the data must stay text, open nothing, fetch nothing and run nothing; the page's CSP must hold.
import { readFileSync } from "node:fs";
import type { Page, Request } from "playwright-core";
import { afterAll, describe, expect, inject, test } from "vitest";
import { loadText } from "../../src/data/formats/testLoad";
import { closeBrowser, drawnClusters, getBrowser, openTimeline, viewSettled } from "./harness";
import { SCALE_FIXTURE, TEST_DIST } from "./scaleFixture";
import { EVENTS_TWICE } from "./hostileFixtures";

afterAll(closeBrowser);

interface Expected {
  readonly valid: number;
  readonly issues: readonly string[];
}
/** The curated story's events, read from the data (not typed: the data grows). */
const BUNDLED_EVENTS = (JSON.parse(readFileSync("data/events.json", "utf8")) as { events: unknown[] }).events
  .length;
const { files: expected } = JSON.parse(readFileSync("test/fixtures/bad/expected.json", "utf8")) as {
  files: Record<string, Expected>;
};

/** An expected line as the page lists it: the file is named by its path on the site. */
function pageLine(name: string, line: string): string {
  const file = `/fixtures/bad/${name}`;
  return line.startsWith("warning: ") ? `warning: ${file}: ${line.slice(9)}` : `${file}: ${line}`;
}

/** Events drawn after "Fit all": individual marks plus the counts of clusters. */
async function drawnAfterFitAll(page: Page): Promise<number> {
  await page.getByRole("button", { name: /Fit all/ }).click();
  await viewSettled(page); // the fit-all transition
  const marks = await page.evaluate(() => document.querySelectorAll("g.event[data-event-id]").length);
  return marks + (await drawnClusters(page)).reduce((n, c) => n + c.count, 0);
}

const SUBSET = [
  "json-trailing-comma.json",
  "json-not-json.json",
  "date-feb-30.json",
  "zones-invalid.json",
  "unknown-refs.json",
  "quotes-not-in-article.json",
  "proto-keys.json",
  "long-summary.json",
  "csv-bad-rows.csv",
  "csv-proto-header.csv",
  "tjs-bad-dates.json",
  "events-empty.json",
  "single-event.json",
  "same-instant-10000.json",
  "rtl-text.json",
  "control-chars.json",
  "year-bce.json",
  "article-paths.json",
  "terminal-escapes.json",
  "encoding-double-bom.json",
  "encoding-utf16le.json",
  "encoding-utf16be.csv",
  "encoding-utf16-no-bom.json",
  "csv-tab-separated.csv",
  "csv-holds-json.csv",
  "names-nfc-nfd.json",
  "events-twice.json",
];

describe("corpus files opened with ?data=", () => {
  test.each(SUBSET)(
    "%s: the alert lists what the validator reports, and every valid event is drawn",
    async (name) => {
      const want = expected[name]!;
      const { page, errors } = await openTimeline(`?data=fixtures/bad/${name}`);
      const alert = page.getByRole("alert");
      const lines = want.issues.map((line) => pageLine(name, line));
      const errorLines = lines.filter((line) => !line.startsWith("warning: "));
      if (lines.length === 0) {
        await expect(alert.isHidden()).resolves.toBe(true);
      } else {
        await expect(alert.isVisible()).resolves.toBe(true);
        // Errors first, then warnings, each in the validator's order.
        await expect(alert.locator("li").allTextContents()).resolves.toEqual([
          ...errorLines,
          ...lines.filter((line) => line.startsWith("warning: ")),
        ]);
        const heading = (await alert.locator(".alert-heading").textContent()) ?? "";
        if (errorLines.length > 0) expect(heading).toContain(`${errorLines.length} error`);
      }
      expect(await drawnAfterFitAll(page)).toBe(want.valid);
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

/** Records, from before the page's first script, every element added that could run or load something. */
function watchForInjection(): void {
  const w = window as unknown as { __injected: string[]; __csp: string[] };
  w.__injected = [];
  w.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    // DOMPurify parses TimelineJS rich text in an inert document that Chrome holds to the page's
    // policy, and Chrome reports an inline handler it meets there (`<svg onload>`) though it never
    // runs and the sanitiser removes it before anything reaches the page: not damage.
    if (e.violatedDirective === "script-src-attr" && /\/assets\/detailExtras-[\w-]+\.js$/.test(e.sourceFile))
      return;
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
  const risky = /^(SCRIPT|IFRAME|FRAME|OBJECT|EMBED|IMG|STYLE|LINK|META|BASE|FORM)$/i;
  // What the HTML parser inserts is the page itself; only what is added after it counts.
  let parsed = false;
  document.addEventListener("DOMContentLoaded", () => (parsed = true));
  new MutationObserver((records) => {
    if (!parsed) return;
    for (const record of records)
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        // The page's own code and styles, fetched when first used (Vite adds their <link>s).
        if (node instanceof HTMLLinkElement && node.href.startsWith(`${location.origin}/assets/`)) continue;
        for (const el of [node, ...node.querySelectorAll("*")]) {
          const handlers = [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
          if (risky.test(el.tagName) || handlers.length > 0)
            w.__injected.push(`<${el.tagName} ${handlers.join(" ")}> ${el.outerHTML.slice(0, 80)}`);
        }
      }
  }).observe(document, { childList: true, subtree: true });
}

interface Watched {
  readonly page: Page;
  readonly errors: string[];
  readonly dialogs: string[];
  readonly requests: string[];
}

/** Opens the page with every listener in place before the first request. */
async function openWatched(query: string): Promise<Watched> {
  const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
  const watched: Watched = { page, errors: [], dialogs: [], requests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") watched.errors.push(m.text());
  });
  page.on("pageerror", (e) => watched.errors.push(e.message));
  page.on("dialog", (d) => {
    watched.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r: Request) => watched.requests.push(r.url()));
  await page.addInitScript(watchForInjection);
  await page.goto(inject("baseUrl") + query);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
  return watched;
}

/** Whatever markup in the data could have done to the document, counted. */
function damage(page: Page) {
  return page.evaluate(() => {
    const w = window as unknown as { __pwned?: unknown; __injected: string[]; __csp: string[] };
    const handlers = [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
    );
    return {
      pwned: w.__pwned,
      injected: w.__injected,
      cspViolations: w.__csp,
      handlers,
      images: document.querySelectorAll("img").length,
      frames: document.querySelectorAll("iframe, frame, object, embed").length,
      // The only scripts are the app's own bundle (and the bundled data, a JSON block never run).
      foreignScripts: [...document.querySelectorAll("script:not([type='application/json'])")]
        .map((s) => s.getAttribute("src") ?? `inline: ${s.textContent?.slice(0, 40)}`)
        .filter((src) => !/^\.\/assets\/index-[\w-]+\.js$/.test(src)),
      javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
      // Elements the data names (<b>, <i>, <a>, <svg>…) never appear where the data is shown, but
      // for the emphasis and http(s) links DOMPurify lets through in TimelineJS rich text, and the
      // page's own links out (an article's original, a media item it does not load).
      markupInViews: [
        ...document.querySelectorAll(
          ":is(header, #alerts, #legend, .toolbar, .tooltip, #list-view, #source-reader, #sources) :is(b, i, a, img, svg, circle, script, style, iframe)",
        ),
      ]
        .filter(
          (el) =>
            !(
              el.matches(".detail-rich :is(b, i, a[href^='http'])") ||
              el.matches("a.original-link, a.media-link")
            ),
        )
        .map((el) => el.tagName),
      bodyVisible: getComputedStyle(document.body).display !== "none",
    };
  });
}

const CLEAN = {
  pwned: undefined,
  injected: [],
  cspViolations: [],
  handlers: [],
  images: 0,
  frames: 0,
  foreignScripts: [],
  javascriptLinks: 0,
  markupInViews: [],
  bodyVisible: true,
};

/** Requests that are not the page, its bundle, or the data files named. */
function unexpectedRequests(requests: readonly string[], dataFiles: readonly string[]): string[] {
  const origin = new URL(inject("baseUrl")).origin;
  return requests.filter((url) => {
    if (url === "data:,") return false; // the empty favicon
    const parsed = new URL(url);
    if (parsed.origin !== origin) return true;
    if (parsed.pathname === "/") return false;
    if (/^\/assets\/[\w.-]+\.(js|css)$/.test(parsed.pathname)) return false;
    return !dataFiles.includes(parsed.pathname);
  });
}

/** Hovers, focuses, pins and reads every event, with the source reader where there is one. */
async function visitEveryEvent(page: Page, texts: string[]): Promise<void> {
  const ids = await page
    .locator("g.event[data-event-id]")
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-event-id")!));
  expect(ids.length).toBeGreaterThan(0);
  const tooltip = page.locator(".tooltip");
  // The pointer path too: hover each mark's dot that is drawn.
  for (const dot of await page.locator("g.event .dot").all()) {
    const box = await dot.boundingBox();
    if (box === null || box.width === 0) continue;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByRole("tooltip").waitFor({ state: "visible" });
    texts.push((await tooltip.textContent()) ?? "");
    await page.mouse.move(5, 5);
    await page.getByRole("tooltip").waitFor({ state: "hidden" });
  }
  for (const id of ids) {
    await page.locator(`g.event[data-event-id="${id}"]`).focus();
    await page.getByRole("tooltip").waitFor({ state: "visible" });
    await page.keyboard.press("Enter");
    await page.locator(".tooltip.pinned").waitFor({ state: "visible" });
    texts.push((await tooltip.textContent()) ?? "");
    const read = page.locator(".tooltip.pinned .read-source");
    for (let i = 0; i < (await read.count()); i++) {
      await read.nth(i).click();
      const reader = page.getByRole("dialog");
      await reader.waitFor({ state: "visible" });
      texts.push((await reader.textContent()) ?? "");
      await page.keyboard.press("Escape");
      await reader.waitFor({ state: "hidden" });
      if ((await page.locator(".tooltip.pinned").count()) === 0) {
        await page.locator(`g.event[data-event-id="${id}"]`).focus();
        await page.keyboard.press("Enter");
        await page.locator(".tooltip.pinned").waitFor({ state: "visible" });
      }
    }
    await page.keyboard.press("Escape");
  }
}

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  "<script>window.__pwned=2;alert(2)</script>",
  '<svg onload="window.__pwned=3"><circle r=9></circle></svg>',
  '<iframe src="javascript:window.__pwned=4"></iframe>',
  '<a href="javascript:window.__pwned=8">click</a>',
];

describe("markup and script in every text field", () => {
  test("html-payloads.json: tooltips, source reader, list, filters, search and sources show it as text; nothing runs, opens or loads", async () => {
    const { page, errors, dialogs, requests } = await openWatched("?data=fixtures/bad/html-payloads.json");
    // The validator refused the non-http(s) article URLs; the rest is valid data.
    await expect(page.getByRole("alert").locator("li").allTextContents()).resolves.toEqual(
      expected["html-payloads.json"]!.issues.map((line) => pageLine("html-payloads.json", line)),
    );
    expect(await drawnAfterFitAll(page)).toBe(expected["html-payloads.json"]!.valid);
    const texts: string[] = [(await page.locator("header.masthead").textContent()) ?? ""];
    await visitEveryEvent(page, texts);

    // The sources list under the chart opens each article in the reader.
    const sources = page.locator("#sources button");
    for (let i = 0; i < (await sources.count()); i++) {
      await sources.nth(i).click();
      const reader = page.getByRole("dialog");
      await reader.waitFor({ state: "visible" });
      texts.push((await reader.textContent()) ?? "");
      await page.keyboard.press("Escape");
      await reader.waitFor({ state: "hidden" });
    }
    // Filters (actor and topic names are data) and a search for markup.
    await page.locator(".facets summary").click();
    texts.push((await page.locator(".facets").textContent()) ?? "");
    await page.locator('input[data-facet="actors"]').first().check();
    await page.locator(".facets summary").click();
    await page.getByRole("searchbox", { name: "Search events" }).fill(PAYLOADS[0]!);
    await page.waitForTimeout(100);
    await page.getByRole("button", { name: "Reset" }).click();
    // The list view.
    await page.getByRole("button", { name: "List", exact: true }).click();
    await page.locator("#list-view").waitFor({ state: "visible" });
    texts.push((await page.locator("#list-view").textContent()) ?? "");
    await page.getByRole("button", { name: "Timeline", exact: true }).click();

    const seen = texts.join("\n");
    for (const payload of PAYLOADS) expect(seen).toContain(payload);
    // The hostile article's own text is shown in the reader, as text.
    expect(seen).toContain("Quote three:");
    expect(await damage(page)).toEqual(CLEAN);
    expect(dialogs).toEqual([]);
    expect(
      unexpectedRequests(requests, ["/fixtures/bad/html-payloads.json", "/fixtures/bad/payload-article.txt"]),
    ).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test.each(["csv-payloads.csv", "tjs-html.json"])(
    "%s: markup from CSV and TimelineJS stays text in tooltips and the list",
    async (name) => {
      const { page, errors, dialogs, requests } = await openWatched(`?data=fixtures/bad/${name}`);
      expect(await drawnAfterFitAll(page)).toBe(expected[name]!.valid);
      const texts: string[] = [];
      await visitEveryEvent(page, texts);
      await page.getByRole("button", { name: "List", exact: true }).click();
      texts.push((await page.locator("#list-view").textContent()) ?? "");
      if (name.endsWith(".csv")) {
        // CSV cells are kept as written, formulas included.
        expect(texts.join("\n")).toContain('<img src=x onerror="window.__pwned=1">');
        expect(texts.join("\n")).toContain("=1+2");
        expect(texts.join("\n")).toContain("Who: <i>Actor</i>");
      } else {
        // TimelineJS text is HTML: its tags are stripped, entities decoded into visible text.
        expect(texts.join("\n")).toContain("<img src=x onerror=alert(1)> is text");
      }
      expect(await damage(page)).toEqual(CLEAN);
      expect(dialogs).toEqual([]);
      expect(unexpectedRequests(requests, [`/fixtures/bad/${name}`])).toEqual([]);
      // Chrome logs the inline handler it blocked while DOMPurify parsed the rich text (see
      // watchForInjection); nothing else may be logged.
      expect(errors.filter((e) => !e.startsWith("Executing inline event handler violates"))).toEqual([]);
      await page.close();
    },
  );
});

describe("exports of hostile text (issue 19: exports are safe to open)", () => {
  /** Opens a corpus file with downloads allowed, and saves one export. */
  async function exported(name: string, labels: readonly string[]) {
    const page = await (
      await getBrowser()
    ).newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${inject("baseUrl")}?data=fixtures/bad/${name}`);
    await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const files: Buffer[] = [];
    for (const label of labels) {
      await page.locator(".export-menu summary").click();
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 10_000 }),
        page.getByRole("button", { name: label }).click(),
      ]);
      files.push(readFileSync(await download.path()));
    }
    return { page, errors, files };
  }

  test("control-chars.json: the SVG is well-formed XML without control characters, and the PNG is made", async () => {
    const { page, errors, files } = await exported("control-chars.json", [
      "View as SVG image",
      "View as PNG image",
    ]);
    const svg = files[0]!.toString("utf8");
    expect(svg).toContain("Beforeafter NUL");
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]|&#0*1;/);
    // The browser's own strict XML parser accepts it.
    const parseError = await page.evaluate(
      (text) =>
        new DOMParser().parseFromString(text, "image/svg+xml").querySelector("parsererror")?.textContent ??
        null,
      svg,
    );
    expect(parseError).toBeNull();
    expect(files[1]!.subarray(1, 4).toString()).toBe("PNG");
    await expect(page.locator(".export-status").isHidden()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("csv-payloads.csv: no exported CSV cell starts a formula, and the file reads back with the same text", async () => {
    const { page, errors, files } = await exported("csv-payloads.csv", ["Events as CSV"]);
    const csv = files[0]!.toString("utf8");
    const cells = csv.split(/[,\n]/).map((cell) => cell.replace(/^"/, ""));
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    expect(csv).toContain(`"'=1+2"`);
    expect(csv).toContain(`"'@SUM(A1:A2)"`);
    // Read back with the project's own importer: the text is as it was.
    const back = await loadText("events.csv", csv);
    expect(back.dataset.events.map((e) => e.title)).toContain("=1+2");
    expect(back.dataset.events.flatMap((e) => e.actors)).toContain("+Actor");
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe("one truth: the page gives the CLI's verdict (issue 19)", () => {
  test("events given twice (2,976 then 2; over 8 MiB, so checked in a worker): the page draws the CLI's 2", async () => {
    const { page, errors } = await openTimeline(`?data=${EVENTS_TWICE}`);
    expect(await drawnAfterFitAll(page)).toBe(2);
    await expect(page.locator("#list-view").count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test("names-nfc-nfd.json: the actor filter offers one José for both spellings", async () => {
  const { page, errors } = await openTimeline("?data=fixtures/bad/names-nfc-nfd.json");
  await page.locator(".facets summary").click();
  const actors = await page
    .locator('input[data-facet="actors"]')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(actors).toEqual(["Jos\u00e9"]);
  expect(errors).toEqual([]);
  await page.close();
});

describe("loads always end (issue 19)", () => {
  // A server that never answers: the request waits for ever.
  const stall = async (page: Page) => void (await page.route("**/fixtures/stalled.json", () => {}));

  test.each(["?data=%E0%A4%A", "?data=events%.json"])(
    "%s (a malformed percent-escape): a notice and the bundled data, not a stuck page",
    async (query) => {
      const { page, errors } = await openTimeline(query);
      await expect(page.getByRole("alert").textContent()).resolves.toContain(
        "has a malformed %-escape; showing the bundled data",
      );
      expect(await drawnAfterFitAll(page)).toBe(BUNDLED_EVENTS);
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  test("a download that stalls ends with a message and a Retry button", async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await stall(page);
    // The page's clock, moved on past the 15 s stall once the download has begun (not waited out).
    await page.clock.install();
    await page.goto(`${inject("baseUrl")}?data=fixtures/stalled.json`);
    await page.getByRole("button", { name: "Cancel loading" }).waitFor();
    await page.clock.fastForward(15_001);
    await page.waitForSelector("html[data-ready=true]", { timeout: 10_000 });
    const alert = page.getByRole("alert");
    await expect(alert.locator("li").allTextContents()).resolves.toEqual([
      "/fixtures/stalled.json: (top level): (file): could not be read: the download stalled: nothing arrived for 15 s",
    ]);
    await expect(alert.getByRole("button", { name: "Retry" }).isVisible()).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Retry loads the file again in the page, without reloading it; the retry can be cancelled too", async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await stall(page);
    await page.goto(`${inject("baseUrl")}?data=fixtures/stalled.json`);
    await page.getByRole("button", { name: "Cancel loading" }).click();
    await page.waitForSelector("html[data-ready=true]", { timeout: 5_000 });
    // A mark the page keeps only as long as it is not reloaded.
    await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));
    const alert = page.getByRole("alert");
    // The retry stalls again: it is guarded as the first load was, and Cancel stops it.
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.getByRole("button", { name: "Cancel loading" }).click();
    await expect(alert.locator("li").allTextContents()).resolves.toEqual([
      "/fixtures/stalled.json: (top level): (file): could not be read: loading was cancelled",
    ]);
    // Now the server answers: Retry shows the file.
    await page.unroute("**/fixtures/stalled.json");
    await page.route("**/fixtures/stalled.json", (route) =>
      route.fulfill({ path: "test/fixtures/bad/single-event.json", contentType: "application/json" }),
    );
    await alert.getByRole("button", { name: "Retry" }).click();
    await page.waitForFunction(() => document.getElementById("meta")?.textContent?.startsWith("1 event"));
    expect(await drawnAfterFitAll(page)).toBe(1);
    await expect(page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).resolves.toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("the reader can cancel a load", async () => {
    const page = await (await getBrowser()).newPage({ viewport: { width: 1280, height: 800 } });
    await stall(page);
    await page.goto(`${inject("baseUrl")}?data=fixtures/stalled.json`);
    await page.getByRole("button", { name: "Cancel loading" }).click();
    await page.waitForSelector("html[data-ready=true]", { timeout: 5_000 });
    await expect(page.getByRole("alert").locator("li").allTextContents()).resolves.toEqual([
      "/fixtures/stalled.json: (top level): (file): could not be read: loading was cancelled",
    ]);
    await expect(page.getByRole("button", { name: "Cancel loading" }).isHidden()).resolves.toBe(true);
    await page.close();
  });

  test("the file chosen last wins, even when the one before it takes longer to load", async () => {
    const { page, errors } = await openTimeline();
    const big = readFileSync(`${TEST_DIST}/fixtures/${SCALE_FIXTURE}`);
    await page.setInputFiles("#open-file-input", {
      name: "big.json",
      mimeType: "application/json",
      buffer: big,
    });
    await page.setInputFiles("#open-file-input", "test/fixtures/bad/single-event.json");
    await page.getByRole("alert").filter({ hasText: "single-event.json from your computer" }).waitFor();
    // Time enough for the first file to finish, had it still been going to be shown.
    await page.waitForTimeout(4000);
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "single-event.json from your computer",
    );
    expect(await drawnAfterFitAll(page)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});

describe("the Content-Security-Policy", () => {
  test("the served page allows only its own scripts: script-src 'self', no 'unsafe-eval' or 'unsafe-inline' for scripts", async () => {
    const html = await (await fetch(inject("baseUrl"))).text();
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta).not.toBeNull();
    const policy = new Map(
      meta![1]!.split(";").map((part) => {
        const [name = "", ...values] = part.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(meta![1]).not.toContain("'unsafe-eval'");
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    // The policy is the first thing in <head> after the charset, before any script.
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });

  test("an inline script or handler that got into the page would still not run", async () => {
    const { page, errors } = await openWatched("");
    const result = await page.evaluate(async () => {
      const w = window as unknown as { __inline?: number; __handler?: number; __csp: string[] };
      // As if a bug had inserted the data as HTML: a script element and an inline handler.
      const script = document.createElement("script");
      script.textContent = "window.__inline = 1";
      document.body.append(script);
      const box = document.createElement("div");
      box.setAttribute("onclick", "window.__handler = 1");
      document.body.append(box);
      box.click();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { inline: w.__inline, handler: w.__handler, csp: w.__csp };
    });
    expect(result.inline).toBeUndefined();
    expect(result.handler).toBeUndefined();
    expect(result.csp.some((v) => v.startsWith("script-src"))).toBe(true);
    // Chromium reports each refusal on the console; nothing else went wrong.
    expect(errors.filter((e) => !e.includes("Content Security Policy"))).toEqual([]);
    await page.close();
  });
});
