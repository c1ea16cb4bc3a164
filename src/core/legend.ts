/**
 * What the legend says, for what is on screen: the kinds of the visible
 * actors with the colours they are really drawn in and how many there are,
 * the families of the visible relations likewise, and what size means. An
 * opened file's own colours show as they are; a family with no visible
 * relation is not listed. When the appearance colours by something else
 * (communities, articles, relations: core/appearance.ts), its groups take the
 * place of kinds or families, in their own order.
 */
import type Graph from "graphology";
import { FAMILIES } from "../model/graph-file";
import type { VisibleSets } from "../model/visible";

export interface LegendEntry {
  label: string;
  /** The colours drawn for it, commonest first. */
  colors: string[];
  count: number;
}

export interface Legend {
  /** The actors' groups: kinds, unless `nodeGroup` says otherwise. */
  kinds: LegendEntry[];
  /** The relations' groups: families, unless `edgeGroup` says otherwise. */
  families: LegendEntry[];
  /** What node size means, or null when nothing can be said (sizes from a file that does not say). */
  size: string | null;
  /** Whether any visible relation has a direction, so the arrow needs explaining. */
  arrows: boolean;
}

export interface LegendOptions {
  /** The colour an actor is drawn in. */
  nodeColor(attrs: Record<string, unknown>, node: string): string;
  /** The colour a relation is drawn in. */
  edgeColor(edge: string, attrs: Record<string, unknown>): string;
  /** Where the sizes come from: the build sizes by relations; a file's sizes mean what the file meant. */
  sizes: "relations" | "file";
  /** The actors' groups and their order, when they are not kinds. */
  nodeGroups?: { of: ReadonlyMap<string, string>; order: readonly { label: string }[] } | null;
  /** The relations' groups and their order, when they are not families. */
  edgeGroups?: { of: ReadonlyMap<string, string>; order: readonly { label: string }[] } | null;
  /** What size means when the appearance decides it; it replaces what `sizes` says. */
  sizeLabel?: string | null;
}

function entries(tally: Map<string, Map<string, number>>, order?: readonly string[]): LegendEntry[] {
  const list = [...tally].map(([label, colors]) => ({
    label,
    colors: [...colors].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c),
    count: [...colors.values()].reduce((a, b) => a + b, 0),
  }));
  const rank = (label: string) => (order ? order.indexOf(label) : -1);
  return list.sort((a, b) => (order ? rank(a.label) - rank(b.label) : b.count - a.count || (a.label < b.label ? -1 : 1)));
}

const add = (tally: Map<string, Map<string, number>>, label: string, color: string) => {
  let colors = tally.get(label);
  if (!colors) tally.set(label, (colors = new Map<string, number>()));
  colors.set(color, (colors.get(color) ?? 0) + 1);
};

export function legendOf(graph: Graph, visible: VisibleSets, options: LegendOptions): Legend {
  const kinds = new Map<string, Map<string, number>>();
  const sizes = new Set<number>();
  for (const node of visible.nodes) {
    if (!graph.hasNode(node)) continue;
    const attrs = graph.getNodeAttributes(node);
    const kind = typeof attrs.kind === "string" && attrs.kind !== "" ? attrs.kind : "other";
    add(kinds, options.nodeGroups ? (options.nodeGroups.of.get(node) ?? "no group") : kind, options.nodeColor(attrs, node));
    if (typeof attrs.size === "number") sizes.add(attrs.size);
  }
  const families = new Map<string, Map<string, number>>();
  let arrows = false;
  for (const edge of visible.edges) {
    if (!graph.hasEdge(edge)) continue;
    const attrs = graph.getEdgeAttributes(edge);
    const family = typeof attrs.family === "string" ? attrs.family : "neutral";
    add(families, options.edgeGroups ? (options.edgeGroups.of.get(edge) ?? "no group") : family, options.edgeColor(edge, attrs));
    if (attrs.directed !== false) arrows = true;
  }
  const size = options.sizeLabel
    ? options.sizeLabel
    : options.sizes === "relations"
      ? "number of relations"
      : sizes.size > 1
        ? "as in the file"
        : null;
  const order = (groups: LegendOptions["nodeGroups"]) => groups && [...groups.order.map((g) => g.label), "no group"];
  return {
    kinds: entries(kinds, order(options.nodeGroups) ?? undefined),
    families: entries(families, order(options.edgeGroups) ?? FAMILIES),
    size,
    arrows,
  };
}
