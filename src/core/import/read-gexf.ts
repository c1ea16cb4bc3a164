/**
 * GEXF from Gephi, Gephi Lite, graphology and this app: 1.1draft, 1.2draft
 * and 1.3, read from the DOM with every name from the file kept in Maps.
 *
 * - `<attributes>` declarations type the `<attvalue>`s (integer, long,
 *   double, float, boolean; the rest stay text) and give defaults; an
 *   attvalue may name its attribute with `for` (1.2, 1.3) or `id` (1.1).
 * - `viz:` colour (r, g, b, a or hex), size, position and thickness become
 *   `color`, `size`, `x`/`y` and the edge's `size`.
 * - Edges take their direction from their own `type` or the graph's
 *   `defaultedgetype` (undirected when absent, as the format says; "mutual"
 *   is undirected); an edge's GEXF `kind` is its relation.
 * - Dynamics: `start`, `end`, `timestamp` on an element and its `<spells>`
 *   (`<slices>` in 1.1) give its date, the earliest one, when the time format
 *   holds dates or years; a relation without evidence is then shown by the
 *   time window at that date. A dynamic attribute keeps its first value.
 * - Our own exports: `aliases` and `evidence` are JSON text, and the graph's
 *   name, articles, vocabulary, date range and export view travel in a
 *   `<kg:graph>` element of our own namespace beside `<graph>`.
 */
import { GEXF_JSON_ATTRIBUTES, KG_GRAPH_ELEMENT, KG_NAMESPACE } from "../export/gexf";
import { normalizeColor } from "../export/color";
import { toPartialDate } from "./dates";
import { bagOf, OpenError, quote, type Bag, type RawEdge, type RawGraph, type RawNode } from "./raw";
import { attribute, childElements, descendants, firstChild, parseXml, XmlError } from "./xml";

interface Declared {
  title: string;
  type: string;
  fallback: string | null;
}

function declarations(graph: Element, cls: "node" | "edge"): Map<string, Declared> {
  const out = new Map<string, Declared>();
  for (const block of childElements(graph, "attributes")) {
    if (block.getAttribute("class") !== cls) continue;
    for (const a of childElements(block, "attribute")) {
      const id = attribute(a, "id") ?? attribute(a, "for");
      if (!id) continue;
      const fallback = firstChild(a, "default")?.textContent ?? null;
      // As Gephi and graphology-gexf do: the title names the attribute when the id is a number ("0"), else the id does.
      const title = /^\d+$/.test(id) ? attribute(a, "title") || id : id;
      out.set(id, { title, type: (a.getAttribute("type") || "string").toLowerCase(), fallback });
    }
  }
  return out;
}

/** A typed GEXF value; text that does not read as its type stays text. */
function typed(type: string, text: string): unknown {
  const value = text.trim();
  if (["integer", "long", "short", "byte", "biginteger"].includes(type)) {
    const n = Number(value);
    return value !== "" && Number.isInteger(n) ? n : text;
  }
  if (["double", "float", "bigdecimal"].includes(type)) {
    const n = Number(value);
    return value !== "" && !Number.isNaN(n) ? n : text;
  }
  if (type === "boolean") {
    if (/^(true|1)$/i.test(value)) return true;
    if (/^(false|0)$/i.test(value)) return false;
  }
  return text;
}

function decodeJson(bag: Bag): void {
  for (const name of GEXF_JSON_ATTRIBUTES) {
    const value = bag.get(name);
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) continue;
    try {
      bag.set(name, JSON.parse(value) as unknown);
    } catch {
      // Left as text: the normalisation reports what it cannot use.
    }
  }
}

function vizColor(el: Element): string | null {
  const hex = attribute(el, "hex");
  if (hex) return normalizeColor(hex);
  const [r, g, b, a] = ["r", "g", "b", "a"].map((c) => attribute(el, c));
  if (r === null || g === null || b === null) return null;
  return normalizeColor(a !== null ? `rgba(${r},${g},${b},${a})` : `rgb(${r},${g},${b})`);
}

const num = (text: string | null) => (text === null || text.trim() === "" ? undefined : Number(text));

interface TimeCount {
  undated: number;
  dynamicValues: number;
}

/** The earliest date among the element's own times and its spells. */
function dateOf(el: Element, counts: TimeCount): string | null {
  const times: (string | null)[] = [];
  const collect = (e: Element) => {
    for (const name of ["start", "startopen", "timestamp", "end", "endopen"]) times.push(attribute(e, name));
    const stamps = attribute(e, "timestamps");
    if (stamps) times.push(...stamps.replace(/[<>[\]()]/g, "").split(/[,;\s]+/));
  };
  collect(el);
  for (const block of [...childElements(el, "spells"), ...childElements(el, "slices")]) {
    for (const spell of childElements(block)) collect(spell);
  }
  const given = times.filter((t): t is string => t !== null && t.trim() !== "");
  if (given.length === 0) return null;
  const dates = given.map(toPartialDate).filter((d): d is string => d !== null);
  if (dates.length === 0) {
    counts.undated++;
    return null;
  }
  return dates.sort()[0]!;
}

