/**
 * What the page and the file worker (open-file.worker.ts) say to each other.
 * The page hands over the File; the worker reads, checks and normalises it
 * (core/import), says what it found, lays it out if the page asks, and sends
 * the graph back in slices so that the page builds it a slice per task.
 */
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import type { OpenedGraph } from "../core/import/open-file";
import type { ViewState } from "../model/view-state";

/** The opened graph as graphology exports it. */
type SlicedGraph = OpenedGraph extends { export(): infer S } ? (S extends SerializedGraph ? S : never) : never;

export type OpenRequest =
  | { type: "open"; file: File; maxBytes: number }
  /** Lay the graph out (it had no usable positions), then send it. */
  | { type: "layout" }
  /** Send the graph as it is. */
  | { type: "send" };

/** What the file holds, before the graph crosses. */
export interface OpenedSummary {
  label: string;
  order: number;
  size: number;
  needsLayout: boolean;
  /** Large enough that the reader is asked before it is laid out (core/layout-plan). */
  ask: boolean;
  /** ForceAtlas2 iterations the layout will run. */
  iterations: number;
  view?: ViewState;
  notes: string[];
}

export type OpenReply =
  | { type: "failed"; error: string }
  | { type: "opened"; summary: OpenedSummary }
  | { type: "progress"; done: number; total: number }
  /** A slice of the graph: its options and attributes come with the first, nodes before edges. */
  | { type: "slice"; data: Partial<SlicedGraph> }
  | { type: "sent" };

/** The graph in slices of at most `size` actors or relations: options and attributes first, then nodes, then edges. */
export function* graphSlices(graph: OpenedGraph, size: number): Generator<Partial<SlicedGraph>> {
  const data = graph.export();
  yield { options: data.options, attributes: data.attributes };
  for (let i = 0; i < data.nodes.length; i += size) yield { nodes: data.nodes.slice(i, i + size) };
  for (let i = 0; i < data.edges.length; i += size) yield { edges: data.edges.slice(i, i + size) };
}

/** Adds a slice to the graph being rebuilt (the first slice creates it). */
export function joinSlice(graph: OpenedGraph | null, slice: Partial<SlicedGraph>): OpenedGraph {
  const target: OpenedGraph | null = slice.options ? new MultiDirectedGraph(slice.options) : graph;
  if (!target) throw new Error("a slice came before the graph's options");
  target.import(slice);
  return target;
}
