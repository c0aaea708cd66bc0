import DOMPurify, { type Config } from "dompurify";
import "../styles/richText.css";

/**
 * The only markup of the data that ever reaches the page: TimelineJS's limited HTML, through
 * DOMPurify with an allow-list of paragraphs, line breaks, links, emphasis, lists and quotes. No
 * attribute but a link's `href` survives, and only an http(s) or mailto one: script, event handlers,
 * `javascript:` URLs, frames, images and styles are dropped before anything is put in the page.
 */
const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS: ["p", "br", "a", "em", "strong", "i", "b", "u", "ul", "ol", "li", "blockquote"],
  ALLOWED_ATTR: ["href"],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};

let hooked = false;

/** Links leave the page in a new tab, telling the target nothing of it (and giving it no handle). */
function hookLinks(): void {
  if (hooked) return;
  hooked = true;
  DOMPurify.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName !== "A") return;
    if (!node.hasAttribute("href")) return;
    node.setAttribute("rel", "noopener noreferrer");
    node.setAttribute("target", "_blank");
  });
}

/** The sanitised content of an HTML fragment, as nodes ready to append (never a string for innerHTML). */
export function sanitizedFragment(html: string): DocumentFragment {
  hookLinks();
  const fragment = DOMPurify.sanitize(html, CONFIG);
  // A link whose target was refused (javascript:, a relative path) is no link: its text stays.
  for (const a of fragment.querySelectorAll("a:not([href])")) a.replaceWith(...a.childNodes);
  return fragment;
}
