import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";
import { launchChromium } from "../../scripts/lib/chromium";

export interface OpenedPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
}

let browser: Browser | undefined;

export async function getBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

/** Opens the app (optionally with a query string) and waits until the timeline has rendered. */
export async function openTimeline(
  query = "",
  viewport = { width: 1280, height: 800 },
  base = inject("baseUrl"),
  options: BrowserContextOptions = {},
): Promise<OpenedPage> {
  const page = await (await getBrowser()).newPage({ viewport, ...options });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(base + query);
  await page.waitForSelector("html[data-ready=true]", { timeout: 15_000 });
  return { page, errors };
}

/**
 * Waits until the view has come to rest: the time window unchanged over several animation frames in
 * a row. An animated move (Fit all, + and −, a cluster click) changes it every frame until it ends,
 * however slowly a busy machine runs it, so this waits for the move itself rather than a fixed time.
 */
export function viewSettled(page: Page, stillFrames = 6): Promise<void> {
  return page.evaluate(
    (frames) =>
      new Promise<void>((resolve, reject) => {
        const domain = () => String((window as unknown as { timeline: { domain: unknown } }).timeline.domain);
        const giveUp = setTimeout(() => reject(new Error("the view was still moving after 10 s")), 10_000);
        let last = domain();
        let still = 0;
        const check = () => {
          const now = domain();
          still = now === last ? still + 1 : 0;
          last = now;
          if (still < frames) return void requestAnimationFrame(check);
          clearTimeout(giveUp);
          resolve();
        };
        requestAnimationFrame(check);
      }),
    stillFrames,
  );
}

/** The visible time window [startMs, endMs]. */
export function domainOf(page: Page): Promise<[number, number]> {
  return page.evaluate(
    () =>
      [...(window as unknown as { timeline: { domain: [number, number] } }).timeline.domain] as [
        number,
        number,
      ],
  );
}

/** Shows a window without animation, as a user's zoom would end up. */
export async function showWindow(page: Page, from: string, to: string): Promise<void> {
  const domain: [number, number] = [Date.parse(from), Date.parse(to)];
  await page.evaluate(
    (d) =>
      (window as unknown as { timeline: { show(d: [number, number], a: boolean): void } }).timeline.show(
        d,
        false,
      ),
    domain,
  );
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

/** A cluster as the timeline reports it (clusters are painted on a canvas, not in the DOM). */
export interface DrawnCluster {
  count: number;
  ids: string[] | undefined;
  /** Ids of its first and last members in time order. */
  first: string;
  last: string;
  /** Centre in the chart's coordinates. */
  x: number;
  y: number;
  match: boolean | undefined;
}

/** The clusters drawn, with their centres in page coordinates. */
export function drawnClusters(page: Page): Promise<DrawnCluster[]> {
  return page.evaluate(() => {
    const box = document.querySelector("svg.chart")!.getBoundingClientRect();
    const { clusters } = (window as unknown as { timeline: { clusters: DrawnCluster[] } }).timeline;
    return clusters.map((c) => ({ ...c, x: box.left + c.x, y: box.top + c.y }));
  });
}

/** Individually drawn events plus the events of clusters that list all their members. */
export async function representedEvents(
  page: Page,
): Promise<{ marks: number; clustered: number; ids: string[] }> {
  const marks = await page.evaluate(() =>
    [...document.querySelectorAll<SVGGElement>("g.event[data-event-id]")].map(
      (n) => n.dataset["eventId"] ?? "",
    ),
  );
  const clustered = (await drawnClusters(page)).flatMap((c) => c.ids ?? []);
  return { marks: marks.length, clustered: clustered.length, ids: [...marks, ...clustered] };
}

/** The page's JS heap in bytes after garbage collection. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send("HeapProfiler.collectGarbage");
  const { usedSize } = await cdp.send("Runtime.getHeapUsage");
  await cdp.detach();
  return usedSize;
}

/** What an exported or printed chart says about its numbers (see render/exportAnnotate). */
export interface NumberedPicture {
  /** Each drawn event with a number: id, number and the label written after it. */
  marks: { id: string; number: number; label: string }[];
  /** Each cluster with numbers beside it: member ids and the runs written ("3–5, 8, …"). */
  clusters: { ids: string[]; runs: string }[];
  /** The exported list's lines ("7. 10 July 2025: Title [A5]"). */
  lines: string[];
  credit: string;
}

/** Reads a picture's numbers: from `svgText` (an exported file) or from the printed chart in the page. */
export function readNumbers(page: Page, svgText?: string): Promise<NumberedPicture> {
  return page.evaluate((text) => {
    const root =
      text === undefined
        ? document.querySelector(".print-chart > svg")!
        : new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
    const marks = [...root.querySelectorAll("g.event[data-event-id]")].flatMap((g) => {
      const number = g.querySelector(".list-number")?.textContent;
      return number == null
        ? []
        : [
            {
              id: g.getAttribute("data-event-id")!,
              number: Number(number),
              label: g.querySelector(".label")!.textContent!,
            },
          ];
    });
    const clusters = [...root.querySelectorAll("g.cluster")].flatMap((g) => {
      const runs = g.querySelector(".list-number")?.textContent;
      const ids = g.getAttribute("data-event-ids");
      return runs == null || ids === null ? [] : [{ ids: ids.split(" "), runs }];
    });
    const lines = [...root.querySelectorAll(":scope > text")].map((t) => t.textContent ?? "");
    const credit = [...root.querySelectorAll("text.credit")].map((t) => t.textContent).join(" ");
    return { marks, clusters, lines, credit };
  }, svgText);
}

/** The numbers a run text names: "3–5, 8, …" → [3, 4, 5, 8]. */
export function numbersInRuns(runs: string): number[] {
  return runs
    .split(", ")
    .filter((part) => part !== "\u2026")
    .flatMap((part) => {
      const [from, to] = part.replace("\u2026", "").split("\u2013").map(Number);
      return to === undefined ? [from!] : Array.from({ length: to - from! + 1 }, (_, k) => from! + k);
    });
}
