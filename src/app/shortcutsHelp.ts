import { canFocus, type EscapeLayers } from "./escapeLayers";

/**
 * The keyboard shortcuts dialog (its content is in index.html: static text needs no script),
 * opened by "?" anywhere outside a text field, or by its button. Escape (see escapeLayers) or Close
 * puts focus back where it was when the dialog opened: the button, or the event "?" was pressed on.
 */
export function initShortcutsHelp(
  dialog: HTMLDialogElement,
  button: HTMLButtonElement,
  layers: EscapeLayers,
): void {
  let opener: Element | null = null;
  const open = () => {
    if (dialog.open) return;
    const active = document.activeElement;
    opener = active === null || active === document.body ? button : active;
    dialog.showModal();
  };
  // However it closes (Escape, Close, the form), focus goes back to what opened it.
  dialog.addEventListener("close", () => (canFocus(opener) ? opener : button).focus());
  dialog.querySelector(".dialog-close")?.addEventListener("click", () => dialog.close());
  button.addEventListener("click", open);
  document.addEventListener("keydown", (event) => {
    if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as Element).closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    open();
  });
  layers.register({ kind: "dialog", isOpen: () => dialog.open, close: () => dialog.close() });
}
