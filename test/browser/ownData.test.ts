import { readFileSync } from "node:fs";
import { afterAll, describe, expect, test } from "vitest";
import { validateDataset } from "../../src/data/validateDataset";
import { formatDay, formatEventDate } from "../../src/model/formatDate";
import {
  closeBrowser,
  domainOf,
  numbersInRuns,
  openTimeline,
  readNumbers,
  representedEvents,
  viewSettled,
} from "./harness";

afterAll(closeBrowser);

const csv = readFileSync("test/fixtures/own-events.csv", "utf8");
const bundled = validateDataset(JSON.parse(readFileSync("data/events.json", "utf8")), {
  file: "events.json",
}).dataset;

describe("bring your own data, share what you see", () => {
  test("dropping a CSV file renders its events, read in the browser", async () => {
    const { page, errors } = await openTimeline();
    const requests: string[] = [];
    // The site's own code and styles may be fetched (the loader and the data notes are chunks loaded
    // on first use); nothing else may go over the network.
    page.on("request", (r) => {
      if (!(r.method() === "GET" && /\/assets\/[\w-]+\.(js|css)$/.test(r.url())))
        requests.push(`${r.method()} ${r.url()}`);
    });
    const transfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "own-events.csv", { type: "text/csv" }));
      return data;
    }, csv);
    await page.dispatchEvent("body", "dragover", { dataTransfer: transfer });
    await page.dispatchEvent("body", "drop", { dataTransfer: transfer });
    await page.waitForFunction(
      () =>
        document.querySelector("h1")?.textContent !==
        "Rutte, Trump and Ukraine: the 2025 NATO–White House meetings",
    );
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    expect((await representedEvents(page)).ids.sort()).toEqual(["hearing", "launch", "recall"]);
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "own-events.csv from your computer",
    );
    // Markup in a CSV cell is text.
    await expect(
      page.locator('g.event[data-event-id="hearing"]').getAttribute("aria-label"),
    ).resolves.toContain("<b>Hearing</b> held");
    expect(requests).toEqual([]); // nothing uploaded, no data fetched
    expect(errors).toEqual([]);
    await page.close();
  });

  test("a CSV of only dates and titles renders, its details saying there is no source quote", async () => {
    const { page, errors } = await openTimeline();
    await page.locator("#open-file-input").setInputFiles({
      name: "plain.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("start,title\n2025-07-10,Talks in Geneva\n2025-07-14,Summit\n"),
    });
    await page.waitForFunction(() => document.querySelector("h1")?.textContent === "plain");
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    expect((await representedEvents(page)).ids.sort()).toEqual([
      "2025-07-10-talks-in-geneva",
      "2025-07-14-summit",
    ]);
    await page.locator('g.event[data-event-id="2025-07-10-talks-in-geneva"]').click();
    const detail = page.locator(".detail:not(.summary-card)");
    await detail.waitFor();
    await expect(detail.textContent()).resolves.toContain("No source quote.");
    expect(errors).toEqual([]);
    await page.close();
  });

  test("Open file… accepts a TimelineJS file", async () => {
    const { page } = await openTimeline();
    await page.locator("#open-file-input").setInputFiles("test/fixtures/timelinejs-example.json");
    await page.waitForFunction(
      () =>
        document.querySelector("h1")?.textContent !==
        "Rutte, Trump and Ukraine: the 2025 NATO–White House meetings",
    );
    const count = JSON.parse(readFileSync("test/fixtures/timelinejs-example.json", "utf8")).events
      .length as number;
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const { marks, clustered } = await representedEvents(page);
    expect(marks + clustered).toBe(count);
    await page.close();
  });

  test("a deep link restores window, selection and filters, and back/forward walk the history", async () => {
    const query = "?window=2025-07-07/2025-07-17&event=2025-07-10-trump-calls-rutte&lane=meetings&q=trump";
    const { page } = await openTimeline(query);
    const [d0, d1] = await domainOf(page);
    expect(d0).toBe(Date.parse("2025-07-07"));
    expect(d1).toBe(Date.parse("2025-07-17"));
    await page.locator(".tooltip.pinned").waitFor();
    await expect(page.locator(".tooltip .detail-title").textContent()).resolves.toBe(
      "Trump phones Rutte: help Ukraine, Europe pays",
    );
    await expect(page.locator('input[data-facet="lanes"][value="meetings"]').isChecked()).resolves.toBe(true);
    await expect(page.getByRole("searchbox", { name: "Search events" }).inputValue()).resolves.toBe("trump");
    const lanes = await page
      .locator("g.event")
      .evaluateAll((nodes) => [...new Set(nodes.map((n) => n.getAttribute("data-lane")))]);
    expect(lanes).toEqual(["0"]);
    // Unpin (a history entry), then go back to the pinned view.
    await page.keyboard.press("Escape");
    await page.mouse.click(640, 780);
    await page.waitForTimeout(300);
    expect(page.url()).not.toContain("event=");
    await page.goBack();
    await page.locator(".tooltip.pinned").waitFor();
    expect(page.url()).toContain("event=2025-07-10-trump-calls-rutte");
    // A reload shows the same.
    await page.reload();
    await page.waitForSelector("html[data-ready=true]");
    await page.locator(".tooltip.pinned").waitFor();
    await expect(domainOf(page)).resolves.toEqual([d0, d1]);
    await page.close();
  });

  test("malformed link parameters are ignored with a notice, never a blank page", async () => {
    const { page, errors } = await openTimeline("?window=yesterday/tomorrow&event=%3Cscript%3E&lane=%00");
    await expect(page.getByRole("alert").textContent()).resolves.toContain(
      "Ignored window=yesterday/tomorrow",
    );
    expect((await representedEvents(page)).ids.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  test("export gives a non-empty PNG and an SVG that keeps the sources, each drawn event numbered as in its list, with a credit line; and the filtered events as CSV", async () => {
    const { page } = await openTimeline("?window=2025-07-07/2025-07-17", undefined, undefined, {
      acceptDownloads: true,
    });
    const save = async (label: string) => {
      await page.locator(".export-menu summary").click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: label }).click(),
      ]);
      const path = await download.path();
      return { name: download.suggestedFilename(), bytes: readFileSync(path) };
    };
    const png = await save("View as PNG image");
    expect(png.name).toBe("timeline.png");
    expect(png.bytes.subarray(1, 4).toString()).toBe("PNG");
    expect(png.bytes.length).toBeGreaterThan(20_000);
    const svg = await save("View as SVG image");
    const text = svg.bytes.toString("utf8");
    expect(text.startsWith("<svg")).toBe(true);
    expect(text).toContain("Events shown and their sources");
    expect(text).toContain("Trump phones Rutte: help Ukraine, Europe pays [A5]");
    // The PNG is the same picture, drawn at twice its size.
    const [width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(text)!.slice(1).map(Number);
    expect([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)]).toEqual([2 * width!, 2 * height!]);

    // Every event drawn carries the number of its line in the list below the chart.
    const picture = await readNumbers(page, text);
    const drawn = await page.locator("svg.chart g.event[data-event-id]").count();
    expect(drawn).toBeGreaterThan(5);
    expect(picture.marks).toHaveLength(drawn);
    const byId = new Map(bundled.events.map((e) => [e.id, e]));
    const lineOf = (n: number) => picture.lines.find((l) => l.startsWith(`${n}. `)) ?? "";
    for (const { id, number, label } of picture.marks) {
      const event = byId.get(id)!;
      expect(lineOf(number), id).toContain(`${number}. ${formatEventDate(event)}: ${event.title} [`);
      // The label is the title, whole or cut with "…" where its row has no more room.
      expect(event.title.startsWith(label.replace(/\u2026.*$/, "").replace(/ \u00b7 \d+ sources$/, ""))).toBe(
        true,
      );
    }
    expect(new Set(picture.marks.map((m) => m.number)).size).toBe(drawn);
    // The credit line: dataset, the articles cited, the day of export.
    expect(picture.credit).toContain(bundled.title);
    expect(picture.credit).toContain(
      "NATO's Rutte to meet Trump as plan to sell US arms to allies for Ukraine takes shape",
    );
    expect(picture.credit).toContain(`Exported ${formatDay(Date.now())} (UTC)`);

    const events = await save("Events as CSV");
    expect(events.bytes.toString("utf8").split("\n")[0]).toContain("id,start");
    // Clusters (painted on a canvas on screen) are in the file as SVG, and only there. A small
    // window over all the events draws some.
    await page.setViewportSize({ width: 700, height: 560 });
    await page.getByRole("button", { name: /Fit all/ }).click();
    await viewSettled(page);
    const clusters = await page.evaluate(
      () => (window as unknown as { timeline: { clusters: unknown[] } }).timeline.clusters.length,
    );
    expect(clusters).toBeGreaterThan(0);
    const all = (await save("View as SVG image")).bytes.toString("utf8");
    expect(all.match(/<g class="cluster[ "]/g)?.length).toBe(clusters);
    // Clusters name their members' numbers (as many runs as fit beside them): each names a member.
    const everything = await readNumbers(page, all);
    const numbered = everything.clusters;
    expect(numbered.length).toBeGreaterThan(0);
    for (const cluster of numbered)
      for (const n of numbersInRuns(cluster.runs)) {
        const line = everything.lines.find((l) => l.startsWith(`${n}. `))!;
        const member = cluster.ids.map((id) => byId.get(id)!).find((e) => line.includes(`: ${e.title} [`));
        expect(member, `${n} in ${cluster.runs}`).toBeDefined();
      }
    await expect(page.locator("svg.chart g.cluster").count()).resolves.toBe(0);
    await page.close();
  });

  test("?embed=1 shows the chart without the page furniture, with a link to the full view", async () => {
    const { page } = await openTimeline("?embed=1");
    await expect(page.locator(".toolbar").isHidden()).resolves.toBe(true);
    await expect(page.locator("footer.sources").isHidden()).resolves.toBe(true);
    const link = page.getByRole("link", { name: /Open the full timeline/ });
    await expect(link.getAttribute("href")).resolves.not.toContain("embed");
    await expect(link.getAttribute("rel")).resolves.toBe("noopener noreferrer");
    await page.close();
  });
});
