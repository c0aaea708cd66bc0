import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  computeFigures,
  figuresIn,
  FIGURES_END,
  FIGURES_START,
  renderFigures,
  replaceFigures,
} from "../src/data/dataFigures";
import { validateDataset } from "../src/data/validateDataset";
import { validateLedger } from "../src/data/validateLedger";
import { currentFigures } from "./dataFigures";

const ROOT = resolve(import.meta.dirname, "..");

describe("README data figures", () => {
  it("agree with the data (run npm run data:figures after changing data/)", async () => {
    const readme = readFileSync(resolve(ROOT, "README.md"), "utf8");
    expect(figuresIn(readme)).toBe(await currentFigures(resolve(ROOT, "data/ledger.json")));
  });
});

describe("dataFigures", () => {
  const event = (id: string, extra: Record<string, unknown>) => ({
    id,
    title: id,
    summary: "s",
    lane: "l",
    actors: ["a"],
    sources: [{ article: "a", quote: "a long enough quote" }],
    dateNote: "n",
    ...extra,
  });
  const { dataset } = validateDataset(
    {
      title: "t",
      lanes: [{ id: "l", label: "Lane" }],
      articles: [{ id: "a", title: "A" }],
      events: [
        event("x", { start: "2025-07", precision: "month", dateBasis: "reference" }),
        event("y", { start: "2025-07-14", end: "2025-07-15", precision: "day", dateBasis: "inferred" }),
        event("z", {
          start: "2025-07-20",
          precision: "day",
          dateBasis: "reference",
          dateNote: "Reported as of article a",
          conflict: { note: "differs", events: ["y"] },
        }),
      ],
    },
    { file: "t.json" },
  );
  const ledger = validateLedger(
    { entries: [] },
    { file: "l.json", dataset, articleTexts: new Map() },
  ).summary;

  it("counts events, bases, precisions, spans, reported-as-of points and conflicts from the data", () => {
    const f = computeFigures(dataset, ledger);
    expect(f).toMatchObject({
      events: 3,
      quotes: 3,
      verified: 0,
      first: "2025-07",
      last: "2025-07-20",
      bases: { stated: 0, inferred: 1, reference: 2 },
      precisions: { year: 0, month: 1, week: 0, day: 2, time: 0 },
      spans: 1,
      reportedAsOf: 1,
      conflicts: 1,
    });
    const text = renderFigures(f);
    expect(text.startsWith(FIGURES_START) && text.endsWith(FIGURES_END)).toBe(true);
    expect(text).toContain("**3 events** in 1 lane (Lane 3), from 2025-07 to 2025-07-20");
    expect(text).toContain(
      "Date basis: 0 stated by an article, 1 inferred from an article's wording, 2 from",
    );
  });

  it("replaces only the block between the markers, and refuses a README without them", () => {
    const readme = `intro\n${FIGURES_START}\nold\n${FIGURES_END}\nrest\n`;
    expect(replaceFigures(readme, `${FIGURES_START}\nnew\n${FIGURES_END}`)).toBe(
      `intro\n${FIGURES_START}\nnew\n${FIGURES_END}\nrest\n`,
    );
    expect(figuresIn(readme)).toBe(`${FIGURES_START}\nold\n${FIGURES_END}`);
    expect(() => replaceFigures("no markers", "x")).toThrow(/no figures block/);
    expect(figuresIn("no markers")).toBeUndefined();
  });
});
