/**
 * What a highlight lights: an actor (the hovered one) and its visible
 * neighbours with the visible relations between it and them; else the
 * selected relation and its two actors; else the selected actor's
 * neighbourhood. The renderer dims the rest; the exports mark what it lit.
 */
import type Graph from "graphology";
import type { VisibleSets } from "../model/visible";

export interface Highlight {
  /** The actor whose neighbourhood is lit, or null. */
  actor: string | null;
  /** The relation lit on its own (a selected relation), or null. */
  relation: string | null;
  /** What is lit: the actor and its visible neighbours, or the relation's two actors. */
  nodes: ReadonlySet<string>;
  /** The lit relations. */
  edges: ReadonlySet<string>;
}

export const NO_HIGHLIGHT: Highlight = { actor: null, relation: null, nodes: new Set(), edges: new Set() };

export interface HighlightOptions {
  /** The actor under the pointer; it wins over any selection while it is there. */
  hovered?: string | null;
  /** A selected relation wins over the selected actor, so it can be told from the actor's other relations. */
  selectedEdge?: string | null;
  selected?: string | null;
}

/** Whether anything is highlighted, so the rest recedes. */
export const isHighlighted = (h: Highlight): boolean => h.actor !== null || h.relation !== null;

/**
 * The highlight among what is visible. A hidden or absent actor or relation
 * lights nothing, so a filter that hides the pointer's actor does not take
 * the selection's highlight away.
 */
export function highlightOf(
  graph: Graph,
  visible: VisibleSets,
  { hovered = null, selectedEdge = null, selected = null }: HighlightOptions = {},
): Highlight {
  const shown = (node: string | null): node is string => node !== null && visible.nodes.has(node) && graph.hasNode(node);
  if (!shown(hovered) && selectedEdge !== null && visible.edges.has(selectedEdge) && graph.hasEdge(selectedEdge)) {
    const [s, t] = graph.extremities(selectedEdge);
    return { actor: null, relation: selectedEdge, nodes: new Set([s, t]), edges: new Set([selectedEdge]) };
  }
  const actor = shown(hovered) ? hovered : shown(selected) ? selected : null;
  if (actor === null) return NO_HIGHLIGHT;
  const nodes = new Set<string>([actor]);
  const edges = new Set<string>();
  graph.forEachEdge(actor, (edge, _attrs, source, target) => {
    if (!visible.edges.has(edge)) return;
    edges.add(edge);
    nodes.add(source === actor ? target : source);
  });
  return { actor, relation: null, nodes, edges };
}
