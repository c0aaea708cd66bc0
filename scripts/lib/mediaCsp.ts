// The page's Content-Security-Policy, widened for media the author allows: the origins of the build
// setting MEDIA_ORIGINS (space- or comma-separated) and of the bundled dataset's `mediaOrigins` are
// added to img-src, media-src and frame-src, and nothing else changes. Without either, nothing from
// outside the site can load.
import { readOrigin, widenCsp } from "../../src/data/mediaPolicy.ts";

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/;

/** The origins of the MEDIA_ORIGINS build setting; one that is not an https origin stops the build. */
export function buildMediaOrigins(setting: string | undefined = process.env["MEDIA_ORIGINS"]): string[] {
  const entries = (setting ?? "").split(/[\s,]+/).filter((entry) => entry !== "");
  return entries.map((entry) => {
    const origin = readOrigin(entry);
    if (origin === undefined)
      throw new Error(`MEDIA_ORIGINS: ${JSON.stringify(entry)} is not an https origin (https://host[:port])`);
    return origin;
  });
}

/** `html` with its CSP `<meta>` letting media load from `origins` as well. */
export function widenPageCsp(html: string, origins: readonly string[]): string {
  if (origins.length === 0) return html;
  if (!CSP_META.test(html)) throw new Error("index.html has no Content-Security-Policy <meta> to widen");
  return html.replace(
    CSP_META,
    (_, open: string, csp: string, close: string) => open + widenCsp(csp, origins) + close,
  );
}
