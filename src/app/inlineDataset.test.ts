import { describe, expect, test } from "vitest";
import { loadRepoFile, loadText } from "../data/formats/testLoad";
import { INLINE_DATASET_ID, inlineDatasetJson, readInlineDataset } from "./inlineDataset";

/** A document holding `json` in the data element, as the built page does (null: no element). */
const page = (json: string | null) =>
  ({
    getElementById: (id: string) =>
      id === INLINE_DATASET_ID && json !== null ? { textContent: json } : null,
  }) as unknown as Document;

describe("the bundled dataset inlined in the page", () => {
  test("reads back exactly as loaded: events, issues and the article texts for the source reader", async () => {
    const loaded = await loadRepoFile("data/events.json");
    expect(loaded.texts.size).toBe(5);
    expect(readInlineDataset(page(inlineDatasetJson(loaded)))).toEqual(loaded);
  });

  test("cannot end its element or open a comment, whatever the data says", async () => {
    const text = JSON.stringify({
      title: "</script><script>alert(1)</script><!--",
      lanes: [{ id: "a", label: "A" }],
      articles: [],
      events: [],
    });
    const loaded = await loadText("hostile.json", text);
    const json = inlineDatasetJson(loaded);
    expect(json).not.toContain("<");
    expect(readInlineDataset(page(json))!.dataset.title).toBe("</script><script>alert(1)</script><!--");
  });

  test("is absent from a page without it (the page then loads the file itself)", () => {
    expect(readInlineDataset(page(null))).toBeUndefined();
    expect(readInlineDataset(page(""))).toBeUndefined();
  });
});
