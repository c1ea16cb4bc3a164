/**
 * The shape of sigma.js's demo dataset: nodes as objects with `key`, `label`,
 * `x`, `y`, a `cluster` and a `tag`; edges as `[source, target]` pairs;
 * `clusters` listing each cluster's colour and label. The demo draws the
 * edges as lines, so they are read as undirected; a node's tag becomes its
 * kind, its cluster its community and colour, its score its size.
 */
import { bagOf, isKey, isObject, OpenError, type Bag, type RawEdge, type RawGraph, type RawNode } from "./raw";

/** True for `{ nodes: [...], edges: [[a, b], ...] }`. */
export function isSigmaDataset(data: Record<string, unknown>): boolean {
  return Array.isArray(data.nodes) && Array.isArray(data.edges) && data.edges.length > 0 && Array.isArray(data.edges[0]);
}

export function readSigmaDataset(data: Record<string, unknown>): RawGraph {
  const clusters = new Map<string, { color?: string; label?: string }>();
  for (const c of Array.isArray(data.clusters) ? (data.clusters as unknown[]) : []) {
    if (!isObject(c) || !isKey(c.key)) continue;
    clusters.set(String(c.key), {
      ...(typeof c.color === "string" && { color: c.color }),
      ...(typeof c.clusterLabel === "string" && { label: c.clusterLabel }),
    });
  }
  const communities = new Map<string, number>();

  const nodes: RawNode[] = (data.nodes as unknown[]).map((entry, i) => {
    if (!isObject(entry)) throw new OpenError(`Node number ${i + 1} is not an object.`);
    const key = isKey(entry.key) ? entry.key : entry.id;
    if (!isKey(key)) throw new OpenError(`Node number ${i + 1} has no key.`);
    const attributes: Bag = bagOf(entry);
    attributes.delete("key");
    if (typeof entry.tag === "string" && !attributes.has("kind")) attributes.set("kind", entry.tag);
    if (isKey(entry.cluster)) {
      const id = String(entry.cluster);
      const cluster = clusters.get(id);
      if (!communities.has(id)) communities.set(id, communities.size);
      attributes.set("community", communities.get(id));
      if (cluster?.label) attributes.set("cluster", cluster.label);
      if (cluster?.color && !attributes.has("color")) attributes.set("color", cluster.color);
    }
    if (typeof entry.score === "number" && !attributes.has("size")) attributes.set("size", entry.score);
    return { key: String(key), attributes };
  });

  const edges: RawEdge[] = (data.edges as unknown[]).map((entry, i) => {
    if (!Array.isArray(entry) || entry.length < 2) throw new OpenError(`Edge number ${i + 1} is not a [source, target] pair.`);
    const [source, target] = entry as unknown[];
    if (!isKey(source) || !isKey(target)) throw new OpenError(`Edge number ${i + 1} has no source or target.`);
    return { key: null, source: String(source), target: String(target), attributes: new Map(), undirected: true };
  });

  return {
    format: "sigma-dataset",
    label: "sigma.js dataset",
    attributes: new Map(),
    allowSelfLoops: true,
    nodes,
    edges,
    requireLabels: false,
    carriesArticles: false,
    notes: [],
  };
}
