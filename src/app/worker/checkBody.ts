import { decodeBytes } from "../../data/decodeText";
import { loadAnyFormat, type LoadedAnyFormat } from "../../data/loadAnyFormat";
import { loadBytes } from "../../data/loadBytes";
import type { OnProgress } from "../../data/validateDataset";
import { resolveArticleUrl } from "../dataLocation";
import { guardedFetch } from "../loadGuard";
import { httpFailure, type BodyMessage, type LoadRequest } from "./loadProtocol";

/** What the page, unlike the worker, may not take on while it checks a file (see loadSource). */
export interface PageLimit {
  /** The most article text (bytes, all articles together) the page reads and checks quotes against. */
  readonly articleBytes: number;
  /** Called once the file's articles turn out larger: the page's check is void, a worker's will count. */
  readonly exceeded: () => void;
}

/** Why a page check stopped reading an article (its result is not used: see PageLimit). */
export const HANDED_OVER = "the articles are too large to check on the page; a worker checks them";

/**
 * Checks a file whose bytes arrive chunk by chunk (see BodyMessage), following its events as they
 * come (loadBytes, the CLI's own reader), so little is left to do when the last chunk is in. Returns
 * what takes the chunks: it gives the loaded file for the message that ends them. Runs in the
 * loading worker, or on the page for a file small enough (see loadSource), with a limit on the
 * article text it takes on.
 */
export function checkBody(
  { location, displayName, file }: LoadRequest,
  onProgress: OnProgress,
  onRestart?: () => void,
  pageLimit?: PageLimit,
): (message: BodyMessage) => Promise<LoadedAnyFormat> | undefined {
  const read = file ? cannotReachArticles : articleReader(pageLimit);
  const resolvePath = file ? (_: string, name: string) => name : resolveArticleUrl;
  const load = loadBytes(location, read, resolvePath, { displayName, onProgress, onRestart });
  return (message) => {
    if (message instanceof Uint8Array) return void load.push(message);
    if (message === null) return load.end();
    // The download broke off: what was checked of it is void, and the file is reported unreadable.
    onRestart?.();
    return loadAnyFormat(location, () => Promise.reject(new Error(message.failed)), resolvePath, displayName);
  };
}

function cannotReachArticles(): Promise<string> {
  return Promise.reject(new Error("a file opened from your computer cannot reach its article files"));
}

/**
 * Reads article files: whole in a worker; on the page only up to `limit.articleBytes` in all. An
 * article's text is decoded and normalised in one piece, and each quote is looked for in all of it:
 * 30 MB held the page's thread for a second or more. Past the limit the page stops reading (the
 * download is cancelled) and hands the file to a worker, which reads the articles again.
 */
function articleReader(limit: PageLimit | undefined): (url: string) => Promise<string> {
  let total = 0;
  return async (url) => {
    const response = await guardedFetch(url);
    if (!response.ok) throw new Error(httpFailure(response));
    if (limit === undefined) return decodeBytes(new Uint8Array(await response.arrayBuffer()));
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    const reader = (response.body ?? new Blob().stream()).getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      if ((total += chunk.value.byteLength) > limit.articleBytes) {
        void reader.cancel().catch(() => {});
        limit.exceeded();
        throw new Error(HANDED_OVER);
      }
    }
    return decodeBytes(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  };
}
