import { describe, expect, it } from "vitest";
import { deriveEventId, idFor, precisionOfNotation, slugify, titleFromFileName } from "./common";

describe("ids", () => {
  it("slugs text into the dataset's id form, dropping accents and cutting long text at a hyphen", () => {
    expect(slugify("  Zelenskyy’s visit: Élysée & NATO!  ")).toBe("zelenskyy-s-visit-elysee-nato");
    const long = slugify("word ".repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("derives event ids from start and title, stably, with a hash for titles that slug to nothing", () => {
    expect(deriveEventId("2025-07-10", "Trump phones Rutte")).toBe("2025-07-10-trump-phones-rutte");
    expect(deriveEventId("2025-07~", "Talks")).toBe("2025-07-talks");
    expect(deriveEventId("-0043-03-15", "Ides")).toBe("minus-0043-03-15-ides");
    const a = deriveEventId("2025-07-10", "Переговоры");
    expect(a).toMatch(/^2025-07-10-[0-9a-f]{8}$/);
    expect(deriveEventId("2025-07-10", "Переговоры")).toBe(a);
    expect(deriveEventId("2025-07-10", "Встреча")).not.toBe(a);
    expect(idFor("Война", "lane")).toMatch(/^lane-[0-9a-f]{8}$/);
  });
});

describe("precisionOfNotation", () => {
  it("reads the precision a start's notation implies", () => {
    expect(
      ["2025", "-0043", "2025-07", "2025-07-10", "2025-07-10~", "2025-07-10T11:00Z"].map(precisionOfNotation),
    ).toEqual(["year", "year", "month", "day", "day", "time"]);
  });
});

describe("titleFromFileName", () => {
  it("uses the file's name without folders or extension", () => {
    expect(titleFromFileName("C:\\data\\my events.csv")).toBe("my events");
    expect(titleFromFileName("data/.csv")).toBe("Untitled timeline");
  });
});
