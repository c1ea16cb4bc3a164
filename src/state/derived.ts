/**
 * Values derived from the state, memoised on the parts they read, so the
 * renderer, the views and the exports share one computation per change.
 */
import { applyFocus } from "../core/filters";
import { visibleTracker, type VisibleTracker } from "../core/visible-tracker";
import { comparePeriods, type PeriodComparison } from "../core/compare";
import { parallelBundles, type Bundle } from "../core/bundles";
import { highlightOf, NO_HIGHLIGHT, type Highlight } from "../core/highlight";
import { ringsAround } from "../core/neighbourhood";
import { shortestPath } from "../core/paths";
import { readStories, type Story } from "../model/story";
import type { Comparison } from "../model/view-state";
import { NOTHING_VISIBLE, type VisibleSets } from "../model/visible";
import type { AppState } from "./app-state";
import type { LoadedGraph } from "./data";

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

/** The graph being explored, or null. */
export const selectLoaded = (state: AppState): LoadedGraph | null => state.data.loaded;

/** One tracker per graph: a filter or time change tests again only the relations it can affect. */
const trackers = new WeakMap<LoadedGraph, VisibleTracker>();
const trackedMemo = memo((data: LoadedGraph | null, filters: AppState["view"]["filters"], time: AppState["view"]["time"]): VisibleSets => {
  if (!data) return NOTHING_VISIBLE;
  let tracker = trackers.get(data);
  if (!tracker) trackers.set(data, (tracker = visibleTracker(data.graph)));
  return tracker.update({ filters, time }).visible;
});

const focusMemo = memo((data: LoadedGraph | null, visible: VisibleSets, focus: 0 | 1 | 2, selected: string | null): VisibleSets =>
  data ? applyFocus(data.graph, visible, { focus, selected }) : NOTHING_VISIBLE,
);

const comparisonMemo = memo(
  (
    data: LoadedGraph | null,
    filters: AppState["view"]["filters"],
    time: AppState["view"]["time"],
    focus: 0 | 1 | 2,
    selected: string | null,
    compare: Comparison | null,
  ): PeriodComparison | null => (data && compare ? comparePeriods(data.graph, { filters, time, focus, selected }, compare) : null),
);

/** The comparison of the view's two periods (which relations and actors only A, only B or both show); null when none is asked. */
export function selectComparison(state: AppState): PeriodComparison | null {
  const { filters, time, focus, selected, compare } = state.view;
  return comparisonMemo(state.data.loaded, filters, time, focus, focus > 0 ? selected : null, compare ?? null);
}

/** Nodes and edges shown under the filters, time window and focus (with two periods compared: what either shows). */
export function selectVisible(state: AppState): VisibleSets {
  const comparison = selectComparison(state);
  if (comparison) return comparison.visible;
  const { filters, time, focus, selected } = state.view;
  // The selection matters only to the ego network; ignoring it otherwise keeps the memo warm.
  return focusMemo(state.data.loaded, trackedMemo(state.data.loaded, filters, time), focus, focus > 0 ? selected : null);
}

const pathMemo = memo((data: LoadedGraph | null, visible: VisibleSets, from: string | null, to: string | null) => {
  if (!data || !from || !to || from === to) return null;
  return shortestPath(data.graph, from, to, visible);
});

/** The shortest path between the chosen actors under the current filters; null when none is asked or found. */
export function selectPath(state: AppState): { nodes: string[]; edges: string[] } | null {
  return pathMemo(state.data.loaded, selectVisible(state), state.view.path.from, state.view.path.to);
}

const pathSetsMemo = memo((path: { nodes: string[]; edges: string[] } | null): VisibleSets | null =>
  path ? { nodes: new Set(path.nodes), edges: new Set(path.edges) } : null,
);

/** The path as sets, for the renderer and the exports. */
export function selectPathSets(state: AppState): VisibleSets | null {
  return pathSetsMemo(selectPath(state));
}

const highlightMemo = memo(
  (
    data: LoadedGraph | null,
    visible: VisibleSets,
    hovered: string | null,
    selectedEdge: string | null,
    selected: string | null,
  ): Highlight => (data ? highlightOf(data.graph, visible, { hovered, selectedEdge, selected }) : NO_HIGHLIGHT),
);

/** What the screen lights now: the hovered actor's neighbourhood, else the selected relation, else the selected actor's. */
export function selectHighlight(state: AppState): Highlight {
  return highlightMemo(state.data.loaded, selectVisible(state), state.ui.hovered, state.view.selectedEdge, state.view.selected);
}

