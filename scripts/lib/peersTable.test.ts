import { describe, expect, it } from "vitest";
import { fastestPeer, medianOf, peersTable, ratioText, type Median } from "./peersTable";

const ms = (value: number): Median => ({ kind: "ms", ms: value });

describe("bench:peers: medians, ratios and the table", () => {
  it("medianOf: the middle repetition, the mean of the two middle ones, errors left out", () => {
    expect(medianOf([300, 100, 200], 60_000)).toEqual(ms(200));
    expect(medianOf([400, 100, 200, 300], 60_000)).toEqual(ms(250));
    expect(medianOf([100, "error", 300], 60_000)).toEqual(ms(200));
    expect(medianOf(["error"], 60_000)).toEqual({ kind: "none" });
  });

  it("medianOf: a timeout is above every finished repetition; a median that lands on one is only a bound", () => {
    expect(medianOf([100, "timeout", 200], 60_000)).toEqual(ms(200));
    expect(medianOf([100, "timeout", "timeout"], 60_000)).toEqual({ kind: "over", ms: 60_000 });
    expect(medianOf([100, "timeout"], 60_000)).toEqual({ kind: "over", ms: 60_000 });
  });

  it("fastestPeer: the smallest finished median among the peers, never ours", () => {
    const medians = new Map<string, Median>([
      ["ours", ms(50)],
      ["a", ms(900)],
      ["b", { kind: "over", ms: 60_000 }],
      ["c", ms(700)],
    ]);
    expect(fastestPeer(medians, "ours")).toEqual({ target: "c", median: ms(700) });
    expect(fastestPeer(new Map([["ours", ms(1)]]), "ours")).toBeUndefined();
  });

  it("ratioText: a ratio, or a bound when one side timed out", () => {
    expect(ratioText(ms(100), ms(300))).toBe("0.33×");
    expect(ratioText(ms(600), { kind: "over", ms: 60_000 })).toBe("< 0.01×");
    expect(ratioText({ kind: "over", ms: 60_000 }, ms(30_000))).toBe("> 2.00×");
    expect(ratioText(ms(1), undefined)).toBe("n/a");
  });

  it("peersTable: a row per size, each target's median and ratio, the fastest peer and ours over it", () => {
    const table = peersTable(
      [
        {
          events: 1000,
          targets: [
            { target: "ours", samples: [200, 220, 210] },
            { target: "vis", samples: [900, 1000, 950] },
            { target: "tl", samples: ["timeout", "timeout", 5000] },
          ],
        },
      ],
      "ours",
      60_000,
    );
    const lines = table.split("\n");
    expect(lines[0]).toMatch(/^\| events \| +ours \| +vis \| +tl \| fastest peer \| ours ÷ fastest peer \|$/);
    expect(lines[1]).toMatch(/^\| -+: \|/);
    expect(lines[2]).toContain("1,000");
    expect(lines[2]).toContain("210 ms (0.22×)");
    expect(lines[2]).toContain("950 ms (fastest)");
    expect(lines[2]).toContain("> 60,000 ms (> 63.16×)");
    expect(lines[2]).toMatch(/\| vis +\| +0\.22× \|$/);
  });
});
