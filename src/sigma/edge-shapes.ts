/**
 * Parallel relations between two actors are drawn as distinct curves: each
 * edge gets a curvature from its index among its parallels, and a program
 * type (arrow or not, straight or curved) from its direction.
 */
import type Graph from "graphology";
import { edgeProgramType, parallelCurvature } from "./edge-curvature";

/**
 * The parallel-edge index of @sigma/edge-curve's indexParallelEdgesIndex, with
 * the same values, kept in Maps: that function keys plain objects by node
 * ids, and an opened file's node named "__proto__" made it throw.
 */
function indexParallelEdges(graph: Graph): void {
  const ids = new Map<string, number>();
  graph.forEachNode((node) => ids.set(node, ids.size));
  const directed = new Map<string, string[]>();
  const undirectedCount = new Map<string, number>();
  const pairOf = new Map<string, string>();
  graph.forEachEdge((edge, _attrs, source, target) => {
    const s = ids.get(source)!;
    const t = ids.get(target)!;
    const pair = `${s}-${t}`;
    const unordered = s < t ? pair : `${t}-${s}`;
    if (!directed.has(pair)) directed.set(pair, []);
    directed.get(pair)!.push(edge);
    pairOf.set(pair, unordered);
    undirectedCount.set(unordered, (undirectedCount.get(unordered) ?? 0) + 1);
  });
  for (const [pair, edges] of directed) {
    const count = edges.length;
    const both = undirectedCount.get(pairOf.get(pair)!)!;
    if (count === 1 && both === 1) {
      graph.mergeEdgeAttributes(edges[0]!, { parallelIndex: null, parallelMaxIndex: null });
    } else if (count === 1) {
      graph.mergeEdgeAttributes(edges[0]!, { parallelIndex: 1, parallelMaxIndex: 1 });
    } else if (count === both) {
      const max = (count - 1) / 2;
      edges.forEach((edge, i) =>
        graph.mergeEdgeAttributes(edge, { parallelIndex: -max + i, parallelMinIndex: -max, parallelMaxIndex: max }),
      );
    } else {
      edges.forEach((edge, i) => graph.mergeEdgeAttributes(edge, { parallelIndex: i + 1, parallelMaxIndex: count }));
    }
  }
}

export function assignEdgeShapes(graph: Graph): void {
  indexParallelEdges(graph);
  graph.updateEachEdgeAttributes((_, attrs) => {
    const index = attrs.parallelIndex as number | null | undefined;
    const max = attrs.parallelMaxIndex as number | null | undefined;
    const curved = typeof index === "number" && typeof max === "number" && index !== 0;
    return {
      ...attrs,
      type: edgeProgramType(attrs.directed !== false, curved),
      curvature: curved ? parallelCurvature(index, max) : 0,
    };
  });
}
