/**
 * Deterministic layout: seeded positions, ForceAtlas2, then noverlap, with
 * node sizes by degree. Coordinates are scaled to a 1000-unit box so that node
 * sizes (screen pixels in sigma) and positions share a scale for noverlap.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { CorpusGraph } from "./assemble";
import { seededRandom } from "./random";

const EXTENT = 1000;
const round = (v: number) => Math.round(v * 100) / 100;

export function nodeSize(degree: number, maxDegree: number): number {
  return round(3 + 15 * Math.sqrt(degree / Math.max(1, maxDegree)));
}

export function sizeNodes(graph: CorpusGraph): void {
  let max = 0;
  graph.forEachNode((_, a) => (max = Math.max(max, a.degree)));
  graph.forEachNode((node, a) => graph.setNodeAttribute(node, "size", nodeSize(a.degree, max)));
}

function scaleToExtent(graph: CorpusGraph): void {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((_, { x, y }) => {
    minX = Math.min(minX, x); maxX = Math.max(maxX, x);
    minY = Math.min(minY, y); maxY = Math.max(maxY, y);
  });
  const span = Math.max(maxX - minX, maxY - minY) || 1;
  const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: ((a.x - cx) / span) * EXTENT, y: ((a.y - cy) / span) * EXTENT }));
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
    settings: { ...forceAtlas2.inferSettings(graph), outboundAttractionDistribution: true, barnesHutOptimize: n > 1000 },
  });
  scaleToExtent(graph);
  noverlap.assign(graph, { maxIterations: 150, settings: { margin: 4, ratio: 1.2 } });
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: round(a.x), y: round(a.y) }));
}
