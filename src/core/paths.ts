/**
 * How two actors are connected on screen: a shortest chain of visible
 * relations between them.
 */
import type Graph from "graphology";
import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted";
import type { EdgeAttributes, NodeAttributes } from "../model/graph-file";
import type { VisibleSets } from "../model/visible";

export interface Path {
  /** From `from` to `to`, both included. */
  nodes: string[];
  /** One relation per step: `edges[i]` joins `nodes[i]` and `nodes[i + 1]`, in either direction. */
  edges: string[];
}

/**
 * The visible subgraph as a simple undirected graph: "A sanctions B" links B
 * to A as much as A to B, and parallel relations are one step.
 */
function undirectedView(graph: Graph<NodeAttributes, EdgeAttributes>, visible: VisibleSets): UndirectedGraph {
  const view = new UndirectedGraph();
  for (const node of visible.nodes) if (graph.hasNode(node)) view.addNode(node);
  for (const edge of visible.edges) {
    if (!graph.hasEdge(edge)) continue;
    const [source, target] = graph.extremities(edge);
    if (source !== target && view.hasNode(source) && view.hasNode(target)) view.mergeEdge(source, target);
  }
  return view;
}

/**
 * The visible relation to show for one step between `a` and `b`: the one with
 * the most evidence, the best attested link; ties go to the smallest key so
 * the same view always draws the same path.
 */
function bestEdge(graph: Graph<NodeAttributes, EdgeAttributes>, visible: VisibleSets, a: string, b: string): string {
  let best: string | null = null;
  let bestCount = -1;
  // graph.edges(a, b) holds the relations both ways between a and b.
  for (const edge of graph.edges(a, b)) {
    if (!visible.edges.has(edge)) continue;
    const count = graph.getEdgeAttribute(edge, "evidence").length;
    if (count > bestCount || (count === bestCount && best !== null && edge < best)) {
      best = edge;
      bestCount = count;
    }
  }
  // The step came from a visible edge between a and b, so there is one.
  return best!;
}

/**
 * A shortest path from `from` to `to` over the visible relations, crossed in
 * either direction, or null when there is none — including when either end is
 * hidden or unknown. A path from an actor to itself is that actor alone.
 */
export function shortestPath(graph: Graph<NodeAttributes, EdgeAttributes>, from: string, to: string, visible: VisibleSets): Path | null {
  if (!visible.nodes.has(from) || !visible.nodes.has(to)) return null;
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  const nodes = bidirectional(undirectedView(graph, visible), from, to);
  if (!nodes) return null;
  const edges: string[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) edges.push(bestEdge(graph, visible, nodes[i]!, nodes[i + 1]!));
  return { nodes, edges };
}
