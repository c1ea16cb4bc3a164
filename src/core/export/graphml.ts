/**
 * GraphML for yEd, Cytoscape, Gephi, networkx and graphology-graphml's parser.
 * graphology-graphml only parses, so this writer is hand-written.
 *
 * - One `<key>` per attribute name and element class (graph, node, edge),
 *   with `attr.type` boolean/int/long/double/string inferred from the values:
 *   a name whose values mix types is a string.
 * - Node keys use the attribute name as id (`label`, `x`, `y`, `size`,
 *   `color`, …), the names Gephi's importer looks for; edge and graph keys
 *   are prefixed (`e_label`, `g_name`) because key ids share one namespace.
 * - Opaque node and edge colours are also written as integer `r`, `g`, `b`
 *   keys, which Gephi reads and graphology-graphml turns back into `color`.
 * - Lists and objects (`aliases`, `evidence`, `articles`, `vocabulary`,
 *   `dateRange`) are JSON strings.
 * - Graph attributes are `<data>` of the `<graph>`, so unlike GEXF nothing is
 *   lost.
 * - Direction: `edgedefault="undirected"` when every relation's `directed`
 *   is false, else `edgedefault="directed"` with `directed="false"` on each
 *   undirected edge (the `directed` attribute is written too).
 * - The view the export came from (`exported`: time window, filters, focus)
 *   is graph data like the rest.
 * - Ids are the graphology keys. GraphML's schema types them as NMTOKEN, which
 *   our `subject|relation|object` edge keys are not; the readers listed above
 *   accept any string, and rewriting keys would break the round trip.
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import { parseColor } from "./color";
import { escapeXmlAttribute as attr, escapeXmlText as text } from "./xml";

/** Attributes written as JSON text, which `readGraphml` decodes back. */
export const GRAPHML_JSON_ATTRIBUTES = ["aliases", "evidence", "articles", "vocabulary", "dateRange", "exported"] as const;

type KeyType = "boolean" | "int" | "long" | "double" | "string";
type Domain = "graph" | "node" | "edge";

interface Key {
  id: string;
  name: string;
  domain: Domain;
  type: KeyType;
}

const INT32 = 2 ** 31 - 1;

function valueType(value: unknown): KeyType {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return "double";
    return Math.abs(value) <= INT32 ? "int" : "long";
  }
  return "string";
}

function widen(a: KeyType, b: KeyType): KeyType {
  if (a === b) return a;
  const numeric = ["int", "long", "double"];
  if (numeric.includes(a) && numeric.includes(b)) return a === "double" || b === "double" ? "double" : "long";
  return "string";
}

function serialize(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value) ?? "";
}

/** Attributes as written: undefined/null/functions dropped, colour channels added. */
function dataOf(attrs: Attributes, withChannels: boolean): [string, unknown][] {
  const out: [string, unknown][] = [];
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || typeof value === "function") continue;
    out.push([name, value]);
  }
  if (withChannels && typeof attrs.color === "string" && !("r" in attrs || "g" in attrs || "b" in attrs)) {
    const rgba = parseColor(attrs.color);
    if (rgba && rgba.a >= 1) out.push(["r", rgba.r], ["g", rgba.g], ["b", rgba.b]);
  }
  return out;
}

const PREFIX: Record<Domain, string> = { graph: "g_", node: "", edge: "e_" };

class KeyTable {
  readonly keys: Key[] = [];
  private readonly byName = new Map<string, Key>();
  private readonly ids = new Set<string>();

  add(domain: Domain, name: string, value: unknown): void {
    const type = valueType(value);
    const known = this.byName.get(`${domain}\u0000${name}`);
    if (known) {
      known.type = widen(known.type, type);
      return;
    }
    // Key ids are NMTOKENs and must be unique across the document.
    const base = PREFIX[domain] + (name.replace(/[^A-Za-z0-9._-]/g, "_") || "attr");
    let id = base;
    for (let i = 2; this.ids.has(id); i++) id = `${base}_${i}`;
    this.ids.add(id);
    const key: Key = { id, name, domain, type };
    this.keys.push(key);
    this.byName.set(`${domain}\u0000${name}`, key);
  }

  get(domain: Domain, name: string): Key {
    return this.byName.get(`${domain}\u0000${name}`)!;
  }
}

function format(value: unknown, type: KeyType): string {
  if (type === "string") return serialize(value);
  // xs:double spells infinities INF and -INF.
  if (value === Infinity) return "INF";
  if (value === -Infinity) return "-INF";
  return String(value);
}

export function toGraphml<N extends Attributes, E extends Attributes, G extends Attributes>(graph: AbstractGraph<N, E, G>): string {
  const table = new KeyTable();
  const graphData = dataOf(graph.getAttributes(), false);
  for (const [name, value] of graphData) table.add("graph", name, value);
  const nodes: [string, [string, unknown][]][] = [];
  graph.forEachNode((node, attrs) => {
    const data = dataOf(attrs, true);
    for (const [name, value] of data) table.add("node", name, value);
    nodes.push([node, data]);
  });
  const edges: [string, string, string, [string, unknown][]][] = [];
  graph.forEachEdge((edge, attrs, source, target) => {
    const data = dataOf(attrs, true);
    for (const [name, value] of data) table.add("edge", name, value);
    edges.push([edge, source, target, data]);
  });

  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const key of table.keys) {
    lines.push(`  <key id="${attr(key.id)}" for="${key.domain}" attr.name="${attr(key.name)}" attr.type="${key.type}"/>`);
  }
  const dataLines = (domain: Domain, data: [string, unknown][], indent: string) => {
    for (const [name, value] of data) {
      const key = table.get(domain, name);
      lines.push(`${indent}<data key="${attr(key.id)}">${text(format(value, key.type))}</data>`);
    }
  };
  const undirected = edges.filter(([edge]) => graph.getEdgeAttribute(edge, "directed") === false).length;
  const allUndirected = edges.length > 0 && undirected === edges.length;
  lines.push(`  <graph id="G" edgedefault="${allUndirected ? "undirected" : "directed"}">`);
  dataLines("graph", graphData, "    ");
  for (const [node, data] of nodes) {
    if (data.length === 0) {
      lines.push(`    <node id="${attr(node)}"/>`);
      continue;
    }
    lines.push(`    <node id="${attr(node)}">`);
    dataLines("node", data, "      ");
    lines.push("    </node>");
  }
  for (const [edge, source, target, data] of edges) {
    const own = !allUndirected && graph.getEdgeAttribute(edge, "directed") === false ? ' directed="false"' : "";
    const open = `    <edge id="${attr(edge)}" source="${attr(source)}" target="${attr(target)}"${own}`;
    if (data.length === 0) {
      lines.push(`${open}/>`);
      continue;
    }
    lines.push(`${open}>`);
    dataLines("edge", data, "      ");
    lines.push("    </edge>");
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
