/**
 * The view in the address bar, so a link reproduces what its sender saw.
 *
 * Only what differs from the default view is written, in a fixed order, so
 * equal views give equal links. Reading is forgiving: a link may be old (an
 * actor since renamed), hand-edited or truncated by a mail client, so anything
 * unusable is dropped with a note for the user and the rest still applies.
 * What a valid value is comes from the model (src/model/view-state.ts), the
 * same rules a snapshot is read with.
 *
 * Every parameter is one row of FIELDS: its name, what it holds, how it is
 * written and read, and whether changing it deserves a history entry.
 */
import type Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import {
  COLOR_BY,
  DEFAULT_VIEW,
  EDGE_COLOR_BY,
  isCamera,
  isComparison,
  isDateBound,
  isEdgeLabelMode,
  isFamily,
  isFocusDepth,
  isLabelDensity,
  isLabelSize,
  isQuoteQuery,
  SIZE_BY,
  type Appearance,
  type Camera,
  type Comparison,
  type EdgeLabelMode,
  type ViewState,
} from "../model/view-state";
import { filterValues } from "./filters";

/** The ids a link may name; anything else in it is dropped. */
export interface KnownIds {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
  kinds: ReadonlySet<string>;
  families: ReadonlySet<string>;
  relations: ReadonlySet<string>;
  articles: ReadonlySet<string>;
}

/** The ids of a loaded graph, for `decodeView`. */
export function knownIds(graph: Graph<NodeAttributes, EdgeAttributes, GraphAttributes>): KnownIds {
  const values = filterValues(graph);
  return {
    nodes: new Set(graph.nodes()),
    edges: new Set(graph.edges()),
    kinds: new Set(values.kinds),
    families: new Set(values.families),
    relations: new Set(values.relations),
    articles: new Set(values.articles),
  };
}

const round = (value: number, decimals: number) => {
  const rounded = Number(value.toFixed(decimals));
  return rounded === 0 ? 0 : rounded; // no "-0" in links
};

/**
 * The camera as a link stores it. Sigma's camera coordinates span about 1 for
 * the whole graph and the screen shows about `ratio` of that, so x and y keep
 * four digits below the visible width (well under a pixel), the ratio four
 * significant digits and the angle 1e-4 radians. Rounding twice changes
 * nothing, so a decoded camera encodes to the same text.
 */
export function roundCamera(camera: Camera): Camera {
  const ratio = Number(camera.ratio.toPrecision(4));
  const decimals = Math.min(20, 4 + Math.max(0, Math.ceil(-Math.log10(ratio))));
  return { x: round(camera.x, decimals), y: round(camera.y, decimals), ratio, angle: round(camera.angle, 4) };
}

// encodeURIComponent throws on a lone surrogate; a view must always encode.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const enc = (value: string) => encodeURIComponent(value.replace(LONE_SURROGATE, "\uFFFD"));

/** Form-style decoding ("+" is a space, as URLSearchParams reads it); null when malformed. */
function dec(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** Long garbage would swamp a notice; the start is enough to recognise it. */
function shown(value: string): string {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : value;
}

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** `x,y,ratio,angle` as numbers the model accepts as a camera, rounded as links store them. */
function parseCamera(text: string): Camera | null {
  const parts = text.split(",");
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) return null;
  const [x, y, ratio, angle] = parts.map(Number) as [number, number, number, number];
  const camera = { x, y, ratio, angle };
  return isCamera(camera) ? roundCamera(camera) : null;
}

/** `A..B` per period (an open bound left empty), the two periods joined by a comma: `2013..2016,2022..`. */
function formatComparison(c: Comparison): string {
  const window = (w: Comparison["a"]) => `${w.from ?? ""}..${w.to ?? ""}`;
  return `${window(c.a)},${window(c.b)}`;
}

function parseComparison(text: string): Comparison | undefined {
  const periods = text.split(",").map((p) => p.split(".."));
  if (periods.length !== 2 || periods.some((p) => p.length !== 2)) return undefined;
  const bound = (b: string) => (b === "" ? null : b);
  const [a, b] = periods.map(([from, to]) => ({ from: bound(from!), to: bound(to!) })) as [Comparison["a"], Comparison["b"]];
  const comparison = { a, b };
  return isComparison(comparison) ? comparison : undefined;
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null): boolean => {
  if (a === null || b === null) return a === b;
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((v) => setB.has(v));
};

/** What reading one parameter can report. */
interface Reader {
  known: KnownIds;
  ignored: string[];
}

