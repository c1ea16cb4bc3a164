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
import {
  INITIAL_STORY,
  isStoryAction,
  reduceStory,
  resetStoryForGraph,
  type StoryAction,
  type StoryPosition,
  type StoryState,
} from "./story";

export interface AppState {
  data: DataState;
  view: ViewState;
  ui: UiState;
  story: StoryState;
}

/** A story step shown: its view and the reader's place in the story at once (null: free exploring from that view). */
export type ShowStepAction = { type: "showStep"; view: ViewState; playing: StoryPosition | null };

export type Action = DataAction | ViewAction | UiAction | StoryAction | ShowStepAction;

export const INITIAL_STATE: AppState = { data: INITIAL_DATA, view: DEFAULT_VIEW, ui: INITIAL_UI, story: INITIAL_STORY };

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "loaded":
      // A new graph opens in its own view, with nothing hovered or running from the last one.
      return {
        data: reduceData(state.data, action),
        view: action.view ?? DEFAULT_VIEW,
        ui: resetUiForGraph(state.ui),
        story: action.playing ? { ...state.story, playing: action.playing } : resetStoryForGraph(state.story),
      };
    case "loadFailed":
      return { ...state, data: reduceData(state.data, action) };
    case "setView":
      return { ...state, view: reduceView(state.view, action), ui: state.ui.hovered === null ? state.ui : { ...state.ui, hovered: null } };
    case "showStep":
      return {
        ...state,
        view: action.view,
        ui: state.ui.hovered === null ? state.ui : { ...state.ui, hovered: null },
        story: { ...state.story, playing: action.playing },
      };
  }
  if (isStoryAction(action)) {
    const story = reduceStory(state.story, action);
    return story === state.story ? state : { ...state, story };
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
export type { PageMode, StoryPosition, StoryState } from "./story";
