/**
 * The view: everything that defines what a user sees and that a link can
 * share (selection, filters, time window, focus, path, camera). The rest of the
 * app state (hover, open dialogs, the loaded graph) is transient and lives in
 * src/state.
 *
 * This module is also the one place that says what a valid view is: a link
 * (core/url-state.ts), a snapshot and an opened file are all read with the
 * rules below, so none of them can bring a view the others would refuse.
 */
import { isPartialDate } from "./dates";
import { FAMILIES, type Family } from "./graph-file";

export interface Filters {
  /** Actor kinds to show; null shows every kind. */
  kinds: string[] | null;
  /** Relation families to show; null shows every family. */
  families: Family[] | null;
  /** Relation (vocabulary) ids to show; null shows every relation. */
  relations: string[] | null;
  /** Article ids whose evidence counts; null counts every article. */
  articles: string[] | null;
  /** Keep actors that have no visible relation. */
  keepIsolated: boolean;
  /**
   * Words a quote must contain for its relation to show (src/core/evidence-search.ts
   * says how words match); null shows every relation.
   */
  quote: string | null;
}

/** Inclusive bounds as partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); null is open-ended. */
export interface TimeWindow {
  from: string | null;
  to: string | null;
}

export interface Camera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface ViewState {
  /** Selected actor (node key). */
  selected: string | null;
  /** Selected relation (edge key), whose evidence the panel shows. */
  selectedEdge: string | null;
  filters: Filters;
  time: TimeWindow;
  /** Ego network of the selected actor at this depth; 0 shows the whole graph. */
  focus: 0 | 1 | 2;
  /** Endpoints of the shortest path to show. */
  path: { from: string | null; to: string | null };
  /** null: fit the graph to the screen. */
  camera: Camera | null;
  /** How the graph is drawn: part of the view, so a link or a snapshot shows the same picture. */
  appearance: Appearance;
  /** Two periods compared on one layout (relations only in A, only in B, in both); null: no comparison. */
  compare: Comparison | null;
}

/**
 * Period A and period B, each a window like the time bar's (inclusive,
 * partial bounds, null open-ended): "before / after 2017" is A up to 2016 and
 * B from 2017. The time window still applies, and clips both.
 */
export interface Comparison {
  a: TimeWindow;
  b: TimeWindow;
}

/** When relation labels are drawn: always (space permitting), only with a highlight, or never. */
export const EDGE_LABEL_MODES = ["hover", "on", "off"] as const;
export type EdgeLabelMode = (typeof EDGE_LABEL_MODES)[number];

/**
 * What an actor's size says: its relations (the size the data gives it: the
 * build sizes by relations), its quotes, betweenness or PageRank in the
 * visible graph (the statistics), or nothing (all one size).
 */
export const SIZE_BY = ["relations", "quotes", "betweenness", "pagerank", "none"] as const;
export type SizeBy = (typeof SIZE_BY)[number];

/** What an actor's colour says: its kind, its community in the visible graph, or the article where it first appears. */
export const COLOR_BY = ["kind", "community", "article"] as const;
export type ColorBy = (typeof COLOR_BY)[number];

/** What a relation's colour says: its family, its relation (vocabulary), or the article of its first quote. */
export const EDGE_COLOR_BY = ["family", "relation", "article"] as const;
export type EdgeColorBy = (typeof EDGE_COLOR_BY)[number];

/** Label text size as a multiple of the usual one. */
export const LABEL_SIZE_LIMITS = { min: 0.5, max: 2 } as const;

export interface Appearance {
  /** Parallel relations between two actors drawn as one bundle until one of the actors is highlighted. */
  bundle: boolean;
  edgeLabels: EdgeLabelMode;
  sizeBy: SizeBy;
  colorBy: ColorBy;
  edgeColorBy: EdgeColorBy;
  /** Multiple of the usual label size, within LABEL_SIZE_LIMITS. */
  labelSize: number;
  /**
   * Share (0 to 1) of the actors that may be labelled when nothing ranks them
   * higher (the focus, a path, a highlight): the largest first. 1 labels all
   * that fit.
   */
  labelDensity: number;
}

