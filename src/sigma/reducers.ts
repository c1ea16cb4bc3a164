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
import type { Bundle } from "../core/bundles";
import type { Looks } from "../core/appearance";
import type { PeriodComparison } from "../core/compare";
import { compareEdgeLook, compareNodeLook } from "./compare-looks";
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
  /** Every relation inside a bundle of the visible graph, with its bundle (none when bundling is off). */
  bundles: ReadonlyMap<string, Bundle>;
  /** The bundles drawn open now: one of their actors is looked at, or they hold the selected relation or a path step. */
  open: ReadonlySet<Bundle>;
  bundleLooks: ReadonlyMap<string, BundleLook>;
  edgeLabels: EdgeLabelMode;
  /**
   * On screen the programs dim what is not lit (programs.ts), so the display
   * data keeps the items' own colours with a `lit` flag, and a highlight only
   * touches what it lights. Off for pictures, which get the dimmed colours.
   */
  gpuDim: boolean;
  /** Sizes and colours the appearance gives actors (src/core/appearance.ts); null maps keep the data's. */
  looks: Pick<Looks, "nodeColors" | "nodeSizes">;
  /** Two periods compared: each relation's and actor's mark (compare-looks.ts); null without a comparison. */
  compare: PeriodComparison | null;
}

export const EMPTY_SET: ReadonlySet<string> = new Set();
const NO_NODE_LOOKS: RenderContext["looks"] = { nodeColors: null, nodeSizes: null };
const EMPTY_MAP: ReadonlyMap<string, never> = new Map<string, never>();
const NO_BUNDLES: ReadonlySet<Bundle> = new Set();

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
  bundles?: ReadonlyMap<string, Bundle>;
  open?: ReadonlySet<Bundle>;
  bundleLooks?: ReadonlyMap<string, BundleLook>;
  edgeLabels?: EdgeLabelMode;
  gpuDim?: boolean;
  looks?: Pick<Looks, "nodeColors" | "nodeSizes">;
  compare?: PeriodComparison | null;
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
    bundles: state.bundles ?? EMPTY_MAP,
    open: state.open ?? NO_BUNDLES,
    bundleLooks: state.bundleLooks ?? EMPTY_MAP,
    edgeLabels: state.edgeLabels ?? "hover",
    gpuDim: state.gpuDim ?? false,
    looks: state.looks ?? NO_NODE_LOOKS,
    compare: state.compare ?? null,
  };
}

const emphasisedIn = (ctx: RenderContext) => isHighlighted(ctx.lit) || ctx.path !== null;
const nodeLit = (node: string, ctx: RenderContext) => ctx.lit.nodes.has(node) || (ctx.path?.nodes.has(node) ?? false);
const edgeLit = (edge: string, ctx: RenderContext) =>
  ctx.lit.edges.has(edge) || (ctx.path?.edges.has(edge) ?? false) || edge === ctx.selectedEdge;

/** The bundle a relation is drawn in, when it is closed. */
export function closedBundle(edge: string, ctx: RenderContext): Bundle | null {
  const bundle = ctx.bundles.get(edge);
  return bundle && !ctx.open.has(bundle) ? bundle : null;
}

/** The rank of an actor's label (LABEL_RANK), or null when it has none to show now (hidden, dimmed). */
export function nodeLabelRank(node: string, ctx: RenderContext): number | null {
  if (!ctx.visible.nodes.has(node)) return null;
  const lit = nodeLit(node, ctx);
  if (emphasisedIn(ctx) && !lit) return null;
  const focus = node === ctx.lit.actor || (node === ctx.selected && ctx.lit.relation === null);
  if (focus) return LABEL_RANK.focus;
  if ((ctx.path?.nodes.has(node) ?? false) || (ctx.lit.relation !== null && lit)) return LABEL_RANK.joined;
  return lit && (ctx.rings?.get(node) ?? 0) < 2 ? LABEL_RANK.lit : LABEL_RANK.rest;
}

