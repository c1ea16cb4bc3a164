/**
 * From what a reader found (raw.ts) to the one model (src/model/graph-file.ts):
 * a directed multigraph whose edges carry `directed`, with defaults for what
 * a foreign file lacks, every value checked before it is used, and a note for
 * every repair (counted, not listed per actor).
 *
 * The fields of the model are the schema's (graph-file-schema.ts): articles,
 * vocabulary entries and evidence entries are checked against its parts, so
 * nothing here describes the file's shape a second time.
 *
 * Defensive reading: names from the file live in Maps until they become
 * attributes, `__proto__` is renamed (graphology copies attributes with
 * Object.assign, which would turn it into a prototype), numbers must be finite
 * and in range, texts are cut at a length limit, and values nested deeper
 * than MAX_DEPTH are left out.
 *
 * Attributes that the renderer (sigma) gives a meaning to are read as data:
 * a node's `type` becomes its kind when it has none ("person"), an edge's
 * `type` its direction ("undirected") or its relation ("friend of");
 * otherwise `type`, `hidden`, `forceLabel` and `zIndex` are kept under
 * `file_type`, `file_hidden`… so that no file decides how it is drawn, and a
 * `highlighted` mark saved by an export is dropped.
 *
 * Sizes are scaled into the build's range (model/graph-file.ts NODE_SIZES for actors, 2–14 for
 * relations) when the file's fall outside it, linearly, so the order and the
 * relative differences stay. Positions that are missing, not finite, beyond
 * ±1e12 or all the same are replaced by a spiral and the graph is marked for
 * layout.
 *
 * Defaults: label = the node's key (foreign formats; ours require labels),
 * kind "other", aliases [], description "", size 12, community 0 or Gephi's
 * `modularity_class`; relation "related" / label "related to" (or the edge's
 * label and its slug), family "neutral", evidence [], weight = evidence count
 * or 1. Degrees are always recomputed. A valid `date` is kept; without one
 * an edge is dated by its earliest evidence, and with no evidence either it
 * has no `date` at all (never ""), which is why OpenedEdgeAttributes makes it
 * optional: such edges fail graphFileSchema, the only way the result can.
 */
import { MultiDirectedGraph } from "graphology";
import {
  FAMILIES,
  NODE_SIZES,
  type ArticleMeta,
  type EdgeAttributes,
  type Evidence,
  type Family,
  type GraphAttributes,
  type NodeAttributes,
  type RelationDef,
} from "../../model/graph-file";
import { edgeAttributesSchema, graphAttributesSchema, nodeAttributesSchema } from "../../model/graph-file-schema";
import { isPartialDate } from "../../model/dates";
import { slugify } from "../../model/text";
import { atScale } from "../geometry";
import { normalizeColor, parseColor } from "../export/color";
import { isObject, OpenError, quote, Tally, type Bag, type RawEdge, type RawGraph } from "./raw";

export type OpenedNodeAttributes = NodeAttributes;
export type OpenedEdgeAttributes = Omit<EdgeAttributes, "date"> & {
  /** Absent when nothing dates the relation (foreign files only). */
  date?: string;
};
export type OpenedGraph = MultiDirectedGraph<OpenedNodeAttributes, OpenedEdgeAttributes, GraphAttributes>;

export const DEFAULT_NODE_SIZE = NODE_SIZES.min + (NODE_SIZES.max - NODE_SIZES.min) / 5;
export const DEFAULT_KIND = "other";
export const DEFAULT_RELATION = { id: "related", label: "related to" } as const;
/** The build's range of actor sizes (model/graph-file.ts, used by graph/build/layout.ts nodeSize). */
export const NODE_SIZE_RANGE = [NODE_SIZES.min, NODE_SIZES.max] as const;
/** The range of relation thickness the app draws (state/load-graph.ts edgeThickness and thinner). */
export const EDGE_SIZE_RANGE = [2, 14] as const;
/** Coordinates beyond this are treated as absent: sigma cannot frame a graph that spans 1e308. */
export const MAX_COORDINATE = 1e12;
/** Longest label, kind, relation or name kept; longer ones are cut with an ellipsis. */
export const MAX_SHORT_TEXT = 500;
/** Longest description, quote, note or other text attribute kept (article bodies are not cut). */
export const MAX_TEXT = 20_000;
export const MAX_WEIGHT = 1e6;
/** Deepest nesting of lists and objects kept in an attribute value. */
export const MAX_DEPTH = 16;
/** Attribute names sigma reads to decide how something is drawn. */
export const RENDERER_RESERVED = ["type", "hidden", "highlighted", "forceLabel", "zIndex"] as const;

