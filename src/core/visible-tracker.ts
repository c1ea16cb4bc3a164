/**
 * The visible set kept up to date as the filters and the time window change.
 *
 * `visibleSubgraph` tests every relation on every change; a tracker tests
 * only the relations a change can affect — those of the families, relations,
 * articles and kinds that were ticked or unticked, and those with evidence
 * dated where the window's bounds moved — and says what came and went. Its
 * sets are in graph order and equal `visibleSubgraph`'s for the same view
 * (tests/unit/visible-tracker.test.ts checks any sequence of changes against
 * it), so what is drawn and exported does not depend on the way a view was
 * reached. The focus is applied afterwards (`applyFocus`): it depends on the
 * selection, not on the filters.
 */
import type Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import { dateSpan } from "../model/dates";
import type { ViewState } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import { actorTest, relationTest } from "./filters";

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** The parts of the view a tracker follows. */
export type TrackedView = Pick<ViewState, "filters" | "time">;

/** The visible sets under a view, and how they differ from the previous call's. */
export interface TrackedVisible {
  /** The same object as the previous call's when nothing came or went. */
  readonly visible: VisibleSets;
  /** Items that became visible or hidden; `null` when everything was recomputed (the first call, a large change). */
  readonly changed: { readonly nodes: readonly string[]; readonly edges: readonly string[] } | null;
}

export interface VisibleTracker {
  update(view: TrackedView): TrackedVisible;
}

/** Past this share of the relations to test again, one pass over all of them is as cheap. */
const FULL_PASS_SHARE = 0.4;

/** Dated items sorted by one end of their span, for the relations a moved bound can affect. */
interface SpanIndex {
  keys: string[];
  edges: Int32Array;
}

function spanIndex(items: { key: string; edge: number }[]): SpanIndex {
  items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { keys: items.map((i) => i.key), edges: Int32Array.from(items, (i) => i.edge) };
}

/** The first position whose key is ≥ `key`. */
function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The relations whose span's `side` lies in [from, to) of the index. */
function inRange(index: SpanIndex, from: string, to: string, into: Set<number>): void {
  for (let i = lowerBound(index.keys, from), end = lowerBound(index.keys, to); i < end; i++) into.add(index.edges[i]!);
}

/** Values of a list filter whose admission differs between two settings (null: every value). */
function toggled<T>(a: readonly T[] | null, b: readonly T[] | null, every: Iterable<T>): T[] {
  if (a === b) return [];
  const inA = a === null ? null : new Set(a);
  const inB = b === null ? null : new Set(b);
  const out: T[] = [];
  for (const value of every) if ((inA === null || inA.has(value)) !== (inB === null || inB.has(value))) out.push(value);
  return out;
}

const sameList = (a: readonly string[] | null, b: readonly string[] | null) =>
  a === b || (a !== null && b !== null && a.length === b.length && a.every((v, i) => v === b[i]));

const bound = (date: string | null, side: "start" | "end"): string | null => (date === null ? null : (dateSpan(date)?.[side] ?? null));

