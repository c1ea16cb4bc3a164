/**
 * The view domain: what a user sees and a link shares (src/model/view-state.ts).
 * Every change of selection, filters, time, focus, path or camera goes
 * through here.
 */
import {
  DEFAULT_VIEW,
  type Appearance,
  type Camera,
  type Comparison,
  type Filters,
  type TimeWindow,
  type ViewState,
} from "../model/view-state";

export type ViewAction =
  | { type: "select"; node: string | null }
  | { type: "selectEdge"; edge: string | null }
  | { type: "setFilters"; filters: Partial<Filters> }
  | { type: "clearFilters" }
  | { type: "setTime"; time: TimeWindow }
  | { type: "setFocus"; depth: 0 | 1 | 2 }
  | { type: "setPath"; from: string | null; to: string | null }
  | { type: "setCamera"; camera: Camera | null }
  | { type: "setAppearance"; appearance: Partial<Appearance> }
  /** Two periods to compare, or null to stop comparing. */
  | { type: "setCompare"; compare: Comparison | null }
  /** A whole view at once: Back and Forward, a snapshot. */
  | { type: "setView"; view: ViewState };

const VIEW_ACTIONS: ReadonlySet<string> = new Set<ViewAction["type"]>([
  "select",
  "selectEdge",
  "setFilters",
  "clearFilters",
  "setTime",
  "setFocus",
  "setPath",
  "setCamera",
  "setAppearance",
  "setCompare",
  "setView",
]);

export const isViewAction = (action: { type: string }): action is ViewAction => VIEW_ACTIONS.has(action.type);

export function reduceView(view: ViewState, action: ViewAction): ViewState {
  switch (action.type) {
    case "select":
      // Selecting an actor also leaves the relation that was selected, even when the actor stays.
      if (view.selected === action.node && view.selectedEdge === null) return view;
      return { ...view, selected: action.node, selectedEdge: null };
    case "selectEdge":
      return view.selectedEdge === action.edge ? view : { ...view, selectedEdge: action.edge };
    case "setFilters":
      return { ...view, filters: { ...view.filters, ...action.filters } };
    case "clearFilters":
      return { ...view, filters: DEFAULT_VIEW.filters };
    case "setTime":
      return { ...view, time: action.time };
    case "setFocus":
      return { ...view, focus: action.depth };
    case "setPath":
      return { ...view, path: { from: action.from, to: action.to } };
    case "setCamera":
      return { ...view, camera: action.camera };
    case "setAppearance":
      return { ...view, appearance: { ...view.appearance, ...action.appearance } };
    case "setCompare":
      return { ...view, compare: action.compare };
    case "setView":
      return action.view;
  }
}