const NODE_FIELDS = new Set(Object.keys(nodeAttributesSchema.shape));
const EDGE_FIELDS = new Set(Object.keys(edgeAttributesSchema.shape));
const GRAPH_FIELDS = new Set(Object.keys(graphAttributesSchema.shape));
const RESERVED = new Set<string>(RENDERER_RESERVED);
const articleSchema = graphAttributesSchema.shape.articles.element;
const relationDefSchema = graphAttributesSchema.shape.vocabulary.element;
const evidenceSchema = edgeAttributesSchema.shape.evidence.element;
/** sigma's edge programs, named in files written for sigma: drawing hints, not data. */
const SIGMA_EDGE_TYPE = /^(arrow|line|curve|curved|straight|rectangle|triangle|tapered|double|clamped)/i;

const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isFamily = (v: unknown): v is Family => typeof v === "string" && (FAMILIES as readonly string[]).includes(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1e9;
const round = (v: number) => Math.round(v * 100) / 100;
const shortNumber = (v: number) => String(Number(v.toPrecision(3)));

class Context {
  readonly tally = new Tally();
  cut(text: string, max: number): string {
    if (text.length <= max) return text;
    this.tally.add(`{n} text{s} longer than ${max.toLocaleString("en")} characters {was|were} cut.`);
    return text.slice(0, max - 1) + "…";
  }
}

/** Nesting depth of a value, counted without recursion; stops counting past the limit. */
function depth(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (d + 1 > deepest) deepest = d + 1;
    if (deepest > MAX_DEPTH) return deepest;
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, d + 1]);
  }
  return deepest;
}

/** An attribute the model does not define, kept as data if it is safe to keep. */
function setExtra(out: Record<string, unknown>, name: string, value: unknown, ctx: Context): void {
  if (value === undefined || typeof value === "function") return;
  if (typeof value === "number" && !Number.isFinite(value)) {
    ctx.tally.add("{n} attribute value{s} that {is|are} not a finite number {was|were} left out.");
    return;
  }
  if (typeof value === "object" && value !== null && depth(value) > MAX_DEPTH) {
    ctx.tally.add(`{n} attribute value{s} nested deeper than ${MAX_DEPTH} levels {was|were} left out.`);
    return;
  }
  let key = ctx.cut(name, MAX_SHORT_TEXT);
  if (key === "__proto__") {
    key = "_proto_";
    ctx.tally.add('{n} attribute{s} named "__proto__" {was|were} kept as "_proto_".');
  }
  out[key] = typeof value === "string" ? ctx.cut(value, MAX_TEXT) : value;
}

/** A reserved attribute that is data after all, kept under `file_<name>`. */
function keepReserved(out: Record<string, unknown>, name: string, value: unknown, ctx: Context, what: string): void {
  if (name === "highlighted") {
    if (value === true) ctx.tally.add(`The highlight saved in the file was not applied to {n} ${what}{s}.`);
    return;
  }
  let key = `file_${name}`;
  for (let i = 2; Object.hasOwn(out, key); i++) key = `file_${name}_${i}`;
  setExtra(out, key, value, ctx);
  ctx.tally.add(`{n} ${what}{s} had a "${name}" attribute, which the renderer would read; it is kept as "${key}".`);
}

