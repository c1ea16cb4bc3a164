/**
 * Values derived from the state, memoised on the parts they read, so the
 * renderer and the views share one computation per change.
 */
import { visibleSubgraph } from "../core/filters";
import { shortestPath } from "../core/paths";
import { NOTHING_VISIBLE, type VisibleSets } from "../model/visible";
import type { AppState } from "./app-state";

function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: A | null = null;
  let value: R;
  return (...args: A) => {
    if (last && last.length === args.length && last.every((a, i) => a === args[i])) return value;
    last = args;
    value = fn(...args);
    return value;
  };
}

const visibleMemo = memo(
  (
    data: AppState["data"],
    filters: AppState["view"]["filters"],
    time: AppState["view"]["time"],
    focus: 0 | 1 | 2,
    selected: string | null,
  ): VisibleSets => {
    if (!data) return NOTHING_VISIBLE;
    return visibleSubgraph(data.graph, { filters, time, focus, selected });
  },
);

/** Nodes and edges shown under the filters, time window and focus. */
export function selectVisible(state: AppState): VisibleSets {
  const { filters, time, focus, selected } = state.view;
  // The selection matters only to the ego network; ignoring it otherwise keeps the memo warm.
  return visibleMemo(state.data, filters, time, focus, focus > 0 ? selected : null);
}

const pathMemo = memo((data: AppState["data"], visible: VisibleSets, from: string | null, to: string | null) => {
  if (!data || !from || !to || from === to) return null;
  return shortestPath(data.graph, from, to, visible);
});

/** The shortest path between the chosen actors under the current filters; null when none is asked or found. */
export function selectPath(state: AppState): { nodes: string[]; edges: string[] } | null {
  return pathMemo(state.data, selectVisible(state), state.view.path.from, state.view.path.to);
}

const pathSetsMemo = memo((path: { nodes: string[]; edges: string[] } | null): VisibleSets | null =>
  path ? { nodes: new Set(path.nodes), edges: new Set(path.edges) } : null,
);

export function selectPathSets(state: AppState): VisibleSets | null {
  return pathSetsMemo(selectPath(state));
}
