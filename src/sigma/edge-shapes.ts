/**
 * Parallel relations between two actors are drawn as distinct curves: each
 * edge gets a curvature from its index among its parallels, and a program
 * type (arrow or not, straight or curved) from its direction.
 */
import { indexParallelEdgesIndex } from "@sigma/edge-curve";
import type Graph from "graphology";
import { edgeProgramType, parallelCurvature } from "./edge-curvature";

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