interface Field {
  param: string;
  /** The view's value as written in the link, or undefined when it is the default. */
  write(view: ViewState): string | undefined;
  /** The view with the parameter's raw (still encoded) value read into it. */
  read(view: ViewState, raw: string, reader: Reader): ViewState;
  /** Whether two views agree on this parameter (filter lists compare as sets). */
  same(a: ViewState, b: ViewState): boolean;
  /** Whether a change of it deserves its own history entry (camera moves do not). */
  history: boolean;
}

/**
 * A single-valued parameter. `unknown` says how a refused value is named:
 * "unknown" for references to the graph, "invalid" for malformed values.
 */
function scalar<T>(spec: {
  param: string;
  noun: string;
  refused: "unknown" | "invalid";
  get(view: ViewState): T;
  set(view: ViewState, value: T): ViewState;
  format(value: T): string | undefined;
  parse(text: string, known: KnownIds): T | undefined;
  same?(a: T, b: T): boolean;
  history?: boolean;
}): Field {
  return {
    param: spec.param,
    history: spec.history ?? true,
    write: (view) => spec.format(spec.get(view)),
    read(view, raw, { known, ignored }) {
      const decoded = dec(raw);
      if (decoded === null) ignored.push(`malformed percent-encoding in '${spec.param}'`);
      else if (decoded === "") ignored.push(`empty value in '${spec.param}'`);
      else {
        const value = spec.parse(decoded, known);
        if (value !== undefined) return spec.set(view, value);
        ignored.push(`${spec.refused} ${spec.noun} '${shown(decoded)}' in ${spec.param}`);
      }
      return view;
    },
    same: (a, b) => (spec.same ?? Object.is)(spec.get(a), spec.get(b)),
  };
}

/** An actor, relation or other id of the graph, percent-encoded. */
const key = (param: string, noun: string, known: (k: KnownIds) => ReadonlySet<string>, view: keyof ViewState | ["path", "from" | "to"]) =>
  scalar<string | null>({
    param,
    noun,
    refused: "unknown",
    get: (v) => (Array.isArray(view) ? v.path[view[1]] : (v[view] as string | null)),
    set: (v, value) => (Array.isArray(view) ? { ...v, path: { ...v.path, [view[1]]: value } } : { ...v, [view]: value }),
    format: (value) => (value === null ? undefined : enc(value)),
    parse: (text, k) => (known(k).has(text) ? text : undefined),
  });

const dateBound = (param: "from" | "to") =>
  scalar<string | null>({
    param,
    noun: "date",
    refused: "invalid",
    get: (v) => v.time[param],
    set: (v, value) => ({ ...v, time: { ...v.time, [param]: value } }),
    format: (value) => (value === null ? undefined : enc(value)),
    parse: (text) => (isDateBound(text) ? text : undefined),
  });

/**
 * A filter list: comma-separated, each id percent-encoded, in the view's order.
 * An empty list (show none) is written `kinds=` and differs from an absent one
 * (show all). When every id of a non-empty list is dropped, the filter falls
 * back to "all" rather than showing nothing because of a stale link.
 */
function list(
  param: string,
  noun: string,
  filter: "kinds" | "families" | "relations" | "articles",
  known: (k: KnownIds) => ReadonlySet<string>,
): Field {
  return {
    param,
    history: true,
    write: (view) => view.filters[filter]?.map(enc).join(","),
    read(view, raw, { known: k, ignored }) {
      const set = (value: string[] | null) => ({ ...view, filters: { ...view.filters, [filter]: value } });
      if (raw === "") return set([]);
      const kept: string[] = [];
      for (const item of raw.split(",")) {
        const decoded = dec(item);
        if (decoded === null) ignored.push(`malformed percent-encoding in '${param}'`);
        else if (decoded === "") ignored.push(`empty item in '${param}'`);
        else if (!known(k).has(decoded)) ignored.push(`unknown ${noun} '${shown(decoded)}' in ${param}`);
        else if (kept.includes(decoded)) ignored.push(`repeated ${noun} '${shown(decoded)}' in ${param}`);
        else kept.push(decoded);
      }
      if (kept.length > 0) return set(kept);
      ignored.push(`nothing usable left in '${param}': showing all`);
      return view;
    },
    same: (a, b) => sameList(a.filters[filter], b.filters[filter]),
  };
}

