/**
 * GraphML from yEd, NetworkX, Gephi, Cytoscape and this app, read from the
 * DOM with every name from the file kept in Maps.
 *
 * - `<key>`s type the `<data>` (boolean, int, long, float, double; string
 *   otherwise) and give defaults; a key's `attr.name` names the attribute
 *   (its id when it has none, as NetworkX's `d0`, `d1` have names).
 * - Direction: the graph's `edgedefault` (directed unless it says
 *   undirected) and each edge's own `directed`.
 * - yEd: the node graphics (`y:ShapeNode` and the like) give the label, the
 *   fill colour and the centre of the geometry, y turned upwards; edge
 *   graphics give the edge label and line colour.
 * - Gephi's `r`, `g`, `b` keys become `color`.
 * - Nested graphs (yEd groups) are flattened; hyperedges and ports are not read.
 * - Our own exports: lists and objects (`aliases`, `evidence`, the graph's
 *   `articles`, `vocabulary`, `dateRange`, `exported`) are JSON text.
 */
import { formatColor, normalizeColor, parseColor } from "../export/color";
import { GRAPHML_JSON_ATTRIBUTES } from "../export/graphml";
import { OpenError, quote, type Bag, type RawEdge, type RawGraph, type RawNode } from "./raw";
import { attribute, childElements, descendants, parseXml, XmlError } from "./xml";

interface Key {
  name: string;
  type: string;
  fallback: string | null;
  /** yEd's graphics, read for label, colour and geometry. */
  graphics: boolean;
}

type Domain = "graph" | "node" | "edge";

function keysOf(root: Element): Map<Domain, Map<string, Key>> {
  const keys = new Map<Domain, Map<string, Key>>([
    ["graph", new Map()],
    ["node", new Map()],
    ["edge", new Map()],
  ]);
  for (const k of childElements(root, "key")) {
    const id = attribute(k, "id");
    if (!id) continue;
    const key: Key = {
      name: attribute(k, "attr.name") || id,
      type: (attribute(k, "attr.type") || "string").toLowerCase(),
      fallback: childElements(k, "default")[0]?.textContent ?? null,
      graphics: /graphics$/.test(attribute(k, "yfiles.type") ?? ""),
    };
    const domain = (attribute(k, "for") || "all").toLowerCase();
    for (const d of ["graph", "node", "edge"] as const) if (domain === d || domain === "all") keys.get(d)!.set(id, key);
  }
  return keys;
}

function typed(type: string, text: string): unknown {
  const value = text.trim();
  if (type === "boolean") {
    if (/^(true|1)$/i.test(value)) return true;
    if (/^(false|0)$/i.test(value)) return false;
    return text;
  }
  if (type === "int" || type === "long") {
    const n = Number(value);
    return value !== "" && Number.isInteger(n) ? n : text;
  }
  if (type === "float" || type === "double") {
    if (/^-?INF$/i.test(value)) return value.startsWith("-") ? -Infinity : Infinity;
    const n = Number(value);
    return value !== "" && !Number.isNaN(n) ? n : text;
  }
  return text;
}

/** Label, colour and centre from yEd's node or edge graphics. */
function yedGraphics(data: Element, bag: Bag, node: boolean): void {
  const label = descendants(data, node ? "NodeLabel" : "EdgeLabel")
    .map((l) => l.textContent?.trim() ?? "")
    .find((t) => t !== "");
  if (label && !bag.has("label")) bag.set("label", label);
  const paint = descendants(data, node ? "Fill" : "LineStyle")[0];
  const color = paint ? attribute(paint, "color") : null;
  if (color && parseColor(color) && !bag.has("color")) bag.set("color", normalizeColor(color));
  const geometry = node ? descendants(data, "Geometry")[0] : undefined;
  if (geometry) {
    const [x, y, w, h] = ["x", "y", "width", "height"].map((a) => Number(attribute(geometry, a) ?? NaN));
    if (!bag.has("x")) bag.set("x", x! + (Number.isFinite(w) ? w! / 2 : 0));
    // yEd's y grows downwards; the app's, like Gephi's, upwards.
    if (!bag.has("y")) bag.set("y", -(y! + (Number.isFinite(h) ? h! / 2 : 0)));
    if (!bag.has("size") && Number.isFinite(w) && Number.isFinite(h)) bag.set("size", Math.max(w!, h!) / 2);
  }
}

