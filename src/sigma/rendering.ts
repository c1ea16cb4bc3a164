/**
 * One graph's rendering, as a controller that pushes the state into sigma
 * (Gephi Lite's renderer controllers do the same): its decoration, the
 * context the reducers read, and the sigma settings that carry the reducers
 * from the very first frame (so no frame draws the data's own attributes).
 */
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { store, type AppState } from "../state";
import type { KGGraph } from "../state/data";
import { selectHighlight, selectPathSets, selectVisible } from "../state/derived";
import { decorate, type Decoration } from "./decorate";
import { edgeReducer, nodeReducer, renderContext, type RenderContext } from "./reducers";
import { clearRenderer, setRenderer } from "./renderer";
import { SETTINGS } from "./settings";

export interface Rendering {
  readonly decoration: Decoration;
  readonly settings: Partial<Settings>;
  /** Starts pushing state changes into `sigma`; returns a function that stops. */
  attach(sigma: Sigma): () => void;
}

function contextOf(state: AppState, graph: KGGraph, decoration: Decoration): RenderContext {
  return renderContext(graph, decoration, selectVisible(state), {
    lit: selectHighlight(state),
    selected: state.view.selected,
    selectedEdge: state.view.selectedEdge,
    path: selectPathSets(state),
    dragged: state.ui.dragged,
  });
}

/** A state change the picture shows: a new visible set (full refresh) or a new highlight (cheap refresh). */
function change(state: AppState, prev: AppState): "visible" | "highlight" | null {
  if (selectVisible(state) !== selectVisible(prev) || selectPathSets(state) !== selectPathSets(prev)) return "visible";
  const highlight =
    selectHighlight(state) !== selectHighlight(prev) ||
    state.view.selected !== prev.view.selected ||
    state.view.selectedEdge !== prev.view.selectedEdge ||
    state.ui.dragged !== prev.ui.dragged;
  return highlight ? "highlight" : null;
}

export function createRendering(graph: KGGraph): Rendering {
  const decoration = decorate(graph);
  let seen = store.getState();
  let ctx = contextOf(seen, graph, decoration);
  const settings: Partial<Settings> = {
    ...SETTINGS,
    nodeReducer: (node, data) => nodeReducer(node, data, ctx),
    edgeReducer: (edge, data) => edgeReducer(edge, data, ctx),
  };
  const push = (sigma: Sigma, state: AppState, prev: AppState) => {
    // A newly loaded graph gets its own rendering; this one only waits to be killed.
    if (state.data.loaded?.graph !== graph) return;
    const what = change(state, prev);
    seen = state;
    if (!what) return;
    ctx = contextOf(state, graph, decoration);
    if (what === "visible") sigma.refresh();
    else sigma.refresh({ skipIndexation: true });
  };
  return {
    decoration,
    settings,
    attach(sigma) {
      setRenderer({ sigma, decoration });
      // The state may have moved on since the rendering was created.
      push(sigma, store.getState(), seen);
      const unsubscribe = store.subscribe((state, prev) => push(sigma, state, prev));
      // A renderer killed by a newly opened graph is no longer the one on screen.
      const forget = () => clearRenderer(sigma);
      sigma.once("kill", forget);
      return () => {
        unsubscribe();
        sigma.off("kill", forget);
      };
    },
  };
}
