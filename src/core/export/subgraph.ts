/**
 * The visible part of a graph as a graph of its own: what every exporter
 * writes, so that a file holds exactly what was on screen.
 */
import { MultiDirectedGraph } from "graphology";
import type { AbstractGraph, Attributes } from "graphology-types";
import type { ArticleMeta, GraphAttributes } from "../../model/graph-file";
import type { ViewState } from "../../model/view-state";
import type { VisibleSets } from "../../model/visible";
import { quoteMatches } from "../evidence-search";
import { windowTest } from "../time";

/** How things looked on screen; a function returning undefined keeps the stored attribute. */
export interface SnapshotStyle<N extends Attributes = Attributes, E extends Attributes = Attributes> {
  nodePosition?(node: string, attrs: N): { x: number; y: number } | undefined;
  nodeColor?(node: string, attrs: N): string | undefined;
  nodeSize?(node: string, attrs: N): number | undefined;
  nodeHighlighted?(node: string, attrs: N): boolean;
  edgeColor?(edge: string, attrs: E): string | undefined;
  edgeSize?(edge: string, attrs: E): number | undefined;
  edgeHighlighted?(edge: string, attrs: E): boolean;
}

/** Display attributes a snapshot carries; `highlighted` is present only when true. */
export interface DisplayNodeAttributes {
  x: number;
  y: number;
  size: number;
  color?: string;
  highlighted?: true;
}
export interface DisplayEdgeAttributes {
  color?: string;
  size?: number;
  highlighted?: true;
}

/** The part of the view that decides what a data export holds; written into the file as `exported`. */
export type ExportedView = Pick<ViewState, "time" | "filters" | "focus" | "selected"> & Partial<Pick<ViewState, "compare">>;

export type SnapshotGraph<N extends Attributes = Attributes, E extends Attributes = Attributes> = MultiDirectedGraph<
  N & DisplayNodeAttributes,
  E & DisplayEdgeAttributes,
  GraphAttributes
>;

function cloneEvidence(value: unknown, keep: (e: Record<string, unknown>) => boolean): unknown {
  if (!Array.isArray(value)) return value;
  return value
    .filter((e: unknown) => !(e && typeof e === "object") || keep(e as Record<string, unknown>))
    .map((e: unknown) => (e && typeof e === "object" ? { ...e } : e));
}

/** Which evidence entries the view shows: inside the time window, from an article the filter lets through, matching the quote filter. */
function evidenceTest(view: ExportedView | undefined): (e: Record<string, unknown>) => boolean {
  if (!view) return () => true;
  const inWindow = windowTest(view.time);
  const articles = view.filters.articles === null ? null : new Set(view.filters.articles);
  const query = view.filters.quote ?? null;
  return (e) =>
    (articles === null || (typeof e.article === "string" && articles.has(e.article))) &&
    typeof e.date === "string" &&
    inWindow(e.date) &&
    (query === null || (typeof e.quote === "string" && quoteMatches(e.quote, query)));
}

function citedArticles(value: unknown, into: Set<string>): void {
  if (!Array.isArray(value)) return;
  for (const e of value as { article?: unknown }[]) if (e && typeof e.article === "string") into.add(e.article);
}

/**
 * A copy of the visible nodes and of the visible edges between them, with the
 * display values of `style` written over the stored ones.
 *
 * Degrees are recomputed so that a snapshot is a self-consistent graph (its
 * metrics describe what it contains); sizes are display values and are kept.
 * The graph attributes are copied, but `articles` keeps only the articles
 * that the copied evidence cites, since article bodies dominate file size.
 *
 * Given the `view`, the copy holds what it shows: evidence entries outside
 * its time window or article filter are left out (a visible relation keeps at
 * least one), each relation's date and weight follow the entries kept, the
 * date range is the kept evidence's, and the graph attribute `exported`
 * records the window, filters, focus and selection, so the file says what
 * produced it. Without a view, evidence is copied whole.
 */
