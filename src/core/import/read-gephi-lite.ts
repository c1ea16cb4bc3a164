/**
 * Gephi Lite's own file (`"type": "gephi-lite"`): a graph dataset whose
 * topology is a graphology serialization without attributes (`fullGraph`),
 * the attributes being kept per key beside it — `nodeData`/`edgeData`, the
 * positions in `layout` (1.x) or, in 0.x, labels, colours, sizes and
 * positions in `nodeRenderingData`/`edgeRenderingData`. Filters and
 * appearance are Gephi Lite's view and are not read.
 */
import { bagOf, isKey, isObject, OpenError, own, quote, type Bag, type RawEdge, type RawGraph, type RawNode } from "./raw";

/** The attributes of `key` merged from each per-key table that has it, later tables winning. */
function merged(key: string, tables: unknown[]): Bag {
  const bag: Bag = new Map();
  for (const table of tables) for (const [name, value] of bagOf(own(table, key))) bag.set(name, value);
  return bag;
}

export function readGephiLite(data: Record<string, unknown>): RawGraph {
  const dataset = data.graphDataset;
  if (!isObject(dataset)) throw new OpenError("The Gephi Lite file has no graph dataset.");
  const full = dataset.fullGraph;
  if (!isObject(full) || !Array.isArray(full.nodes))
    throw new OpenError("The Gephi Lite file has no graph (its fullGraph has no node list).");
  const options = isObject(full.options) ? full.options : {};
  const allUndirected = options.type === "undirected";
  const nodeTables = [dataset.nodeData, dataset.nodeRenderingData, dataset.layout];
  const edgeTables = [dataset.edgeData, dataset.edgeRenderingData];

  const nodes: RawNode[] = full.nodes.map((entry: unknown, i: number) => {
    if (!isObject(entry) || !isKey(entry.key)) throw new OpenError(`Node number ${i + 1} of the Gephi Lite file has no key.`);
    const key = String(entry.key);
    return { key, attributes: merged(key, nodeTables) };
  });
  const edges: RawEdge[] = (Array.isArray(full.edges) ? (full.edges as unknown[]) : []).map((entry, i) => {
    if (!isObject(entry)) throw new OpenError(`Edge number ${i + 1} of the Gephi Lite file is not an object.`);
    const key = isKey(entry.key) ? String(entry.key) : null;
    for (const end of ["source", "target"] as const) {
      if (!isKey(entry[end])) throw new OpenError(`${key !== null ? `Edge ${quote(key)}` : `Edge number ${i + 1}`} has no ${end}.`);
    }
    return {
      key,
      source: String(entry.source),
      target: String(entry.target),
      attributes: key !== null ? merged(key, edgeTables) : new Map(),
      undirected: allUndirected || entry.undirected === true,
    };
  });

  const attributes: Bag = new Map();
  const title = own(dataset.metadata, "title");
  if (typeof title === "string") attributes.set("name", title.replace(/\.(gexf|graphml|json)$/i, ""));
  const version = typeof data.version === "string" ? ` ${data.version.slice(0, 20)}` : "";
  return {
    format: "gephi-lite",
    label: `Gephi Lite${version} file`,
    attributes,
    allowSelfLoops: options.allowSelfLoops !== false,
    nodes,
    edges,
    requireLabels: false,
    carriesArticles: false,
    notes: [],
  };
}
