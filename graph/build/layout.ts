/**
 * Deterministic layout: seeded positions, ForceAtlas2, then noverlap, with
 * node sizes by degree. Coordinates are scaled to a 1000-unit box so that node
 * sizes (screen pixels in sigma) and positions share a scale for noverlap.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { CorpusGraph } from "./assemble";
import { seededRandom } from "./random";

/** Side of the layout box for up to 1000 actors; larger graphs get more room, so nodes need not overlap. */
const BASE_EXTENT = 1000;

export function layoutExtent(order: number): number {
  return BASE_EXTENT * Math.sqrt(Math.max(1, order / 1000));
}
const round = (v: number) => Math.round(v * 100) / 100;

export function nodeSize(degree: number, maxDegree: number): number {
  return round(3 + 15 * Math.sqrt(degree / Math.max(1, maxDegree)));
}

export function sizeNodes(graph: CorpusGraph): void {
  let max = 0;
  graph.forEachNode((_, a) => (max = Math.max(max, a.degree)));
  graph.forEachNode((node, a) => graph.setNodeAttribute(node, "size", nodeSize(a.degree, max)));
}

function scaleToExtent(graph: CorpusGraph, extent: number): void {
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  graph.forEachNode((_, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const cx = (minX + maxX) / 2,
    cy = (minY + maxY) / 2;
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: ((a.x - cx) / span) * extent, y: ((a.y - cy) / span) * extent }));
}

function withRandom<T>(random: () => number, fn: () => T): T {
  const original = Math.random;
  Math.random = random;
  try {
    return fn();
  } finally {
    Math.random = original;
  }
}

export interface LayoutOptions {
  seed: number;
  /** ForceAtlas2 iterations; by default fewer for larger graphs. */
  iterations?: number;
}

export function layoutGraph(graph: CorpusGraph, { seed, iterations }: LayoutOptions): void {
  const n = graph.order;
  if (n === 0) return;
  const rand = seededRandom(seed);
  const radius = Math.sqrt(n) * 10;
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: (rand() * 2 - 1) * radius, y: (rand() * 2 - 1) * radius }));
  const iters = iterations ?? Math.max(60, Math.min(600, Math.round(300000 / n)));
  forceAtlas2.assign(graph, {
    iterations: iters,
    getEdgeWeight: "weight",
    // Dissuading hubs spreads the many relations of Russia and Japan instead of knotting them at the centre.
    settings: { ...forceAtlas2.inferSettings(graph), outboundAttractionDistribution: true, barnesHutOptimize: n > 300 },
  });
  scaleToExtent(graph, layoutExtent(n));
  // noverlap jitters coincident nodes with Math.random; a seeded one keeps the output byte-identical.
  withRandom(seededRandom(seed + 1), () =>
    noverlap.assign(graph, {
      maxIterations: 150,
      // About one grid cell per actor keeps the pair checks near-linear on large graphs.
      settings: { margin: 4, ratio: 1.2, gridSize: Math.max(20, Math.ceil(Math.sqrt(n))) },
    }),
  );
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: round(a.x), y: round(a.y) }));
}
