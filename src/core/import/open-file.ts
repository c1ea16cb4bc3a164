/**
 * Opening a graph file the user picked: a snapshot, a graphology JSON export
 * (public/graph.json is one) or GEXF from Gephi and other tools.
 *
 * Whatever comes in leaves as one kind of graph: a directed multigraph whose
 * attributes follow src/graph-file.ts, with defaults filled in for what a
 * foreign file lacks. Every default that changed something is reported in
 * `notes` (counted, not listed per actor), and a file that cannot be used gets
 * one sentence saying what is wrong with it. It never throws.
 *
 * Defaults for foreign files: label = the node's key (GEXF only; our JSON
 * formats require labels), kind "other", aliases [], description "",
 * size 5, colour absent (the app colours by kind), community 0 or Gephi's
 * `modularity_class`; relation "related" / label "related to" (or the edge's
 * label and its slug), family "neutral", directed from the GEXF edge type,
 * evidence [], weight = evidence count or 1. Degrees are always recomputed.
 * Missing positions get a spiral and `needsLayout: true`.
 *
 * Dates: a valid `date` is kept as it is. Without one, an edge's date is the
 * earliest date of its evidence, as the build computes it; with no evidence
 * either, the edge is undated and has no `date` at all (never ""), which is why
 * OpenedEdgeAttributes makes it optional. Such edges fail graphFileSchema,
 * the only way the returned graph can; our own files never produce them.
 */
import { MultiDirectedGraph } from "graphology";
import {
  FAMILIES,
  type ArticleMeta,
  type EdgeAttributes,
  type Evidence,
  type Family,
  type GraphAttributes,
  type NodeAttributes,
  type RelationDef,
} from "../../model/graph-file";
import type { ViewState } from "../../model/view-state";
import { isPartialDate } from "../../model/dates";
import { slugify } from "../../model/text";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION } from "../export/snapshot";
import { fromGexf, GexfError } from "./gexf";
import { readView } from "../../model/view-state";

export type OpenedNodeAttributes = NodeAttributes & { highlighted?: boolean };
export type OpenedEdgeAttributes = Omit<EdgeAttributes, "date"> & {
  /** Absent when nothing dates the relation (foreign files only). */
  date?: string;
  highlighted?: boolean;
};
export type OpenedGraph = MultiDirectedGraph<OpenedNodeAttributes, OpenedEdgeAttributes, GraphAttributes>;

export type OpenedKind = "snapshot" | "gexf" | "graphology";

export type OpenResult =
  | {
      ok: true;
      kind: OpenedKind;
      graph: OpenedGraph;
      /** The saved view, for snapshots. */
      view?: ViewState;
      /** Some node had no position: the app should lay the graph out. */
      needsLayout: boolean;
      /** What was filled in or dropped, one sentence each. */
      notes: string[];
    }
  | { ok: false; error: string };

export interface OpenOptions {
  maxBytes: number;
}

export const DEFAULT_NODE_SIZE = 5;
export const DEFAULT_KIND = "other";
export const DEFAULT_RELATION = { id: "related", label: "related to" } as const;

/** Thrown inside this module for a file that cannot be used; the message is the user's error. */
class OpenError extends Error {}

// ─── sizes ────────────────────────────────────────────────────────────────

/** UTF-8 length without encoding the whole text into a buffer. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function megabytes(bytes: number, round: (v: number) => number): string {
  if (bytes < 1e6) return `${round(bytes / 1e3)} kB`;
  const mb = bytes / 1e6;
  return `${mb < 100 ? round(mb * 10) / 10 : round(mb)} MB`;
}

/**
 * The error for a file over the limit, or null. Exported so the app can check
 * `File.size` before reading a huge file into memory.
 */
export function checkFileSize(bytes: number, maxBytes: number): string | null {
  if (bytes <= maxBytes) return null;
  // Rounded up and down so a file just over the limit never reads as equal to it.
  return `The file is ${megabytes(bytes, Math.ceil)}; the limit is ${megabytes(maxBytes, Math.floor)}.`;
}

// ─── JSON ─────────────────────────────────────────────────────────────────

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDigit = (s: string, i: number) => i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39;

/**
 * End of the number or literal starting at `i`, or -(position of the error) - 1,
 * the position being the first character that cannot continue the token, as
 * V8 reports it (the text's length when the token is cut off).
 */
