/**
 * What each node and edge looks like, decided from the state: filters hide,
 * hover or selection lights a neighbourhood and dims the rest, a path stands
 * out. Pure functions of (key, attributes, context), so they are tested
 * without a browser; ReducerSync installs them with `setSetting`.
 *
 * The display data is built from named attributes only, never by passing the
 * data through: an attribute of an opened file called `type`, `hidden`,
 * `highlighted`, `forceLabel` or `zIndex` is data, and sigma never sees it.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import type { Highlight } from "../core/highlight";
import { DIMMED_EDGE_COLOR, DIMMED_NODE_COLOR, PATH_COLOR } from "../core/palette";
import type { VisibleSets } from "../model/visible";
import { nodeColor, type Decoration, type EdgeLook } from "./decorate";

export interface RenderContext {
  visible: VisibleSets;
  /** What the hover or the selection lights. */
  lit: Highlight;
  /** The lit relations that show their label: all of them, or the best attested when there are too many. */
  labelledEdges: ReadonlySet<string>;
  selected: string | null;
  selectedEdge: string | null;
  path: VisibleSets | null;
  /** The actor being dragged, drawn highlighted. */
  dragged: string | null;
  decoration: Decoration;
}

export const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * Up to this many lit neighbours (or relations) every label is forced on;
 * beyond it, forcing would pile labels on one another, so the label grid
 * chooses among the lit ones (the dimmed ones have no label to compete).
 */
export const FORCED_LABELS_LIMIT = 25;

/** The lit relations whose labels are drawn: every one, or the best attested when a hub has too many. */
export function labelledEdgesOf(lit: Highlight, weight: (edge: string) => number): ReadonlySet<string> {
  if (lit.edges.size <= FORCED_LABELS_LIMIT) return lit.edges;
  return new Set([...lit.edges].sort((a, b) => weight(b) - weight(a) || (a < b ? -1 : 1)).slice(0, FORCED_LABELS_LIMIT));
}

export interface RenderState {
  lit: Highlight;
  selected: string | null;
  selectedEdge: string | null;
  path: VisibleSets | null;
  dragged?: string | null;
}

export function renderContext(
  graph: { getEdgeAttribute(edge: string, name: "weight"): unknown },
  decoration: Decoration,
  visible: VisibleSets,
  state: RenderState,
): RenderContext {
  const weight = (edge: string) => {
    const w = graph.getEdgeAttribute(edge, "weight");
    return typeof w === "number" && Number.isFinite(w) ? w : 1;
  };
  return {
    visible,
    lit: state.lit,
    labelledEdges: labelledEdgesOf(state.lit, weight),
    selected: state.selected,
    selectedEdge: state.selectedEdge,
    path: state.path,
    dragged: state.dragged ?? null,
    decoration,
  };
}

/** The attributes a node reducer reads; anything else in the data is ignored. */
export interface NodeInput {
  x?: unknown;
  y?: unknown;
  size?: unknown;
  label?: unknown;
  kind?: unknown;
  color?: unknown;
}
export type NodeDisplay = Partial<NodeDisplayData> & { x: number; y: number; label: string | null };
export type EdgeDisplay = Partial<EdgeDisplayData> & { label: string | null; curvature?: number };

const finite = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const text = (v: unknown) => (typeof v === "string" ? v : null);

/** Size of an actor the data does not size. */
export const DEFAULT_NODE_SIZE = 5;

export function nodeReducer(node: string, attrs: NodeInput, ctx: RenderContext): NodeDisplay {
  const size = finite(attrs.size, DEFAULT_NODE_SIZE);
  const base: NodeDisplay = {
    x: finite(attrs.x, 0),
    y: finite(attrs.y, 0),
    size: size > 0 ? size : DEFAULT_NODE_SIZE,
    label: text(attrs.label),
    color: nodeColor({ kind: text(attrs.kind) ?? "", color: text(attrs.color) ?? undefined }),
    type: "circle",
  };
  if (!ctx.visible.nodes.has(node)) return { ...base, hidden: true };
  const onPath = ctx.path?.nodes.has(node) ?? false;
  const emphasised = ctx.lit.actor !== null || ctx.path !== null;
  const lit = ctx.lit.nodes.has(node) || onPath;
  if (emphasised && !lit) return { ...base, color: DIMMED_NODE_COLOR, label: null, zIndex: 0, forceLabel: false };
  const crowded = ctx.lit.nodes.size > FORCED_LABELS_LIMIT;
  return {
    ...base,
    zIndex: lit ? 2 : 1,
    forceLabel: node === ctx.lit.actor || node === ctx.selected || onPath || (lit && !crowded),
    highlighted: node === ctx.lit.actor || node === ctx.selected || node === ctx.dragged,
  };
}

/** The attributes an edge reducer reads. */
export interface EdgeInput {
  label?: unknown;
}

const NO_LOOK: EdgeLook = { type: "straightArrow", curvature: 0, color: DIMMED_EDGE_COLOR, size: 1 };

export function edgeReducer(edge: string, attrs: EdgeInput, ctx: RenderContext): EdgeDisplay {
  const look = ctx.decoration.edges.get(edge) ?? NO_LOOK;
  const base: EdgeDisplay = { label: text(attrs.label), color: look.color, size: look.size, type: look.type, curvature: look.curvature };
  if (!ctx.visible.edges.has(edge)) return { ...base, hidden: true };
  if (ctx.path?.edges.has(edge)) return { ...base, color: PATH_COLOR, size: Math.max(3, look.size * 1.6), zIndex: 3, forceLabel: true };
  if (edge === ctx.selectedEdge) return { ...base, size: Math.max(3, look.size * 1.8), zIndex: 3, forceLabel: true };
  // sigma labels every relation of a highlighted actor; a hub's would bury each other, so only the best attested keep theirs.
  if (ctx.lit.edges.has(edge))
    return ctx.labelledEdges.has(edge) ? { ...base, zIndex: 2, forceLabel: true } : { ...base, zIndex: 2, label: null };
  if (ctx.lit.actor !== null || ctx.path !== null) return { ...base, color: DIMMED_EDGE_COLOR, label: null, zIndex: 0 };
  // At rest, relation labels would bury the graph: they appear with a highlight.
  return { ...base, label: null, zIndex: 1 };
}