/** The rank of a relation's label, or null when it shows none now. */
export function edgeLabelRank(edge: string, ctx: RenderContext): number | null {
  if (!ctx.visible.edges.has(edge)) return null;
  const emphasised = emphasisedIn(ctx);
  const bundle = closedBundle(edge, ctx);
  if (bundle) return ctx.bundleLooks.has(edge) && !emphasised && ctx.edgeLabels === "on" ? LABEL_RANK.rest : null;
  if (ctx.path?.edges.has(edge)) return LABEL_RANK.joined;
  if (edge === ctx.selectedEdge) return LABEL_RANK.focus;
  if (ctx.lit.edges.has(edge)) return ctx.edgeLabels === "off" ? null : LABEL_RANK.lit;
  if (emphasised) return null;
  return ctx.edgeLabels === "on" ? LABEL_RANK.rest : null;
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
export type NodeDisplay = Partial<NodeDisplayData> & { x: number; y: number; label: string | null; labelRank?: number; lit?: number };
export type EdgeDisplay = Partial<EdgeDisplayData> & {
  label: string | null;
  lit?: number;
  curvature?: number;
  labelRank?: number;
  /** A closed bundle's colours and their shares, for the mark drawn at its middle when they are mixed. */
  mix?: BundleLook["mix"];
};

const finite = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const text = (v: unknown) => (typeof v === "string" ? v : null);

/** Size of an actor the data does not size. */
export const DEFAULT_NODE_SIZE = NODE_SIZES.min;

/** An actor's display data: the look below, with a comparison's marks over it. */
export function nodeReducer(node: string, attrs: NodeInput, ctx: RenderContext): NodeDisplay {
  const display = nodeLook(node, attrs, ctx);
  return ctx.compare ? compareNodeLook(node, display, ctx.compare, ctx.scheme, !ctx.gpuDim) : display;
}

function nodeLook(node: string, attrs: NodeInput, ctx: RenderContext): NodeDisplay {
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
  const lit = nodeLit(node, ctx);
  const labelRank = nodeLabelRank(node, ctx) ?? undefined;
  const focus = labelRank === LABEL_RANK.focus;
  // The second ring of a two-step focus recedes behind the first.
  const outer = (ctx.rings?.get(node) ?? 0) >= 2;
  const color = outer ? fade(base.color!, ctx.scheme.background) : base.color;
  if (ctx.gpuDim) {
    // Own colour and a flag: the program dims what is not lit, so only what a highlight changes is refreshed.
    // No `highlighted`: the label layer rings the focus itself (sigma's hover layer would keep a stale one).
    return { ...base, color, lit: lit ? 1 : 0, zIndex: 1, labelRank };
  }
  if (emphasisedIn(ctx) && !lit) return { ...base, color: ctx.scheme.dimmedNode, label: null, zIndex: 0 };
  return { ...base, color, zIndex: lit ? 2 : outer ? 0 : 1, highlighted: focus || node === ctx.dragged, labelRank };
}

/** The attributes an edge reducer reads. */
export interface EdgeInput {
  label?: unknown;
}

const NO_LOOK: EdgeLook = { type: "straightArrow", curvature: 0, color: SCHEMES.light.dimmedEdge, size: 2 };

/** A relation's display data: the look below, with a comparison's marks over it. */
export function edgeReducer(edge: string, attrs: EdgeInput, ctx: RenderContext): EdgeDisplay {
  const display = edgeLook(edge, attrs, ctx);
  return ctx.compare ? compareEdgeLook(edge, display, ctx.compare, ctx.scheme) : display;
}

function edgeLook(edge: string, attrs: EdgeInput, ctx: RenderContext): EdgeDisplay {
  const look = ctx.decoration.edges.get(edge) ?? NO_LOOK;
  const base: EdgeDisplay = { label: text(attrs.label), color: look.color, size: look.size, type: look.type, curvature: look.curvature };
  if (!ctx.visible.edges.has(edge)) return { ...base, hidden: true };
  const emphasised = emphasisedIn(ctx);
  const labelRank = edgeLabelRank(edge, ctx) ?? undefined;
  const dim = ctx.gpuDim ? { lit: 0, zIndex: 1 } : { color: ctx.scheme.dimmedEdge, label: null, zIndex: 0 };
  const bundle = closedBundle(edge, ctx);
  if (bundle) {
    const drawn = ctx.bundleLooks.get(edge);
    if (!drawn) return { ...base, hidden: true };
    const { label, mix, type, size, color } = drawn;
    // A closed bundle is never lit: looking at one of its actors opens it.
    const shown: EdgeDisplay = { label, type, size, curvature: 0, color, mix, zIndex: 1, lit: 0, labelRank };
    return emphasised ? { ...shown, mix: ctx.gpuDim ? mix : undefined, ...dim } : shown;
  }
  const lit = edgeLit(edge, ctx);
  if (ctx.path?.edges.has(edge))
    return { ...base, color: ctx.scheme.path, size: Math.max(6, look.size * 1.6), zIndex: 3, lit: 1, labelRank };
  if (edge === ctx.selectedEdge) return { ...base, size: Math.max(6, look.size * 1.8), zIndex: 3, lit: 1, labelRank };
  if (lit) return { ...base, zIndex: 2, lit: 1, labelRank };
  if (emphasised) return { ...base, ...dim };
  return { ...base, zIndex: 1, lit: 0, labelRank };
}
