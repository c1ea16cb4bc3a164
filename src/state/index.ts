/** The app's single store, and hooks to read it. */
import { createStore, useStoreState } from "./store";
import { INITIAL_STATE, reduce, type Action, type AppState } from "./app-state";

export const store = createStore<AppState, Action>(reduce, INITIAL_STATE);
export const dispatch = (action: Action) => store.dispatch(action);

export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStoreState(store, selector);
}

export type { Action, AppState } from "./app-state";
