/**
 * Which third-party media a page may load, and the Content-Security-Policy that lets it. Pure: the
 * page (render/eventMedia.ts), the validator (readExtras.ts) and the build (vite.config.ts) share it.
 * Nothing from outside loads unless the author allowed its origin AND the page's CSP lets it in.
 */

/** What a media URL is shown as. */
export type MediaKind = "image" | "video" | "audio" | "youtube" | "vimeo" | "page";

/** An origin as authors write it: https, a host, an optional port; no path, no wildcard. */
const ORIGIN = /^https:\/\/[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?\/?$/i;

/** The origin `text` names, normalised (lower case, no trailing slash); undefined when it is not one. */
export function readOrigin(text: string): string | undefined {
  if (!ORIGIN.test(text)) return undefined;
  return text.replace(/\/$/, "").toLowerCase();
}

/** The https origin of a URL; undefined for any other scheme or a URL that cannot be parsed. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

const YOUTUBE_ID = /^[\w-]{6,20}$/;

/**
 * The privacy-friendly player of a YouTube or Vimeo URL (youtube-nocookie sets no cookie until
 * played): the page frames it only after a click, never autoplaying.
 */
export function videoEmbed(
  url: string,
): { kind: "youtube" | "vimeo"; embed: string; origin: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== "https:") return undefined;
  const host = parsed.hostname.replace(/^(www|m)\./, "");
  let id: string | null = null;
  if (host === "youtube.com") id = parsed.pathname === "/watch" ? parsed.searchParams.get("v") : null;
  if (host === "youtube.com" && id === null)
    id = /^\/(?:embed|shorts)\/([\w-]+)/.exec(parsed.pathname)?.[1] ?? null;
  if (host === "youtu.be") id = parsed.pathname.slice(1);
  if (id !== null && YOUTUBE_ID.test(id)) {
    const origin = "https://www.youtube-nocookie.com";
    return { kind: "youtube", embed: `${origin}/embed/${id}`, origin };
  }
  const vimeo = host === "vimeo.com" ? /^\/(\d{1,12})$/.exec(parsed.pathname)?.[1] : undefined;
  if (vimeo !== undefined) {
    const origin = "https://player.vimeo.com";
    return { kind: "vimeo", embed: `${origin}/video/${vimeo}?dnt=1`, origin };
  }
  return undefined;
}

/** What a media URL is, from its platform or its file extension; anything else is a page link. */
export function mediaKind(url: string): MediaKind {
  const embed = videoEmbed(url);
  if (embed !== undefined) return embed.kind;
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return "page";
  }
  if (/\.(jpe?g|png|gif|webp|avif|svg)$/.test(path)) return "image";
  if (/\.(mp4|webm|ogv|mov)$/.test(path)) return "video";
  if (/\.(mp3|ogg|oga|wav|m4a|aac|opus)$/.test(path)) return "audio";
  return "page";
}

/** The CSP directive that governs loading a kind of media (none for a page, which is only linked). */
export function directiveFor(kind: MediaKind): "img-src" | "media-src" | "frame-src" | undefined {
  if (kind === "image") return "img-src";
  if (kind === "video" || kind === "audio") return "media-src";
  if (kind === "youtube" || kind === "vimeo") return "frame-src";
  return undefined;
}

/** Directives of a policy, by name, each with its sources. */
function parseCsp(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== "" && !out.has(name.toLowerCase()))
      out.set(name.toLowerCase(), sources);
  }
  return out;
}

/**
 * `csp` with `origins` added to img-src, media-src and frame-src. A directive the policy lacks is
 * created from its default-src (so it allows what it did, and the origins besides).
 */
export function widenCsp(csp: string, origins: readonly string[]): string {
  const valid = origins.map(readOrigin).filter((o): o is string => o !== undefined);
  if (valid.length === 0) return csp;
  const directives = parseCsp(csp);
  const fallback = directives.get("default-src") ?? ["'self'"];
  for (const name of ["img-src", "media-src", "frame-src"]) {
    const sources = directives.get(name) ?? fallback.filter((s) => s !== "'none'");
    directives.set(name, [...sources, ...valid.filter((o) => !sources.includes(o))]);
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(" ")).join("; ");
}

/** Whether the policy `csp` lets `directive` load from the https `origin` (an exact origin or `https:`). */
export function cspAllows(csp: string | undefined, directive: string, origin: string): boolean {
  if (csp === undefined) return true;
  const directives = parseCsp(csp);
  const sources = directives.get(directive) ?? directives.get("default-src");
  if (sources === undefined) return true;
  return sources.some((s) => s.toLowerCase() === origin || s === "https:" || s === "*");
}

/**
 * Whether the page may load `url` as `kind`: its origin (the player's, for a video platform) is one
 * the author allowed and the page's policy lets in. A page link is never loaded, only linked.
 */
export function mayLoad(
  url: string,
  kind: MediaKind,
  allowed: readonly string[] | undefined,
  csp: string | undefined,
): boolean {
  const directive = directiveFor(kind);
  if (directive === undefined) return false;
  const origin = videoEmbed(url)?.origin ?? originOf(url);
  if (origin === undefined || allowed === undefined || !allowed.includes(origin)) return false;
  return cspAllows(csp, directive, origin);
}
