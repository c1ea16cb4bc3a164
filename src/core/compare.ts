/**
 * Two periods on one layout: which relations and actors are shown only in
 * period A, only in period B, or in both, under the same filters and focus.
 * Pure: sets and maps of keys, never a write to the graph.
 */
import type Graph from "graphology";
import { dateSpan } from "../model/dates";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import type { Comparison, TimeWindow } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import { visibleSubgraph, type VisibilityView } from "./filters";

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Where an item is shown: only in period A, only in period B, or in both. The value data exports write. */
export type PeriodMark = "only-a" | "only-b" | "both";
export const PERIOD_MARKS: readonly PeriodMark[] = ["only-a", "only-b", "both"];

export interface PeriodCounts {
  "only-a": number;
  "only-b": number;
  both: number;
}

export interface PeriodComparison {
  /** The periods as compared: each clipped by the time window. */
  a: TimeWindow;
  b: TimeWindow;
  /** What each period shows alone. */
  shownA: VisibleSets;
  shownB: VisibleSets;
  /** What the comparison shows: everything either period shows. */
  visible: VisibleSets;
  edges: ReadonlyMap<string, PeriodMark>;
  nodes: ReadonlyMap<string, PeriodMark>;
  counts: { edges: PeriodCounts; nodes: PeriodCounts };
}

/**
 * The overlap of two windows: the later start and the earlier end. Bounds
 * keep the precision they were given ("2014" stays a year). An unreadable
 * bound is open, as windowTest reads it.
 */
export function intersectWindows(a: TimeWindow, b: TimeWindow): TimeWindow {
  const start = (d: string | null) => (d === null ? null : (dateSpan(d)?.start ?? null));
  const end = (d: string | null) => (d === null ? null : (dateSpan(d)?.end ?? null));
  const from = start(a.from) === null ? b.from : start(b.from) === null ? a.from : start(a.from)! >= start(b.from)! ? a.from : b.from;
  const to = end(a.to) === null ? b.to : end(b.to) === null ? a.to : end(a.to)! <= end(b.to)! ? a.to : b.to;
  return { from: start(from) === null ? null : from, to: end(to) === null ? null : to };
}

function mark(inA: boolean, inB: boolean): PeriodMark {
  return inA && inB ? "both" : inA ? "only-a" : "only-b";
}

/**
 * Compares period A with period B: each side is what the view would show
 * with its time window narrowed to that period (filters, focus and
 * selection as they are), and each relation and actor either side shows is
 * marked only-a, only-b or both. An actor marked only-a disappears in B; one
 * marked only-b appears.
 */
export function comparePeriods(graph: KG, view: VisibilityView, periods: Comparison): PeriodComparison {
  const a = intersectWindows(view.time, periods.a);
  const b = intersectWindows(view.time, periods.b);
  const shownA = visibleSubgraph(graph, { ...view, time: a });
  const shownB = visibleSubgraph(graph, { ...view, time: b });
  const edges = new Map<string, PeriodMark>();
  const nodes = new Map<string, PeriodMark>();
  const counts = { edges: { "only-a": 0, "only-b": 0, both: 0 }, nodes: { "only-a": 0, "only-b": 0, both: 0 } };
  // Graph order, so the result does not depend on which side listed an item first.
  graph.forEachEdge((edge) => {
    const inA = shownA.edges.has(edge);
    const inB = shownB.edges.has(edge);
    if (!inA && !inB) return;
    const m = mark(inA, inB);
    edges.set(edge, m);
    counts.edges[m]++;
  });
  graph.forEachNode((node) => {
    const inA = shownA.nodes.has(node);
    const inB = shownB.nodes.has(node);
    if (!inA && !inB) return;
    const m = mark(inA, inB);
    nodes.set(node, m);
    counts.nodes[m]++;
  });
  return { a, b, shownA, shownB, visible: { nodes: new Set(nodes.keys()), edges: new Set(edges.keys()) }, edges, nodes, counts };
}

/** A period in words: "2013 to 2016", "up to 2016", "from 2022", "all years". */
export function describePeriod(w: TimeWindow): string {
  if (w.from && w.to) return w.from === w.to ? w.from : `${w.from} to ${w.to}`;
  if (w.to) return `up to ${w.to}`;
  if (w.from) return `from ${w.from}`;
  return "all years";
}

/** The relations of one actor in a comparison, by mark, in graph order. */
export function actorChanges(graph: KG, comparison: PeriodComparison, node: string): Record<PeriodMark, string[]> {
  const out: Record<PeriodMark, string[]> = { "only-a": [], "only-b": [], both: [] };
  if (!graph.hasNode(node)) return out;
  graph.forEachEdge(node, (edge) => {
    const m = comparison.edges.get(edge);
    if (m) out[m].push(edge);
  });
  return out;
}
