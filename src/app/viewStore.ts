import { reduceView, type ViewAction, type ViewState } from "../model/viewState";

/**
 * The only writer of the view state: input and commands dispatch actions; a change calls
 * `onChange` (which schedules a frame). An action that changes nothing schedules nothing.
 */
export function createViewStore(initial: ViewState, onChange: () => void) {
  let state = initial;
  return {
    get state(): ViewState {
      return state;
    },
    dispatch(action: ViewAction): void {
      const next = reduceView(state, action);
      if (next === state) return;
      state = next;
      onChange();
    },
  };
}

export type ViewStore = ReturnType<typeof createViewStore>;