/** Names every plain object has: as ids they would be found on any object, not only where they were put. */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A plain copy of an object from the file: own keys, no "__proto__", strings cut. */
function plainCopy(value: Record<string, unknown>, ctx: Context, long: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(value)) {
    if (name === "__proto__") continue;
    const v = value[name];
    if (typeof v === "string")
      out[name] = long.has(name) ? v : ctx.cut(v, name === "title" || name === "publisher" ? MAX_SHORT_TEXT : MAX_TEXT);
    else if (v === null || typeof v !== "object") out[name] = v;
  }
  return out;
}

function readArticles(value: unknown, ctx: Context): ArticleMeta[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    ctx.tally.add("The graph's article list was not a list and was ignored.");
    return [];
  }
  const out: ArticleMeta[] = [];
  const ids = new Set<string>();
  for (const a of value) {
    const parsed = isObject(a) ? articleSchema.safeParse(withDefaults(plainCopy(a, ctx, new Set(["body"])))) : null;
    if (!parsed?.success || ids.has(parsed.data.id)) {
      ctx.tally.add("{n} article{s} without an id or a valid date {was|were} left out.");
      continue;
    }
    ids.add(parsed.data.id);
    out.push(parsed.data);
  }
  return out;
}

/** Title, publisher and body are required by the model; a file from elsewhere may lack them. */
function withDefaults(a: Record<string, unknown>): Record<string, unknown> {
  return {
    ...a,
    title: typeof a.title === "string" ? a.title : a.id,
    publisher: typeof a.publisher === "string" ? a.publisher : "",
    body: typeof a.body === "string" ? a.body : "",
  };
}

function readVocabulary(value: unknown, ctx: Context): Map<string, RelationDef> {
  const out = new Map<string, RelationDef>();
  if (value === undefined) return out;
  if (!Array.isArray(value)) {
    ctx.tally.add("The graph's relation vocabulary was not a list and was ignored.");
    return out;
  }
  for (const r of value) {
    const parsed = isObject(r) ? relationDefSchema.safeParse(plainCopy(r, ctx, new Set())) : null;
    if (!parsed?.success) {
      ctx.tally.add("{n} vocabulary entr{y|ies} without id, label, family or direction {was|were} left out.");
      continue;
    }
    if (!out.has(parsed.data.id)) out.set(parsed.data.id, parsed.data);
  }
  return out;
}

function readEvidence(value: unknown, ctx: Context): Evidence[] {
  if (value === undefined) return [];
  if (typeof value === "string" && /^\s*\[/.test(value)) {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      // Reported below as not a list.
    }
  }
  if (!Array.isArray(value)) {
    ctx.tally.add("{n} relation{s} had evidence that was not a list; it was ignored.");
    return [];
  }
  const out: Evidence[] = [];
  for (const e of value) {
    const copy = isObject(e) ? plainCopy(e, ctx, new Set()) : null;
    const parsed = copy ? evidenceSchema.safeParse(copy) : null;
    if (!copy || !parsed?.success || !nonEmpty(parsed.data.article) || !nonEmpty(parsed.data.quote)) {
      ctx.tally.add("{n} evidence entr{y|ies} without article, quote or valid date {was|were} left out.");
      continue;
    }
    // The model's fields, and whatever else the entry carried as plain values.
    out.push({ ...copy, ...parsed.data });
  }
  return out;
}

interface NodeResult {
  attrs: Record<string, unknown>;
  size: number | null;
  placed: boolean;
  /** The file gave a position that cannot be used (as opposed to none). */
  badPosition: boolean;
}