/** An appearance setting that takes one of a few names (`size=betweenness`); the default is not written. */
function choice<K extends "sizeBy" | "colorBy" | "edgeColorBy">(param: string, name: K, values: readonly Appearance[K][]): Field {
  return scalar<Appearance[K]>({
    param,
    noun: "value",
    refused: "invalid",
    get: (v) => v.appearance[name],
    set: (v, value) => ({ ...v, appearance: { ...v.appearance, [name]: value } }),
    format: (value) => (value === DEFAULT_VIEW.appearance[name] ? undefined : value),
    parse: (text) => ((values as readonly string[]).includes(text) ? (text as Appearance[K]) : undefined),
  });
}

/** A number of the appearance (label size, label density), written with at most two decimals. */
function amount(param: string, name: "labelSize" | "labelDensity", ok: (v: unknown) => v is number): Field {
  return scalar<number>({
    param,
    noun: "value",
    refused: "invalid",
    get: (v) => v.appearance[name],
    set: (v, value) => ({ ...v, appearance: { ...v.appearance, [name]: value } }),
    format: (value) => (value === DEFAULT_VIEW.appearance[name] ? undefined : String(round(value, 2))),
    parse: (text) => {
      const n = NUMBER.test(text) ? round(Number(text), 2) : NaN;
      return ok(n) ? n : undefined;
    },
  });
}

/** The parameters, in the order they are written. */
const FIELDS: readonly Field[] = [
  key("sel", "actor", (k) => k.nodes, "selected"),
  list("kinds", "kind", "kinds", (k) => k.kinds),
  list("fam", "family", "families", (k) => new Set([...k.families].filter(isFamily))),
  list("rel", "relation type", "relations", (k) => k.relations),
  list("art", "article", "articles", (k) => k.articles),
  scalar<boolean>({
    param: "iso",
    noun: "value",
    refused: "invalid",
    get: (v) => v.filters.keepIsolated,
    set: (v, value) => ({ ...v, filters: { ...v.filters, keepIsolated: value } }),
    format: (value) => (value ? "1" : undefined),
    parse: (text) => (text === "1" ? true : text === "0" ? false : undefined),
  }),
  scalar<string | null>({
    param: "q",
    noun: "quote search",
    refused: "invalid",
    get: (v) => v.filters.quote,
    set: (v, value) => ({ ...v, filters: { ...v.filters, quote: value } }),
    format: (value) => (value === null ? undefined : enc(value)),
    parse: (text) => (isQuoteQuery(text) ? text : undefined),
  }),
  dateBound("from"),
  dateBound("to"),
  scalar<0 | 1 | 2>({
    param: "focus",
    noun: "value",
    refused: "invalid",
    get: (v) => v.focus,
    set: (v, value) => ({ ...v, focus: value }),
    format: (value) => (value === 0 ? undefined : String(value)),
    parse: (text) => {
      const n = /^[0-2]$/.test(text) ? Number(text) : NaN;
      return isFocusDepth(n) ? n : undefined;
    },
  }),
  key("pfrom", "actor", (k) => k.nodes, ["path", "from"]),
  key("pto", "actor", (k) => k.nodes, ["path", "to"]),
  key("edge", "relation", (k) => k.edges, "selectedEdge"),
  scalar<boolean>({
    param: "bundle",
    noun: "value",
    refused: "invalid",
    get: (v) => v.appearance.bundle,
    set: (v, value) => ({ ...v, appearance: { ...v.appearance, bundle: value } }),
    format: (value) => (value ? undefined : "0"),
    parse: (text) => (text === "1" ? true : text === "0" ? false : undefined),
  }),
  scalar<EdgeLabelMode>({
    param: "elabels",
    noun: "value",
    refused: "invalid",
    get: (v) => v.appearance.edgeLabels,
    set: (v, value) => ({ ...v, appearance: { ...v.appearance, edgeLabels: value } }),
    format: (value) => (value === DEFAULT_VIEW.appearance.edgeLabels ? undefined : value),
    parse: (text) => (isEdgeLabelMode(text) ? text : undefined),
  }),
  choice("size", "sizeBy", SIZE_BY),
  choice("ncolor", "colorBy", COLOR_BY),
  choice("ecolor", "edgeColorBy", EDGE_COLOR_BY),
  amount("lsize", "labelSize", isLabelSize),
  amount("ldens", "labelDensity", isLabelDensity),
  scalar<Comparison | null>({
    param: "cmp",
    noun: "comparison",
    refused: "invalid",
    get: (v) => v.compare ?? null,
    set: (v, value) => ({ ...v, compare: value }),
    format: (value) => (value === null ? undefined : formatComparison(value)),
    parse: parseComparison,
    same: (a, b) => (a === null || b === null ? a === b : formatComparison(a) === formatComparison(b)),
  }),
  scalar<Camera | null>({
    param: "cam",
    noun: "camera",
    refused: "invalid",
    history: false,
    get: (v) => v.camera,
    set: (v, value) => ({ ...v, camera: value }),
    format: (value) => {
      if (value === null) return undefined;
      const { x, y, ratio, angle } = roundCamera(value);
      return [x, y, ratio, angle].map(String).join(",");
    },
    parse: (text) => parseCamera(text) ?? undefined,
  }),
];

