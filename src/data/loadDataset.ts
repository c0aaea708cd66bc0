import type { DataIssue } from "./issues";
import { parseJson } from "./parseJson.ts";
import {
  articleFiles,
  validateDataset,
  type ArticleText,
  type OnProgress,
  type ValidationResult,
} from "./validateDataset.ts";

/** Reads a file by path or URL; the CLI passes the file system, the browser passes fetch. */
export type ReadText = (location: string) => Promise<string>;

/** Resolves an article's `file` against the location of the dataset that names it. */
export type ResolvePath = (datasetLocation: string, file: string) => string;

/** A validated dataset plus the article texts it was checked against (for the source reader). */
export interface LoadedDataset extends ValidationResult {
  readonly texts: ReadonlyMap<string, string>;
}

function fileError(file: string, message: string): LoadedDataset {
  const issue: DataIssue = { severity: "error", file, path: "", field: "(file)", message };
  return {
    dataset: { title: "", description: "", lanes: [], articles: [], events: [] },
    issues: [issue],
    rejectedEvents: 0,
    texts: new Map(),
  };
}

/** Loads a dataset and the articles it cites, then validates it. Never rejects: failures become issues. */
export async function loadDataset(
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  displayName = location,
  onProgress?: OnProgress,
): Promise<LoadedDataset> {
  let text: string;
  try {
    text = await read(location);
  } catch (error) {
    return fileError(
      displayName,
      `could not be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return fileError(displayName, parsed.message);
  return loadParsedDataset(parsed.value, location, read, resolve, displayName, onProgress);
}

/**
 * loadDataset for a document already parsed (by a caller that had to parse it to learn its format:
 * parsing 74 MB of JSON twice cost the loader over half a second). Reads the articles it cites
 * relative to `location`, then validates.
 */
export async function loadParsedDataset(
  document: unknown,
  location: string,
  read: ReadText,
  resolve: ResolvePath,
  displayName = location,
  onProgress?: OnProgress,
): Promise<LoadedDataset> {
  const articleTexts = await readArticleTexts(document, location, read, resolve);
  return {
    ...validateDataset(document, { file: displayName, articleTexts, onProgress }),
    texts: readable(articleTexts),
  };
}

/** The texts of the article files a document cites, read relative to `location`, or why each could not be. */
export async function readArticleTexts(
  document: unknown,
  location: string,
  read: ReadText,
  resolve: ResolvePath,
): Promise<Map<string, ArticleText>> {
  const articleTexts = new Map<string, ArticleText>();
  await Promise.all(
    articleFiles(document).map(async ({ id, file }) => {
      try {
        articleTexts.set(id, { ok: true, text: await read(resolve(location, file)) });
      } catch (error) {
        articleTexts.set(id, { ok: false, message: error instanceof Error ? error.message : String(error) });
      }
    }),
  );
  return articleTexts;
}

/** The article texts that could be read, for the source reader. */
export function readable(articleTexts: ReadonlyMap<string, ArticleText>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [id, entry] of articleTexts) if (entry.ok) texts.set(id, entry.text);
  return texts;
}