function normalizeNode(key: string, raw: Bag, requireLabel: boolean, ctx: Context): NodeResult {
  const out: Record<string, unknown> = {};
  for (const [name, value] of raw) {
    if (RESERVED.has(name)) {
      if (name === "type" && nonEmpty(value) && !nonEmpty(raw.get("kind"))) continue; // becomes the kind below
      keepReserved(out, name, value, ctx, "actor");
    } else if (!NODE_FIELDS.has(name)) setExtra(out, name, value, ctx);
  }
  const label = raw.get("label");
  if (nonEmpty(label) || finite(label)) out.label = ctx.cut(String(label).trim(), MAX_SHORT_TEXT);
  else if (requireLabel) throw new OpenError(`Node ${quote(key)} has no label.`);
  else {
    out.label = key.length > MAX_SHORT_TEXT ? ctx.cut(key, MAX_SHORT_TEXT) : key;
    ctx.tally.add("{n} actor{s} had no label; the id is shown instead.");
  }
  const kind = raw.get("kind");
  const type = raw.get("type");
  if (nonEmpty(kind)) out.kind = ctx.cut(kind.trim(), MAX_SHORT_TEXT);
  else if (nonEmpty(type)) {
    out.kind = ctx.cut(type.trim(), MAX_SHORT_TEXT);
    ctx.tally.add('{n} actor{s} had no kind; {its|their} "type" is used as the kind.');
  } else {
    out.kind = DEFAULT_KIND;
    ctx.tally.add(`{n} actor{s} had no kind and {is|are} shown as "${DEFAULT_KIND}".`);
  }
  const aliases = raw.get("aliases");
  out.aliases = Array.isArray(aliases)
    ? aliases.filter((a): a is string => typeof a === "string").map((a) => ctx.cut(a, MAX_SHORT_TEXT))
    : nonEmpty(aliases)
      ? [ctx.cut(aliases, MAX_SHORT_TEXT)]
      : [];
  const description = raw.get("description");
  out.description = typeof description === "string" ? ctx.cut(description, MAX_TEXT) : "";
  for (const name of ["role", "affiliation"] as const) {
    const v = raw.get(name);
    if (nonEmpty(v)) out[name] = ctx.cut(v, MAX_SHORT_TEXT);
  }
  const color = raw.get("color");
  if (typeof color === "string" && parseColor(color)) out.color = normalizeColor(color);
  else if (color !== undefined)
    ctx.tally.add("{n} actor colour{s} that {is|are} not a CSS colour {was|were} ignored; the kind's colour is used.");
  // Gephi stores its communities as modularity_class, Gephi Lite as modularityClass.
  const community = [raw.get("community"), raw.get("modularity_class"), raw.get("modularityClass")].find(isCount);
  out.community = community ?? 0;

  const size = raw.get("size");
  const x = raw.get("x");
  const y = raw.get("y");
  const usable = (v: unknown) => finite(v) && Math.abs(v) <= MAX_COORDINATE;
  const placed = usable(x) && usable(y);
  if (placed) {
    out.x = x;
    out.y = y;
  }
  return {
    attrs: out,
    size: finite(size) && size > 0 ? size : null,
    placed,
    badPosition: !placed && ((x !== undefined && !usable(x)) || (y !== undefined && !usable(y))),
  };
}

interface EdgeResult {
  attrs: Record<string, unknown>;
  size: number | null;
}

