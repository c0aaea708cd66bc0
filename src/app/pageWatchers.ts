/**
 * Calls `redraw` when what the drawing's colours and canvases depend on changes: the theme (the
 * toggle or the system setting) or the device pixel ratio (browser zoom, another screen). The
 * listeners end with `signal`, or they would keep a replaced timeline alive.
 */
export function watchPage(signal: AbortSignal | undefined, redraw: () => void): void {
  const themeObserver = new MutationObserver(redraw);
  themeObserver.observe(document.documentElement, { attributeFilter: ["data-theme"] });
  signal?.addEventListener("abort", () => themeObserver.disconnect());
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", redraw, { signal });
  // A media query matches one ratio: after a change, watch the new one.
  const watchPixelRatio = () =>
    matchMedia(`(resolution: ${devicePixelRatio}dppx)`).addEventListener(
      "change",
      () => {
        redraw();
        watchPixelRatio();
      },
      { once: true, signal },
    );
  watchPixelRatio();
}