function scanToken(s: string, i: number): number {
  for (const word of ["true", "false", "null"]) {
    if (s[i] !== word[0]) continue;
    let k = 0;
    while (k < word.length && s[i + k] === word[k]) k++;
    return k === word.length ? i + k : -(i + k) - 1;
  }
  let j = i;
  if (s[j] === "-") j++;
  if (!isDigit(s, j)) return -j - 1;
  if (s[j] === "0") j++;
  else while (isDigit(s, j)) j++;
  if (s[j] === ".") {
    j++;
    if (!isDigit(s, j)) return -j - 1;
    while (isDigit(s, j)) j++;
  }
  if (s[j] === "e" || s[j] === "E") {
    j++;
    if (s[j] === "+" || s[j] === "-") j++;
    if (!isDigit(s, j)) return -j - 1;
    while (isDigit(s, j)) j++;
  }
  return j;
}

/** End of the string starting at `i` (after its closing quote), or -(position of the error) - 1. */
function scanString(s: string, i: number): number {
  for (let j = i + 1; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 0x22) return j + 1;
    if (c < 0x20) return -j - 1;
    if (c === 0x5c) {
      const e = s[j + 1];
      if (e === undefined) return -s.length - 1;
      // Positions as V8 gives them: the offending character after the backslash.
      if (e === "u") {
        const hex = s.slice(j + 2, j + 6);
        const bad = hex.search(/[^0-9a-fA-F]/);
        if (bad !== -1) return -(j + 2 + bad) - 1;
        if (hex.length < 4) return -s.length - 1;
        j += 5;
      } else if ('"\\/bfnrt'.includes(e)) j++;
      else return -(j + 1) - 1;
    }
  }
  return -s.length - 1;
}

/**
 * Where JSON text first goes wrong, found by a small validating scanner:
 * engines report syntax errors in different words, some without a position.
 * `at === text.length` means the text ended early. Null if the scanner finds
 * nothing wrong. Iterative, so deep nesting cannot exhaust the stack.
 */
function jsonProblem(s: string): number | null {
  const n = s.length;
  const stack: string[] = [];
  // value | value-or-] | key-or-} | key | colon | after a value
  let state: "value" | "first" | "firstKey" | "key" | "colon" | "after" = "value";
  let i = 0;
  for (;;) {
    while (i < n && isSpace(s.charCodeAt(i))) i++;
    if (i >= n) return state === "after" && stack.length === 0 ? null : n;
    const c = s[i]!;
    if (state === "value" || state === "first") {
      if (state === "first" && c === "]") {
        stack.pop();
        i++;
        state = "after";
      } else if (c === "{" || c === "[") {
        stack.push(c);
        i++;
        state = c === "{" ? "firstKey" : "first";
      } else if (c === '"') {
        const end = scanString(s, i);
        if (end < 0) return -end - 1;
        i = end;
        state = "after";
      } else {
        const end = scanToken(s, i);
        if (end < 0) return -end - 1;
        i = end;
        state = "after";
      }
    } else if (state === "firstKey" || state === "key") {
      if (state === "firstKey" && c === "}") {
        stack.pop();
        i++;
        state = "after";
      } else if (c === '"') {
        const end = scanString(s, i);
        if (end < 0) return -end - 1;
        i = end;
        state = "colon";
      } else return i;
    } else if (state === "colon") {
      if (c !== ":") return i;
      i++;
      state = "value";
    } else {
      const top = stack[stack.length - 1];
      if (top === undefined) return i;
      if (c === ",") {
        i++;
        state = top === "[" ? "value" : "key";
      } else if (c === (top === "[" ? "]" : "}")) {
        stack.pop();
        i++;
      } else return i;
    }
  }
}

function lineAndColumn(text: string, position: number): string {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < position; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return `line ${line}, column ${position - start + 1}`;
}

function jsonSyntaxError(text: string, error: unknown, offset: number): string {
  const at = jsonProblem(text);
  if (at === null) {
    // Valid to the scanner, refused by the engine: e.g. nesting deeper than its stack.
    const reason = error instanceof Error ? error.message : String(error);
    return `The JSON could not be read: ${reason.split("\n")[0]!.replace(/\.$/, "")}.`;
  }
  if (at >= text.length) return `The JSON is truncated at position ${text.trimEnd().length + offset}: the file ends before the data does.`;
  return `The JSON is malformed at ${lineAndColumn(text, at)} (position ${at + offset}).`;
}

