/**
 * What each node and edge looks like, decided from the state: filters hide,
 * hover or selection lights a neighbourhood and dims the rest, a path stands
 * out. Pure functions of (key, data, context), so they are tested without a
 * browser; `GraphView` installs them with `setSetting` and refreshes with
 * `skipIndexation` when only the highlight changed.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { DIMMED_EDGE_COLOR, DIMMED_NODE_COLOR, PATH_COLOR } from "../core/palette";
import type { VisibleSets } from "../model/visible";

export interface HighlightContext {
  visible: VisibleSets;
  /** The actor whose neighbourhood is lit: the hovered one, else the selected one. */
  focus: string | null;
  /** Focus and its visible neighbours. */
  litNodes: ReadonlySet<string>;
  /** Visible relations of the focus. */
  litEdges: ReadonlySet<string>;
  /** The lit relations that show their label: all of them, or the best attested when there are too many. */
  labelledEdges: ReadonlySet<string>;
  selected: string | null;
  selectedEdge: string | null;
  path: VisibleSets | null;
}

export const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * Up to this many lit neighbours (or relations) every label is forced on;
 * beyond it, forcing would pile labels on one another, so the label grid
 * chooses among the lit ones (the dimmed ones have no label to compete).
 */
export const FORCED_LABELS_LIMIT = 25;

export function highlightContext(
  graph: {
    forEachEdge(node: string, cb: (edge: string, attrs: { weight?: number }, s: string, t: string) => void): void;
    hasNode(n: string): boolean;
  },
  visible: VisibleSets,
  state: { hovered: string | null; selected: string | null; selectedEdge: string | null; path: VisibleSets | null },
): HighlightContext {
  const shown = (node: string | null) => node !== null && visible.nodes.has(node) && graph.hasNode(node);
  // A node hidden under the pointer (a filter changed during the hover) must not hide the selection's highlight.
  const focus = shown(state.hovered) ? state.hovered : shown(state.selected) ? state.selected : null;
  const litNodes = new Set<string>();
  const litEdges = new Set<string>();
  const weights = new Map<string, number>();
  if (focus !== null) {
    litNodes.add(focus);
    graph.forEachEdge(focus, (edge, attrs, source, target) => {
      if (!visible.edges.has(edge)) return;
      litEdges.add(edge);
      weights.set(edge, attrs.weight ?? 1);
      litNodes.add(source === focus ? target : source);
    });
  }
  const labelledEdges =
    litEdges.size <= FORCED_LABELS_LIMIT
      ? litEdges
      : new Set([...litEdges].sort((a, b) => weights.get(b)! - weights.get(a)! || (a < b ? -1 : 1)).slice(0, FORCED_LABELS_LIMIT));
  return {
    visible,
    focus,
    litNodes,
    litEdges,
    labelledEdges,
    selected: state.selected,
    selectedEdge: state.selectedEdge,
    path: state.path,
  };
}

type NodeData = Partial<NodeDisplayData> & { label?: string | null };
type EdgeData = Partial<EdgeDisplayData> & { label?: string | null };

export function nodeReducer(node: string, data: NodeData, ctx: HighlightContext): NodeData {
  if (!ctx.visible.nodes.has(node)) return { ...data, hidden: true };
  const onPath = ctx.path?.nodes.has(node) ?? false;
  const emphasised = ctx.focus !== null || ctx.path !== null;
  const lit = ctx.litNodes.has(node) || onPath;
  if (emphasised && !lit) return { ...data, color: DIMMED_NODE_COLOR, label: null, zIndex: 0, forceLabel: false };
  const crowded = ctx.litNodes.size > FORCED_LABELS_LIMIT;
  return {
    ...data,
    zIndex: lit ? 2 : 1,
    forceLabel: node === ctx.focus || node === ctx.selected || onPath || (lit && !crowded),
    highlighted: node === ctx.focus || node === ctx.selected,
  };
}

export function edgeReducer(edge: string, data: EdgeData, ctx: HighlightContext): EdgeData {
  if (!ctx.visible.edges.has(edge)) return { ...data, hidden: true };
  if (ctx.path?.edges.has(edge))
    return { ...data, color: PATH_COLOR, size: Math.max(3, (data.size ?? 1) * 1.6), zIndex: 3, forceLabel: true };
  if (edge === ctx.selectedEdge) return { ...data, size: Math.max(3, (data.size ?? 1) * 1.8), zIndex: 3, forceLabel: true };
  // sigma labels every relation of a highlighted actor; a hub's would bury each other, so only the best attested keep theirs.
  if (ctx.litEdges.has(edge))
    return ctx.labelledEdges.has(edge) ? { ...data, zIndex: 2, forceLabel: true } : { ...data, zIndex: 2, label: null };
  if (ctx.focus !== null || ctx.path !== null) return { ...data, color: DIMMED_EDGE_COLOR, label: null, zIndex: 0 };
  // At rest, relation labels would bury the graph: they appear with a highlight.
  return { ...data, label: null, zIndex: 1 };
}
