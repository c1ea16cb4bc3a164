/**
 * Everything the renderer draws that is not in the data, decided once per
 * graph: colours by kind and family (unless a file brings its own), edge
 * thickness by evidence, and the program and curvature that keep parallel
 * relations apart. The data graph is never written to: the reducers read
 * this decoration, so an export writes the data as loaded and no attribute of
 * a file can take a meaning in the renderer that it does not have.
 */
import type { EdgeAttributes, NodeAttributes } from "../model/graph-file";
import type { Bundle } from "../core/bundles";
import { FAMILY_COLORS, familyColor, kindColor } from "../core/palette";
import { edgeProgramType, parallelCurvature } from "./edge-curvature";

/** How one relation is drawn when nothing highlights it. */
export interface EdgeLook {
  /** Program name in settings.edgeProgramClasses. */
  type: string;
  curvature: number;
  color: string;
  size: number;
}

export interface Decoration {
  edges: ReadonlyMap<string, EdgeLook>;
}

/** Edge thickness in pixels: well-attested relations are drawn thicker, up to a limit. */
export function edgeThickness(weight: number): number {
  return 2 * Math.min(7, 2 + Math.log2(Math.max(1, Number.isFinite(weight) ? weight : 1)) * 1.2);
}

/** A node's colour: the file's own when it has one, else its kind's. */
export function nodeColor(attrs: Pick<NodeAttributes, "kind" | "color">): string {
  return typeof attrs.color === "string" && attrs.color !== "" ? attrs.color : kindColor(String(attrs.kind));
}

/**
 * Each edge's index among the edges between the same two actors, as
 * @sigma/edge-curve counts it: null for a lone edge; 1..n for edges that have
 * company only in the other direction (each direction curves to its own side);
 * symmetric around 0 for several edges in one direction.
 */
export function parallelIndex(graph: {
  forEachEdge(cb: (edge: string, attrs: unknown, source: string, target: string) => void): void;
}): Map<string, { index: number | null; max: number | null }> {
  // Keys that no pair of node keys can forge: the length says where the first key ends.
  const directedKey = (s: string, t: string) => `${s.length}:${s}>${t}`;
  const pairKey = (s: string, t: string) => (s < t ? directedKey(s, t) : directedKey(t, s));
  const directed = new Map<string, { pair: string; edges: string[] }>();
  const pairCount = new Map<string, number>();
  graph.forEachEdge((edge, _attrs, source, target) => {
    const key = directedKey(source, target);
    const pair = pairKey(source, target);
    const group = directed.get(key);
    if (group) group.edges.push(edge);
    else directed.set(key, { pair, edges: [edge] });
    pairCount.set(pair, (pairCount.get(pair) ?? 0) + 1);
  });
  const out = new Map<string, { index: number | null; max: number | null }>();
  for (const { pair, edges } of directed.values()) {
    const n = edges.length;
    const together = pairCount.get(pair)!;
    if (n === 1 && together === 1) out.set(edges[0]!, { index: null, max: null });
    else if (n === 1) out.set(edges[0]!, { index: 1, max: 1 });
    else if (n === together) edges.forEach((edge, i) => out.set(edge, { index: -(n - 1) / 2 + i, max: (n - 1) / 2 }));
    else edges.forEach((edge, i) => out.set(edge, { index: i + 1, max: n }));
  }
  return out;
}

interface DecoratableGraph {
  forEachEdge(cb: (edge: string, attrs: EdgeAttributes, source: string, target: string) => void): void;
}

/** The decoration of a graph as loaded. */
export function decorate(graph: DecoratableGraph): Decoration {
  const parallels = parallelIndex(graph);
  const edges = new Map<string, EdgeLook>();
  graph.forEachEdge((edge, attrs) => {
    const { index, max } = parallels.get(edge)!;
    const curved = index !== null && max !== null && index !== 0;
    edges.set(edge, {
      type: edgeProgramType(attrs.directed !== false, curved),
      curvature: curved ? parallelCurvature(index, max) : 0,
      color: typeof attrs.color === "string" && attrs.color !== "" ? attrs.color : familyColor(attrs.family),
      size: typeof attrs.size === "number" && attrs.size > 0 && Number.isFinite(attrs.size) ? attrs.size : edgeThickness(attrs.weight),
    });
  });
  return { edges };
}

/** A bundle's thickness in the units of positions: it grows with the number of relations it holds. */
export function bundleThickness(count: number): number {
  return Math.min(26, 6 + Math.log2(Math.max(2, count)) * 4);
}

/** How a closed bundle is drawn: one line in its commonest colour, a pie of its colours when they are mixed. */
export interface BundleLook extends EdgeLook {
  label: string;
  count: number;
  /** Each colour of its relations with its share, commonest first; one entry when they all agree. */
  mix: { color: string; share: number }[];
}

/** The look of each closed bundle, by the relation that draws it (a straight member when there is one). */
export function bundleLooks(closed: ReadonlyMap<string, Bundle>, decoration: Decoration): Map<string, BundleLook> {
  const looks = new Map<string, BundleLook>();
  for (const bundle of new Set(closed.values())) {
    const tally = new Map<string, number>();
    for (const edge of bundle.edges) {
      const color = decoration.edges.get(edge)?.color ?? FAMILY_COLORS.neutral;
      tally.set(color, (tally.get(color) ?? 0) + 1);
    }
    const n = bundle.edges.length;
    const mix = [...tally].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([color, k]) => ({ color, share: k / n }));
    const type = edgeProgramType(bundle.direction === "forward", false);
    // Drawn by a member that has the bundle's own program when open too, so opening it never changes a program
    // (sigma's partial refresh can then redraw it alone).
    const representative = bundle.edges.find((edge) => decoration.edges.get(edge)?.type === type) ?? bundle.representative;
    looks.set(representative, {
      type,
      curvature: 0,
      color: mix[0]!.color,
      size: bundleThickness(n),
      label: `${n} relations`,
      count: n,
      mix,
    });
  }
  return looks;
}