function decodeJson(bag: Bag): void {
  for (const name of GRAPHML_JSON_ATTRIBUTES) {
    const value = bag.get(name);
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) continue;
    try {
      bag.set(name, JSON.parse(value) as unknown);
    } catch {
      // Left as text: the normalisation reports what it cannot use.
    }
  }
}

function dataOf(el: Element, keys: Map<string, Key>, node: boolean): Bag {
  const bag: Bag = new Map();
  const graphics: Element[] = [];
  for (const d of childElements(el, "data")) {
    const id = attribute(d, "key");
    if (id === null) continue;
    const key = keys.get(id);
    if (key?.graphics) {
      graphics.push(d);
      continue;
    }
    bag.set(key?.name ?? id, typed(key?.type ?? "string", d.textContent ?? ""));
  }
  for (const key of keys.values())
    if (key.fallback !== null && !key.graphics && !bag.has(key.name)) bag.set(key.name, typed(key.type, key.fallback));
  for (const d of graphics) yedGraphics(d, bag, node);
  // Gephi writes colours as r, g, b integers.
  const [r, g, b] = ["r", "g", "b"].map((c) => bag.get(c));
  if (typeof r === "number" && typeof g === "number" && typeof b === "number") {
    if (!bag.has("color")) bag.set("color", formatColor({ r: clamp(r), g: clamp(g), b: clamp(b), a: 1 }));
    for (const c of ["r", "g", "b"]) bag.delete(c);
  }
  decodeJson(bag);
  return bag;
}

const clamp = (v: number) => (Number.isFinite(v) ? Math.min(255, Math.max(0, Math.round(v))) : 0);

export function readGraphml(text: string): RawGraph {
  let doc: Document;
  try {
    doc = parseXml(text, "GraphML file");
  } catch (error) {
    if (error instanceof XmlError) throw new OpenError(error.message);
    throw error;
  }
  const root = doc.documentElement;
  const yed = childElements(root, "key").some((k) => attribute(k, "yfiles.type") !== null);
  const label = yed ? "GraphML file (yEd)" : "GraphML file";
  const graph = childElements(root, "graph")[0];
  if (!graph) throw new OpenError(`The ${label} has no <graph> element.`);
  const directedByDefault = (attribute(graph, "edgedefault") ?? "directed").toLowerCase() !== "undirected";
  const keys = keysOf(root);
  const notes: string[] = [];

  const nodeElements = descendants(graph, "node");
  if (descendants(graph, "graph").length > 0) notes.push("Nested graphs (groups) were flattened: their nodes are shown as ordinary nodes.");
  const nodes: RawNode[] = nodeElements.map((el, i) => {
    const id = attribute(el, "id");
    if (!id) throw new OpenError(`Node number ${i + 1} of the ${label} has no id.`);
    return { key: id, attributes: dataOf(el, keys.get("node")!, true) };
  });
  const edges: RawEdge[] = descendants(graph, "edge").map((el, i) => {
    const id = attribute(el, "id");
    const name = id ? `Edge ${quote(id)}` : `Edge number ${i + 1}`;
    const source = attribute(el, "source");
    const target = attribute(el, "target");
    if (!source) throw new OpenError(`${name} has no source.`);
    if (!target) throw new OpenError(`${name} has no target.`);
    const own = attribute(el, "directed")?.toLowerCase();
    const directed = own === "true" ? true : own === "false" ? false : directedByDefault;
    return { key: id || null, source, target, attributes: dataOf(el, keys.get("edge")!, false), undirected: !directed };
  });
  const hyperedges = descendants(graph, "hyperedge").length;
  if (hyperedges > 0)
    notes.push(`${hyperedges} hyperedge${hyperedges === 1 ? " was" : "s were"} left out: the app draws edges between two nodes.`);

  return {
    format: "graphml",
    label,
    attributes: dataOf(graph, keys.get("graph")!, false),
    allowSelfLoops: true,
    nodes,
    edges,
    requireLabels: false,
    carriesArticles: keys.get("graph")!.size > 0 && [...keys.get("graph")!.values()].some((k) => k.name === "articles"),
    notes,
  };
}
