import { checkArticlePath } from "../data/articlePath.ts";

/** Where to load the dataset from: the bundled file, or a same-origin `?data=` URL. */
export type DataLocation =
  { ok: true; url: string; custom: boolean } | { ok: false; message: string; url: string };

export const BUNDLED_DATA = "events.json";

/**
 * Reads `?data=` from a query string. Only same-origin URLs are accepted: the page must not be
 * made to fetch from, or vouch for, another site.
 */
export function dataLocation(search: string, pageHref: string): DataLocation {
  const bundled = new URL(BUNDLED_DATA, pageHref).href;
  const requested = new URLSearchParams(search).get("data");
  if (requested === null || requested.trim() === "") return { ok: true, url: bundled, custom: false };
  let url: URL;
  try {
    url = new URL(requested, pageHref);
  } catch {
    return {
      ok: false,
      message: `?data=${requested} is not a valid URL; showing the bundled data`,
      url: bundled,
    };
  }
  try {
    // The page names the file by its decoded path: a malformed %-escape (`%E0%A4%A`) must not leave
    // it stuck on "Loading…" with "URI malformed". (The decoded path is used, so that no minifier
    // takes the call for one without effect and drops it, as terser did.)
    if (decodeURIComponent(url.pathname).includes("\u0000")) throw new Error("NUL in the path");
  } catch {
    return {
      ok: false,
      message: `?data=${requested} has a malformed %-escape; showing the bundled data`,
      url: bundled,
    };
  }
  if (url.origin !== new URL(pageHref).origin) {
    return {
      ok: false,
      message: `?data= must point to this site (${new URL(pageHref).origin}); showing the bundled data`,
      url: bundled,
    };
  }
  return { ok: true, url: url.href, custom: true };
}

/**
 * Resolves an article's file against its dataset's URL. Only what the path rule allows (a relative
 * text file inside the dataset's folder, see data/articlePath.ts) is resolved, and the result must
 * still lie under the dataset's folder on the same origin; anything else throws.
 */
export function resolveArticleUrl(datasetUrl: string, file: string): string {
  const checked = checkArticlePath(file);
  if (!checked.ok) throw new Error(`article file ${file} ${checked.message}`);
  const folder = new URL(".", datasetUrl);
  const url = new URL(checked.path, folder);
  if (url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname))
    throw new Error(`article file ${file} is not inside the dataset's folder on this site`);
  return url.href;
}
