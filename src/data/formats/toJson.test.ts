import { describe, expect, it } from "vitest";
import { validateDataset } from "../validateDataset";
import { datasetToJson } from "./toJson";

const MINIMAL = {
  title: "Minimal",
  lanes: [{ id: "l", label: "Lane" }],
  articles: [{ id: "a", title: "Article", file: "articles/a.txt" }],
  events: [
    {
      id: "e",
      title: "Event",
      summary: "Summary.",
      start: "2025-07-10~",
      precision: "day",
      dateBasis: "stated",
      dateNote: "Note.",
      lane: "l",
      actors: ["Someone"],
      sources: [{ article: "a", quote: "a quote long enough" }],
      conflict: { note: "Disagrees." },
    },
  ],
};

describe("datasetToJson", () => {
  const texts = new Map([["a", { ok: true as const, text: "Here is a quote long enough to find." }]]);
  const { dataset, issues } = validateDataset(MINIMAL, { file: "m.json", articleTexts: texts });

  it("writes optional fields only when present and dates as their EDTF text", () => {
    expect(issues).toEqual([]);
    expect(datasetToJson(dataset)).toEqual(MINIMAL);
    expect(JSON.stringify(datasetToJson(dataset))).not.toMatch(/startMs|verified|isRange|null/);
  });

  it("can rewrite article files and add a $schema reference first", () => {
    const json = datasetToJson(dataset, { articleFile: (file) => `../data/${file}`, schema: "./s.json" });
    expect(Object.keys(json)[0]).toBe("$schema");
    expect(json.articles[0]?.file).toBe("../data/articles/a.txt");
  });
});