/** A tracker of the visible set of `graph`, which must not change while it is used (positions may). */
export function visibleTracker(graph: KG): VisibleTracker {
  const edgeKeys: string[] = [];
  const nodeKeys: string[] = [];
  const nodeIndex = new Map<string, number>();
  graph.forEachNode((node) => {
    nodeIndex.set(node, nodeKeys.length);
    nodeKeys.push(node);
  });
  const source = new Int32Array(graph.size);
  const target = new Int32Array(graph.size);
  const byValue = { families: new Map<string, number[]>(), relations: new Map<string, number[]>(), articles: new Map<string, number[]>() };
  const push = (map: Map<string, number[]>, key: string, edge: number) => {
    const list = map.get(key);
    if (list) {
      if (list[list.length - 1] !== edge) list.push(edge);
    } else map.set(key, [edge]);
  };
  const starts: { key: string; edge: number }[] = [];
  const ends: { key: string; edge: number }[] = [];
  // Relations that an open window keeps and any bounded one tests differently: an unreadable date, no evidence.
  const undated: number[] = [];
  const unevidenced: number[] = [];
  graph.forEachEdge((edge, attrs, s, t) => {
    const i = edgeKeys.length;
    edgeKeys.push(edge);
    source[i] = nodeIndex.get(s)!;
    target[i] = nodeIndex.get(t)!;
    push(byValue.families, attrs.family, i);
    push(byValue.relations, attrs.relation, i);
    const dates = attrs.evidence.length === 0 ? (typeof attrs.date === "string" ? [attrs.date] : []) : attrs.evidence.map((e) => e.date);
    if (attrs.evidence.length === 0) unevidenced.push(i);
    for (const e of attrs.evidence) push(byValue.articles, e.article, i);
    for (const date of dates) {
      const span = dateSpan(date);
      if (!span) undated.push(i);
      else {
        starts.push({ key: span.start, edge: i });
        ends.push({ key: span.end, edge: i });
      }
    }
  });
  const byStart = spanIndex(starts);
  const byEnd = spanIndex(ends);

  const edgeOn = new Uint8Array(edgeKeys.length);
  const nodeOn = new Uint8Array(nodeKeys.length);
  const degree = new Int32Array(nodeKeys.length);
  let last: TrackedView | null = null;
  let sets: VisibleSets = { nodes: new Set(), edges: new Set() };
  const edgeIndex = new Map<string, number>(edgeKeys.map((key, i) => [key, i]));

  /** The relations whose visibility may differ between `a` and `b`, or null for all of them. */
  const candidates = (a: TrackedView, b: TrackedView): Set<number> | null => {
    const out = new Set<number>();
    const fa = a.filters;
    const fb = b.filters;
    // Words matched in the quotes can change any relation's evidence.
    if (fa.quote !== fb.quote) return null;
    for (const filter of ["families", "relations", "articles"] as const) {
      const map = byValue[filter];
      for (const value of toggled<string>(fa[filter], fb[filter], map.keys())) for (const e of map.get(value)!) out.add(e);
    }
    // An article filter set or lifted changes what relations without evidence may show.
    if ((fa.articles === null) !== (fb.articles === null)) for (const e of unevidenced) out.add(e);
    if (!sameList(fa.kinds, fb.kinds)) {
      const kinds = new Set<string>();
      graph.forEachNode((_, attrs) => void kinds.add(attrs.kind));
      const changed = new Set(toggled<string>(fa.kinds, fb.kinds, kinds));
      if (changed.size > 0)
        graph.forEachNode((node, attrs) => {
          if (changed.has(attrs.kind)) graph.forEachEdge(node, (edge) => void out.add(edgeIndex.get(edge)!));
        });
    }
    if (a.time.from !== b.time.from || a.time.to !== b.time.to) {
      const [s0, s1] = [bound(a.time.from, "start"), bound(b.time.from, "start")];
      const [e0, e1] = [bound(a.time.to, "end"), bound(b.time.to, "end")];
      // A span passes while its end is ≥ the window's start and its start ≤ the window's end: only spans
      // with an end between the two starts, or a start between the two ends, can change.
      if (s0 !== s1) {
        const [lo, hi] = [s0 ?? "", s1 ?? ""].sort();
        inRange(byEnd, lo!, hi!, out);
      }
      if (e0 !== e1) {
        const [lo, hi] = [e0 ?? "\uffff", e1 ?? "\uffff"].sort();
        // (lo, hi]: starts after the lower end, up to the higher one.
        inRange(byStart, lo! + "\u0000", hi! + "\u0000", out);
      }
      // Opening or closing the window changes what unreadable dates, and relations with neither evidence nor date, may show.
      if ((s0 === null && e0 === null) !== (s1 === null && e1 === null)) for (const e of [...undated, ...unevidenced]) out.add(e);
    }
    return out.size > edgeKeys.length * FULL_PASS_SHARE ? null : out;
  };

  const build = () => {
    const nodes = new Set<string>();
    const edges = new Set<string>();
    for (let i = 0; i < nodeKeys.length; i++) if (nodeOn[i]) nodes.add(nodeKeys[i]!);
    for (let i = 0; i < edgeKeys.length; i++) if (edgeOn[i]) edges.add(edgeKeys[i]!);
    return { nodes, edges };
  };

  return {
    update(view) {
      const passes = relationTest(graph, { ...view, focus: 0, selected: null });
      const kept = actorTest({ ...view, focus: 0, selected: null });
      const attrsOf = (i: number) => graph.getEdgeAttributes(edgeKeys[i]!);
      const nodeAttrs = (i: number) => graph.getNodeAttributes(nodeKeys[i]!);
      const test = last === null ? null : candidates(last, view);
      const isolatedChanged =
        last === null || last.filters.keepIsolated !== view.filters.keepIsolated || !sameList(last.filters.kinds, view.filters.kinds);
      last = view;

      if (test === null) {
        degree.fill(0);
        for (let i = 0; i < edgeKeys.length; i++) {
          const on = passes(attrsOf(i), nodeAttrs(source[i]!), nodeAttrs(target[i]!));
          edgeOn[i] = on ? 1 : 0;
          if (on) {
            degree[source[i]!]!++;
            degree[target[i]!]!++;
          }
        }
        for (let i = 0; i < nodeKeys.length; i++) nodeOn[i] = degree[i]! > 0 || kept(nodeAttrs(i)) ? 1 : 0;
        sets = build();
        return { visible: sets, changed: null };
      }

      const changedEdges: string[] = [];
      const touchedNodes = new Set<number>();
      for (const i of test) {
        const on = passes(attrsOf(i), nodeAttrs(source[i]!), nodeAttrs(target[i]!)) ? 1 : 0;
        if (on === edgeOn[i]) continue;
        edgeOn[i] = on;
        changedEdges.push(edgeKeys[i]!);
        const step = on ? 1 : -1;
        degree[source[i]!]! += step;
        degree[target[i]!]! += step;
        touchedNodes.add(source[i]!);
        touchedNodes.add(target[i]!);
      }
      const changedNodes: string[] = [];
      const settle = (i: number) => {
        const on = degree[i]! > 0 || kept(nodeAttrs(i)) ? 1 : 0;
        if (on === nodeOn[i]) return;
        nodeOn[i] = on;
        changedNodes.push(nodeKeys[i]!);
      };
      if (isolatedChanged) for (let i = 0; i < nodeKeys.length; i++) settle(i);
      else for (const i of touchedNodes) settle(i);
      if (changedEdges.length === 0 && changedNodes.length === 0) return { visible: sets, changed: { nodes: [], edges: [] } };
      sets = build();
      return { visible: sets, changed: { nodes: changedNodes, edges: changedEdges } };
    },
  };
}
