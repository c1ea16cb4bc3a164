/**
 * How parallel relations are told apart: pure functions of an edge's index
 * among its parallels, kept free of sigma so they run anywhere.
 */

/** The curvature @sigma/edge-curve uses for a single curved edge. */
export const BASE_CURVATURE = 0.25;

/** Curvature grows with the index but saturates, so ten parallels still fit between two nodes. */
export function parallelCurvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  const spread = 3 * (1 - Math.exp(-maxIndex / 3)) * BASE_CURVATURE;
  return (spread * index) / maxIndex;
}

/** The program that draws an edge: straight or curved, with an arrow when the relation is directed. */
export function edgeProgramType(directed: boolean, curved: boolean): string {
  return `${curved ? "curved" : "straight"}${directed ? "Arrow" : "Line"}`;
}
