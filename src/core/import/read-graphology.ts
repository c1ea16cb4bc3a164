/**
 * graphology's serialization (`graph.export()`): public/graph.json, the graph
 * of a snapshot, and what graphology-based tools write. `options.type` says
 * whether edges have a direction: "undirected" makes every edge undirected,
 * "mixed" leaves it to each edge's `undirected` flag.
 */
import { bagOf, isKey, isObject, OpenError, quote, type FormatId, type RawEdge, type RawGraph, type RawNode } from "./raw";

export function readGraphology(data: Record<string, unknown>, format: FormatId = "graphology"): RawGraph {
  const notes: string[] = [];
  if (!Array.isArray(data.nodes)) throw new OpenError('The JSON is not a graph: it has no "nodes" list.');
  if (Object.hasOwn(data, "edges") && data.edges !== undefined && !Array.isArray(data.edges)) {
    throw new OpenError('The JSON\'s "edges" member is not a list.');
  }
  if (Object.hasOwn(data, "attributes") && data.attributes !== undefined && !isObject(data.attributes)) {
    notes.push("The graph's attributes were not an object and were ignored.");
  }
  const options = isObject(data.options) ? data.options : {};
  const allUndirected = options.type === "undirected";

  const nodes: RawNode[] = data.nodes.map((entry: unknown, i: number) => {
    if (!isObject(entry)) throw new OpenError(`Node number ${i + 1} is not an object.`);
    if (!isKey(entry.key)) throw new OpenError(`Node number ${i + 1} has no key.`);
    const key = String(entry.key);
    if (entry.attributes !== undefined && !isObject(entry.attributes)) {
      throw new OpenError(`Node ${quote(key)} has attributes that are not an object.`);
    }
    return { key, attributes: bagOf(entry.attributes) };
  });

  const edges: RawEdge[] = ((data.edges as unknown[] | undefined) ?? []).map((entry, i) => {
    if (!isObject(entry)) throw new OpenError(`Edge number ${i + 1} is not an object.`);
    const key = isKey(entry.key) ? String(entry.key) : null;
    const name = key !== null ? `Edge ${quote(key)}` : `Edge number ${i + 1}`;
    for (const end of ["source", "target"] as const) if (!isKey(entry[end])) throw new OpenError(`${name} has no ${end}.`);
    if (entry.attributes !== undefined && !isObject(entry.attributes)) {
      throw new OpenError(`${name} has attributes that are not an object.`);
    }
    return {
      key,
      source: String(entry.source),
      target: String(entry.target),
      attributes: bagOf(entry.attributes),
      undirected: allUndirected || entry.undirected === true,
    };
  });

  return {
    format,
    label: format === "snapshot" ? "snapshot" : "graphology JSON file",
    attributes: bagOf(data.attributes),
    allowSelfLoops: options.allowSelfLoops !== false,
    nodes,
    edges,
    requireLabels: true,
    carriesArticles: true,
    notes,
  };
}
