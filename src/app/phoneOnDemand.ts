import type { Dataset } from "../data/types";
import type { OpenSource } from "../render/eventDetail";
import type { PhoneView } from "./phoneView";

/**
 * The card timeline phones show in place of the chart, its code fetched the first time it is
 * needed: a wide screen never fetches it. It shows what the filters and search leave (`shown`).
 */
export function phoneOnDemand(
  root: HTMLElement,
  sheet: HTMLDialogElement,
  dataset: Dataset,
  openSource: OpenSource,
  shown: () => [Uint8Array | undefined, Uint8Array | undefined],
  signal: AbortSignal,
) {
  let phone: PhoneView | undefined;
  let loading: Promise<PhoneView> | undefined;
  const load = () =>
    (loading ??= import("./phoneView").then(({ createPhoneView }) => {
      phone = createPhoneView(root, sheet, dataset, { openSource, signal });
      phone.setShown(...shown());
      return phone;
    }));
  return {
    /** Shows or hides the cards; `wanted` says, once they have loaded, whether they still should show. */
    activate(cards: boolean, wanted: () => boolean): void {
      if (phone !== undefined) phone.setActive(cards);
      else if (cards) void load().then((p) => signal.aborted || p.setActive(wanted()));
    },
    setShown(include: Uint8Array | undefined, matches: Uint8Array | undefined): void {
      phone?.setShown(include, matches);
    },
    reveal(eventId: string): void {
      void load().then((p) => p.reveal(eventId));
    },
  };
}