export const DEFAULT_APPEARANCE: Appearance = {
  bundle: true,
  edgeLabels: "hover",
  sizeBy: "relations",
  colorBy: "kind",
  edgeColorBy: "family",
  labelSize: 1,
  labelDensity: 1,
};

export const DEFAULT_FILTERS: Filters = {
  kinds: null,
  families: null,
  relations: null,
  articles: null,
  keepIsolated: false,
  quote: null,
};

export const DEFAULT_VIEW: ViewState = {
  selected: null,
  selectedEdge: null,
  filters: DEFAULT_FILTERS,
  time: { from: null, to: null },
  focus: 0,
  path: { from: null, to: null },
  camera: null,
  appearance: DEFAULT_APPEARANCE,
  compare: null,
};

// ─── What a valid view is ──────────────────────────────────────────────────

/**
 * The camera a view may ask for. Sigma's camera spans about 1 for the whole
 * graph, so a centre far outside [0, 1] or a zoom outside the renderer's
 * limits would show nothing at all: such a camera is refused (and the graph
 * fitted to the screen) rather than obeyed.
 */
export const CAMERA_LIMITS = { minRatio: 0.03, maxRatio: 8, maxOffset: 10 } as const;

/** Longest id a view may name; anything longer is garbage, not an actor. */
export const MAX_KEY_LENGTH = 1000;

export const isViewKey = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= MAX_KEY_LENGTH;
export const isFocusDepth = (v: unknown): v is 0 | 1 | 2 => v === 0 || v === 1 || v === 2;
export const isDateBound = (v: unknown): v is string => isPartialDate(v);
export const isEdgeLabelMode = (v: unknown): v is EdgeLabelMode =>
  typeof v === "string" && (EDGE_LABEL_MODES as readonly string[]).includes(v);
export const isFamily = (v: unknown): v is Family => typeof v === "string" && (FAMILIES as readonly string[]).includes(v);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): v is T =>
    typeof v === "string" && (values as readonly string[]).includes(v);
export const isSizeBy = oneOf(SIZE_BY);
export const isColorBy = oneOf(COLOR_BY);
export const isEdgeColorBy = oneOf(EDGE_COLOR_BY);
export const isLabelSize = (v: unknown): v is number =>
  typeof v === "number" && Number.isFinite(v) && v >= LABEL_SIZE_LIMITS.min && v <= LABEL_SIZE_LIMITS.max;
export const isLabelDensity = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v >= 0 && v <= 1;

/** Longest evidence query a view may hold: a phrase, not a document. */
export const MAX_QUOTE_QUERY = 200;
/** A quote filter: some text that is not only blanks, and not too long. */
export const isQuoteQuery = (v: unknown): v is string => typeof v === "string" && v.trim() !== "" && v.length <= MAX_QUOTE_QUERY;

const isWindow = (v: unknown): v is TimeWindow => {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const { from = null, to = null } = v as Record<string, unknown>;
  return (from === null || isDateBound(from)) && (to === null || isDateBound(to));
};

/** A window with both bounds present (a bound left out is open). */
const boundsOf = (w: TimeWindow): TimeWindow => ({ from: w.from ?? null, to: w.to ?? null });

/** Two windows; a bound left out is open. */
export function isComparison(v: unknown): v is Comparison {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;
  const { a, b } = v as Record<string, unknown>;
  return isWindow(a) && isWindow(b);
}

export function isCamera(v: unknown): v is Camera {
  if (typeof v !== "object" || v === null) return false;
  const { x, y, ratio, angle } = v as Record<string, unknown>;
  const finite = (n: unknown): n is number => typeof n === "number" && Number.isFinite(n);
  if (!finite(x) || !finite(y) || !finite(ratio) || !finite(angle)) return false;
  const { minRatio, maxRatio, maxOffset } = CAMERA_LIMITS;
  return ratio >= minRatio && ratio <= maxRatio && Math.abs(x - 0.5) <= maxOffset && Math.abs(y - 0.5) <= maxOffset;
}