// ─── raw graph: the file's structure, checked, before defaults ─────────────

type Bag = Record<string, unknown>;

interface RawGraph {
  attributes: Bag;
  allowSelfLoops: boolean;
  nodes: { key: string; attributes: Bag }[];
  edges: { key: string | null; source: string; target: string; attributes: Bag; undirected: boolean }[];
}

const isObject = (v: unknown): v is Bag => typeof v === "object" && v !== null && !Array.isArray(v);
const isKey = (v: unknown): v is string | number => (typeof v === "string" && v !== "") || (typeof v === "number" && Number.isFinite(v));
/** A key for a message: shortened, and kept on one line. */
const quote = (s: string) => `'${(s.length > 60 ? s.slice(0, 57) + "…" : s).replace(/[\u0000-\u001f]/g, " ")}'`;

/** A copy without `__proto__`, so a hostile file cannot reach an object's prototype. */
function plain(bag: Bag): Bag {
  const out: Bag = {};
  for (const k of Object.keys(bag)) if (k !== "__proto__") out[k] = bag[k];
  return out;
}

function rawFromJson(data: Bag, notes: string[]): RawGraph {
  if (!Array.isArray(data.nodes)) {
    throw new OpenError('The JSON is not a graph: it has no "nodes" list.');
  }
  if ("edges" in data && !Array.isArray(data.edges)) throw new OpenError('The JSON\'s "edges" member is not a list.');
  if ("attributes" in data && data.attributes !== undefined && !isObject(data.attributes)) {
    notes.push("The graph's attributes were not an object and were ignored.");
  }
  const options = isObject(data.options) ? data.options : {};

  const nodes: RawGraph["nodes"] = [];
  const seen = new Set<string>();
  data.nodes.forEach((entry: unknown, i: number) => {
    if (!isObject(entry)) throw new OpenError(`Node number ${i + 1} is not an object.`);
    if (!isKey(entry.key)) throw new OpenError(`Node number ${i + 1} has no key.`);
    const key = String(entry.key);
    if (seen.has(key)) throw new OpenError(`Node ${quote(key)} appears twice.`);
    seen.add(key);
    if (entry.attributes !== undefined && !isObject(entry.attributes)) {
      throw new OpenError(`Node ${quote(key)} has attributes that are not an object.`);
    }
    nodes.push({ key, attributes: plain(entry.attributes ?? {}) });
  });

  const edges: RawGraph["edges"] = [];
  const edgeKeys = new Set<string>();
  ((data.edges as unknown[] | undefined) ?? []).forEach((entry, i) => {
    if (!isObject(entry)) throw new OpenError(`Edge number ${i + 1} is not an object.`);
    const key = isKey(entry.key) ? String(entry.key) : null;
    const name = key !== null ? `Edge ${quote(key)}` : `Edge number ${i + 1}`;
    if (key !== null) {
      if (edgeKeys.has(key)) throw new OpenError(`${name} appears twice.`);
      edgeKeys.add(key);
    }
    for (const end of ["source", "target"] as const) {
      if (!isKey(entry[end])) throw new OpenError(`${name} has no ${end}.`);
      if (!seen.has(String(entry[end]))) throw new OpenError(`${name} refers to missing node ${quote(String(entry[end]))}.`);
    }
    if (entry.attributes !== undefined && !isObject(entry.attributes)) {
      throw new OpenError(`${name} has attributes that are not an object.`);
    }
    edges.push({
      key,
      source: String(entry.source),
      target: String(entry.target),
      attributes: plain(entry.attributes ?? {}),
      undirected: entry.undirected === true,
    });
  });

  return {
    attributes: isObject(data.attributes) ? plain(data.attributes) : {},
    allowSelfLoops: options.allowSelfLoops !== false,
    nodes,
    edges,
  };
}

function rawFromGexf(text: string): RawGraph {
  const parsed = fromGexf(text);
  const exported = parsed.export();
  const attributes = plain(exported.attributes ?? {});
  // GEXF has no graph name; toGexf writes it as the description.
  const description = typeof attributes.description === "string" ? attributes.description.trim() : "";
  return {
    attributes: description && description.length <= 120 ? { name: description } : {},
    allowSelfLoops: true,
    nodes: exported.nodes.map((n) => ({ key: n.key, attributes: plain(n.attributes ?? {}) })),
    edges: exported.edges.map((e) => ({
      key: e.key ?? null,
      source: e.source,
      target: e.target,
      attributes: plain(e.attributes ?? {}),
      undirected: e.undirected === true,
    })),
  };
}

