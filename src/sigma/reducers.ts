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
import { isHighlighted, type Highlight } from "../core/highlight";
import { fade, SCHEMES, type Scheme } from "../core/palette";
import type { VisibleSets } from "../model/visible";
import { NODE_SIZES } from "../model/graph-file";
import type { EdgeLabelMode } from "../model/view-state";
import type { Looks } from "../core/appearance";
import { nodeColor, type BundleLook, type Decoration, type EdgeLook } from "./decorate";

export interface RenderContext {
  visible: VisibleSets;
  /** What the hover or the selection lights. */
  lit: Highlight;
  selected: string | null;
  selectedEdge: string | null;
  path: VisibleSets | null;
  /** With a two-step focus: each actor's distance from the selected one, so the first ring stands apart. */
  rings: ReadonlyMap<string, number> | null;
  /** The actor being dragged, drawn highlighted. */
  dragged: string | null;
  decoration: Decoration;
  /** The page's colours around the data's own (light or dark). */
  scheme: Scheme;
  /** Relations inside a closed bundle; the bundle is drawn by its representative's look, the others not at all. */
  bundled: ReadonlyMap<string, unknown>;
  bundleLooks: ReadonlyMap<string, BundleLook>;
  edgeLabels: EdgeLabelMode;
  /** Sizes and colours the appearance gives actors (src/core/appearance.ts); null maps keep the data's. */
  looks: Pick<Looks, "nodeColors" | "nodeSizes">;
}

export const EMPTY_SET: ReadonlySet<string> = new Set();
const NO_NODE_LOOKS: RenderContext["looks"] = { nodeColors: null, nodeSizes: null };
const EMPTY_MAP: ReadonlyMap<string, never> = new Map<string, never>();

/**
 * Which labels the label layer places first (src/sigma/labels.ts): 0 for the
 * hovered or selected actor and the selected relation, 1 for what a path or a
 * selected relation joins, 2 for what a highlight lights, 3 for the rest.
 */
export const LABEL_RANK = { focus: 0, joined: 1, lit: 2, rest: 3 } as const;

export interface RenderState {
  lit: Highlight;
  selected: string | null;
  selectedEdge: string | null;
  path: VisibleSets | null;
  rings?: ReadonlyMap<string, number> | null;
  dragged?: string | null;
  scheme?: Scheme;
  bundled?: ReadonlyMap<string, unknown>;
  bundleLooks?: ReadonlyMap<string, BundleLook>;
  edgeLabels?: EdgeLabelMode;
  looks?: Pick<Looks, "nodeColors" | "nodeSizes">;
}

