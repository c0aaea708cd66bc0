export interface CardListInput {
  /** The card at `position` (in the cards' order) was chosen. */
  open(position: number): void;
  /** "Show more" was chosen: the next page of cards is wanted. */
  more(): void;
}

/**
 * Clicks in the phone's card list, one listener for all its cards: a card (a button, so Enter and
 * Space click it too) opens, "Show more" asks for more.
 */
export function listenToCardList(list: HTMLElement, input: CardListInput, signal: AbortSignal): void {
  list.addEventListener(
    "click",
    (event) => {
      const target = event.target as Element;
      const card = target.closest<HTMLElement>(".phone-card");
      if (card !== null) input.open(Number(card.dataset["position"]));
      else if (target.closest(".cards-more") !== null) input.more();
    },
    { signal },
  );
}
