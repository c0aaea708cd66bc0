import { el } from "../render/dom";

const SHORTCUTS: [string, string][] = [
  ["Tab", "move into the timeline (and on to the controls)"],
  ["\u2190 \u2192", "previous / next event in time"],
  ["\u2191 \u2193", "nearest event in the lane above / below"],
  ["Home  End", "first / last event"],
  ["Enter or Space", "pin the event's details (sources, quotes)"],
  ["Escape", "close details, source reader or this help"],
  ["+  \u2212", "zoom in / out"],
  ["0", "fit all events"],
  ["?", "show this help"],
];

/** The keyboard shortcuts dialog, opened by "?" anywhere outside a text field, or by its button. */
export function initShortcutsHelp(dialog: HTMLDialogElement, button: HTMLButtonElement): void {
  const list = el("dl", "shortcuts");
  for (const [keys, what] of SHORTCUTS) list.append(el("dt", undefined, keys), el("dd", undefined, what));
  const close = el("button", "dialog-close", "Close");
  close.type = "button";
  close.addEventListener("click", () => dialog.close());
  const title = el("h2", undefined, "Keyboard shortcuts");
  title.id = "shortcuts-title";
  dialog.setAttribute("aria-labelledby", title.id);
  dialog.replaceChildren(title, list, close);
  button.addEventListener("click", () => dialog.showModal());
  document.addEventListener("keydown", (event) => {
    if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as Element).closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    if (!dialog.open) dialog.showModal();
  });
}
