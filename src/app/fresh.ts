import { byId } from "../render/dom";

/** Swaps an element for an empty copy, dropping the listeners a previous dataset attached to it. */
export function fresh<T extends HTMLElement = HTMLElement>(id: string): T {
  const old = byId<T>(id);
  const copy = old.cloneNode(false) as T;
  old.replaceWith(copy);
  return copy;
}