function attributesOf(el: Element, model: Map<string, Declared>, counts: TimeCount): Bag {
  const bag: Bag = new Map();
  const label = attribute(el, "label");
  if (label !== null) bag.set("label", label);
  const seen = new Set<string>();
  for (const block of childElements(el, "attvalues")) {
    for (const v of childElements(block, "attvalue")) {
      const id = attribute(v, "for") ?? attribute(v, "id");
      const value = attribute(v, "value");
      if (id === null || value === null) continue;
      const declared = model.get(id);
      const name = declared?.title ?? id;
      if (seen.has(name)) {
        counts.dynamicValues++;
        continue;
      }
      seen.add(name);
      bag.set(name, typed(declared?.type ?? "string", value));
    }
  }
  for (const declared of model.values()) {
    if (declared.fallback !== null && !bag.has(declared.title)) bag.set(declared.title, typed(declared.type, declared.fallback));
  }
  for (const viz of childElements(el)) {
    switch (viz.localName) {
      case "color": {
        const color = vizColor(viz);
        if (color) bag.set("color", color);
        break;
      }
      case "size":
        bag.set("size", num(attribute(viz, "value")));
        break;
      case "thickness":
        bag.set("size", num(attribute(viz, "value")));
        break;
      case "position":
        bag.set("x", num(attribute(viz, "x")));
        bag.set("y", num(attribute(viz, "y")));
        break;
    }
  }
  decodeJson(bag);
  if (!bag.has("date")) {
    const date = dateOf(el, counts);
    if (date !== null) bag.set("date", date);
  }
  return bag;
}

/** Graph attributes from our own `<kg:graph>` element, when the file has one. */
function ourGraphAttributes(root: Element): Bag | null {
  const el = childElements(root, KG_GRAPH_ELEMENT).find((e) => e.namespaceURI === KG_NAMESPACE);
  if (!el) return null;
  try {
    return bagOf(JSON.parse(el.textContent ?? "") as unknown);
  } catch {
    return null;
  }
}

function versionLabel(root: Element): string {
  const version = (attribute(root, "version") ?? /gexf\.net\/([\w.]+)/.exec(root.namespaceURI ?? "")?.[1] ?? "").replace(/draft$/, "");
  return /^\d+(\.\d+)*$/.test(version) ? `GEXF ${version} file` : "GEXF file";
}

export function readGexf(text: string): RawGraph {
  let doc: Document;
  try {
    doc = parseXml(text, "GEXF file");
  } catch (error) {
    if (error instanceof XmlError) throw new OpenError(error.message);
    throw error;
  }
  const root = doc.documentElement;
  const label = versionLabel(root);
  const graph = firstChild(root, "graph");
  if (!graph) throw new OpenError(`The ${label} has no <graph> element.`);
  const defaultType = (graph.getAttribute("defaultedgetype") || "undirected").toLowerCase();
  const counts: TimeCount = { undated: 0, dynamicValues: 0 };

  const nodeModel = declarations(graph, "node");
  const nodes: RawNode[] = descendants(graph, "node").map((el, i) => {
    const id = attribute(el, "id");
    if (!id) throw new OpenError(`Node number ${i + 1} of the ${label} has no id.`);
    return { key: id, attributes: attributesOf(el, nodeModel, counts) };
  });

  const edgeModel = declarations(graph, "edge");
  const edges: RawEdge[] = descendants(graph, "edge").map((el, i) => {
    const id = attribute(el, "id");
    const name = id ? `Edge ${quote(id)}` : `Edge number ${i + 1}`;
    const source = attribute(el, "source");
    const target = attribute(el, "target");
    if (!source) throw new OpenError(`${name} has no source.`);
    if (!target) throw new OpenError(`${name} has no target.`);
    const attributes = attributesOf(el, edgeModel, counts);
    const weight = num(attribute(el, "weight"));
    if (weight !== undefined && !attributes.has("weight")) attributes.set("weight", weight);
    const kind = attribute(el, "kind");
    if (kind && !attributes.has("relation") && !attributes.has("label")) attributes.set("label", kind);
    const type = (el.getAttribute("type") || defaultType).toLowerCase();
    return { key: id || null, source, target, attributes, undirected: type !== "directed" };
  });

  const notes: string[] = [];
  if (counts.undated > 0) {
    notes.push(
      `The times of ${counts.undated} actor${counts.undated === 1 ? " or relation are" : "s or relations are"} not dates or years and were not used as dates.`,
    );
  }
  if (counts.dynamicValues > 0)
    notes.push(
      `${counts.dynamicValues} later value${counts.dynamicValues === 1 ? "" : "s"} of dynamic attributes ${counts.dynamicValues === 1 ? "was" : "were"} left out; the first value of each is kept.`,
    );

  const ours = ourGraphAttributes(root);
  const attributes: Bag = ours ?? new Map<string, unknown>();
  if (!ours) {
    // GEXF has no graph name; a short description serves (our older exports wrote the name there).
    const description = firstChild(firstChild(root, "meta") ?? root, "description")?.textContent?.trim() ?? "";
    if (description && description.length <= 120) attributes.set("name", description);
  }
  return {
    format: "gexf",
    label,
    attributes,
    allowSelfLoops: true,
    nodes,
    edges,
    requireLabels: false,
    carriesArticles: ours !== null,
    notes,
  };
}
