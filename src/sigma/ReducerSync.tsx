/**
 * Installs the node and edge reducers once, and refreshes sigma when the
 * state they read changes: a cheap refresh for a highlight, a full one when
 * the visible set changes. The renderer and the graph are never re-created.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import { store } from "../state";
import type { AppState } from "../state";
import { selectPathSets, selectVisible } from "../state/derived";
import { edgeReducer, highlightContext, nodeReducer, type HighlightContext } from "./reducers";

function contextOf(state: AppState, graph: Parameters<typeof highlightContext>[0]): HighlightContext {
  return highlightContext(graph, selectVisible(state), {
    hovered: state.hovered,
    selected: state.view.selected,
    selectedEdge: state.view.selectedEdge,
    path: selectPathSets(state),
  });
}

export function ReducerSync() {
  const sigma = useSigma();

  useEffect(() => {
    const graph = sigma.getGraph();
    let ctx = contextOf(store.getState(), graph);
    sigma.setSetting("nodeReducer", (node, data) => nodeReducer(node, data, ctx) as typeof data);
    sigma.setSetting("edgeReducer", (edge, data) => edgeReducer(edge, data, ctx) as typeof data);
    const unsubscribe = store.subscribe((state, prev) => {
      const visibleChanged = selectVisible(state) !== selectVisible(prev) || selectPathSets(state) !== selectPathSets(prev);
      const highlightChanged =
        state.hovered !== prev.hovered || state.view.selected !== prev.view.selected || state.view.selectedEdge !== prev.view.selectedEdge;
      if (!visibleChanged && !highlightChanged) return;
      ctx = contextOf(state, graph);
      if (visibleChanged) sigma.refresh();
      else sigma.refresh({ skipIndexation: true });
    });
    // The reducers stay: this only unmounts with its renderer, which may already be killed.
    return unsubscribe;
  }, [sigma]);

  return null;
}
