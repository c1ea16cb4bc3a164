/**
 * Deterministic layout built for reading: seeded positions, ForceAtlas2 in
 * LinLog mode with hubs dissuaded (so the many neighbours of Russia and Japan
 * spread around them instead of knotting at the centre), room made for the
 * first view's labels, then noverlap, with node sizes by degree. Coordinates
 * are scaled to a box of a fixed side, and sizes are in the same units (the
 * app draws sizes on the scale of positions), so no two discs overlap on
 * any screen.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { layoutExtent, NODE_SIZES } from "../../src/model/graph-file";
import type { CorpusGraph } from "./assemble";
import { makeRoomForLabels } from "./label-room";
import { seededRandom } from "../../src/core/random";

/** Side of the layout box for up to 1000 actors (model/graph-file.ts: layoutExtent). */
const BASE_EXTENT = layoutExtent(1);
const round = (v: number) => Math.round(v * 100) / 100;

export function nodeSize(degree: number, maxDegree: number): number {
  return round(NODE_SIZES.min + (NODE_SIZES.max - NODE_SIZES.min) * Math.sqrt(degree / Math.max(1, maxDegree)));
}

/** Pixels per layout unit in a desktop first view (the box fitted into about 520 px). */
export const FIRST_VIEW_PX_PER_UNIT = 0.52;

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
    // Unweighted: a relation reported by many articles is not a closer one, and weights pull hubs into knots.
    getEdgeWeight: null,
    // LinLog makes clusters readable; dissuading hubs spreads the many relations of Russia and Japan around them.
    settings: { ...forceAtlas2.inferSettings(graph), linLogMode: true, outboundAttractionDistribution: true, barnesHutOptimize: n > 300 },
  });
  const extent = layoutExtent(n);
  scaleToExtent(graph, extent);
  // Labels need room at the scale they are first seen at; each round is fitted back into the box.
  const pxPerUnit = (FIRST_VIEW_PX_PER_UNIT * BASE_EXTENT) / extent;
  for (let r = 0; r < 3; r++) {
    makeRoomForLabels(graph, { pxPerUnit });
    scaleToExtent(graph, extent);
  }
  // noverlap jitters coincident nodes with Math.random; a seeded one keeps the output byte-identical.
  withRandom(seededRandom(seed + 1), () =>
    noverlap.assign(graph, {
      maxIterations: 150,
      // About one grid cell per actor keeps the pair checks near-linear on large graphs.
      settings: { margin: 4, ratio: 1.1, gridSize: Math.max(20, Math.ceil(Math.sqrt(n))) },
    }),
  );
  graph.updateEachNodeAttributes((_, a) => ({ ...a, x: round(a.x), y: round(a.y) }));
}
