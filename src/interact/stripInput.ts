export interface StripInput {
  /** The pointer is at `px` from the strip's left edge: show that time. */
  seek(px: number): void;
  /** A key asked for the previous (-1) or next (+1) heading, or the first or last card. */
  step(to: -1 | 1 | "first" | "last"): void;
}

const KEY_STEPS: Readonly<Record<string, -1 | 1 | "first" | "last">> = {
  ArrowLeft: -1,
  ArrowDown: -1,
  PageUp: -1,
  ArrowRight: 1,
  ArrowUp: 1,
  PageDown: 1,
  Home: "first",
  End: "last",
};

/**
 * Tapping or dragging along the overview strip scrubs through time; keys move by heading, as a
 * slider's keys would. The pointer is captured, so a drag that leaves the strip keeps scrubbing;
 * the strip's CSS (touch-action: none) keeps the page from scrolling under the finger.
 */
export function listenToStrip(node: HTMLElement, input: StripInput, signal: AbortSignal): void {
  let dragging: number | undefined;
  const at = (event: PointerEvent) => event.clientX - node.getBoundingClientRect().left;
  node.addEventListener(
    "pointerdown",
    (event) => {
      if (event.button !== 0) return;
      dragging = event.pointerId;
      node.setPointerCapture(event.pointerId);
      input.seek(at(event));
    },
    { signal },
  );
  node.addEventListener(
    "pointermove",
    (event) => {
      if (event.pointerId === dragging) input.seek(at(event));
    },
    { signal },
  );
  const end = (event: PointerEvent) => {
    if (event.pointerId === dragging) dragging = undefined;
  };
  node.addEventListener("pointerup", end, { signal });
  // A tap scrolls the cards under the finger before it lifts, and the click a touch screen sends
  // after it would land on whichever card is there now (measured: it opened one). Cancelling the
  // touchend cancels that click; mouse clicks stay on the strip, which holds the pointer.
  node.addEventListener("touchend", (event) => event.preventDefault(), { signal, passive: false });
  node.addEventListener("pointercancel", end, { signal });
  node.addEventListener(
    "keydown",
    (event) => {
      const to = KEY_STEPS[event.key];
      if (to === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
      event.preventDefault();
      input.step(to);
    },
    { signal },
  );
}
