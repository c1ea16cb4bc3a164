/**
 * GEXF 1.3 for Gephi and other network tools, written by graphology-gexf.
 *
 * Mapping (our attribute → GEXF):
 * - node `label`, edge `label` → the element's `label` attribute;
 * - node `x`, `y` → `<viz:position>`; node `size` → `<viz:size>`;
 *   edge `size` → `<viz:thickness>`; `color` → `<viz:color r g b [a]>`
 *   (colours that are not `#hex`, `rgb()` or `rgba()` are left out);
 * - edge `weight` → the edge's `weight` attribute;
 * - every other attribute → an `<attvalue>` declared in `<attributes>`, typed
 *   integer/long/double/boolean/string from its values;
 * - lists and objects (`aliases`, `evidence`, anything else structured) →
 *   JSON strings, so they survive the trip through tools that know only
 *   scalars; `fromGexf` decodes them back;
 * - direction: a relation whose `directed` is false is an undirected GEXF
 *   edge; `defaultedgetype` is "undirected" when every edge is, "directed"
 *   otherwise, with `type="undirected"` on the undirected ones (the
 *   `directed` attribute is written too);
 * - graph `name` → `<meta><description>`; the view the export came from
 *   (`exported`) → `<meta><keywords>` in words;
 * - the graph attributes GEXF has no place for (`name`, `articles` with their
 *   bodies, `vocabulary`, `dateRange`, `exported`) → JSON in one
 *   `<kg:graph>` element of our own namespace after `<graph>`, which other
 *   readers skip and `readGexf` reads back, so our GEXF reopens whole.
 */
import { MultiGraph } from "graphology";
import { write } from "graphology-gexf";
import type { AbstractGraph, Attributes } from "graphology-types";
import { parseColor } from "./color";
import { describeExportedView } from "./exported-view";
import type { ExportedView } from "./subgraph";
import { escapeXmlText, xmlSafe } from "./xml";

/** Attributes written as JSON text rather than GEXF lists (see the module comment). */
export const GEXF_JSON_ATTRIBUTES = ["aliases", "evidence"] as const;
/** Our element for the graph attributes GEXF cannot hold, and its namespace. */
export const KG_NAMESPACE = "urn:kg-explorer:graph";
export const KG_GRAPH_ELEMENT = "graph-attributes";

export interface GexfOptions {
  /** Written as `<meta lastmodifieddate>`; GEXF wants a date, so only the day is kept. */
  lastModified?: Date;
  /** `<meta><creator>`. */
  creator?: string;
}

const NODE_VIZ = new Set(["label", "x", "y", "size", "color"]);
const EDGE_VIZ = new Set(["label", "weight", "size", "color"]);

function vizColor(value: unknown): string | undefined {
  const rgba = typeof value === "string" ? parseColor(value) : null;
  if (!rgba) return undefined;
  // RGB(A) numbers rather than GEXF 1.3's `hex`: every GEXF reader knows r/g/b, not all know hex.
  return rgba.a >= 1 ? `rgb(${rgba.r},${rgba.g},${rgba.b})` : `rgba(${rgba.r},${rgba.g},${rgba.b},${rgba.a})`;
}

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/** Scalars stay as they are; structured values become JSON; strings lose what XML cannot carry. */
function attributeValue(value: unknown): unknown {
  if (typeof value === "string") return xmlSafe(value);
  if (value !== null && typeof value === "object") return xmlSafe(JSON.stringify(value));
  return value;
}

function otherAttributes(attrs: Attributes, skip: Set<string>): Attributes {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (skip.has(name) || value === undefined || typeof value === "function") continue;
    // Defined rather than assigned: a name such as "__proto__" stays a name.
    Object.defineProperty(out, name, { value: attributeValue(value), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** The graph attributes that GEXF has no element for, as our `<kg:graph>` element. */
function ourGraphElement(attributes: Attributes): string {
  const kept: Attributes = {};
  for (const name of ["name", "articles", "vocabulary", "dateRange", "exported"])
    if (attributes[name] !== undefined) kept[name] = attributes[name] as unknown;
  return `<kg:${KG_GRAPH_ELEMENT} xmlns:kg="${KG_NAMESPACE}">${escapeXmlText(JSON.stringify(kept))}</kg:${KG_GRAPH_ELEMENT}>`;
}

const label = (value: unknown, fallback: string) =>
  xmlSafe(typeof value === "string" || typeof value === "number" ? String(value) : fallback);

function isoDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function toGexf<N extends Attributes, E extends Attributes, G extends Attributes>(
  graph: AbstractGraph<N, E, G>,
  options: GexfOptions = {},
): string {
  // The writer puts every scalar graph attribute in <meta>, which GEXF 1.3
  // restricts to creator/keywords/description: give it only those.
  let directed = 0;
  graph.forEachEdge((_, attrs) => {
    if (attrs.directed !== false) directed++;
  });
  const type = graph.size > 0 && directed === 0 ? "undirected" : directed === graph.size ? "directed" : "mixed";
  const meta = new MultiGraph({ type, allowSelfLoops: true });
  const name = graph.getAttribute("name");
  const exported = graph.getAttribute("exported") as ExportedView | undefined;
  const keywords = exported && typeof exported === "object" ? describeExportedView(exported) : null;
  meta.replaceAttributes({
    creator: xmlSafe(options.creator ?? "kg-explorer"),
    ...(typeof name === "string" && name !== "" && { description: xmlSafe(name) }),
    ...(keywords && { keywords: xmlSafe(keywords) }),
    ...(options.lastModified && { lastModifiedDate: isoDay(options.lastModified) }),
  });
  graph.forEachNode((node, attrs) => meta.addNode(node, attrs));
  graph.forEachEdge((edge, attrs, source, target) => {
    if (attrs.directed === false) meta.addUndirectedEdgeWithKey(edge, source, target, attrs);
    else meta.addDirectedEdgeWithKey(edge, source, target, attrs);
  });

  const xml = write(meta, {
    version: "1.3",
    pedantic: true,
    formatNode(key, attrs) {
      const viz: Record<string, unknown> = {};
      if (finite(attrs.x)) viz.x = attrs.x;
      if (finite(attrs.y)) viz.y = attrs.y;
      if (finite(attrs.size)) viz.size = attrs.size;
      const color = vizColor(attrs.color);
      if (color) viz.color = color;
      return { label: label(attrs.label, key), viz, attributes: otherAttributes(attrs, NODE_VIZ) };
    },
    formatEdge(_key, attrs) {
      const viz: Record<string, unknown> = {};
      if (finite(attrs.size)) viz.thickness = attrs.size;
      const color = vizColor(attrs.color);
      if (color) viz.color = color;
      return {
        ...(attrs.label !== undefined && { label: label(attrs.label, "") }),
        ...(finite(attrs.weight) && { weight: attrs.weight }),
        viz,
        attributes: otherAttributes(attrs, EDGE_VIZ),
      };
    },
  });
  // The writer leaves out `mode`; saying "static" spares readers a guess about dynamics.
  return xml.replace("<graph ", '<graph mode="static" ').replace(/<\/gexf>\s*$/, `${ourGraphElement(graph.getAttributes())}\n</gexf>\n`);
}
