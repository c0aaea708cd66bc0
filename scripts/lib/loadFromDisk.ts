import { readFile, realpath } from "node:fs/promises";
import { dirname, relative, resolve, sep, isAbsolute } from "node:path";
import { checkArticlePath } from "../../src/data/articlePath.ts";
import { decodeBytes } from "../../src/data/decodeText.ts";
import { loadWholeBytes } from "../../src/data/loadBytes.ts";
import { loadAnyFormat, type LoadedAnyFormat } from "../../src/data/loadAnyFormat.ts";

/** Whether `path` is `folder` or lies under it (both absolute and resolved). */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/**
 * Reads an article file named by a dataset at `datasetPath`: only what the path rule allows
 * (src/data/articlePath.ts), and only if its real path (symbolic links followed) is still inside the
 * real folder of the dataset. Throws with the reason otherwise; the validator reports it on the
 * article's `file`.
 */
export async function readArticleFile(datasetPath: string, file: string): Promise<string> {
  const checked = checkArticlePath(file);
  if (!checked.ok) throw new Error(checked.message);
  const folder = await realpath(dirname(resolve(datasetPath)));
  const real = await realpath(resolve(folder, checked.path));
  if (!isInside(folder, real)) throw new Error("is a link that leads outside the dataset's folder");
  return decodeBytes(await readFile(real));
}

/**
 * Loads and validates a dataset file with the article texts beside it, as the browser would: its
 * bytes go through the page's own reader (loadBytes), so the CLI, the build and the page give the
 * same events and problems for the same bytes. The dataset itself is the file named; its articles are
 * read only from inside its own folder.
 */
export async function loadFromDisk(path: string, displayName = path): Promise<LoadedAnyFormat> {
  const datasetPath = resolve(path);
  // Articles are named by their (checked, relative) path, read by readArticleFile.
  const readArticle = (location: string) => readArticleFile(datasetPath, location);
  const byName = (_: string, file: string) => file;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(await readFile(datasetPath));
  } catch (error) {
    // Worded as every loader words a file that cannot be read.
    return loadAnyFormat(datasetPath, () => Promise.reject(error as Error), byName, displayName);
  }
  return loadWholeBytes(bytes, datasetPath, readArticle, byName, { displayName });
}
