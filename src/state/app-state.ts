/**
 * The whole app state, split by domain as Gephi Lite splits its own: data
 * (the graph), view (what a link shares), ui (what is transient). Views
 * dispatch actions; each domain's reducer is the only place its part changes.
 * Commands that act on the renderer (export, camera moves) are plain
 * functions in src/sigma, not requests passed through the store.
 */
import { DEFAULT_VIEW, type ViewState } from "../model/view-state";
import { INITIAL_DATA, reduceData, type DataAction, type DataState } from "./data";
import { INITIAL_UI, reduceUi, resetUiForGraph, type UiAction, type UiState } from "./ui";
import { isViewAction, reduceView, type ViewAction } from "./view";

export interface AppState {
  data: DataState;
  view: ViewState;
  ui: UiState;
}

export type Action = DataAction | ViewAction | UiAction;

export const INITIAL_STATE: AppState = { data: INITIAL_DATA, view: DEFAULT_VIEW, ui: INITIAL_UI };

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "loaded":
      // A new graph opens in its own view, with nothing hovered or running from the last one.
      return { data: reduceData(state.data, action), view: action.view ?? DEFAULT_VIEW, ui: resetUiForGraph(state.ui) };
    case "loadFailed":
      return { ...state, data: reduceData(state.data, action) };
    case "setView":
      return { ...state, view: reduceView(state.view, action), ui: state.ui.hovered === null ? state.ui : { ...state.ui, hovered: null } };
  }
  if (isViewAction(action)) {
    const view = reduceView(state.view, action);
    return view === state.view ? state : { ...state, view };
  }
  const ui = reduceUi(state.ui, action);
  return ui === state.ui ? state : { ...state, ui };
}

export type { DataState, KGGraph, LoadedGraph } from "./data";
export type { Notice, UiState } from "./ui";
