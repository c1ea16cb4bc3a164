/**
 * The data domain: the graph being explored (the built corpus or a file the
 * user opened) and, when it could not be loaded, why.
 */
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import type { ViewState } from "../model/view-state";
import type { StoryPosition } from "./story";

/** The graph as the app holds it: the graph file's attributes, nothing drawn-only (see sigma/decorate.ts). */
export type KGGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface LoadedGraph {
  graph: KGGraph;
  /** Where it came from: the built corpus or a file the user opened. */
  source: { kind: "built" | "file"; name: string };
  /** Positions as loaded, for "Reset layout". */
  initialPositions: Map<string, { x: number; y: number }>;
}

export interface DataState {
  loaded: LoadedGraph | null;
  /** Why no graph is shown: the built file is missing, broken or failed its check. */
  error: string | null;
}

export const INITIAL_DATA: DataState = { loaded: null, error: null };

export type DataAction =
  /** A graph to explore, with the view to open it in (a link's, a snapshot's) or the default, and the story step a link names. */
  { type: "loaded"; data: LoadedGraph; view?: ViewState; playing?: StoryPosition | null } | { type: "loadFailed"; error: string };

export function reduceData(state: DataState, action: DataAction): DataState {
  switch (action.type) {
    case "loaded":
      return { loaded: action.data, error: null };
    case "loadFailed":
      // The graph that failed (the built one, on its late check) is not shown.
      return { loaded: null, error: action.error };
  }
}