/** `declared` is the file's own vocabulary, not one built from earlier edges: those are defaults too. */
function normalizeEdge(raw: RawEdge, declared: Map<string, RelationDef>, ctx: Context): EdgeResult {
  const bag = raw.attributes;
  const out: Record<string, unknown> = {};
  let undirected = raw.undirected;
  let relationFromType: string | null = null;
  for (const [name, value] of bag) {
    if (name === "type" && typeof value === "string") {
      const t = value.trim().toLowerCase();
      if (t === "undirected" || t === "mutual" || t === "directed") {
        undirected = t !== "directed";
        continue;
      }
      if (SIGMA_EDGE_TYPE.test(t)) {
        ctx.tally.add('{n} relation{s} named a drawing program in "type"; the app draws relations its own way.');
        continue;
      }
      if (t !== "" && !nonEmpty(bag.get("relation")) && !nonEmpty(bag.get("label"))) {
        relationFromType = value.trim();
        continue;
      }
    }
    if (RESERVED.has(name)) keepReserved(out, name, value, ctx, "relation");
    else if (!EDGE_FIELDS.has(name)) setExtra(out, name, value, ctx);
  }
  const rawRelation = bag.get("relation");
  const rawLabel = nonEmpty(bag.get("label")) ? (bag.get("label") as string) : relationFromType;
  const relation = ctx.cut(
    nonEmpty(rawRelation) ? rawRelation.trim() : nonEmpty(rawLabel) ? slugify(rawLabel) || DEFAULT_RELATION.id : DEFAULT_RELATION.id,
    MAX_SHORT_TEXT,
  );
  const known = declared.get(relation);
  out.relation = relation;
  out.label = ctx.cut(
    nonEmpty(rawLabel) ? rawLabel.trim() : (known?.label ?? (relation === DEFAULT_RELATION.id ? DEFAULT_RELATION.label : relation)),
    MAX_SHORT_TEXT,
  );
  const family = bag.get("family");
  if (isFamily(family)) out.family = family;
  else {
    out.family = known?.family ?? "neutral";
    if (!known) ctx.tally.add('{n} relation{s} had no family and {is|are} counted as "neutral".');
  }
  const directed = bag.get("directed");
  out.directed = typeof directed === "boolean" ? directed : (known?.directed ?? !undirected);
  const evidence = readEvidence(bag.get("evidence"), ctx);
  out.evidence = evidence;
  const date = bag.get("date");
  if (isPartialDate(date)) out.date = date;
  else {
    const dates = evidence.map((e) => e.date).sort();
    if (dates.length > 0) out.date = dates[0];
    else ctx.tally.add("{n} relation{s} {has|have} no date.");
  }
  const weight = bag.get("weight");
  if (finite(weight) && weight > 0) {
    out.weight = Math.min(weight, MAX_WEIGHT);
    if (weight > MAX_WEIGHT) ctx.tally.add(`{n} relation weight{s} above ${MAX_WEIGHT.toExponential()} {was|were} capped.`);
  } else out.weight = Math.max(1, evidence.length);
  const color = bag.get("color");
  if (typeof color === "string" && parseColor(color)) out.color = normalizeColor(color);
  const size = bag.get("size");
  return { attrs: out, size: finite(size) && size > 0 ? size : null };
}

/**
 * Maps `values` into [low, high] when any falls outside it, linearly, so the
 * order and the relative differences stay; all equal and outside: `fallback`.
 * Returns the mapping and a sentence for the notes, or null when nothing changes.
 */
function scaler(
  values: number[],
  [low, high]: readonly [number, number],
  fallback: number,
  what: string,
): { map: (v: number) => number; note: string } | null {
  if (values.length === 0) return null;
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (atScale(min, max, [low, high])) return null;
  const range = `${shortNumber(min)}${min === max ? "" : ` to ${shortNumber(max)}`}`;
  if (min === max) return { map: () => fallback, note: `${what} sizes from the file (${range}) were set to ${fallback}.` };
  return {
    map: (v) => round(low + ((v - min) / (max - min)) * (high - low)),
    note: `${what} sizes from the file (${range}) were scaled to ${low} to ${high}, keeping their proportions.`,
  };
}

/** Positions for nodes without one: a sunflower spiral around `center`, dense but not overlapping. */
function spiral(i: number, center: { x: number; y: number }): { x: number; y: number } {
  const angle = i * Math.PI * (3 - Math.sqrt(5));
  const radius = 20 * Math.sqrt(i + 0.5);
  return { x: round(center.x + radius * Math.cos(angle)), y: round(center.y + radius * Math.sin(angle)) };
}

function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, "").replace(/\.kgsnap$/, "") || "Opened graph";
}

export interface Normalized {
  graph: OpenedGraph;
  needsLayout: boolean;
  notes: string[];
}

