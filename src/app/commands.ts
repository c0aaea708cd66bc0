import type { TimelineEvent } from "../data/types";
import type { TimeZoom, ZoomLimits } from "../interact/zoom";
import type { KeyAction } from "../interact/keyboard";
import { visibleRange, type EventIndex } from "../model/eventIndex";
import { endOfTime, stepAcrossLanes, stepInTime } from "../model/keyboardNav";
import type { ClusterMark } from "../model/layoutMarks";
import { clampDomain, type Domain } from "../model/timeDomain";
import { timeScale } from "../model/timeScale";
import { clusterWindow, zoomAnchor } from "../model/zoomTarget";
import type { FrameStep } from "./frameStep";
import type { ViewStore } from "./viewStore";

export interface CommandContext {
  readonly store: ViewStore;
  readonly zoom: TimeZoom;
  readonly step: FrameStep;
  readonly events: readonly TimelineEvent[];
  readonly limits: ZoomLimits;
  /** The window that shows every event (Fit all). */
  readonly full: Domain;
  index(): EventIndex;
  /** Draws now (before moving focus to a mark the frame creates). */
  flush(): void;
  /** Whether keyboard focus is on an event mark. */
  focusInside(): boolean;
  /** Moves keyboard focus to an event's mark, if drawn. */
  focusMark(event: number): void;
}

/** What the timeline can be asked to do, by keys, buttons, clicks and the page: zoom, pin, move focus. */
export function timelineCommands(ctx: CommandContext) {
  const { store, zoom, events, limits } = ctx;

  function show(domain: Domain, animate: boolean): void {
    zoom.show(clampDomain(domain, limits.bounds, limits.minSpanMs), animate);
  }

  /** Pans and, if needed, zooms so the event is drawn on its own with its label. */
  function reveal(e: number): void {
    const event = events[e]!;
    const centre = (event.startMs + event.endMs) / 2;
    const { state } = store;
    const labelled = (d: Domain) =>
      ctx.step
        .layoutFor(state, ctx.index(), timeScale(d, state.widthPx))
        .marks.some((m) => m.event === e && m.row >= 0);
    let domain = state.domain;
    if (centre >= domain[0] && centre <= domain[1] && labelled(domain)) return;
    const around = (half: number) =>
      clampDomain([centre - half, centre + half], limits.bounds, limits.minSpanMs);
    domain = around((domain[1] - domain[0]) / 2);
    for (let i = 0; i < 12 && !labelled(domain); i++) domain = around((domain[1] - domain[0]) / 4);
    show(domain, false);
  }

  function focusEvent(e: number): void {
    store.dispatch({ type: "focus", event: e });
    reveal(e);
    ctx.flush();
    ctx.focusMark(e);
    ctx.flush();
  }

  /** + and −: toward the focused event, and never into a stretch with no event (see zoomAnchor). */
  function zoomBy(factor: number): void {
    const { domain, focused } = store.state;
    zoom.scaleBy(factor, true, zoomAnchor(ctx.index(), events, domain, factor, focused));
  }

  /** Zooms to a cluster's extent; a cluster of (nearly) simultaneous events lists them instead. */
  function expandCluster({ startMs, endMs, events: members }: ClusterMark): void {
    const precisions = members.map((e) => events[e]!.precision);
    const sameMoment = endMs - startMs <= limits.minSpanMs * 2 && precisions.every((p) => p === "time");
    if (!sameMoment) show(clusterWindow(startMs, endMs, precisions), true);
    else
      store.dispatch({
        type: "pin",
        target: { type: "cluster", events: members, count: members.length, last: members.at(-1)! },
      });
  }

  /** Brings the nearest event before (−1) or after (1) the window into view. */
  function showBeyond(side: -1 | 1): void {
    const index = ctx.index();
    const [i0, i1] = visibleRange(index, store.state.domain[0], store.state.domain[1]);
    const position = side < 0 ? i0 - 1 : i1;
    if (position >= 0 && position < index.order.length) reveal(index.order[position]!);
  }

  const act = keyCommands(ctx, { show, focusEvent, zoomBy });
  return { show, reveal, focusEvent, act, zoomBy, expandCluster, showBeyond };
}

interface KeyTargets {
  show(domain: Domain, animate: boolean): void;
  focusEvent(e: number): void;
  zoomBy(factor: number): void;
}

/** Keyboard actions → commands: `act` carries one out and returns false to leave the key to the browser. */
function keyCommands(ctx: CommandContext, { show, focusEvent, zoomBy }: KeyTargets) {
  const { store, events } = ctx;
  /** The event keys start from: the focused one, else the first in view, else the first of all. */
  function currentEvent(): number | undefined {
    const { focused, domain } = store.state;
    if (focused !== undefined) return focused;
    const index = ctx.index();
    const [i0, i1] = visibleRange(index, domain[0], domain[1]);
    return i1 > i0 ? index.order[i0] : endOfTime(index, "first");
  }

  /** Carries out a keyboard action; false leaves the key to the browser. */
  function act(action: KeyAction): boolean {
    const e = currentEvent();
    const index = ctx.index();
    switch (action.type) {
      case "step": {
        if (e === undefined) return true;
        const next = ctx.focusInside() ? stepInTime(index, e, action.step, events[e]!.startMs) : e;
        if (next !== undefined) focusEvent(next);
        return true;
      }
      case "lane":
        if (e !== undefined) focusEvent(stepAcrossLanes(index, e, action.direction));
        return true;
      case "end": {
        const target = endOfTime(index, action.which);
        if (target !== undefined) focusEvent(target);
        return true;
      }
      case "pin":
        if (!ctx.focusInside() || e === undefined) return false;
        store.dispatch({ type: "toggle-pin", event: e });
        return true;
      case "zoom":
        zoomBy(action.factor);
        return true;
      case "fit":
        show(ctx.full, true);
        return true;
    }
  }

  return act;
}

export type TimelineCommands = ReturnType<typeof timelineCommands>;