// ─── defaults ─────────────────────────────────────────────────────────────

/** Counts of one kind of repair, reported once: "3 actors had no kind; …". */
class Tally {
  private readonly counts = new Map<string, number>();
  add(template: string, n = 1): void {
    this.counts.set(template, (this.counts.get(template) ?? 0) + n);
  }
  sentences(): string[] {
    return [...this.counts].map(([template, n]) =>
      template
        .replace("{n}", String(n))
        .replace(/\{s\}/g, n === 1 ? "" : "s")
        .replace(/\{(\w*)\|(\w*)\}/g, (_, one: string, many: string) => (n === 1 ? one : many)),
    );
  }
}

const nonEmpty = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isDate = isPartialDate;
const isFamily = (v: unknown): v is Family => (FAMILIES as readonly unknown[]).includes(v);
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function readArticles(value: unknown, tally: Tally): ArticleMeta[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    tally.add("The graph's article list was not a list and was ignored.");
    return [];
  }
  const out: ArticleMeta[] = [];
  const ids = new Set<string>();
  for (const a of value) {
    if (!isObject(a) || !nonEmpty(a.id) || !isDate(a.date) || ids.has(a.id)) {
      tally.add("{n} article{s} without an id or a valid date {was|were} left out.");
      continue;
    }
    ids.add(a.id);
    out.push({
      id: a.id,
      title: typeof a.title === "string" ? a.title : a.id,
      publisher: typeof a.publisher === "string" ? a.publisher : "",
      ...(typeof a.author === "string" && { author: a.author }),
      date: a.date,
      ...(typeof a.dateNote === "string" && { dateNote: a.dateNote }),
      ...(typeof a.copyright === "string" && { copyright: a.copyright }),
      body: typeof a.body === "string" ? a.body : "",
    });
  }
  return out;
}

function readVocabulary(value: unknown, tally: Tally): Map<string, RelationDef> {
  const out = new Map<string, RelationDef>();
  if (value === undefined) return out;
  if (!Array.isArray(value)) {
    tally.add("The graph's relation vocabulary was not a list and was ignored.");
    return out;
  }
  for (const r of value) {
    if (!isObject(r) || !nonEmpty(r.id) || !nonEmpty(r.label) || !isFamily(r.family) || typeof r.directed !== "boolean") {
      tally.add("{n} vocabulary entr{y|ies} without id, label, family or direction {was|were} left out.");
      continue;
    }
    if (!out.has(r.id)) out.set(r.id, { id: r.id, label: r.label, family: r.family, directed: r.directed });
  }
  return out;
}

function readEvidence(value: unknown, tally: Tally): Evidence[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    tally.add("{n} relation{s} had evidence that was not a list; it was ignored.");
    return [];
  }
  const out: Evidence[] = [];
  for (const e of value) {
    if (!isObject(e) || !nonEmpty(e.article) || !nonEmpty(e.quote) || !isDate(e.date)) {
      tally.add("{n} evidence entr{y|ies} without article, quote or valid date {was|were} left out.");
      continue;
    }
    out.push({ ...plain(e), article: e.article, quote: e.quote, date: e.date });
  }
  return out;
}

function normalizeNode(key: string, raw: Bag, requireLabel: boolean, tally: Tally): Bag {
  const out: Bag = { ...raw };
  if (nonEmpty(raw.label) || finite(raw.label)) out.label = String(raw.label);
  else if (requireLabel) throw new OpenError(`Node ${quote(key)} has no label.`);
  else {
    out.label = key;
    tally.add("{n} actor{s} had no label; the id is shown instead.");
  }
  if (!nonEmpty(raw.kind)) {
    out.kind = DEFAULT_KIND;
    tally.add(`{n} actor{s} had no kind and {is|are} shown as "${DEFAULT_KIND}".`);
  }
  if (Array.isArray(raw.aliases)) out.aliases = raw.aliases.filter((a): a is string => typeof a === "string");
  else out.aliases = nonEmpty(raw.aliases) ? [raw.aliases] : [];
  if (typeof raw.description !== "string") out.description = "";
  for (const name of ["role", "affiliation"] as const) if (!nonEmpty(raw[name])) delete out[name];
  if (!finite(raw.size) || raw.size <= 0) {
    out.size = DEFAULT_NODE_SIZE;
    tally.add(`{n} actor{s} had no size; set to ${DEFAULT_NODE_SIZE}.`);
  }
  if (!nonEmpty(raw.color)) delete out.color;
  // Gephi stores its communities as modularity_class.
  out.community = isCount(raw.community) ? raw.community : isCount(raw.modularity_class) ? raw.modularity_class : 0;
  if (raw.highlighted !== true) delete out.highlighted;
  return out;
}

