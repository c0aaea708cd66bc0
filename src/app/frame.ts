/**
 * Coalesces many invalidations (wheel ticks, pointer moves, resizes) into one render per
 * animation frame.
 */
export function frameScheduler(
  render: () => void,
  requestFrame: (cb: () => void) => unknown = requestAnimationFrame,
) {
  let pending = false;
  return {
    invalidate(): void {
      if (pending) return;
      pending = true;
      requestFrame(() => {
        pending = false;
        render();
      });
    },
    /** Renders now (e.g. before moving focus to an element the render creates). */
    flush(): void {
      // A frame already requested still runs; `pending` stays set until it does, so invalidations
      // meanwhile do not request a second frame (two renders in one frame).
      render();
    },
  };
}