export function normalize(raw: RawGraph, fileName: string): Normalized {
  const ctx = new Context();
  const graph: OpenedGraph = new MultiDirectedGraph({ allowSelfLoops: raw.allowSelfLoops });

  const results = new Map<string, NodeResult>();
  for (const { key, attributes } of raw.nodes) {
    if (results.has(key)) throw new OpenError(`Node ${quote(key)} appears twice.`);
    results.set(key, normalizeNode(key, attributes, raw.requireLabels, ctx));
  }
  // sigma keeps its per-node and per-edge data in plain objects, and graphology its adjacency: an id that
  // names a member of every object ("__proto__", "constructor", "toString"…) would find that member there.
  const ids = new Set([...results.keys(), ...raw.edges.flatMap((e) => (e.key === null ? [] : [e.key]))]);
  const safeKey = (key: string, what: string): string => {
    if (!PROTOTYPE_NAMES.has(key)) return key;
    const base = `_${key.replace(/^_+|_+$/g, "")}_`;
    let renamed = base;
    for (let i = 2; ids.has(renamed); i++) renamed = `${base}${i}`;
    ids.add(renamed);
    ctx.tally.add(`The ${what} id "${key}" is used as "${renamed}": the renderer cannot draw an element with that id.`);
    return renamed;
  };
  const nodeKeys = new Map<string, string>();
  for (const key of results.keys()) nodeKeys.set(key, safeKey(key, "actor"));

  // Positions: usable ones kept unless they are all one point; the rest on a spiral, laid out by the app.
  const placed = [...results.values()].filter((r) => r.placed);
  const onePoint = placed.length > 1 && placed.every((r) => r.attrs.x === placed[0]!.attrs.x && r.attrs.y === placed[0]!.attrs.y);
  if (onePoint) {
    for (const r of placed) r.placed = false;
    ctx.tally.add("All actors had the same position; the graph needs a layout.", 0);
  }
  const still = onePoint ? [] : placed;
  const center = still.length
    ? {
        x: still.reduce((s, r) => s + (r.attrs.x as number), 0) / still.length,
        y: still.reduce((s, r) => s + (r.attrs.y as number), 0) / still.length,
      }
    : { x: 0, y: 0 };
  let unplaced = 0;
  let bad = 0;
  for (const r of results.values()) {
    if (r.placed) continue;
    if (r.badPosition && !onePoint) bad++;
    Object.assign(r.attrs, spiral(unplaced++, center));
  }
  if (bad > 0) {
    const what = bad === 1 ? "1 actor had a position that cannot be drawn" : `${bad} actors had positions that cannot be drawn`;
    ctx.tally.add(`${what} (not a number, or beyond ±1e12); the graph needs a layout.`, 0);
  }
  if (unplaced > 0 && !onePoint && unplaced > bad) {
    const missing = unplaced - bad;
    ctx.tally.add(
      missing === raw.nodes.length
        ? "The file has no positions; the graph needs a layout."
        : `${missing} actor${missing === 1 ? "" : "s"} had no position; the graph needs a layout.`,
      0,
    );
  }

  const nodeSizes = scaler(
    [...results.values()].flatMap((r) => (r.size === null ? [] : [r.size])),
    NODE_SIZE_RANGE,
    DEFAULT_NODE_SIZE,
    "Actor",
  );
  let unsized = 0;
  for (const [key, r] of results) {
    if (r.size === null) unsized++;
    r.attrs.size = r.size === null ? DEFAULT_NODE_SIZE : nodeSizes ? nodeSizes.map(r.size) : r.size;
    graph.addNode(nodeKeys.get(key)!, r.attrs as unknown as OpenedNodeAttributes);
  }
  if (unsized > 0) ctx.tally.add(`${unsized} actor${unsized === 1 ? "" : "s"} had no size; set to ${DEFAULT_NODE_SIZE}.`, 0);
  if (nodeSizes) ctx.tally.add(nodeSizes.note, 0);

  const declared = readVocabulary(raw.attributes.get("vocabulary"), ctx);
  const vocabulary = new Map(declared);
  const edgeKeys = new Set<string>();
  const edges: { edge: RawEdge; result: EdgeResult }[] = [];
  raw.edges.forEach((edge, i) => {
    const name = edge.key !== null ? `Edge ${quote(edge.key)}` : `Edge number ${i + 1}`;
    if (edge.key !== null) {
      if (edgeKeys.has(edge.key)) throw new OpenError(`${name} appears twice.`);
      edgeKeys.add(edge.key);
    }
    for (const end of [edge.source, edge.target])
      if (!results.has(end)) throw new OpenError(`${name} refers to missing node ${quote(end)}.`);
    if (edge.source === edge.target && !graph.allowSelfLoops) {
      ctx.tally.add("{n} self-loop{s} {was|were} dropped because the graph does not allow them.");
      return;
    }
    const key = edge.key === null ? null : safeKey(edge.key, "relation");
    edges.push({
      edge: { ...edge, key, source: nodeKeys.get(edge.source)!, target: nodeKeys.get(edge.target)! },
      result: normalizeEdge(edge, declared, ctx),
    });
  });
  const edgeSizes = scaler(
    edges.flatMap(({ result }) => (result.size === null ? [] : [result.size])),
    EDGE_SIZE_RANGE,
    2,
    "Relation",
  );
  if (edgeSizes) ctx.tally.add(edgeSizes.note, 0);
  let added = 0;
  for (const { edge, result } of edges) {
    const attrs = result.attrs;
    if (result.size !== null) attrs.size = edgeSizes ? edgeSizes.map(result.size) : result.size;
    const relation = attrs.relation as string;
    if (!vocabulary.has(relation)) {
      vocabulary.set(relation, {
        id: relation,
        label: attrs.label as string,
        family: attrs.family as Family,
        directed: attrs.directed as boolean,
      });
      added++;
    }
    const typed = attrs as unknown as OpenedEdgeAttributes;
    if (edge.key !== null) graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, typed);
    else graph.addDirectedEdge(edge.source, edge.target, typed);
  }
  if (declared.size > 0 && added > 0) {
    ctx.tally.add(
      `${added} relation type${added === 1 ? " was" : "s were"} missing from the vocabulary and ${added === 1 ? "was" : "were"} added.`,
      0,
    );
  }

  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { degree: graph.degree(node), inDegree: graph.inDegree(node), outDegree: graph.outDegree(node) });
  });

  const articles = readArticles(raw.attributes.get("articles"), ctx);
  const articleIds = new Set(articles.map((a) => a.id));
  const uncited = new Set<string>();
  let first: string | null = null;
  let last: string | null = null;
  graph.forEachEdge((_, attrs) => {
    for (const e of attrs.evidence) {
      if (!articleIds.has(e.article)) uncited.add(e.article);
      if (first === null || e.date < first) first = e.date;
      if (last === null || e.date > last) last = e.date;
    }
    // A relation without evidence is dated by the file itself (a GEXF spell, a CSV date column).
    if (attrs.evidence.length === 0 && attrs.date !== undefined) {
      if (first === null || attrs.date < first) first = attrs.date;
      if (last === null || attrs.date > last) last = attrs.date;
    }
  });
  if (uncited.size > 0 && raw.carriesArticles) {
    ctx.tally.add(`Evidence cites ${uncited.size} article${uncited.size === 1 ? "" : "s"} that the file does not include.`, 0);
  }
  const given = raw.attributes.get("dateRange");
  const dateRange =
    isObject(given) && isPartialDate(given.from) && isPartialDate(given.to) && given.from <= given.to
      ? { from: given.from, to: given.to }
      : first !== null && last !== null
        ? { from: first as string, to: last as string }
        : null;

  const graphAttributes: Record<string, unknown> = {};
  for (const [name, value] of raw.attributes) if (!GRAPH_FIELDS.has(name)) setExtra(graphAttributes, name, value, ctx);
  const name = raw.attributes.get("name");
  graph.replaceAttributes({
    ...graphAttributes,
    name: typeof name === "string" && name.trim() !== "" ? ctx.cut(name, MAX_SHORT_TEXT) : fileStem(fileName),
    articles,
    vocabulary: [...vocabulary.values()],
    dateRange,
  });
  return { graph, needsLayout: unplaced > 0, notes: [...raw.notes, ...ctx.tally.sentences()] };
}
