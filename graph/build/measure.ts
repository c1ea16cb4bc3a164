/** Node metrics: degrees and a Louvain community, all deterministic. */
import louvain from "graphology-communities-louvain";
import type { CorpusGraph } from "./assemble";
import { seededRandom } from "../../src/core/random";

export function measureGraph(graph: CorpusGraph, seed: number): void {
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, {
      degree: graph.degree(node),
      inDegree: graph.inDegree(node),
      outDegree: graph.outDegree(node),
    });
  });
  if (graph.size === 0) return;
  const communities = louvain(graph, { rng: seededRandom(seed), getEdgeWeight: "weight" });
  // Louvain numbers communities in discovery order; renumber by size so ids are meaningful.
  const sizes = new Map<number, number>();
  for (const c of Object.values(communities)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const rank = new Map([...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c], i) => [c, i] as const));
  graph.forEachNode((node) => graph.setNodeAttribute(node, "community", rank.get(communities[node]!)!));
}
