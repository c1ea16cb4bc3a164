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
 * - every edge is a directed GEXF edge, like the graphology graph it comes
 *   from: whether a relation reads both ways is the `directed` attribute;
 * - graph `name` → `<meta><description>`; `articles`, `vocabulary` and
 *   `dateRange` have no place in GEXF's meta and are not written (the
 *   snapshot format is the lossless one).
 */
import { MultiDirectedGraph } from "graphology";
import { write } from "graphology-gexf";
import type { AbstractGraph, Attributes } from "graphology-types";
import { parseColor } from "./color";
import { xmlSafe } from "./xml";

/** Attributes written as JSON text rather than GEXF lists (see the module comment). */
export const GEXF_JSON_ATTRIBUTES = ["aliases", "evidence"] as const;

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
    out[name] = attributeValue(value);
  }
  return out;
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
  const meta = new MultiDirectedGraph({ allowSelfLoops: true });
  const name = graph.getAttribute("name");
  meta.replaceAttributes({
    creator: xmlSafe(options.creator ?? "kg-explorer"),
    ...(typeof name === "string" && name !== "" && { description: xmlSafe(name) }),
    ...(options.lastModified && { lastModifiedDate: isoDay(options.lastModified) }),
  });
  graph.forEachNode((node, attrs) => meta.addNode(node, attrs));
  graph.forEachEdge((edge, attrs, source, target) => meta.addDirectedEdgeWithKey(edge, source, target, attrs));

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
  return xml.replace("<graph ", '<graph mode="static" ');
}
