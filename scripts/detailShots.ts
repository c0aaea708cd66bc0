// npx tsx scripts/detailShots.ts [OUT_DIR]: captures what issue 17 changed, to look at: the pinned
// card (on a phone, a card's sheet) and the source reader scrolled (desktop and phone), an exported
// PNG and the printed page.
import { copyFileSync, mkdirSync } from "node:fs";
import type { Browser } from "playwright-core";
import { launchChromium } from "./lib/chromium";
import { buildAndServe } from "./lib/serve";

const outDir = process.argv[2] ?? "/tmp/details-shots";
mkdirSync(outDir, { recursive: true });
const EVENT = "2025-07-14-rutte-trump-white-house";
const SIZES = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function open(browser: Browser, url: string, size: { width: number; height: number }) {
  const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1, acceptDownloads: true });
  await page.goto(`${url}?window=2025-07-07T00:00:00Z/2025-07-17T00:00:00Z`);
  await page.waitForSelector("html[data-ready=true]");
  await page.waitForTimeout(200);
  return page;
}

const served = await buildAndServe({ outDir: "dist" });
const browser = await launchChromium();
try {
  for (const size of SIZES) {
    const page = await open(browser, served.url, size);
    // On a phone the story is a list of cards, and a card's details open as a bottom sheet.
    const phone = size.name === "phone";
    await page
      .locator(phone ? `.phone-card[data-event-id="${EVENT}"]` : `g.event[data-event-id="${EVENT}"] .dot`)
      .click();
    const card = page.locator(phone ? ".card-sheet" : ".tooltip.pinned");
    await card.waitFor({ state: "visible" });
    await card.evaluate((n) => (n.scrollTop = n.scrollHeight / 2));
    await page.waitForTimeout(100);
    await page.screenshot({ path: `${outDir}/card-scrolled-${size.name}.png` });
    await card.locator(".read-source").last().click();
    await page.locator("#source-reader").waitFor({ state: "visible" });
    await page.waitForTimeout(100);
    await page.screenshot({ path: `${outDir}/reader-scrolled-${size.name}.png` });
    await page.close();
  }
  const page = await open(browser, served.url, SIZES[0]);
  for (const [label, name] of [
    ["View as PNG image", "export.png"],
    ["View as SVG image", "export.svg"],
  ] as const) {
    await page.locator(".export-menu summary").click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: label }).click(),
    ]);
    copyFileSync(await download.path(), `${outDir}/${name}`);
  }
  // Clusters: a small window over every event.
  await page.setViewportSize({ width: 700, height: 560 });
  await page.getByRole("button", { name: /Fit all/ }).click();
  await page.waitForTimeout(600);
  await page.locator(".export-menu summary").click();
  const [clustered] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "View as PNG image" }).click(),
  ]);
  copyFileSync(await clustered.path(), `${outDir}/export-clusters.png`);
  await page.setViewportSize(SIZES[0]);
  await page.goto(`${served.url}?window=2025-07-07T00:00:00Z/2025-07-17T00:00:00Z`);
  await page.waitForSelector("html[data-ready=true]");
  await page.waitForTimeout(500);
  await page.emulateMedia({ media: "print" });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${outDir}/print.png`, fullPage: true });
  await page.screenshot({
    path: `${outDir}/print-top.png`,
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: 1000 },
  });
  await page.close();
  console.log(`written to ${outDir}`);
} finally {
  await browser.close();
  await served.close();
}
