import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, loadText } from "./formats/testLoad";
import { loadAnyFormat, summaryLine } from "./loadAnyFormat";
import { loadDataset } from "./loadDataset";

const readFs = (location: string) => readFile(location, "utf8");
const resolveFs = (datasetPath: string, file: string) => resolve(dirname(datasetPath), file);

describe("loadAnyFormat", () => {
  it("loads this project's JSON exactly as loadDataset does", async () => {
    for (const path of ["data/events.json", "test/fixtures/invalid-events.json", "missing.json"]) {
      const location = resolve(ROOT, path);
      const any = await loadAnyFormat(location, readFs, resolveFs, path);
      const { format, ...rest } = any;
      expect(format).toBe("json");
      expect(rest).toEqual(await loadDataset(location, readFs, resolveFs, path));
    }
  });

  it("reports an unreadable file once, as loadDataset words it", async () => {
    const loaded = await loadAnyFormat("gone.csv", () => Promise.reject(new Error("ENOENT")), resolveFs);
    expect(loaded.issues).toEqual([
      {
        severity: "error",
        file: "gone.csv",
        path: "",
        field: "(file)",
        message: "could not be read: ENOENT",
      },
    ]);
    expect(loaded.dataset.events).toEqual([]);
  });

  it("lists a converted file's issues in the file's order and counts records dropped before validation", async () => {
    const loaded = await loadText(
      "order.csv",
      [
        "id,start,title,summary,lane,actors,source,quote,extra",
        "b1,2025-13,Bad month,S,L,A,Src,long enough quote,",
        ",2025-07-10,,S,L,A,Src,long enough quote,",
        "ok,2025-07-11,Fine,S,L,A,Src,long enough quote,",
      ].join("\n"),
    );
    expect(loaded.format).toBe("csv");
    expect(loaded.issues.map((i) => `${i.path} ${i.field}`)).toEqual([
      "rows[1] extra",
      "rows[2] start",
      "rows[3] title",
    ]);
    expect(loaded.rejectedEvents).toBe(2);
    expect(loaded.dataset.events.map((e) => e.id)).toEqual(["ok"]);
  });

  it("summarises a result in validate's words", () => {
    const dataset = { title: "", description: "", lanes: [], articles: [], events: [] };
    expect(summaryLine("f.csv", dataset, [])).toBe(
      "f.csv: OK: 0 valid events, 0 lanes, 0 articles, 0/0 quotes verified verbatim",
    );
    const issue = { severity: "error" as const, file: "f", path: "", field: "x", message: "m" };
    const warning = { ...issue, severity: "warning" as const };
    expect(summaryLine("f.csv", dataset, [issue, warning, warning])).toBe(
      "f.csv: 1 error: 0 valid events, 0 lanes, 0 articles, 0/0 quotes verified verbatim, 2 warnings",
    );
  });
});
