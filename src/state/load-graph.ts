/** From a graph file to the graph the app explores. */
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import { fitGeometry } from "../core/geometry";
import type { GraphFile } from "../model/graph-file-schema";
import type { KGGraph, LoadedGraph } from "./data";

/** A relation no evidence dates (from another tool's file) still needs something to show and sort by. */
export const UNDATED = "undated";

/**
 * Takes over a graph whose attributes follow src/model/graph-file.ts (the
 * caller hands over a graph it owns) and remembers its positions for "Reset
 * layout". What is only drawn (colours by kind, curves, thickness) is the
 * renderer's business (src/sigma/decorate.ts), never written here.
 */
export function prepareGraph(source: AbstractGraph<Attributes, Attributes, Attributes>, origin: LoadedGraph["source"]): LoadedGraph {
  const graph = source as unknown as KGGraph;
  // A file from another tool is brought to the app's scale; the built graph already is at it.
  if (origin.kind === "file") fitGeometry(graph);
  graph.forEachEdge((edge, a) => {
    if (typeof a.date !== "string") graph.setEdgeAttribute(edge, "date", UNDATED);
  });
  const initialPositions = new Map<string, { x: number; y: number }>();
  graph.forEachNode((node, a) => initialPositions.set(node, { x: a.x, y: a.y }));
  return { graph, source: origin, initialPositions };
}

export function prepareGraphFile(file: GraphFile, origin: LoadedGraph["source"]): LoadedGraph {
  const graph = new MultiDirectedGraph();
  graph.import(file as never);
  return prepareGraph(graph, origin);
}

/**
 * The first place where `json` departs from the graph format, as a sentence
 * naming `url`; null when it matches. The schema comes in its own chunk:
 * the first load does not need it.
 */
export async function graphFileProblem(json: unknown, url: string): Promise<string | null> {
  const { graphFileSchema } = await import("../model/graph-file-schema");
  const parsed = graphFileSchema.safeParse(json);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return `${url} does not match the graph format at ${issue.path.join(".") || "top level"}: ${issue.message}. Rebuild it with "npm run graph".`;
}

export interface BuiltGraph {
  loaded: LoadedGraph;
  /** Checks the file against the schema: null when it matches, else what is wrong. */
  check: () => Promise<string | null>;
}

/**
 * Fetches the built graph.json and makes it drawable; throws an Error with a
 * readable message. The file comes from the build, which checked it against
 * the same schema, so the app draws it first and checks it after (`check`);
 * a file that cannot even be drawn is checked at once, for a precise message.
 */
export async function fetchBuiltGraph(url: string): Promise<BuiltGraph> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Could not load ${url}: HTTP ${response.status}. Run "npm run graph" to build it.`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new Error(`${url} is not valid JSON. Rebuild it with "npm run graph".`);
  }
  let loaded: LoadedGraph;
  try {
    const file = json as GraphFile;
    loaded = prepareGraphFile(file, { kind: "built", name: String(file.attributes.name) });
  } catch (err) {
    throw new Error((await graphFileProblem(json, url)) ?? `${url} could not be read as a graph: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return { loaded, check: () => graphFileProblem(json, url) };
}

/** The path of the built graph, next to the page. */
export const BUILT_GRAPH_URL = "./graph.json";

let builtGraph: Promise<BuiltGraph> | null = null;

/**
 * The built graph, fetched once: main.tsx starts this before React mounts,
 * so the download overlaps the app's own start-up (index.html also preloads it).
 */
export function loadBuiltGraph(): Promise<BuiltGraph> {
  builtGraph ??= fetchBuiltGraph(BUILT_GRAPH_URL);
  return builtGraph;
}
