/**
 * Who is near an actor. Hops ignore direction: for "who is involved with X",
 * being sanctioned by X is as close as sanctioning X.
 */
import type Graph from "graphology";
import type { EdgeAttributes, NodeAttributes } from "../model/graph-file";

/** Which edges may be crossed, e.g. `(edge) => visible.edges.has(edge)`. */
export type EdgeFilter = (edge: string, attributes: EdgeAttributes, source: string, target: string) => boolean;

/**
 * The edges touching `node` (as subject or object, each once, self-loops
 * included), in graph order. Empty for a node the graph does not have, as a
 * link may name an actor since removed from the corpus.
 */
export function incidentEdges(graph: Graph<NodeAttributes, EdgeAttributes>, node: string, edgeFilter?: EdgeFilter): string[] {
  if (!graph.hasNode(node)) return [];
  const edges: string[] = [];
  graph.forEachEdge(node, (edge, attrs, source, target) => {
    if (!edgeFilter || edgeFilter(edge, attrs, source, target)) edges.push(edge);
  });
  return edges;
}

/**
 * The actors at most `depth` hops from `node` over the edges the filter lets
 * through, `node` included; depth 0 is `node` alone. Empty when the graph does
 * not have `node`. Breadth-first, so each actor is reached at its least depth
 * and the set's order is by distance.
 */
export function neighbourhood(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  node: string,
  depth: number,
  edgeFilter?: EdgeFilter,
): Set<string> {
  return new Set(ringsAround(graph, node, depth, edgeFilter).keys());
}

/**
 * How many hops each actor within `depth` hops of `node` is from it (0 for
 * `node` itself), over the edges the filter lets through: the rings of an ego
 * network, so the renderer can set the first apart from the second.
 */
export function ringsAround(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  node: string,
  depth: number,
  edgeFilter?: EdgeFilter,
): Map<string, number> {
  const rings = new Map<string, number>();
  if (!graph.hasNode(node)) return rings;
  rings.set(node, 0);
  let frontier = [node];
  for (let d = 1; d <= depth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const current of frontier) {
      graph.forEachEdge(current, (edge, attrs, source, target) => {
        const other = source === current ? target : source;
        if (rings.has(other) || (edgeFilter && !edgeFilter(edge, attrs, source, target))) return;
        rings.set(other, d);
        next.push(other);
      });
    }
    frontier = next;
  }
  return rings;
}