/** `declared` is the file's own vocabulary, not one built from earlier edges: those are defaults too. */
function normalizeEdge(raw: Bag, undirected: boolean, declared: Map<string, RelationDef>, tally: Tally): Bag {
  const out: Bag = { ...raw };
  const relation = nonEmpty(raw.relation)
    ? raw.relation
    : nonEmpty(raw.label)
      ? slugify(raw.label) || DEFAULT_RELATION.id
      : DEFAULT_RELATION.id;
  const known = declared.get(relation);
  out.relation = relation;
  out.label = nonEmpty(raw.label) ? raw.label : (known?.label ?? (relation === DEFAULT_RELATION.id ? DEFAULT_RELATION.label : relation));
  if (!isFamily(raw.family)) {
    out.family = known?.family ?? "neutral";
    if (!known) tally.add('{n} relation{s} had no family and {is|are} counted as "neutral".');
  }
  out.directed = typeof raw.directed === "boolean" ? raw.directed : (known?.directed ?? !undirected);
  const evidence = readEvidence(raw.evidence, tally);
  out.evidence = evidence;
  const dates = evidence.map((e) => e.date).sort();
  if (!isDate(raw.date)) {
    if (dates.length > 0) out.date = dates[0];
    else {
      delete out.date;
      tally.add("{n} relation{s} {has|have} no date.");
    }
  }
  out.weight = finite(raw.weight) && raw.weight > 0 ? raw.weight : Math.max(1, evidence.length);
  if (!nonEmpty(raw.color)) delete out.color;
  if (!finite(raw.size) || raw.size < 0) delete out.size;
  if (raw.highlighted !== true) delete out.highlighted;
  return out;
}

/** Positions for nodes without one: a sunflower spiral, dense but not overlapping. */
function spiral(i: number): { x: number; y: number } {
  const angle = i * Math.PI * (3 - Math.sqrt(5));
  const radius = 20 * Math.sqrt(i + 0.5);
  return { x: Math.round(radius * Math.cos(angle) * 100) / 100, y: Math.round(radius * Math.sin(angle) * 100) / 100 };
}

function fileStem(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, "").replace(/\.kgsnap$/, "") || "Opened graph";
}

