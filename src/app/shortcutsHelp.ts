/**
 * The keyboard shortcuts dialog (its content is in index.html: static text needs no script),
 * opened by "?" anywhere outside a text field, or by its button.
 */
export function initShortcutsHelp(dialog: HTMLDialogElement, button: HTMLButtonElement): void {
  dialog.querySelector(".dialog-close")?.addEventListener("click", () => dialog.close());
  button.addEventListener("click", () => dialog.showModal());
  document.addEventListener("keydown", (event) => {
    if (event.key !== "?" || event.ctrlKey || event.metaKey || event.altKey) return;
    if ((event.target as Element).closest("input, textarea, select, [contenteditable]")) return;
    event.preventDefault();
    if (!dialog.open) dialog.showModal();
  });
}
