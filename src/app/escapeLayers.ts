import { topmostLayer, type LayerKind } from "../model/layers";

/** Something Escape can close: the shortcuts dialog, the source reader, a popover, the details card. */
export interface LayerHandle {
  readonly kind: LayerKind;
  isOpen(): boolean;
  /** Closes it and puts focus back on what opened it. */
  close(): void;
  /** When it opened (performance.now()); only popovers and the card need it (see model/layers). */
  openedAt?(): number;
}

/**
 * One Escape rule for the whole page: each press closes only the topmost open layer (model/layers
 * decides which), and that layer returns focus to what opened it. Handled once, on the window in
 * the capture phase, so it no longer matters where focus is: a reader whose focus wandered back to
 * the chart while the source reader is open still closes the reader first, not the card under it.
 */
export function createEscapeLayers(target: Window = window) {
  const handles = new Set<LayerHandle>();
  target.addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Escape" || event.altKey || event.ctrlKey || event.metaKey) return;
      const open = [...handles]
        .filter((h) => h.isOpen())
        .map((handle) => ({ kind: handle.kind, openedAt: handle.openedAt?.() ?? 0, handle }));
      const top = topmostLayer(open);
      // Nothing open: the key is left alone (a field may still clear itself, the browser may exit
      // full screen).
      if (top === undefined) return;
      // Also keeps a modal dialog from closing itself a second time, and the keys below from acting.
      event.preventDefault();
      event.stopPropagation();
      top.handle.close();
    },
    { capture: true },
  );
  return {
    /** Adds a layer; it is forgotten when `signal` aborts (a dataset replaced by another). */
    register(handle: LayerHandle, signal?: AbortSignal): void {
      handles.add(handle);
      signal?.addEventListener("abort", () => handles.delete(handle));
    },
  };
}

export type EscapeLayers = ReturnType<typeof createEscapeLayers>;

/** A <details> popover (the filter panel, the export menu): closing it returns focus to its summary. */
export function popoverLayer(details: HTMLDetailsElement): LayerHandle {
  let openedAt = 0;
  details.addEventListener("toggle", () => {
    if (details.open) openedAt = performance.now();
  });
  return {
    kind: "popover",
    isOpen: () => details.open,
    openedAt: () => openedAt,
    close() {
      details.open = false;
      details.querySelector("summary")?.focus();
    },
  };
}

/** Whether focus can go back to `node`: still in the page and not hidden. */
export function canFocus(node: Element | null | undefined): node is HTMLElement | SVGElement {
  if (!(node instanceof HTMLElement || node instanceof SVGElement) || !node.isConnected) return false;
  return node.getClientRects().length > 0;
}

/** The details card as two layers: pinned (the card) and shown on hover or focus (the glance). */
export function detailLayers(details: {
  readonly layer: "card" | "glance" | undefined;
  openedAt(): number;
  close(): void;
}): LayerHandle[] {
  return (["card", "glance"] as const).map((kind) => ({
    kind,
    isOpen: () => details.layer === kind,
    openedAt: details.openedAt,
    close: details.close,
  }));
}