function buildGraph(raw: RawGraph, kind: OpenedKind, fileName: string, notes: string[]): { graph: OpenedGraph; needsLayout: boolean } {
  const tally = new Tally();
  const graph: OpenedGraph = new MultiDirectedGraph({ allowSelfLoops: raw.allowSelfLoops });
  const requireLabels = kind !== "gexf";

  let unplaced = 0;
  raw.nodes.forEach(({ key, attributes }) => {
    const attrs = normalizeNode(key, attributes, requireLabels, tally);
    if (!finite(attrs.x) || !finite(attrs.y)) {
      Object.assign(attrs, spiral(unplaced++));
    }
    graph.addNode(key, attrs as unknown as OpenedNodeAttributes);
  });
  if (unplaced > 0) {
    tally.add(
      unplaced === raw.nodes.length
        ? "The file has no positions; the graph needs a layout."
        : `${unplaced} actor${unplaced === 1 ? "" : "s"} had no position; the graph needs a layout.`,
      0,
    );
  }

  const declared = readVocabulary(raw.attributes.vocabulary, tally);
  const vocabulary = new Map(declared);
  let added = 0;
  for (const { key, source, target, attributes, undirected } of raw.edges) {
    if (source === target && !graph.allowSelfLoops) {
      tally.add("{n} self-loop{s} {was|were} dropped because the graph does not allow them.");
      continue;
    }
    const attrs = normalizeEdge(attributes, undirected, declared, tally);
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
    if (key !== null) graph.addDirectedEdgeWithKey(key, source, target, typed);
    else graph.addDirectedEdge(source, target, typed);
  }
  if (declared.size > 0 && added > 0)
    tally.add(
      `${added} relation type${added === 1 ? " was" : "s were"} missing from the vocabulary and ${added === 1 ? "was" : "were"} added.`,
      0,
    );

  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { degree: graph.degree(node), inDegree: graph.inDegree(node), outDegree: graph.outDegree(node) });
  });

  const articles = readArticles(raw.attributes.articles, tally);
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
  });
  // Said only of our formats: a GEXF never carries articles, and its notes would say so on every open.
  if (uncited.size > 0 && kind !== "gexf") {
    tally.add(`Evidence cites ${uncited.size} article${uncited.size === 1 ? "" : "s"} that the file does not include.`, 0);
  }
  const given = raw.attributes.dateRange;
  const dateRange =
    isObject(given) && isDate(given.from) && isDate(given.to) && given.from <= given.to
      ? { from: given.from, to: given.to }
      : first !== null && last !== null
        ? { from: first as string, to: last as string }
        : null;

  graph.replaceAttributes({
    ...raw.attributes,
    name: nonEmpty(raw.attributes.name) ? raw.attributes.name : fileStem(fileName),
    articles,
    vocabulary: [...vocabulary.values()],
    dateRange,
  });
  notes.push(...tally.sentences());
  return { graph, needsLayout: unplaced > 0 };
}

// ─── entry point ──────────────────────────────────────────────────────────

function openText(name: string, text: string, options: OpenOptions): OpenResult {
  const tooBig = checkFileSize(utf8Length(text), options.maxBytes);
  if (tooBig) return { ok: false, error: tooBig };

  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = offset ? text.slice(1) : text;
  const start = body.search(/\S/);
  const first = start === -1 ? "" : body[start];
  if (first === "") return { ok: false, error: "The file is empty." };
  const notes: string[] = [];

  if (first === "<") {
    let raw: RawGraph;
    try {
      raw = rawFromGexf(body);
    } catch (error) {
      if (error instanceof GexfError) return { ok: false, error: error.message };
      throw error;
    }
    const { graph, needsLayout } = buildGraph(raw, "gexf", name, notes);
    return { ok: true, kind: "gexf", graph, needsLayout, notes };
  }

  if (first !== "{" && first !== "[") return { ok: false, error: "The file is not JSON, GEXF or a snapshot." };

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: jsonSyntaxError(body, error, offset) };
  }
  if (!isObject(data)) return { ok: false, error: 'The JSON is not a graph: it is a list, not an object with "nodes".' };

  if (data.format === SNAPSHOT_FORMAT) {
    const version = data.version;
    if (!Number.isInteger(version) || (version as number) < 1) return { ok: false, error: "The snapshot has no valid version number." };
    if ((version as number) > SNAPSHOT_VERSION) {
      return { ok: false, error: `The snapshot is version ${String(version)}, newer than this app reads (version ${SNAPSHOT_VERSION}).` };
    }
    if (!isObject(data.graph)) return { ok: false, error: "The snapshot has no graph." };
    const { graph, needsLayout } = buildGraph(rawFromJson(data.graph, notes), "snapshot", name, notes);
    const view = readView(data.view, graph, notes);
    return { ok: true, kind: "snapshot", graph, view, needsLayout, notes };
  }
  if (typeof data.format === "string" && !Array.isArray(data.nodes)) {
    return { ok: false, error: `The JSON is a ${quote(data.format)} file, not a graph or a snapshot.` };
  }
  const { graph, needsLayout } = buildGraph(rawFromJson(data, notes), "graphology", name, notes);
  return { ok: true, kind: "graphology", graph, needsLayout, notes };
}

/**
 * Detects the format (by content, not by name), checks the file and builds
 * the graph. `name` is only used for the graph's name when the file has none.
 */
export function openGraphFile(name: string, text: string, options: OpenOptions): OpenResult {
  try {
    return openText(name, text, options);
  } catch (error) {
    if (error instanceof OpenError) return { ok: false, error: error.message };
    // Anything else is a bug or a pathological file (e.g. nesting deep enough to exhaust the stack).
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `The file could not be read: ${reason.replace(/\.$/, "")}.` };
  }
}
