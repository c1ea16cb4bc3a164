/**
 * The statistics of the visible graph: what they are (types), what they are
 * computed from (a compact copy of the visible graph that a Worker can
 * receive) and how a figure is read back (value, rank). Light on purpose: the
 * computation itself (metrics.ts, with graphology-metrics and Louvain) loads
 * only when statistics are first asked for.
 */
import type Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import type { ViewState } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import { evidenceTest } from "./filters";

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/**
 * The visible graph as plain arrays: actors by index (in graph order), one
 * entry per visible relation with its ends, whether it has a direction and
 * how many of its quotes the view shows.
 */
export interface MetricsInput {
  nodes: string[];
  sources: Int32Array;
  targets: Int32Array;
  directed: Uint8Array;
  quotes: Int32Array;
}

/** The per-actor figures, each with a rank. */
export const METRICS = ["degree", "inDegree", "outDegree", "quotes", "quotesIn", "quotesOut", "betweenness", "pagerank"] as const;
export type MetricKey = (typeof METRICS)[number];

/** What each figure is called in the panel and the table. */
export const METRIC_LABELS: Readonly<Record<MetricKey, string>> = {
  degree: "relations",
  inDegree: "relations in",
  outDegree: "relations out",
  quotes: "quotes",
  quotesIn: "quotes in",
  quotesOut: "quotes out",
  betweenness: "betweenness",
  pagerank: "PageRank",
};

/** Figures of the whole visible graph. */
export interface ViewSummary {
  actors: number;
  relations: number;
  /** Share of the pairs of actors joined by at least one relation (0 with fewer than two actors). */
  density: number;
  /** Connected groups of actors, whatever the direction of their relations; an isolated actor is one. */
  components: number;
  /** Actors in the largest component ÷ actors (0 for an empty view). */
  largestComponentShare: number;
  communities: number;
  /** Modularity of the communities found (NaN when there is no relation). */
  modularity: number;
}

export interface Metrics {
  /** Actor keys; every array below is indexed like this one. */
  nodes: string[];
  values: Record<MetricKey, Float64Array>;
  /** 1 for the highest value; equal values share the better rank ("competition ranking": 1, 2, 2, 4). */
  ranks: Record<MetricKey, Int32Array>;
  /** Community of each actor, numbered from 0 by decreasing size (ties: the one whose first actor comes first). */
  community: Int32Array;
  communitySizes: number[];
  summary: ViewSummary;
}

/** A stage of the computation, for a progress bar: `done` of `total` stages finished, `stage` under way. */
export interface MetricsProgress {
  stage: string;
  done: number;
  total: number;
}

/**
 * The visible graph, ready for `computeMetrics`: the visible actors in graph
 * order, the visible relations between them in graph order, each with the
 * number of its quotes the view shows (article filter, time window, quote
 * filter), at least one for a visible relation that has evidence.
 */
export function metricsInput(graph: KG, visible: VisibleSets, view: Pick<ViewState, "filters" | "time">): MetricsInput {
  const nodes: string[] = [];
  const index = new Map<string, number>();
  graph.forEachNode((node) => {
    if (!visible.nodes.has(node)) return;
    index.set(node, nodes.length);
    nodes.push(node);
  });
  const shown = evidenceTest(graph, view);
  const s: number[] = [];
  const t: number[] = [];
  const d: number[] = [];
  const q: number[] = [];
  graph.forEachEdge((edge, attrs, source, target) => {
    if (!visible.edges.has(edge)) return;
    const a = index.get(source);
    const b = index.get(target);
    if (a === undefined || b === undefined) return;
    s.push(a);
    t.push(b);
    d.push(attrs.directed === false ? 0 : 1);
    let n = 0;
    for (const e of attrs.evidence) if (shown(e)) n++;
    q.push(n);
  });
  return { nodes, sources: Int32Array.from(s), targets: Int32Array.from(t), directed: Uint8Array.from(d), quotes: Int32Array.from(q) };
}

const indexCache = new WeakMap<Metrics, Map<string, number>>();

/** Where an actor is in `metrics`, or -1 when it is not in the graph they describe. */
export function metricIndex(metrics: Metrics, node: string): number {
  let index = indexCache.get(metrics);
  if (!index) indexCache.set(metrics, (index = new Map(metrics.nodes.map((n, i) => [n, i]))));
  return index.get(node) ?? -1;
}

/** "1st", "2nd", "3rd", "11th", "22nd"… */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${suffix}`;
}

/** An actor's place among the others: "3rd of 64", "tied 5th of 64" when others have the same value. */
export function rankText(metrics: Metrics, key: MetricKey, i: number): string {
  const rank = metrics.ranks[key][i]!;
  const value = metrics.values[key][i]!;
  const values = metrics.values[key];
  let same = 0;
  for (let j = 0; j < values.length && same < 2; j++) if (values[j] === value) same++;
  return `${same > 1 ? "tied " : ""}${ordinal(rank)} of ${metrics.nodes.length.toLocaleString("en")}`;
}
