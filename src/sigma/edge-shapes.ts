/**
 * Parallel relations between two actors are drawn as distinct curves: each
 * edge gets a curvature from its index among its parallels, and a program
 * type (arrow or not, straight or curved) from its direction.
 */
import { DEFAULT_EDGE_CURVATURE, indexParallelEdgesIndex } from "@sigma/edge-curve";
import type Graph from "graphology";

/** Curvature grows with the index but saturates, so ten parallels still fit between two nodes. */
export function parallelCurvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  const spread = 3 * (1 - Math.exp(-maxIndex / 3)) * DEFAULT_EDGE_CURVATURE;
  return (spread * index) / maxIndex;
}

export function edgeProgramType(directed: boolean, curved: boolean): string {
  return `${curved ? "curved" : "straight"}${directed ? "Arrow" : "Line"}`;
}

export function assignEdgeShapes(graph: Graph): void {
  indexParallelEdgesIndex(graph, {
    edgeIndexAttribute: "parallelIndex",
    edgeMinIndexAttribute: "parallelMinIndex",
    edgeMaxIndexAttribute: "parallelMaxIndex",
  });
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
