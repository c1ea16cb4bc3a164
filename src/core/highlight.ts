/**
 * What a highlight lights: an actor (the hovered one, else the selected one)
 * and its visible neighbours, with the visible relations between it and them.
 * The renderer dims the rest; the exports mark what it lit.
 */
import type Graph from "graphology";
import type { VisibleSets } from "../model/visible";

export interface Highlight {
  /** The actor whose neighbourhood is lit, or null when nothing is highlighted. */
  actor: string | null;
  /** The actor and its visible neighbours. */
  nodes: ReadonlySet<string>;
  /** The visible relations of the actor. */
  edges: ReadonlySet<string>;
}

export const NO_HIGHLIGHT: Highlight = { actor: null, nodes: new Set(), edges: new Set() };

export interface HighlightOptions {
  /** The actor under the pointer; it wins over the selection while it is there. */
  hovered?: string | null;
  selected?: string | null;
}

/**
 * The highlight of the hovered actor, else of the selected one, among what is
 * visible. A hidden or absent actor lights nothing, so a filter that hides the
 * pointer's actor does not take the selection's highlight away.
 */
export function highlightOf(graph: Graph, visible: VisibleSets, { hovered = null, selected = null }: HighlightOptions = {}): Highlight {
  const shown = (node: string | null): node is string => node !== null && visible.nodes.has(node) && graph.hasNode(node);
  const actor = shown(hovered) ? hovered : shown(selected) ? selected : null;
  if (actor === null) return NO_HIGHLIGHT;
  const nodes = new Set<string>([actor]);
  const edges = new Set<string>();
  graph.forEachEdge(actor, (edge, _attrs, source, target) => {
    if (!visible.edges.has(edge)) return;
    edges.add(edge);
    nodes.add(source === actor ? target : source);
  });
  return { actor, nodes, edges };
}
