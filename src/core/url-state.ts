/**
 * The view in the address bar, so a link reproduces what its sender saw.
 *
 * Only what differs from the default view is written, in a fixed order, so
 * equal views give equal links. Reading is forgiving: a link may be old (an
 * actor since renamed), hand-edited or truncated by a mail client, so anything
 * unusable is dropped with a note for the user and the rest still applies.
 */
import type Graph from "graphology";
import { FAMILIES, type EdgeAttributes, type Family, type GraphAttributes, type NodeAttributes } from "../model/graph-file";
import type { Camera, ViewState } from "../model/view-state";
import { filterValues } from "./filters";
import { isPartialDate } from "../model/dates";

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

/** Parameter names, in the order they are written. */
const PARAMS = ["sel", "kinds", "fam", "rel", "art", "iso", "from", "to", "focus", "pfrom", "pto", "edge", "cam"] as const;
type Param = (typeof PARAMS)[number];

/** The filter list each list parameter holds. */
const LIST_PARAMS = { kinds: "kinds", fam: "families", rel: "relations", art: "articles" } as const;

/**
 * The view as a query string (`?sel=japan&fam=conflict&from=2013`), or "" for
 * the default view. Lists keep the view's order and are comma-separated with
 * each id percent-encoded; an empty list (show none) is written `kinds=` and
 * differs from an absent one (show all).
 */