export function visibleCopy<N extends Attributes, E extends Attributes>(
  graph: AbstractGraph<N, E, GraphAttributes>,
  visible: VisibleSets,
  style: SnapshotStyle<N, E> = {},
  view?: ExportedView,
): SnapshotGraph<N, E> {
  const keep = evidenceTest(view);
  const copy: SnapshotGraph<N, E> = new MultiDirectedGraph({ allowSelfLoops: graph.allowSelfLoops });

  for (const node of visible.nodes) {
    if (!graph.hasNode(node)) continue;
    const attrs = graph.getNodeAttributes(node);
    const out: Attributes = { ...attrs };
    if (Array.isArray(attrs.aliases)) out.aliases = [...(attrs.aliases as unknown[])];
    const position = style.nodePosition?.(node, attrs);
    if (position) {
      out.x = position.x;
      out.y = position.y;
    }
    const color = style.nodeColor?.(node, attrs);
    if (color !== undefined) out.color = color;
    const size = style.nodeSize?.(node, attrs);
    if (size !== undefined) out.size = size;
    const highlighted = style.nodeHighlighted ? style.nodeHighlighted(node, attrs) : attrs.highlighted === true;
    if (highlighted) out.highlighted = true;
    else delete out.highlighted;
    copy.addNode(node, out as N & DisplayNodeAttributes);
  }

  const cited = new Set<string>();
  for (const edge of visible.edges) {
    if (!graph.hasEdge(edge)) continue;
    const source = graph.source(edge);
    const target = graph.target(edge);
    if (!copy.hasNode(source) || !copy.hasNode(target)) continue;
    const attrs = graph.getEdgeAttributes(edge);
    const out: Attributes = { ...attrs, evidence: cloneEvidence(attrs.evidence, keep) };
    if (out.evidence === undefined) delete out.evidence;
    const before = Array.isArray(attrs.evidence) ? (attrs.evidence as unknown[]).length : 0;
    const kept = Array.isArray(out.evidence) ? (out.evidence as { date?: unknown }[]) : [];
    if (view && before > 0) {
      // A relation the filters show has at least one entry left; one they hide would have none.
      if (kept.length === 0) continue;
      if (kept.length < before) {
        const dates = kept
          .map((e) => e.date)
          .filter((d): d is string => typeof d === "string")
          .sort();
        if (dates.length > 0) out.date = dates[0];
        if (attrs.weight === before) out.weight = kept.length;
      }
    }
    const color = style.edgeColor?.(edge, attrs);
    if (color !== undefined) out.color = color;
    const size = style.edgeSize?.(edge, attrs);
    if (size !== undefined) out.size = size;
    const highlighted = style.edgeHighlighted ? style.edgeHighlighted(edge, attrs) : attrs.highlighted === true;
    if (highlighted) out.highlighted = true;
    else delete out.highlighted;
    citedArticles(out.evidence, cited);
    copy.addDirectedEdgeWithKey(edge, source, target, out as E & DisplayEdgeAttributes);
  }

  copy.forEachNode((node) => {
    copy.mergeNodeAttributes(node, {
      degree: copy.degree(node),
      inDegree: copy.inDegree(node),
      outDegree: copy.outDegree(node),
    } as unknown as Partial<N & DisplayNodeAttributes>);
  });

  // The graph's stories are not what was on screen: their views name what the copy may not hold.
  const { stories: _stories, ...g } = graph.getAttributes();
  const articles: ArticleMeta[] = Array.isArray(g.articles) ? g.articles.filter((a) => cited.has(a.id)).map((a) => ({ ...a })) : [];
  let dateRange = g.dateRange ? { ...g.dateRange } : null;
  if (view) {
    const dates: string[] = [];
    copy.forEachEdge((_, attrs) => {
      const list: unknown = (attrs as Attributes).evidence;
      if (Array.isArray(list)) for (const e of list as { date?: unknown }[]) if (typeof e?.date === "string") dates.push(e.date);
    });
    dates.sort();
    dateRange = dates.length > 0 ? { from: dates[0]!, to: dates[dates.length - 1]! } : null;
  }
  copy.replaceAttributes({
    ...g,
    articles,
    vocabulary: Array.isArray(g.vocabulary) ? g.vocabulary.map((r) => ({ ...r })) : [],
    dateRange,
    ...(view && {
      exported: {
        time: { ...view.time },
        filters: { ...view.filters },
        focus: view.focus,
        selected: view.selected,
        ...(view.compare && { compare: { a: { ...view.compare.a }, b: { ...view.compare.b } } }),
      },
    }),
  });
  return copy;
}