const markedMemo = memo(
  (data: LoadedGraph | null, visible: VisibleSets, selected: string | null, path: VisibleSets | null, edge: string | null): VisibleSets => {
    if (!data) return NOTHING_VISIBLE;
    const lit = highlightOf(data.graph, visible, { selected });
    const edges = new Set([...lit.edges, ...(path?.edges ?? [])]);
    if (edge !== null && visible.edges.has(edge)) edges.add(edge);
    return { nodes: new Set([...lit.nodes, ...(path?.nodes ?? [])]), edges };
  },
);

/**
 * What the view itself highlights, without the pointer: the selection's
 * neighbourhood, the path and the selected relation. Exports mark these.
 */
export function selectMarked(state: AppState): VisibleSets {
  return markedMemo(state.data.loaded, selectVisible(state), state.view.selected, selectPathSets(state), state.view.selectedEdge);
}

const ringsMemo = memo((data: LoadedGraph | null, visible: VisibleSets, selected: string | null, focus: 0 | 1 | 2) =>
  data && selected !== null && focus === 2 && visible.nodes.has(selected)
    ? ringsAround(data.graph, selected, 2, (edge) => visible.edges.has(edge))
    : null,
);

/** With a two-step focus, each shown actor's distance from the selected one; otherwise null. */
export function selectRings(state: AppState): ReadonlyMap<string, number> | null {
  return ringsMemo(state.data.loaded, selectVisible(state), state.view.selected, state.view.focus);
}

const bundlesMemo = memo((data: LoadedGraph | null, visible: VisibleSets, on: boolean): ReadonlyMap<string, Bundle> => {
  const byEdge = new Map<string, Bundle>();
  if (!data || !on) return byEdge;
  for (const bundle of parallelBundles(data.graph, visible).values()) for (const edge of bundle.edges) byEdge.set(edge, bundle);
  return byEdge;
});

/**
 * Every relation drawn in a bundle of the visible graph, with its bundle;
 * empty when bundling is off, and while two periods are compared (each
 * relation is marked by its period, which a bundle would hide).
 */
export function selectBundles(state: AppState): ReadonlyMap<string, Bundle> {
  return bundlesMemo(state.data.loaded, selectVisible(state), state.view.appearance.bundle && !state.view.compare);
}

const openMemo = memo(
  (
    data: LoadedGraph | null,
    bundles: ReadonlyMap<string, Bundle>,
    lit: Highlight,
    selected: string | null,
    selectedEdge: string | null,
    path: VisibleSets | null,
  ): ReadonlySet<Bundle> => {
    const open = new Set<Bundle>();
    if (!data || bundles.size === 0) return open;
    const add = (edge: string) => {
      const bundle = bundles.get(edge);
      if (bundle) open.add(bundle);
    };
    // Only the relations of the actors looked at: a hover costs its neighbourhood, not the graph.
    for (const actor of new Set([lit.actor, selected])) if (actor !== null && data.graph.hasNode(actor)) data.graph.forEachEdge(actor, add);
    if (selectedEdge !== null) add(selectedEdge);
    for (const edge of path?.edges ?? []) add(edge);
    return open;
  },
);

/**
 * The bundles drawn open: one of their actors is hovered or selected, or they
 * hold the selected relation or a step of the path.
 */
export function selectOpenBundles(state: AppState): ReadonlySet<Bundle> {
  return openMemo(
    state.data.loaded,
    selectBundles(state),
    selectHighlight(state),
    state.view.selected,
    state.view.selectedEdge,
    selectPathSets(state),
  );
}

const storiesMemo = memo((data: LoadedGraph | null): Story[] => {
  if (!data) return [];
  const { graph } = data;
  return readStories(graph.getAttribute("stories"), { hasNode: (k) => graph.hasNode(k), hasEdge: (k) => graph.hasEdge(k) });
});

/** The stories the graph carries (graph/corpus/stories), each step's view read with the view rules. */
export function selectStories(state: AppState): Story[] {
  return storiesMemo(state.data.loaded);
}

/** The story being played (the draft or one of the graph's), or null. */
export function selectPlayingStory(state: AppState): Story | null {
  const playing = state.story.playing;
  if (!playing) return null;
  if (playing.draft) return state.story.draft;
  return selectStories(state).find((s) => s.id === playing.id) ?? null;
}
