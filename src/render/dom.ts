/**
 * Creates an element with text content. User-provided text only ever goes through textContent,
 * never innerHTML, so data can never inject markup or script.
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== undefined) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An element of index.html, which the page cannot work without. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`index.html is missing #${id}`);
  return node as T;
}

/**
 * Sets an attribute only when its value changes (null removes it). Zooming redraws hundreds of marks
 * a frame; most attributes are as they were, and writing them anyway costs style invalidation.
 */
export function setAttr(node: Element, name: string, value: string | number | null): void {
  if (value === null) {
    if (node.hasAttribute(name)) node.removeAttribute(name);
    return;
  }
  const text = String(value);
  if (node.getAttribute(name) !== text) node.setAttribute(name, text);
}

/** Sets text only when it changes: new text is laid out again. */
export function setText(node: Element, text: string): void {
  if (node.textContent !== text) node.textContent = text;
}

/** A link out of the page: a new tab that learns nothing of the page and gets no handle on it. */
export function externalLink(href: string, text: string, className?: string): HTMLAnchorElement {
  const link = el("a", className, text);
  link.href = href;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}
