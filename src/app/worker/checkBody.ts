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
 * The article's whole size in bytes as the server declares it: from Content-Range when it answered
 * the page's ranged request with a part (206), else from Content-Length; 0 when it does not say.
 */
export function declaredBytes(status: number, headers: Headers): number {
  const whole =
    status === 206 ? /\/(\d+)$/.exec(headers.get("content-range") ?? "")?.[1] : headers.get("content-length");
  const bytes = Number(whole ?? 0);
  // A part whose whole size is not given ("bytes 0-9/*") may be of any size: too large to take on.
  return status === 206 && whole === undefined ? Infinity : Number.isFinite(bytes) ? bytes : 0;
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
    if (limit === undefined) {
      const response = await guardedFetch(url);
      if (!response.ok) throw new Error(httpFailure(response));
      return decodeBytes(new Uint8Array(await response.arrayBuffer()));
    }
    // The page asks for no more than it may take on: receiving the megabytes of a 30 MB article that
    // arrive before a cancel took effect held its thread 100–400 ms, before any script ran. A server
    // that ignores Range sends it all (200), and the page then stops reading at the limit.
    const room = Math.max(0, limit.articleBytes - total);
    // Kept out of the HTTP cache: a cached part of a compressed body, completed for the worker's
    // whole request, once gave it an article cut to a few pages (its quotes then "not verbatim").
    let response = await guardedFetch(url, { headers: { range: `bytes=0-${room}` }, cache: "no-store" });
    // 416: no byte 0 to give, an empty file; asked again without a range, it gives its empty text.
    if (response.status === 416) response = await guardedFetch(url);
    if (!response.ok) throw new Error(httpFailure(response));
    const reader = (response.body ?? new Blob().stream()).getReader();
    const tooLarge = () => {
      void reader.cancel().catch(() => {});
      limit.exceeded();
      return new Error(HANDED_OVER);
    };
    if (total + declaredBytes(response.status, response.headers) > limit.articleBytes) throw tooLarge();
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks.push(chunk.value);
      if ((total += chunk.value.byteLength) > limit.articleBytes) throw tooLarge();
    }
    return decodeBytes(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  };
}
