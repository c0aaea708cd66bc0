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

/** Individually drawn events plus events counted inside clusters. */
export function representedEvents(page: Page): Promise<{ marks: number; clustered: number; ids: string[] }> {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll<SVGGElement>("g.event[data-event-id]")].map(
      (n) => n.dataset["eventId"] ?? "",
    );
    const clustered = [...document.querySelectorAll<SVGGElement>("g.cluster[data-event-ids]")].flatMap((n) =>
      (n.dataset["eventIds"] ?? "").split(" "),
    );
    return { marks: marks.length, clustered: clustered.length, ids: [...marks, ...clustered] };
  });
}
