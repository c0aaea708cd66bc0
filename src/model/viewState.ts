import type { Hit } from "./hitTest";
import type { Domain } from "./timeDomain";

/** What the details card describes: one event, or a cluster's members. */
export type DetailTarget =
  | { readonly type: "event"; readonly event: number }
  /** `events` may be a sample (see ClusterMark); `last` is its last member in time order. */
  | {
      readonly type: "cluster";
      readonly events: readonly number[];
      readonly count: number;
      readonly last: number;
    };

/**
 * Everything the reader has done to the view, as one immutable value: input produces actions,
 * `reduceView` makes the next state, and one frame draws it. Event numbers are dataset indices.
 */
export interface ViewState {
  /** The visible window, UTC ms. */
  readonly domain: Domain;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly hovered: Hit | undefined;
  readonly pinned: DetailTarget | undefined;
  readonly focused: number | undefined;
  /** Escape hides the details of the focused or hovered event until focus or pointer moves on. */
  readonly dismissed: boolean;
  /** 1 per dataset index for events that match the search; undefined when not searching. */
  readonly matches: Uint8Array | undefined;
}

export type ViewAction =
  | { readonly type: "show"; readonly domain: Domain }
  | { readonly type: "resize"; readonly widthPx: number; readonly heightPx: number }
  | { readonly type: "hover"; readonly hit: Hit | undefined }
  | { readonly type: "focus"; readonly event: number | undefined }
  | { readonly type: "pin"; readonly target: DetailTarget | undefined }
  /** Pins an event's details, or unpins them if they are pinned already. */
  | { readonly type: "toggle-pin"; readonly event: number }
  /** Escape or ×: closes the pinned details and hides the hovered or focused event's. */
  | { readonly type: "dismiss" }
  | { readonly type: "matches"; readonly matches: Uint8Array | undefined }
  /** A filter changed: forget what may no longer be drawn (`kept(e)` says whether it still is). */
  | { readonly type: "filtered"; readonly kept: (event: number) => boolean };

/** The view state at first, showing `domain`. */
export const initialView = (domain: Domain): ViewState => ({
  domain,
  widthPx: 0,
  heightPx: 0,
  hovered: undefined,
  pinned: undefined,
  focused: undefined,
  dismissed: false,
  matches: undefined,
});

/** Two hits on the same event, or on the same cluster (same first member, same lane). */
export function sameHit(a: Hit | undefined, b: Hit | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.type === "event" && b.type === "event") return a.mark.event === b.mark.event;
  if (a.type === "cluster" && b.type === "cluster") {
    return a.cluster.events[0] === b.cluster.events[0] && a.cluster.lane === b.cluster.lane;
  }
  return false;
}

/** The next view state; the same object when the action changes nothing (so nothing is drawn). */
export function reduceView(state: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case "show":
      return action.domain[0] === state.domain[0] && action.domain[1] === state.domain[1]
        ? state
        : { ...state, domain: action.domain };
    case "resize":
      return action.widthPx === state.widthPx && action.heightPx === state.heightPx
        ? state
        : { ...state, widthPx: action.widthPx, heightPx: action.heightPx };
    case "hover":
      // Moving onto another mark shows its details again after an Escape.
      return sameHit(action.hit, state.hovered)
        ? state
        : { ...state, hovered: action.hit, dismissed: action.hit === undefined ? state.dismissed : false };
    case "focus":
      return action.event === state.focused ? state : { ...state, focused: action.event, dismissed: false };
    case "pin":
      return { ...state, pinned: action.target };
    case "toggle-pin": {
      const pinnedHere = state.pinned?.type === "event" && state.pinned.event === action.event;
      return { ...state, pinned: pinnedHere ? undefined : { type: "event", event: action.event } };
    }
    case "dismiss":
      return { ...state, pinned: undefined, dismissed: true };
    case "matches":
      return action.matches === state.matches ? state : { ...state, matches: action.matches };
    case "filtered": {
      const pinned = state.pinned;
      const keepPinned = pinned?.type === "event" && action.kept(pinned.event);
      return { ...state, pinned: keepPinned ? pinned : undefined, hovered: undefined };
    }
  }
}

/**
 * What the details card shows: the pinned target, else (unless Escape dismissed it) the hovered
 * mark, else the focused event while keyboard focus is on the marks.
 */
export function detailTarget(state: ViewState, focusOnMarks: boolean): DetailTarget | undefined {
  if (state.pinned !== undefined) return state.pinned;
  if (state.dismissed) return undefined;
  const { hovered, focused } = state;
  if (hovered?.type === "event") return { type: "event", event: hovered.mark.event };
  if (hovered?.type === "cluster") {
    const { events, count, last } = hovered.cluster;
    return { type: "cluster", events, count, last };
  }
  return focused !== undefined && focusOnMarks ? { type: "event", event: focused } : undefined;
}
