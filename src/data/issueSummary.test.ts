import { describe, expect, it } from "vitest";
import type { DataIssue } from "./issues";
import { ISSUES_LISTED, reportIssues, summariseIssues } from "./issueSummary";

const issue = (path: string, field: string, severity: DataIssue["severity"] = "error"): DataIssue => ({
  severity,
  file: "f.json",
  path,
  field,
  message: "m",
});

describe("summariseIssues", () => {
  it("counts issues by severity and kind, item numbers left out, errors first and the most frequent first", () => {
    const issues = [
      issue("events[0]", "start"),
      issue("events[1]", "sources[0].quote", "warning"),
      issue("events[2]", "sources[3].quote", "warning"),
      issue("events[7]", "start"),
      issue("events[9]", "start"),
      issue("", "(file)"),
      issue("rows[4]", "title"),
    ];
    expect(summariseIssues(issues)).toEqual([
      { severity: "error", kind: "events[]: start", count: 3 },
      { severity: "error", kind: "(top level): (file)", count: 1 },
      { severity: "error", kind: "rows[]: title", count: 1 },
      { severity: "warning", kind: "events[]: sources[].quote", count: 2 },
    ]);
  });

  it("summarises 540,000 issues in one linear pass (under a second)", () => {
    const many = Array.from({ length: 540_000 }, (_, i) => issue(`events[${i}]`, i % 2 ? "start" : "title"));
    // The best of three: the first run also pays for compiling and for collecting the list just made.
    let best = Infinity;
    let kinds = summariseIssues([]);
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      kinds = summariseIssues(many);
      best = Math.min(best, performance.now() - t0);
    }
    // A guard against quadratic work, not a measure (the page's budget is checked in the browser).
    expect(best).toBeLessThan(1000);
    expect(kinds.map((k) => k.count)).toEqual([270_000, 270_000]);
  });
});

describe("reportIssues", () => {
  const many = Array.from({ length: 250 }, (_, i) =>
    issue(`events[${i}]`, i % 5 === 0 ? "start" : "x", i % 5 === 0 ? "error" : "warning"),
  );

  it("counts errors and warnings, lists the first ones with errors first, and counts the kinds of all", () => {
    const report = reportIssues(many);
    expect(report.errors).toBe(50);
    expect(report.warnings).toBe(200);
    expect(report.listed).toHaveLength(ISSUES_LISTED);
    expect(report.listed.slice(0, 50).every((i) => i.severity === "error")).toBe(true);
    expect(report.listed[0]!.path).toBe("events[0]");
    expect(report.listed[50]!.path).toBe("events[1]");
    expect(report.kinds).toEqual(summariseIssues(many));
  });

  it("lists every issue, and counts no kinds, when there are few", () => {
    const few = many.slice(0, 7);
    expect(reportIssues(few)).toEqual({
      errors: 2,
      warnings: 5,
      listed: [few[0], few[5], few[1], few[2], few[3], few[4], few[6]],
      kinds: [],
    });
  });

  it("is the same size for half a million issues as for a thousand: what the worker sends is bounded", () => {
    const huge = Array.from({ length: 500_000 }, (_, i) => issue(`events[${i}]`, `x${i % 27}`, "warning"));
    const report = reportIssues(huge);
    expect(report.listed).toHaveLength(ISSUES_LISTED);
    expect(report.kinds).toHaveLength(27);
    expect(JSON.stringify(report).length).toBeLessThan(20_000);
  });
});