export function renderContext(decoration: Decoration, visible: VisibleSets, state: RenderState): RenderContext {
  return {
    visible,
    lit: state.lit,
    selected: state.selected,
    selectedEdge: state.selectedEdge,
    path: state.path,
    rings: state.rings ?? null,
    dragged: state.dragged ?? null,
    decoration,
    scheme: state.scheme ?? SCHEMES.light,
    bundled: state.bundled ?? EMPTY_MAP,
    bundleLooks: state.bundleLooks ?? EMPTY_MAP,
    edgeLabels: state.edgeLabels ?? "hover",
    looks: state.looks ?? NO_NODE_LOOKS,
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
export type NodeDisplay = Partial<NodeDisplayData> & { x: number; y: number; label: string | null; labelRank?: number };
export type EdgeDisplay = Partial<EdgeDisplayData> & {
  label: string | null;
  curvature?: number;
  labelRank?: number;
  /** A closed bundle's colours and their shares, for the mark drawn at its middle when they are mixed. */
  mix?: BundleLook["mix"];
};

const finite = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const text = (v: unknown) => (typeof v === "string" ? v : null);

/** Size of an actor the data does not size. */
export const DEFAULT_NODE_SIZE = NODE_SIZES.min;

export function nodeReducer(node: string, attrs: NodeInput, ctx: RenderContext): NodeDisplay {
  const size = ctx.looks.nodeSizes?.get(node) ?? finite(attrs.size, DEFAULT_NODE_SIZE);
  const base: NodeDisplay = {
    x: finite(attrs.x, 0),
    y: finite(attrs.y, 0),
    size: size > 0 ? size : DEFAULT_NODE_SIZE,
    label: text(attrs.label),
    color: ctx.looks.nodeColors?.get(node) ?? nodeColor({ kind: text(attrs.kind) ?? "", color: text(attrs.color) ?? undefined }),
    type: "circle",
  };
  if (!ctx.visible.nodes.has(node)) return { ...base, hidden: true };
  const onPath = ctx.path?.nodes.has(node) ?? false;
  const emphasised = isHighlighted(ctx.lit) || ctx.path !== null;
  const lit = ctx.lit.nodes.has(node) || onPath;
  if (emphasised && !lit) return { ...base, color: ctx.scheme.dimmedNode, label: null, zIndex: 0, labelRank: LABEL_RANK.rest };
  const focus = node === ctx.lit.actor || (node === ctx.selected && ctx.lit.relation === null);
  const joined = onPath || (ctx.lit.relation !== null && lit);
  // The second ring of a two-step focus recedes behind the first.
  const outer = (ctx.rings?.get(node) ?? 0) >= 2;
  return {
    ...base,
    color: outer ? fade(base.color!, ctx.scheme.background) : base.color,
    zIndex: lit ? 2 : outer ? 0 : 1,
    highlighted: focus || node === ctx.dragged,
    labelRank: focus ? LABEL_RANK.focus : joined ? LABEL_RANK.joined : lit && !outer ? LABEL_RANK.lit : LABEL_RANK.rest,
  };
}

/** The attributes an edge reducer reads. */
export interface EdgeInput {
  label?: unknown;
}

const NO_LOOK: EdgeLook = { type: "straightArrow", curvature: 0, color: SCHEMES.light.dimmedEdge, size: 2 };

export function edgeReducer(edge: string, attrs: EdgeInput, ctx: RenderContext): EdgeDisplay {
  const look = ctx.decoration.edges.get(edge) ?? NO_LOOK;
  const base: EdgeDisplay = { label: text(attrs.label), color: look.color, size: look.size, type: look.type, curvature: look.curvature };
  if (!ctx.visible.edges.has(edge)) return { ...base, hidden: true };
  const emphasised = isHighlighted(ctx.lit) || ctx.path !== null;
  if (ctx.bundled.has(edge)) {
    const bundle = ctx.bundleLooks.get(edge);
    if (!bundle) return { ...base, hidden: true };
    const { label, mix, type, size, color } = bundle;
    if (emphasised) return { label: null, type, size, curvature: 0, color: ctx.scheme.dimmedEdge, zIndex: 0 };
    return { label: ctx.edgeLabels === "on" ? label : null, type, size, curvature: 0, color, mix, zIndex: 1, labelRank: LABEL_RANK.rest };
  }
  if (ctx.path?.edges.has(edge))
    return { ...base, color: ctx.scheme.path, size: Math.max(6, look.size * 1.6), zIndex: 3, labelRank: LABEL_RANK.joined };
  if (edge === ctx.selectedEdge) return { ...base, size: Math.max(6, look.size * 1.8), zIndex: 3, labelRank: LABEL_RANK.focus };
  if (ctx.lit.edges.has(edge))
    return { ...base, label: ctx.edgeLabels === "off" ? null : base.label, zIndex: 2, labelRank: LABEL_RANK.lit };
  if (emphasised) return { ...base, color: ctx.scheme.dimmedEdge, label: null, zIndex: 0 };
  // At rest, relation labels would bury the graph: they appear with a highlight, unless asked for always.
  return { ...base, label: ctx.edgeLabels === "on" ? base.label : null, zIndex: 1, labelRank: LABEL_RANK.rest };
}
