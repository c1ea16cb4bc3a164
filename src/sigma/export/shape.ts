/**
 * What an export holds, shaped from the renderer and the state: the visible
 * subgraph as data (for the file formats) or as drawn (for the pictures),
 * the legend, the source line and the file name. The writers in core/export
 * turn these into files.
 */
import type Sigma from "sigma";
import { describePeriod, type PeriodComparison } from "../../core/compare";
import type { LegendItem } from "../../core/export/bands";
import { exportFileName } from "../../core/export/filename";
import { visibleCopy } from "../../core/export/subgraph";
import type { Looks } from "../../core/appearance";
import { legendOf } from "../../core/legend";
import { fade, familyColor, SCHEMES, type Scheme } from "../../core/palette";
import { windowTest } from "../../core/time";
import type { TimeWindow, ViewState } from "../../model/view-state";
import type { VisibleSets } from "../../model/visible";
import type { KGGraph } from "../../state/data";
import { nodeColor, type Decoration } from "../decorate";
import { legendOptionsFor, recoloured } from "../node-looks";
import type { LabelLayer } from "../labels";
import { edgeReducer, nodeReducer, type EdgeDisplay, type NodeDisplay, type RenderContext } from "../reducers";

export interface ExportContext {
  sigma: Sigma;
  graph: KGGraph;
  decoration: Decoration;
  visible: VisibleSets;
  view: ViewState;
  corpusName: string;
  /** What the view highlights (selection, path, selected relation), empty when nothing is highlighted. */
  highlight: VisibleSets;
  /** The labels and bundle marks placed on screen in the last frame. */
  layer(): LabelLayer;
  /** The reducers' context in a scheme's colours. */
  contextFor(scheme: Scheme): RenderContext;
  /** The sizes and colours the appearance gives (src/core/appearance.ts). */
  looks: Looks;
  /** Two periods compared, or null: data exports mark each relation and actor with its period. */
  comparison?: PeriodComparison | null;
}

/**
 * The visible subgraph, positioned and sized as on screen, with the
 * highlight as a `highlighted: true` attribute. Colours are the actors' and
 * relations' own, not the dimmed grey of the moment: a file reopened here, or
 * in Gephi, should not keep the rest of the graph greyed out for good.
 *
 * With `appearance`, sizes and colours are those the appearance gives
 * (communities, betweenness…), as a file for another tool should show them;
 * without it (the snapshot, which carries the appearance in its view and is
 * reopened here) they are the data's own.
 */
export function snapshotGraph({ graph, decoration, visible, highlight, view, looks, comparison }: ExportContext, appearance = false) {
  const drawn = appearance ? recoloured(decoration, looks.edgeColors) : decoration;
  const copy = visibleCopy(
    graph,
    visible,
    {
      nodeColor: (node, attrs) => (appearance ? looks.nodeColors?.get(node) : undefined) ?? nodeColor(attrs),
      nodeSize: (node) => (appearance ? looks.nodeSizes?.get(node) : undefined),
      edgeColor: (edge) => drawn.edges.get(edge)?.color,
      edgeSize: (edge) => drawn.edges.get(edge)?.size,
      nodeHighlighted: (node) => highlight.nodes.has(node),
      edgeHighlighted: (edge) => highlight.edges.has(edge),
    },
    // The evidence the view shows, and the view written into the file.
    view,
  );
  // Two periods compared: `comparison` is only-a, only-b or both on every relation and actor written.
  if (comparison) {
    copy.forEachEdge((edge) => {
      const mark = comparison.edges.get(edge);
      if (mark) copy.setEdgeAttribute(edge, "comparison" as never, mark as never);
    });
    copy.forEachNode((node) => {
      const mark = comparison.nodes.get(node);
      if (mark) copy.setNodeAttribute(node, "comparison" as never, mark as never);
    });
  }
  return copy;
}

/**
 * The visible subgraph as a picture draws it, in `rctx`'s colours: only what
 * is drawn (a closed bundle's hidden relations left out), each item with its
 * drawn colour, size, order (`zIndex`), curvature and arrow.
 */
