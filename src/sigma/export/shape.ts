/**
 * What an export holds, shaped from the renderer and the state: the visible
 * subgraph as data (for the file formats) or as drawn (for the pictures),
 * the legend, the source line and the file name. The writers in core/export
 * turn these into files.
 */
import type Sigma from "sigma";
import { exportFileName } from "../../core/export/filename";
import { visibleCopy } from "../../core/export/subgraph";
import type { SvgLegend } from "../../core/export/svg";
import { FAMILY_COLORS, kindColor } from "../../core/palette";
import { FAMILIES } from "../../model/graph-file";
import type { ViewState } from "../../model/view-state";
import type { VisibleSets } from "../../model/visible";
import type { KGGraph } from "../../state/data";
import { nodeColor, type Decoration } from "../decorate";

export interface ExportContext {
  sigma: Sigma;
  graph: KGGraph;
  decoration: Decoration;
  visible: VisibleSets;
  view: ViewState;
  corpusName: string;
  /** What the view highlights (selection, path, selected relation), empty when nothing is highlighted. */
  highlight: VisibleSets;
}

/**
 * The visible subgraph, positioned and sized as on screen, with the
 * highlight as a `highlighted: true` attribute. Colours are the actors' and
 * relations' own, not the dimmed grey of the moment: a file reopened here, or
 * in Gephi, should not keep the rest of the graph greyed out for good.
 */
export function snapshotGraph({ graph, decoration, visible, highlight }: ExportContext) {
  return visibleCopy(graph, visible, {
    nodeColor: (_node, attrs) => nodeColor(attrs),
    edgeColor: (edge) => decoration.edges.get(edge)?.color,
    edgeSize: (edge) => decoration.edges.get(edge)?.size,
    nodeHighlighted: (node) => highlight.nodes.has(node),
    edgeHighlighted: (edge) => highlight.edges.has(edge),
  });
}

/** The visible subgraph in the colours and sizes drawn right now, dimming included: what a picture shows. */
export function screenGraph({ sigma, graph, visible }: ExportContext) {
  return visibleCopy(graph, visible, {
    nodeColor: (node) => sigma.getNodeDisplayData(node)?.color,
    nodeSize: (node) => sigma.getNodeDisplayData(node)?.size,
    edgeColor: (edge) => sigma.getEdgeDisplayData(edge)?.color,
    edgeSize: (edge) => sigma.getEdgeDisplayData(edge)?.size,
  });
}

export function legendOf(graph: KGGraph, visible: VisibleSets): SvgLegend {
  const kinds = new Set<string>();
  for (const node of visible.nodes) kinds.add(graph.getNodeAttribute(node, "kind"));
  return {
    items: [
      ...[...kinds].sort().map((kind) => ({ color: kindColor(kind), label: kind, shape: "circle" as const })),
      ...FAMILIES.map((f) => ({ color: FAMILY_COLORS[f], label: f, shape: "line" as const })),
    ],
  };
}

/** "Sources: <titles> · <from>–<to>": the articles cited by visible evidence and its date span. */
export function sourceLine(graph: KGGraph, visible: VisibleSets): string {
  const cited = new Set<string>();
  const dates: string[] = [];
  for (const edge of visible.edges)
    for (const e of graph.getEdgeAttribute(edge, "evidence")) {
      cited.add(e.article);
      dates.push(e.date);
    }
  const titles = graph
    .getAttribute("articles")
    .filter((a) => cited.has(a.id))
    .map((a) => `${a.title} (${a.publisher}, ${a.date})`);
  dates.sort();
  const shown = titles.length > 3 ? [...titles.slice(0, 3), `${titles.length - 3} more`] : titles;
  const span = dates.length ? ` · ${dates[0]} to ${dates[dates.length - 1]}` : "";
  return `Sources: ${shown.join("; ") || "none"}${span}`;
}

export function fileNameFor(ctx: ExportContext, ext: string): string {
  const { filters, time, focus } = ctx.view;
  const filtered = focus > 0 || Object.entries(filters).some(([k, v]) => k !== "keepIsolated" && v !== null);
  return exportFileName({ corpus: ctx.corpusName, time, filtered, at: new Date(), ext });
}
