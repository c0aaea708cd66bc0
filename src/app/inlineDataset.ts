import type { LoadedAnyFormat } from "../data/loadAnyFormat";

/** The id of the `<script type="application/json">` the build puts the checked bundled data in. */
export const INLINE_DATASET_ID = "bundled-data";

/** A loaded dataset as JSON: the article texts as [id, text] pairs instead of a Map. */
export type InlineDataset = Omit<LoadedAnyFormat, "texts"> & { readonly texts: [string, string][] };

/**
 * The loaded (validated) dataset as text for a `<script type="application/json">` element: every
 * `<` is escaped, so no text in the data can close the element or open a comment.
 */
export function inlineDatasetJson(loaded: LoadedAnyFormat): string {
  const inline: InlineDataset = { ...loaded, texts: [...loaded.texts] };
  return JSON.stringify(inline).replace(/</g, "\\u003c");
}

/** The dataset the build checked and put in the page, or undefined when there is none. */
export function readInlineDataset(doc: Document): LoadedAnyFormat | undefined {
  const text = doc.getElementById(INLINE_DATASET_ID)?.textContent;
  if (text == null || text === "") return undefined;
  const inline = JSON.parse(text) as InlineDataset;
  return { ...inline, texts: new Map(inline.texts) };
}