export function drawnGraph(ctx: ExportContext, rctx: RenderContext) {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  const nodeLook = new Map<string, NodeDisplay>();
  const edgeLook = new Map<string, EdgeDisplay>();
  for (const node of ctx.visible.nodes) {
    if (!ctx.graph.hasNode(node)) continue;
    const d = nodeReducer(node, ctx.graph.getNodeAttributes(node), rctx);
    if (d.hidden) continue;
    nodes.add(node);
    nodeLook.set(node, d);
  }
  for (const edge of ctx.visible.edges) {
    if (!ctx.graph.hasEdge(edge)) continue;
    const d = edgeReducer(edge, ctx.graph.getEdgeAttributes(edge), rctx);
    if (d.hidden) continue;
    edges.add(edge);
    edgeLook.set(edge, d);
  }
  const copy = visibleCopy(
    ctx.graph,
    { nodes, edges },
    {
      nodeColor: (node) => nodeLook.get(node)?.color,
      nodeSize: (node) => nodeLook.get(node)?.size,
      nodeHighlighted: (node) => nodeLook.get(node)?.highlighted === true,
      edgeColor: (edge) => edgeLook.get(edge)?.color,
      edgeSize: (edge) => edgeLook.get(edge)?.size,
    },
  );
  copy.forEachEdge((edge) => {
    const d = edgeLook.get(edge)!;
    copy.mergeEdgeAttributes(edge, {
      zIndex: d.zIndex ?? 0,
      curvature: d.curvature ?? 0,
      directed: String(d.type).endsWith("Arrow"),
    } as never);
  });
  return copy;
}

/** The legend of a picture: the kinds and families on screen (or the appearance's groups), in the colours drawn, and what size means. */
export function legendItems(ctx: ExportContext): LegendItem[] {
  const legend = legendOf(
    ctx.graph,
    ctx.visible,
    legendOptionsFor(ctx.looks, ctx.decoration, "relations", (a) => familyColor(String(a.family))),
  );
  return [
    ...legend.kinds.map((k) => ({ label: k.label, colors: k.colors.slice(0, 3), shape: "dot" as const })),
    ...legend.families.map((f) => ({ label: f.label, colors: f.colors.slice(0, 3), shape: "line" as const })),
    ...(ctx.looks.sizeLabel ? [{ label: `Size: ${ctx.looks.sizeLabel}`, colors: [], shape: "dot" as const }] : []),
    ...comparisonLegend(ctx.comparison ?? null),
  ];
}

/** The comparison's entries of a picture's legend: what each mark means, with the periods and the counts. */
function comparisonLegend(comparison: PeriodComparison | null): LegendItem[] {
  if (!comparison) return [];
  const { edges, nodes } = comparison.counts;
  const ink = SCHEMES.light.mutedInk;
  return [
    {
      label: `only in A, ${describePeriod(comparison.a)} (faded, thin): ${edges["only-a"]} relations, ${nodes["only-a"]} actors`,
      colors: [fade(ink, SCHEMES.light.background, 0.62)],
      shape: "line",
    },
    {
      label: `only in B, ${describePeriod(comparison.b)} (thick; actors ringed): ${edges["only-b"]} relations, ${nodes["only-b"]} actors`,
      colors: [ink],
      shape: "line",
    },
    { label: `in both: ${edges.both} relations, ${nodes.both} actors`, colors: [SCHEMES.light.pillLine], shape: "line" },
  ];
}

/** Most articles a source line names before it counts the rest. */
const MAX_CITED = 12;

/**
 * The source lines of a picture: the articles cited by the evidence on
 * screen (inside the time window), with publisher and date where known, and
 * the span of those dates.
 */
export function sourceLines(graph: KGGraph, visible: VisibleSets, time: TimeWindow): string[] {
  const inWindow = windowTest(time);
  const cited = new Set<string>();
  const dates: string[] = [];
  for (const edge of visible.edges) {
    if (!graph.hasEdge(edge)) continue;
    for (const e of graph.getEdgeAttribute(edge, "evidence") ?? []) {
      if (!inWindow(e.date)) continue;
      cited.add(e.article);
      dates.push(e.date);
    }
  }
  const known = (v: string | undefined) => (v && v.toLowerCase() !== "unknown" ? v : null);
  const titles = (graph.getAttribute("articles") ?? [])
    .filter((a) => cited.has(a.id))
    .map((a) => {
      const about = [known(a.publisher), known(a.date)].filter(Boolean).join(", ");
      return about ? `${a.title} (${about})` : a.title;
    });
  dates.sort();
  const shown = titles.length > MAX_CITED ? [...titles.slice(0, MAX_CITED), `and ${titles.length - MAX_CITED} more`] : titles;
  const lines = [`Sources: ${shown.join("; ") || "none"}.`];
  if (dates.length) lines.push(`Evidence dated ${dates[0]} to ${dates[dates.length - 1]}.`);
  return lines;
}

export function fileNameFor(ctx: ExportContext, ext: string): string {
  const { filters, time, focus } = ctx.view;
  const filtered = focus > 0 || Object.entries(filters).some(([k, v]) => k !== "keepIsolated" && v !== null);
  return exportFileName({ corpus: ctx.corpusName, time, filtered, at: new Date(), ext });
}
