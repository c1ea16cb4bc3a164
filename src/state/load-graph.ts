/** From a graph file to the graph the app draws: validated, coloured, with edge shapes. */
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import { graphFileSchema, type GraphFile } from "../graph-file";
import { familyColor, kindColor } from "../core/palette";
import { assignEdgeShapes } from "../sigma/edge-shapes";
import type { KGGraph, LoadedGraph } from "./app-state";

export function edgeThickness(weight: number): number {
  return Math.min(7, 2 + Math.log2(Math.max(1, weight)) * 1.2);
}

/** A relation no evidence dates (from another tool's file) still needs something to show and sort by. */
export const UNDATED = "undated";

/**
 * Makes a graph whose attributes follow src/graph-file.ts drawable, in place
 * (the caller hands over a graph it owns): colours by kind and family unless
 * the file brings its own, edge thickness by evidence, and the curves that
 * keep parallel relations apart.
 */
export function prepareGraph(source: AbstractGraph<Attributes, Attributes, Attributes>, origin: LoadedGraph["source"]): LoadedGraph {
  const graph = source as unknown as KGGraph;
  graph.updateEachNodeAttributes((_, a) => ({ ...a, color: a.color ?? kindColor(a.kind) }));
  graph.updateEachEdgeAttributes((_, a) => ({
    ...a,
    date: a.date ?? UNDATED,
    color: a.color ?? familyColor(a.family),
    size: a.size ?? edgeThickness(a.weight),
    type: "straightArrow",
  }));
  assignEdgeShapes(graph);
  const initialPositions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, a) => initialPositions.set(node, { x: a.x, y: a.y }));
  return { graph, source: origin, initialPositions };
}

export function prepareGraphFile(file: GraphFile, origin: LoadedGraph["source"]): LoadedGraph {
  const graph = new MultiDirectedGraph();
  graph.import(file as never);
  return prepareGraph(graph, origin);
}

/** Fetches and checks the built graph.json; throws an Error with a readable message. */
export async function fetchBuiltGraph(url: string): Promise<LoadedGraph> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}. Run "npm run graph" to build it.`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON. Rebuild it with "npm run graph".`);
  }
  const parsed = graphFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${url} does not match the graph format at ${issue.path.join(".") || "top level"}: ${issue.message}`);
  }
  return prepareGraphFile(parsed.data, { kind: "built", name: parsed.data.attributes.name });
}

/** The path of the built graph, next to the page. */
export const BUILT_GRAPH_URL = "./graph.json";

let builtGraph: Promise<LoadedGraph> | null = null;

/**
 * The built graph, fetched once: main.tsx starts this before React mounts,
 * so the download overlaps the app's own start-up (index.html also preloads it).
 */
export function loadBuiltGraph(): Promise<LoadedGraph> {
  builtGraph ??= fetchBuiltGraph(BUILT_GRAPH_URL);
  return builtGraph;
}
