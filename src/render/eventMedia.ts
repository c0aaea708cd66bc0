import type { Media } from "../data/types";
import { mayLoad, mediaKind, originOf, videoEmbed, type MediaKind } from "../data/mediaPolicy";
import { el, externalLink } from "./dom";

const LINK_TEXT: Readonly<Record<MediaKind, string>> = {
  image: "Open the image",
  video: "Open the video",
  audio: "Open the audio",
  youtube: "Watch on YouTube",
  vimeo: "Watch on Vimeo",
  page: "Open the linked page",
};

/** The page's own Content-Security-Policy (its `<meta>`): media it would block is linked instead. */
function pageCsp(): string | undefined {
  return document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')?.content;
}

/** What plays or shows the media in the page, when it may load; undefined when it may not. */
function player(media: Media, kind: MediaKind): HTMLElement | undefined {
  if (kind === "image") {
    const img = el("img", "detail-image");
    // Lazily, and telling the host nothing of the page that shows it.
    img.loading = "lazy";
    img.decoding = "async";
    img.referrerPolicy = "no-referrer";
    img.alt = media.alt ?? "";
    img.src = media.url;
    return img;
  }
  if (kind === "video" || kind === "audio") {
    // Controls, nothing fetched until asked for, never autoplaying.
    const av = el(kind, "detail-av");
    av.controls = true;
    av.preload = "none";
    av.src = media.url;
    if (media.alt !== undefined) av.setAttribute("aria-label", media.alt);
    return av;
  }
  const embed = videoEmbed(media.url);
  if (embed === undefined) return undefined;
  // Click to load: nothing is fetched from the platform until the reader asks for the video.
  const play = el(
    "button",
    "tool-button detail-play",
    `Play the video here (loads from ${new URL(embed.origin).host})`,
  );
  play.type = "button";
  play.addEventListener("click", () => {
    const frame = el("iframe", "detail-video");
    frame.src = embed.embed;
    frame.title = media.alt ?? media.caption ?? "Video";
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    frame.allow = "encrypted-media; picture-in-picture; fullscreen";
    frame.setAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation allow-popups");
    play.replaceWith(frame);
  });
  return play;
}

/**
 * An event's media in its details: shown (image, audio, video, or a click-to-load video player)
 * only from an origin the dataset allows (`mediaOrigins`) and the page's policy lets in; otherwise
 * a plain link, with a note saying why it is not shown. Caption and credit are text.
 */
export function mediaView(media: Media, allowedOrigins: readonly string[] | undefined): HTMLElement {
  const figure = el("figure", "detail-media");
  const kind = mediaKind(media.url);
  const shown = mayLoad(media.url, kind, allowedOrigins, pageCsp()) ? player(media, kind) : undefined;
  if (shown !== undefined) figure.append(shown);
  const caption = el("figcaption");
  if (media.caption !== undefined) caption.append(el("span", "media-caption", media.caption));
  if (media.credit !== undefined) caption.append(el("span", "media-credit", media.credit));
  caption.append(externalLink(media.url, `${LINK_TEXT[kind]} \u2197`, "media-link"));
  if (shown === undefined && kind !== "page") {
    const origin = videoEmbed(media.url)?.origin ?? originOf(media.url) ?? media.url;
    caption.append(
      el("span", "media-note", `Not shown here: this timeline does not load media from ${origin}.`),
    );
  }
  figure.append(caption);
  return figure;
}
