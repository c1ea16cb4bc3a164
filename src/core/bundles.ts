/**
 * Parallel relations as bundles: the visible relations between one pair of
 * actors, whichever way they point. Two hubs with dozens of relations between
 * them are one thick line until one of them is looked at; then the bundle
 * opens into its relations.
 */
import type Graph from "graphology";
import type { VisibleSets } from "../model/visible";

export interface Bundle {
  /** The two actors, in the order of the first relation. */
  source: string;
  target: string;
  /** The visible relations between them, in graph order (two or more). */
  edges: readonly string[];
  /** The relation that draws the bundle: the first visible one. */
  representative: string;
  /** Which way the bundle points: as its representative, the other way, or both (no arrow). */
  direction: "forward" | "both";
  /** Evidence entries over all its relations. */
  quotes: number;
}

/** A pair key that no two node keys can forge: the length says where the first key ends. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a.length}:${a}|${b}` : `${b.length}:${b}|${a}`);

/** Every bundle of the visible graph, by pair; pairs with a single visible relation are not bundles. */
export function parallelBundles(graph: Graph, visible: VisibleSets): Map<string, Bundle> {
  const groups = new Map<string, string[]>();
  for (const edge of visible.edges) {
    if (!graph.hasEdge(edge)) continue;
    const [s, t] = graph.extremities(edge);
    if (s === t) continue;
    const key = pairKey(s, t);
    const list = groups.get(key);
    if (list) list.push(edge);
    else groups.set(key, [edge]);
  }
  const bundles = new Map<string, Bundle>();
  for (const [key, edges] of groups) {
    if (edges.length < 2) continue;
    const representative = edges[0]!;
    const [source, target] = graph.extremities(representative);
    let quotes = 0;
    let sameWay = true;
    for (const edge of edges) {
      const attrs = graph.getEdgeAttributes(edge);
      quotes += Array.isArray(attrs.evidence) ? attrs.evidence.length : 0;
      if (attrs.directed === false || graph.source(edge) !== source) sameWay = false;
    }
    bundles.set(key, { source, target, edges, representative, direction: sameWay ? "forward" : "both", quotes });
  }
  return bundles;
}
