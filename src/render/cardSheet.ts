import { el } from "./dom";

/**
 * The details of a card as a bottom sheet: a modal <dialog>, so focus stays inside it and the page
 * behind is inert. × , Escape or a tap on the dimmed page closes it, and focus returns to the card.
 */
export function createCardSheet(dialog: HTMLDialogElement) {
  dialog.classList.add("card-sheet");
  dialog.setAttribute("aria-labelledby", "card-sheet-title");
  const close = el("button", "sheet-close", "\u00d7");
  close.type = "button";
  close.setAttribute("aria-label", "Close details (Escape)");
  const body = el("div", "sheet-body");
  dialog.replaceChildren(close, body);
  let returnTo: HTMLElement | undefined;
  close.addEventListener("click", () => dialog.close());
  // The dialog has no padding of its own, so a click on it (not on its content) is on the backdrop.
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", () => {
    body.replaceChildren();
    const card = returnTo;
    returnTo = undefined;
    // The card may have been redrawn meanwhile (a filter changed): then there is nothing to return to.
    if (card?.isConnected) card.focus();
  });
  return {
    /** Shows `content` (its .detail-title names the sheet) for `card`, which gets focus back after. */
    open(content: HTMLElement, card: HTMLElement): void {
      const title = content.querySelector(".detail-title");
      if (title !== null) title.id = "card-sheet-title";
      body.replaceChildren(content);
      returnTo = card;
      if (!dialog.open) dialog.showModal();
      body.scrollTop = 0;
      close.focus();
    },
    close(): void {
      if (dialog.open) dialog.close();
    },
    get isOpen(): boolean {
      return dialog.open;
    },
  };
}
export type CardSheet = ReturnType<typeof createCardSheet>;
