import { describe, expect, it } from "vitest";
import { scaleUtc } from "d3-scale";
import { utcDay } from "d3-time";
import { binAt, overviewBins, spacedTicks } from "./overviewBins";

const ms = (iso: string) => Date.parse(iso);

describe("overviewBins", () => {
  const all = [ms("2022-02-24"), ms("2025-07-10"), ms("2025-07-14"), ms("2025-07-14"), ms("2025-10-22")];
  const extent = [ms("2022-02-24"), ms("2025-10-23")] as const;

  it("overviewBins(all, shown, extent, widthPx) bins starts on calendar months for a few years at phone width", () => {
    const { bins, x } = overviewBins(all, [], extent, 358);
    // Every bar starts on the first of a month at midnight UTC.
    for (const b of bins) expect(new Date(b.x0Ms).toISOString()).toMatch(/-01T00:00:00.000Z$/);
    expect(bins.length).toBeGreaterThan(12);
    expect(bins.length).toBeLessThanOrEqual(358 / 6);
    expect(x.range()).toEqual([0, 358]);
  });

  it("overviewBins(…) counts every event once, end to end over the whole extent", () => {
    const { bins, maxTotal, x } = overviewBins(all, [], extent, 358);
    expect(bins.reduce((n, b) => n + b.total, 0)).toBe(all.length);
    bins.slice(1).forEach((b, i) => expect(b.x0Ms).toBe(bins[i]!.x1Ms));
    expect(bins[0]!.x0Ms).toBeLessThanOrEqual(extent[0]);
    expect(bins.at(-1)!.x1Ms).toBeGreaterThanOrEqual(extent[1]);
    expect(x.domain().map(Number)).toEqual([bins[0]!.x0Ms, bins.at(-1)!.x1Ms]);
    expect(maxTotal).toBe(3); // July 2025
  });

  it("overviewBins(…) counts the shown events in the same bars, and keeps the axis when filtering", () => {
    const full = overviewBins(all, all, extent, 358);
    const filtered = overviewBins(all, [ms("2025-07-14")], extent, 358);
    expect(filtered.bins.map((b) => [b.x0Ms, b.total])).toEqual(full.bins.map((b) => [b.x0Ms, b.total]));
    expect(filtered.bins.reduce((n, b) => n + b.shown, 0)).toBe(1);
    expect(filtered.bins.find((b) => b.shown === 1)!.total).toBe(3);
  });

  it("overviewBins(…) bars get finer (days) over a few weeks and are never narrower than minBarPx on average", () => {
    const { bins } = overviewBins([ms("2025-07-10")], [], [ms("2025-07-01"), ms("2025-07-31")], 358);
    expect(bins[1]!.x1Ms - bins[1]!.x0Ms).toBe(86_400_000);
    for (const widthPx of [120, 200, 358, 1000])
      expect(overviewBins(all, [], extent, widthPx).bins.length).toBeLessThanOrEqual(widthPx / 6);
  });

  it("overviewBins(…) spreads a single instant over a day either side", () => {
    const t = ms("2025-07-10T12:00Z");
    const { bins } = overviewBins([t], [t], [t, t], 358);
    expect(bins.reduce((n, b) => n + b.shown, 0)).toBe(1);
    expect(bins[0]!.x0Ms).toBeLessThan(t);
  });

  it("binAt(overview, px) is the bar under px, clamped to the strip's ends", () => {
    const overview = overviewBins(all, [], extent, 358);
    const july = overview.bins.find((b) => b.total === 3)!;
    const px = overview.x((july.x0Ms + july.x1Ms) / 2);
    expect(binAt(overview, px)).toBe(july);
    expect(binAt(overview, -50)).toBe(overview.bins[0]);
    expect(binAt(overview, 9999)).toBe(overview.bins.at(-1));
    expect(binAt({ ...overview, bins: [] }, 10)).toBeUndefined();
  });
});

describe("spacedTicks: strip labels that never overlap", () => {
  const x = scaleUtc()
    .domain([Date.UTC(2025, 6, 3), Date.UTC(2025, 6, 18)])
    .range([12, 378]);
  it("keeps ticks at least the gap apart, each with room for its label before the edge", () => {
    // Every other day: eight labels in 366 px, as the strip once drew them, overlapping.
    const ticks = x.ticks(utcDay.every(2)!);
    expect(ticks.length).toBeGreaterThanOrEqual(8);
    const kept = spacedTicks(ticks, x, 390);
    const at = kept.map((d) => x(d));
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(64);
    expect(Math.max(...at) + 44).toBeLessThanOrEqual(390);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept.length).toBeLessThan(ticks.length);
  });
});
