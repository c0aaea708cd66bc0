// Escape closes the topmost layer only (dialog > source reader > pinned card), one per press, and
// focus goes back to what opened it; the pinned card's header and the reader's title stay in view
// while they scroll.
import type { Locator, Page } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { closeBrowser, openTimeline, showWindow } from "./harness";

afterAll(closeBrowser);

const EVENT = "2025-07-14-rutte-trump-white-house";
const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  // The chart's own card opens as a bottom sheet up to 600 px; at ≤ 480 px cards replace the chart
  // (their sheet's Escape and focus return are in phone.test.ts).
  { name: "small", width: 560, height: 844 },
] as const;

/** What has focus: an event mark's id, else the element's tag, classes and text. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active === null) return "(none)";
    const id = active.getAttribute("data-event-id");
    if (id !== null) return `mark:${id}`;
    return `${active.tagName.toLowerCase()}.${[...active.classList].join(".")}:${active.textContent?.trim().slice(0, 40) ?? ""}`;
  });
}

/** Whether `inner`'s box lies wholly inside `outer`'s visible box (1 px of rounding allowed). */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = await Promise.all([
    inner.evaluate((n) => n.getBoundingClientRect().toJSON() as DOMRect),
    outer.evaluate((n) => n.getBoundingClientRect().toJSON() as DOMRect),
  ]);
  return a.top >= b.top - 1 && a.bottom <= b.bottom + 1 && a.left >= b.left - 1 && a.right <= b.right + 1;
}

/** How far below the top of `outer`'s box `inner` starts: 0 when nothing can show above it. */
async function gapAbove(inner: Locator, outer: Locator): Promise<number> {
  const [a, b] = await Promise.all([inner.boundingBox(), outer.boundingBox()]);
  return a!.y - b!.y;
}

/** Opens the timeline on 7–17 July 2025 and pins the White House meeting's card by clicking its mark. */
async function pinCard(size: { width: number; height: number }) {
  const { page, errors } = await openTimeline("", size);
  await showWindow(page, "2025-07-07", "2025-07-17");
  await page.locator(`g.event[data-event-id="${EVENT}"] .dot`).click();
  const card = page.locator(".tooltip.pinned");
  await card.waitFor({ state: "visible" });
  return { page, errors, card };
}

describe.each(SIZES)("layers at $name size ($width×$height)", (size) => {
  test("Escape closes the reader, then the card, each returning focus to its opener; a third does nothing", async () => {
    const { page, errors, card } = await pinCard(size);
    const read = card.locator(".read-source").first();
    await read.click();
    const reader = page.locator("#source-reader");
    await reader.waitFor({ state: "visible" });
    await expect(focused(page)).resolves.toMatch(/^mark\.quote/);

    await page.keyboard.press("Escape");
    await reader.waitFor({ state: "hidden" });
    // Only the reader closed: the card is still open, with focus on the link that opened the reader.
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(read.evaluate((n) => n === document.activeElement)).resolves.toBe(true);

    await page.keyboard.press("Escape");
    await card.waitFor({ state: "hidden" });
    await expect(focused(page)).resolves.toBe(`mark:${EVENT}`);
    // Focus back on the mark does not bring its glance back: Escape closed the details.
    await expect(page.locator(".tooltip").isVisible()).resolves.toBe(false);

    // Nothing left to close: nothing happens, focus stays, the window stays.
    const before = await page.evaluate(() => location.search);
    await page.keyboard.press("Escape");
    await page.evaluate(() => new Promise(requestAnimationFrame));
    await expect(focused(page)).resolves.toBe(`mark:${EVENT}`);
    await expect(page.locator(".tooltip").isVisible()).resolves.toBe(false);
    await expect(page.evaluate(() => location.search)).resolves.toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Escape closes the reader first even when focus is back on the chart", async () => {
    const { page, card } = await pinCard(size);
    await card.locator(".read-source").first().click();
    const reader = page.locator("#source-reader");
    await reader.waitFor({ state: "visible" });
    // Focus wanders off the reader (here: onto the card's ×), as a click elsewhere would take it.
    await card.locator(".tooltip-close").focus();
    await page.keyboard.press("Escape");
    await reader.waitFor({ state: "hidden" });
    await expect(card.isVisible()).resolves.toBe(true);
    await page.close();
  });

  test("the shortcuts dialog over the pinned card: Escape closes the dialog only, then the card", async () => {
    const { page, card } = await pinCard(size);
    await expect(focused(page)).resolves.toBe(`mark:${EVENT}`);
    await page.keyboard.press("?");
    const dialog = page.locator("#shortcuts");
    await dialog.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect(card.isVisible()).resolves.toBe(true);
    await expect(focused(page)).resolves.toBe(`mark:${EVENT}`);
    await page.keyboard.press("Escape");
    await card.waitFor({ state: "hidden" });

    // Opened by its button, the dialog gives focus back to the button.
    await page.locator("#shortcuts-button").click();
    await dialog.waitFor({ state: "visible" });
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await expect(focused(page)).resolves.toMatch(/^button\.tool-button:\?/);
    await page.close();
  });

  test("the pinned card's title, date and × stay in view while its body scrolls", async () => {
    const { page, card } = await pinCard(size);
    const scrolled = await card.evaluate((n) => {
      n.scrollTop = n.scrollHeight;
      return { top: n.scrollTop, room: n.scrollHeight - n.clientHeight };
    });
    // The card has more than fits (else this would prove nothing), and it did scroll.
    expect(scrolled.room).toBeGreaterThan(40);
    expect(scrolled.top).toBeGreaterThan(40);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    for (const part of [".detail-title", ".detail-date", ".tooltip-close"])
      await expect(inside(card.locator(part), card), part).resolves.toBe(true);
    // Stuck to the card's edge: no scrolled text shows above it (its border is 1 px).
    expect(await gapAbove(card.locator(".detail-head"), card)).toBeLessThanOrEqual(1);
    // The last quote scrolled into view is not under the header.
    const last = card.locator(".detail-sources > li").last();
    const [head, quote] = await Promise.all([card.locator(".detail-head").boundingBox(), last.boundingBox()]);
    expect(quote!.y).toBeGreaterThanOrEqual(head!.y + head!.height - 1);
    // The × still works once scrolled.
    await card.locator(".tooltip-close").click();
    await card.waitFor({ state: "hidden" });
    await page.close();
  });

  test("the source reader keeps its title and × in view while it scrolls to the quote", async () => {
    const { page, card } = await pinCard(size);
    // The last source's quote lies deepest in its article.
    await card.locator(".read-source").last().click();
    const reader = page.locator("#source-reader");
    await reader.waitFor({ state: "visible" });
    const top = await reader.evaluate((n) => n.scrollTop);
    expect(top).toBeGreaterThan(40);
    for (const part of [".reader-title", ".reader-close"])
      await expect(inside(reader.locator(part), reader), part).resolves.toBe(true);
    await expect(inside(reader.locator("mark.active"), reader)).resolves.toBe(true);
    expect(await gapAbove(reader.locator(".reader-header"), reader)).toBeLessThanOrEqual(1);
    // Scrolled to the very end, they are still there.
    await reader.evaluate((n) => (n.scrollTop = n.scrollHeight));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    for (const part of [".reader-title", ".reader-close"])
      await expect(inside(reader.locator(part), reader), part).resolves.toBe(true);
    await reader.locator(".reader-close").click();
    await reader.waitFor({ state: "hidden" });
    await page.close();
  });
});