/** What a view may point at in the graph it opens on. */
export interface ViewTargets {
  hasNode(key: string): boolean;
  hasEdge(key: string): boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const has = (o: Record<string, unknown>, name: string) => Object.hasOwn(o, name);
const isKeyList = (v: unknown): v is string[] | null => v === null || (Array.isArray(v) && v.every(isViewKey));
const isFamilyList = (v: unknown): v is Family[] | null => v === null || (Array.isArray(v) && v.every(isFamily));
const isNullable =
  <T>(check: (v: unknown) => v is T) =>
  (v: unknown): v is T | null =>
    v === null || check(v);

const APPEARANCE_RULES: { [K in keyof Appearance]: (v: unknown) => v is Appearance[K] } = {
  bundle: (v): v is boolean => typeof v === "boolean",
  edgeLabels: isEdgeLabelMode,
  sizeBy: isSizeBy,
  colorBy: isColorBy,
  edgeColorBy: isEdgeColorBy,
  labelSize: isLabelSize,
  labelDensity: isLabelDensity,
};

const FILTER_RULES: { [K in keyof Filters]: (v: unknown) => v is Filters[K] } = {
  kinds: isKeyList,
  families: isFamilyList,
  relations: isKeyList,
  articles: isKeyList,
  keepIsolated: (v): v is boolean => typeof v === "boolean",
  quote: isNullable(isQuoteQuery),
};

/**
 * A saved view (a snapshot's, an opened file's) read leniently: each member
 * that is missing or malformed falls back to its default with a note, and
 * references to actors or relations the graph does not have are cleared. A
 * snapshot whose view is damaged still opens; its graph is the valuable part.
 */
export function readView(value: unknown, targets: ViewTargets, notes: string[]): ViewState {
  if (!isObject(value)) {
    notes.push("The snapshot has no readable view; the default view is used.");
    return DEFAULT_VIEW;
  }
  const saved = value;
  const reset: string[] = [];
  function member<T>(source: Record<string, unknown>, name: string, ok: (v: unknown) => v is T, fallback: T, label = name): T {
    if (!has(source, name)) return fallback;
    if (ok(source[name])) return source[name];
    reset.push(label);
    return fallback;
  }
  /** A member that is itself a record, read field by field against its rules. */
  function group<T extends object>(name: string, rules: { [K in keyof T]: (v: unknown) => v is T[K] }, defaults: T): T {
    const given = saved[name];
    const raw = isObject(given) ? given : {};
    if (has(saved, name) && !isObject(given)) reset.push(name);
    const out = { ...defaults };
    for (const key of Object.keys(rules) as (keyof T & string)[]) out[key] = member(raw, key, rules[key], defaults[key], `${name}.${key}`);
    return out;
  }
  const filters = group("filters", FILTER_RULES, DEFAULT_FILTERS);
  const appearance = group("appearance", APPEARANCE_RULES, DEFAULT_APPEARANCE);
  const pair =
    (check: (v: unknown) => v is string | null) =>
    (v: unknown): v is { from: string | null; to: string | null } =>
      isObject(v) && check(v.from ?? null) && check(v.to ?? null);
  const time = member(value, "time", pair(isNullable(isDateBound)), DEFAULT_VIEW.time);
  const path = member(value, "path", pair(isNullable(isViewKey)), DEFAULT_VIEW.path);
  const view: ViewState = {
    selected: member(value, "selected", isNullable(isViewKey), DEFAULT_VIEW.selected),
    selectedEdge: member(value, "selectedEdge", isNullable(isViewKey), DEFAULT_VIEW.selectedEdge),
    filters,
    time: { from: time.from ?? null, to: time.to ?? null },
    focus: member(value, "focus", isFocusDepth, DEFAULT_VIEW.focus),
    path: { from: path.from ?? null, to: path.to ?? null },
    camera: member(value, "camera", isNullable(isCamera), DEFAULT_VIEW.camera),
    appearance,
    compare: null,
  };
  const compare = member(value, "compare", isNullable(isComparison), DEFAULT_VIEW.compare);
  if (compare) view.compare = { a: boundsOf(compare.a), b: boundsOf(compare.b) };
  if (reset.length > 0)
    notes.push(`The saved view had unreadable ${reset.join(", ")}; ${reset.length === 1 ? "it was" : "they were"} reset.`);

  const missing: string[] = [];
  if (view.selected !== null && !targets.hasNode(view.selected)) {
    missing.push("selected actor");
    view.selected = null;
  }
  if (view.selectedEdge !== null && !targets.hasEdge(view.selectedEdge)) {
    missing.push("selected relation");
    view.selectedEdge = null;
  }
  for (const end of ["from", "to"] as const) {
    const node = view.path[end];
    if (node !== null && !targets.hasNode(node)) {
      missing.push(`path ${end === "from" ? "start" : "end"}`);
      view.path = { ...view.path, [end]: null };
    }
  }
  if (missing.length > 0)
    notes.push(
      `The saved view's ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not in the graph and ${missing.length === 1 ? "was" : "were"} cleared.`,
    );
  return view;
}

// ─── A view written by hand ────────────────────────────────────────────────

/** What is wrong with one member of a hand-written view, and where (member names from the view down). */
export interface ViewIssue {
  path: string[];
  message: string;
}

/** The rule of each top-level member that is not a record read field by field. */
const MEMBER_RULES: { [K in Exclude<keyof ViewState, "filters" | "appearance">]: (v: unknown) => boolean } = {
  selected: isNullable(isViewKey),
  selectedEdge: isNullable(isViewKey),
  time: isWindow,
  focus: isFocusDepth,
  path: (v) => isObject(v) && isNullable(isViewKey)(v.from ?? null) && isNullable(isViewKey)(v.to ?? null),
  camera: isNullable(isCamera),
  compare: isNullable(isComparison),
};

const MEMBER_HINTS: Record<string, string> = {
  selected: "an actor id or null",
  selectedEdge: "a relation id (subject|relation|object) or null",
  time: "{ from, to } with dates (YYYY, YYYY-MM or YYYY-MM-DD) or null",
  focus: "0, 1 or 2",
  path: "{ from, to } with actor ids or null",
  camera: `{ x, y, ratio, angle } with a ratio from ${CAMERA_LIMITS.minRatio} to ${CAMERA_LIMITS.maxRatio}, or null`,
  compare: "{ a: { from, to }, b: { from, to } } with dates or null, or null",
};

/**
 * Every member of a hand-written view (a story step) that the rules above
 * refuse or do not know, with its path: strict where `readView` is lenient,
 * so a curator hears about a misspelt member instead of silently losing it.
 * Members left out are simply the default. References to the graph (does
 * this actor exist?) are the caller's to check.
 */
export function viewIssues(value: unknown): ViewIssue[] {
  if (!isObject(value)) return [{ path: [], message: "a view must be a mapping of view members" }];
  const issues: ViewIssue[] = [];
  const groups: Record<string, Record<string, (v: unknown) => boolean>> = { filters: FILTER_RULES, appearance: APPEARANCE_RULES };
  for (const [name, given] of Object.entries(value)) {
    if (Object.hasOwn(groups, name)) {
      const rules = groups[name]!;
      if (!isObject(given)) {
        issues.push({ path: [name], message: `"${name}" must be a mapping of ${Object.keys(rules).join(", ")}` });
        continue;
      }
      for (const [field, v] of Object.entries(given)) {
        if (!Object.hasOwn(rules, field)) issues.push({ path: [name, field], message: `unknown member "${name}.${field}"` });
        else if (!rules[field]!(v)) issues.push({ path: [name, field], message: `"${name}.${field}" has an invalid value` });
      }
    } else if (!Object.hasOwn(MEMBER_RULES, name)) {
      issues.push({ path: [name], message: `unknown view member "${name}"` });
    } else if (!MEMBER_RULES[name as keyof typeof MEMBER_RULES](given)) {
      issues.push({ path: [name], message: `"${name}" must be ${MEMBER_HINTS[name] ?? "valid"}` });
    }
  }
  return issues;
}
