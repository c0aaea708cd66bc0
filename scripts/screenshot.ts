// npm run screenshot -- [OUT_DIR]: captures the views a reviewer should look at (desktop, phone,
// July 2025 zoomed in, a tooltip, a phone card's details) from the production build.
import { mkdirSync } from "node:fs";
import { launchChromium } from "./lib/chromium";
import { buildAndServe } from "./lib/serve";

const outDir = process.argv[2] ?? "docs";
mkdirSync(outDir, { recursive: true });
const served = await buildAndServe({ outDir: "dist" });
const browser = await launchChromium();
try {
  const shots: {
    name: string;
    width: number;
    height: number;
    setup?: string;
    hover?: string;
    scroll?: number;
    tap?: string;
  }[] = [
    { name: "screenshot", width: 1280, height: 800 },
    { name: "phone", width: 390, height: 844 },
    { name: "phone-details", width: 390, height: 844, tap: "2025-07-14-rutte-trump-white-house" },
    { name: "july-2025", width: 1280, height: 800, setup: "2025-07-07/2025-07-17" },
    // The compact card of an event at the foot of the visible plot: beside its mark, inside the window.
    {
      name: "tooltip-bottom",
      width: 1280,
      height: 800,
      hover: "2025-10-17-trump-prefers-no-tomahawks",
    },
    // The lanes scrolled: the axis strip and the heading of the lane in view stay put.
    { name: "scrolled", width: 1280, height: 800, scroll: 330 },
    {
      name: "tooltip",
      width: 1280,
      height: 800,
      setup: "2025-07-07/2025-07-17",
      hover: "2025-07-14-rutte-trump-white-house",
    },
  ];
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: 1,
    });
    await page.goto(served.url);
    await page.waitForSelector("html[data-ready=true]");
    if (shot.setup !== undefined) {
      const [from = "", to = ""] = shot.setup.split("/");
      const domain: [number, number] = [Date.parse(from), Date.parse(to)];
      await page.evaluate(
        (d) =>
          (
            window as unknown as { timeline: { show(d: [number, number], animate: boolean): void } }
          ).timeline.show(d, false),
        domain,
      );
      await page.waitForTimeout(100);
    }
    if (shot.scroll !== undefined) {
      await page.evaluate((y) => (document.querySelector(".viewport")!.scrollTop = y), shot.scroll);
      await page.waitForTimeout(100);
    }
    if (shot.hover !== undefined) {
      const box = await page.locator(`[data-event-id="${shot.hover}"] .dot`).boundingBox();
      if (box !== null) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(100);
    }
    if (shot.tap !== undefined) {
      await page.locator(`.phone-card[data-event-id="${shot.tap}"]`).click();
      await page.waitForTimeout(100);
    }
    await page.screenshot({ path: `${outDir}/${shot.name}.png` });
    console.log(`${outDir}/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  await served.close();
}
