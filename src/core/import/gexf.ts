/**
 * GEXF in: the inverse of `toGexf`, and a reader for files from Gephi and
 * other tools. The result is graphology-gexf's graph (directed, undirected or
 * mixed, as the file says) with our conventions undone: JSON-encoded
 * attributes decoded, viz colours as `#rrggbb`/`rgba()`, edge thickness as
 * `size`. Defaults and validation are `openGraphFile`'s business.
 */
import type Graph from "graphology";
import { MultiGraph } from "graphology";
import { parse } from "graphology-gexf";
import { normalizeColor } from "../export/color";
import { GEXF_JSON_ATTRIBUTES } from "../export/gexf";
import { parseXml, rootElementName, XmlError } from "./xml";

export class GexfError extends Error {}

const quote = (s: string) => `'${(s.length > 60 ? s.slice(0, 57) + "…" : s).replace(/[\u0000-\u001f]/g, " ")}'`;

function checkReferences(doc: Document): void {
  const ids = new Set<string>();
  const nodes = doc.getElementsByTagName("node");
  for (let i = 0; i < nodes.length; i++) {
    const id = nodes[i]!.getAttribute("id");
    if (!id) throw new GexfError(`Node number ${i + 1} has no id.`);
    if (ids.has(id)) throw new GexfError(`Node ${quote(id)} appears twice.`);
    ids.add(id);
  }
  const edges = doc.getElementsByTagName("edge");
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    const name = edge.getAttribute("id") ? `Edge ${quote(edge.getAttribute("id")!)}` : `Edge number ${i + 1}`;
    for (const end of ["source", "target"] as const) {
      const ref = edge.getAttribute(end);
      if (!ref) throw new GexfError(`${name} has no ${end}.`);
      if (!ids.has(ref)) throw new GexfError(`${name} refers to missing node ${quote(ref)}.`);
    }
  }
}

function decodeJson(attrs: Record<string, unknown>): void {
  for (const name of GEXF_JSON_ATTRIBUTES) {
    const value = attrs[name];
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) continue;
    try {
      attrs[name] = JSON.parse(value);
    } catch {
      // Left as text: openGraphFile reports what it cannot use.
    }
  }
}

/** Parses GEXF text; throws a GexfError (one sentence) when the file is not usable GEXF. */
export function fromGexf(text: string): Graph {
  // Named before parsing, so that HTML or SVG is called what it is rather than broken GEXF.
  const name = rootElementName(text);
  if (name && name.replace(/^.*:/, "") !== "gexf") throw new GexfError(`The file is not GEXF: its root element is <${name}>.`);
  let doc: Document;
  try {
    doc = parseXml(text, "GEXF file");
  } catch (error) {
    if (error instanceof XmlError) throw new GexfError(error.message);
    throw error;
  }
  const root = doc.documentElement;
  if (root.localName !== "gexf") throw new GexfError(`The file is not GEXF: its root element is <${root.localName}>.`);
  if (doc.getElementsByTagName("graph").length === 0) throw new GexfError("The GEXF file has no <graph> element.");
  checkReferences(doc);

  let graph: Graph;
  try {
    // MultiGraph is only the constructor the parser calls with the file's own type.
    graph = parse(MultiGraph, doc, { allowUndeclaredAttributes: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^graphology[\w-]*\/parser: /, "") : String(error);
    throw new GexfError(`The GEXF file could not be read: ${reason.replace(/\.$/, "")}.`);
  }

  graph.updateEachNodeAttributes((_, attrs) => {
    const out = { ...attrs };
    decodeJson(out);
    if (typeof out.color === "string") out.color = normalizeColor(out.color);
    return out;
  });
  graph.updateEachEdgeAttributes((_, attrs) => {
    const out = { ...attrs };
    decodeJson(out);
    if (typeof out.color === "string") out.color = normalizeColor(out.color);
    if (typeof out.thickness === "number" && out.size === undefined) {
      out.size = out.thickness;
      delete out.thickness;
    }
    return out;
  });
  return graph;
}