export function encodeView(view: ViewState): string {
  const values: Partial<Record<Param, string>> = {};
  const { filters } = view;
  if (view.selected !== null) values.sel = enc(view.selected);
  for (const param of ["kinds", "fam", "rel", "art"] as const) {
    const list = filters[LIST_PARAMS[param]];
    if (list !== null) values[param] = list.map(enc).join(",");
  }
  if (filters.keepIsolated) values.iso = "1";
  if (view.time.from !== null) values.from = enc(view.time.from);
  if (view.time.to !== null) values.to = enc(view.time.to);
  if (view.focus !== 0) values.focus = String(view.focus);
  if (view.path.from !== null) values.pfrom = enc(view.path.from);
  if (view.path.to !== null) values.pto = enc(view.path.to);
  if (view.selectedEdge !== null) values.edge = enc(view.selectedEdge);
  if (view.camera !== null) {
    const { x, y, ratio, angle } = roundCamera(view.camera);
    values.cam = [x, y, ratio, angle].map(String).join(",");
  }
  const parts = PARAMS.filter((p) => values[p] !== undefined).map((p) => `${p}=${values[p]}`);
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

export interface DecodedView {
  view: ViewState;
  /** One readable note per thing dropped from the link. */
  ignored: string[];
}

/** Long garbage would swamp a notice; the start is enough to recognise it. */
function shown(value: string): string {
  const chars = [...value];
  return chars.length > 40 ? `${chars.slice(0, 40).join("")}…` : value;
}

/** Form-style decoding ("+" is a space, as URLSearchParams reads it); null when malformed. */
function dec(value: string): string | null {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

const isParam = (name: string): name is Param => (PARAMS as readonly string[]).includes(name);

const NOUNS: Record<Param, string> = {
  sel: "actor",
  pfrom: "actor",
  pto: "actor",
  edge: "relation",
  kinds: "kind",
  fam: "family",
  rel: "relation type",
  art: "article",
  iso: "value",
  focus: "value",
  from: "date",
  to: "date",
  cam: "camera",
};

const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * The view a link describes, given the search (`location.search`) and hash
 * (`location.hash`) of the address and the ids of the loaded graph. Never
 * throws: whatever cannot be used is left at its default and noted in
 * `ignored` (an unknown id in a list drops only that id).
 *
 * Parameters may also come from the hash (`#sel=japan`), as hash-routed or
 * mangled links carry them; the query string wins when both name one. A hash
 * that holds no parameters at all is noted as garbage. When every id of a
 * non-empty list is dropped, the filter falls back to "all" rather than
 * showing nothing because of a stale link; an explicitly empty list (`kinds=`)
 * is kept.
 */
export function decodeView(search: string, hash: string, known: KnownIds): DecodedView {
  const ignored: string[] = [];
  const raw = new Map<Param, string>();

  const collect = (text: string, where: string) => {
    for (const piece of text.split("&")) {
      if (piece === "") continue;
      const eq = piece.indexOf("=");
      const rawName = eq < 0 ? piece : piece.slice(0, eq);
      const value = eq < 0 ? "" : piece.slice(eq + 1);
      const name = dec(rawName);
      if (name === null) ignored.push(`malformed percent-encoding in parameter name '${shown(rawName)}'${where}`);
      else if (!isParam(name)) ignored.push(`unknown parameter '${shown(name)}'${where}`);
      else if (raw.has(name)) ignored.push(`repeated parameter '${name}'${where}`);
      else raw.set(name, value);
    }
  };
  collect(search.replace(/^\?/, ""), "");
  const hashText = hash.replace(/^#/, "").replace(/^\/?\??/, "");
  if (hashText !== "") {
    if (hashText.includes("=")) collect(hashText, " in the hash");
    else ignored.push(`garbage in the hash '${shown(hashText)}'`);
  }

  /** The decoded value of a single-valued parameter, or null (noted) when unusable. */
  const scalar = (param: Param, accept: (value: string) => boolean): string | null => {
    const value = raw.get(param);
    if (value === undefined) return null;
    const decoded = dec(value);
    if (decoded === null) ignored.push(`malformed percent-encoding in '${param}'`);
    else if (decoded === "") ignored.push(`empty value in '${param}'`);
    else if (!accept(decoded)) ignored.push(`${invalidOrUnknown(param)} ${NOUNS[param]} '${shown(decoded)}' in ${param}`);
    else return decoded;
    return null;
  };

  const list = (param: keyof typeof LIST_PARAMS, knownSet: ReadonlySet<string>): string[] | null => {
    const value = raw.get(param);
    if (value === undefined) return null;
    if (value === "") return [];
    const kept: string[] = [];
    for (const item of value.split(",")) {
      const decoded = dec(item);
      if (decoded === null) ignored.push(`malformed percent-encoding in '${param}'`);
      else if (decoded === "") ignored.push(`empty item in '${param}'`);
      else if (!knownSet.has(decoded)) ignored.push(`unknown ${NOUNS[param]} '${shown(decoded)}' in ${param}`);
      else if (kept.includes(decoded)) ignored.push(`repeated ${NOUNS[param]} '${shown(decoded)}' in ${param}`);
      else kept.push(decoded);
    }
    if (kept.length > 0) return kept;
    ignored.push(`nothing usable left in '${param}': showing all`);
    return null;
  };

  const isNode = (v: string) => known.nodes.has(v);
  const families = list("fam", new Set([...known.families].filter((f) => (FAMILIES as readonly string[]).includes(f))));
  const focus = scalar("focus", (v) => v === "0" || v === "1" || v === "2");
  const iso = scalar("iso", (v) => v === "0" || v === "1");
  const cam = scalar("cam", (v) => parseCamera(v) !== null);

  const view: ViewState = {
    selected: scalar("sel", isNode),
    selectedEdge: scalar("edge", (v) => known.edges.has(v)),
    filters: {
      kinds: list("kinds", known.kinds),
      families: families as Family[] | null,
      relations: list("rel", known.relations),
      articles: list("art", known.articles),
      keepIsolated: iso === "1",
    },
    time: { from: scalar("from", isPartialDate), to: scalar("to", isPartialDate) },
    focus: focus === null ? 0 : (Number(focus) as 0 | 1 | 2),
    path: { from: scalar("pfrom", isNode), to: scalar("pto", isNode) },
    camera: cam === null ? null : parseCamera(cam),
  };
  return { view, ignored };
}

function invalidOrUnknown(param: Param): string {
  return param === "sel" || param === "pfrom" || param === "pto" || param === "edge" ? "unknown" : "invalid";
}

/** `x,y,ratio,angle` as finite numbers with a positive ratio, rounded as links store them. */
function parseCamera(text: string): Camera | null {
  const parts = text.split(",");
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) return null;
  const [x, y, ratio, angle] = parts.map(Number) as [number, number, number, number];
  if (![x, y, ratio, angle].every(Number.isFinite) || !(ratio > 0)) return null;
  return roundCamera({ x, y, ratio, angle });
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null): boolean => {
  if (a === null || b === null) return a === b;
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((v) => setB.has(v));
};

/**
 * Whether going from `prev` to `next` deserves its own history entry (push),
 * rather than updating the current one (replace). Panning and zooming would
 * otherwise bury the steps a user wants Back to undo, so only a camera change
 * is not worthy. Filter lists compare as sets: ticking in another order is the
 * same view.
 */
export function isHistoryWorthy(prev: ViewState, next: ViewState): boolean {
  const a = prev.filters;
  const b = next.filters;
  return (
    prev.selected !== next.selected ||
    prev.selectedEdge !== next.selectedEdge ||
    prev.focus !== next.focus ||
    prev.time.from !== next.time.from ||
    prev.time.to !== next.time.to ||
    prev.path.from !== next.path.from ||
    prev.path.to !== next.path.to ||
    a.keepIsolated !== b.keepIsolated ||
    !sameList(a.kinds, b.kinds) ||
    !sameList(a.families, b.families) ||
    !sameList(a.relations, b.relations) ||
    !sameList(a.articles, b.articles)
  );
}
