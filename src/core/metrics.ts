/**
 * The statistics of the visible graph (types and input: metrics-input.ts).
 *
 *  - relations and quotes per actor: degree and evidence-weighted degree, in
 *    and out. A relation without direction ("meets") goes both ways, so it
 *    counts in and out for both of its actors; the total counts it once.
 *  - betweenness: graphology-metrics on the actors joined by any relation,
 *    whatever its direction or how many relations join them (shortest paths
 *    in hops), normalised (1 for the centre of a star).
 *  - PageRank: graphology-metrics, damping 0.85, along the relations'
 *    direction (both ways for those without), weighted by the number of
 *    relations from one actor to the other.
 *  - communities: Louvain (graphology-communities-louvain) on the actors
 *    joined by any relation, weighted by the number of relations, with a
 *    seeded random order, so the same view always gives the same groups.
 *  - the whole view: actors, relations, density, components and the largest
 *    component's share.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { ViewState } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import { METRICS, metricsInput, type MetricKey, type Metrics, type MetricsInput, type MetricsProgress } from "./metrics-input";
import { seededRandom } from "./random";

export interface MetricsOptions {
  /** Seed of Louvain's random order. */
  seed?: number;
  onProgress?(progress: MetricsProgress): void;
}

/** 1 for the highest value; equal values share the better rank. */
export function competitionRanks(values: Float64Array): Int32Array {
  const order = Array.from(values.keys()).sort((a, b) => values[b]! - values[a]! || a - b);
  const ranks = new Int32Array(values.length);
  order.forEach((i, k) => {
    const prev = k > 0 ? order[k - 1]! : -1;
    ranks[i] = prev >= 0 && values[prev] === values[i] ? ranks[prev]! : k + 1;
  });
  return ranks;
}

const STAGES = ["relations and quotes", "components", "betweenness", "PageRank", "communities"] as const;

/** Keys of the actors in the graphs built here: their indices, so that no actor's key means anything to a plain object. */
const key = (i: number) => String(i);

export function computeMetrics(input: MetricsInput, options: MetricsOptions = {}): Metrics {
  const { nodes, sources, targets, directed, quotes } = input;
  const n = nodes.length;
  const m = sources.length;
  const progress = (done: number) => options.onProgress?.({ stage: STAGES[done] ?? "done", done, total: STAGES.length });
  const values = Object.fromEntries(METRICS.map((k) => [k, new Float64Array(n)])) as Record<MetricKey, Float64Array>;

  progress(0);
  const { degree, inDegree, outDegree, quotes: q, quotesIn, quotesOut } = values;
  for (let e = 0; e < m; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    const w = quotes[e]!;
    degree[s]!++;
    degree[t]!++;
    q[s]! += w;
    q[t]! += w;
    outDegree[s]!++;
    inDegree[t]!++;
    quotesOut[s]! += w;
    quotesIn[t]! += w;
    if (!directed[e]) {
      inDegree[s]!++;
      outDegree[t]!++;
      quotesIn[s]! += w;
      quotesOut[t]! += w;
    }
  }

  // Who is joined to whom, once per pair and direction, weighted by the number of relations.
  const pairs = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  const arcs = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  for (let i = 0; i < n; i++) {
    pairs.addNode(key(i));
    arcs.addNode(key(i));
  }
  const join = (g: Graph, a: number, b: number) => {
    if (a === b) return;
    g.updateEdge(key(a), key(b), (attr) => ({ weight: ((attr.weight as number | undefined) ?? 0) + 1 }));
  };
  for (let e = 0; e < m; e++) {
    const s = sources[e]!;
    const t = targets[e]!;
    join(pairs, s, t);
    join(arcs, s, t);
    if (!directed[e]) join(arcs, t, s);
  }

  progress(1);
  const { components, largest } = connectedComponents(n, sources, targets);

  progress(2);
  if (n > 0) {
    const between = betweennessCentrality(pairs, { getEdgeWeight: null, normalized: true });
    for (let i = 0; i < n; i++) values.betweenness[i] = between[key(i)] ?? 0;
  }

  progress(3);
  if (n > 0) {
    const rank = pagerank(arcs, { getEdgeWeight: "weight", alpha: 0.85, maxIterations: 1000, tolerance: 1e-9 });
    for (let i = 0; i < n; i++) values.pagerank[i] = rank[key(i)] ?? 0;
  }

  progress(4);
  const found = n > 0 ? louvain.detailed(pairs, { getEdgeWeight: "weight", rng: seededRandom(options.seed ?? 1) }) : null;
  const { community, sizes } = numberCommunities(n, (i) => found?.communities[key(i)] ?? i);

  progress(5);
  const ranks = Object.fromEntries(METRICS.map((k) => [k, competitionRanks(values[k])])) as Record<MetricKey, Int32Array>;
  return {
    nodes,
    values,
    ranks,
    community,
    communitySizes: sizes,
    summary: {
      actors: n,
      relations: m,
      density: n < 2 ? 0 : pairs.size / ((n * (n - 1)) / 2),
      components,
      largestComponentShare: n === 0 ? 0 : largest / n,
      communities: sizes.length,
      modularity: pairs.size === 0 || !found ? NaN : found.modularity,
    },
  };
}

/** Connected components by union–find, whatever the direction of the relations. */
function connectedComponents(n: number, sources: Int32Array, targets: Int32Array): { components: number; largest: number } {
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (let e = 0; e < sources.length; e++) {
    const a = find(sources[e]!);
    const b = find(targets[e]!);
    if (a !== b) parent[a] = b;
  }
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const root = find(i);
    size.set(root, (size.get(root) ?? 0) + 1);
  }
  return { components: size.size, largest: Math.max(0, ...size.values()) };
}

/** Louvain's community ids renumbered 0, 1, … by decreasing size, ties by the first actor in graph order. */
function numberCommunities(n: number, raw: (i: number) => number): { community: Int32Array; sizes: number[] } {
  const groups = new Map<number, { first: number; size: number }>();
  for (let i = 0; i < n; i++) {
    const c = raw(i);
    const g = groups.get(c);
    if (g) g.size++;
    else groups.set(c, { first: i, size: 1 });
  }
  const order = [...groups].sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first);
  const number = new Map(order.map(([c], k) => [c, k]));
  const community = new Int32Array(n);
  for (let i = 0; i < n; i++) community[i] = number.get(raw(i))!;
  return { community, sizes: order.map(([, g]) => g.size) };
}

/** The statistics of what `view` shows of `graph`, in one call (the app sends `metricsInput` to a Worker instead). */
export function graphMetrics(
  graph: Graph<NodeAttributes, EdgeAttributes, GraphAttributes>,
  visible: VisibleSets,
  view: Pick<ViewState, "filters" | "time">,
  options: MetricsOptions = {},
): Metrics {
  return computeMetrics(metricsInput(graph, visible, view), options);
}