const FIELD_BY_PARAM = new Map(FIELDS.map((f) => [f.param, f]));

/** The names a link may use, in the order they are written. */
export const PARAMS: readonly string[] = FIELDS.map((f) => f.param);

/** The view as a query string (`?sel=japan&fam=conflict&from=2013`), or "" for the default view. */
export function encodeView(view: ViewState): string {
  const parts: string[] = [];
  for (const field of FIELDS) {
    const value = field.write(view);
    if (value !== undefined) parts.push(`${field.param}=${value}`);
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export interface DecodedView {
  view: ViewState;
  /** One readable note per thing dropped from the link. */
  ignored: string[];
}

/**
 * The view a link describes, given the search (`location.search`) and hash
 * (`location.hash`) of the address and the ids of the loaded graph. Never
 * throws: whatever cannot be used is left at its default and noted in
 * `ignored` (an unknown id in a list drops only that id).
 *
 * Parameters may also come from the hash (`#sel=japan`), as hash-routed or
 * mangled links carry them; the query string wins when both name one. A hash
 * that holds no parameters at all is noted as garbage.
 */
export function decodeView(search: string, hash: string, known: KnownIds): DecodedView {
  const ignored: string[] = [];
  const raw = new Map<Field, string>();

  const collect = (text: string, where: string) => {
    for (const piece of text.split("&")) {
      if (piece === "") continue;
      const eq = piece.indexOf("=");
      const rawName = eq < 0 ? piece : piece.slice(0, eq);
      const value = eq < 0 ? "" : piece.slice(eq + 1);
      const name = dec(rawName);
      const field = name === null ? undefined : FIELD_BY_PARAM.get(name);
      if (name === null) ignored.push(`malformed percent-encoding in parameter name '${shown(rawName)}'${where}`);
      else if (!field) ignored.push(`unknown parameter '${shown(name)}'${where}`);
      else if (raw.has(field)) ignored.push(`repeated parameter '${name}'${where}`);
      else raw.set(field, value);
    }
  };
  collect(search.replace(/^\?/, ""), "");
  const hashText = hash.replace(/^#/, "").replace(/^\/?\??/, "");
  if (hashText !== "") {
    if (hashText.includes("=")) collect(hashText, " in the hash");
    else ignored.push(`garbage in the hash '${shown(hashText)}'`);
  }

  let view = DEFAULT_VIEW;
  const reader = { known, ignored };
  for (const field of FIELDS) {
    const value = raw.get(field);
    if (value !== undefined) view = field.read(view, value, reader);
  }
  return { view, ignored };
}

/**
 * Whether going from `prev` to `next` deserves its own history entry (push),
 * rather than updating the current one (replace). Panning and zooming would
 * otherwise bury the steps a user wants Back to undo, so only a camera change
 * is not worthy. Filter lists compare as sets: ticking in another order is the
 * same view.
 */
export function isHistoryWorthy(prev: ViewState, next: ViewState): boolean {
  return FIELDS.some((field) => field.history && !field.same(prev, next));
}

/** How many distinct notes a notice lists before it only counts the rest. */
export const MAX_LISTED_NOTES = 8;

/**
 * The notes of `decodeView` as one short sentence for a notice: repeats
 * merged with a count, the first few listed, the rest counted. A link that
 * repeats one parameter ten thousand times gets one line, not a wall.
 */
export function describeIgnored(ignored: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const note of ignored) counts.set(note, (counts.get(note) ?? 0) + 1);
  const listed = [...counts].slice(0, MAX_LISTED_NOTES).map(([note, n]) => (n > 1 ? `${note} (${n.toLocaleString("en")} times)` : note));
  const rest = counts.size - listed.length;
  const more = rest > 0 ? `; and ${rest.toLocaleString("en")} more` : "";
  return `Some parts of the link were ignored: ${listed.join("; ")}${more}.`;
}
