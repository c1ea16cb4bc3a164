/**
 * What a change of highlight redraws: the actors and relations whose look
 * differs between two contexts of the same visible graph. A hover relights a
 * neighbourhood, not the graph.
 */
import { edgeReducer, type RenderContext } from "./reducers";

/** The actors and relations whose look differs between two highlights of the same visible graph. */
export function touched(a: RenderContext, b: RenderContext): { nodes: string[]; edges: string[] } {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const ctx of [a, b]) {
    for (const n of ctx.lit.nodes) nodes.add(n);
    for (const e of ctx.lit.edges) edges.add(e);
    for (const n of ctx.path?.nodes ?? []) nodes.add(n);
    for (const e of ctx.path?.edges ?? []) edges.add(e);
    for (const n of [ctx.selected, ctx.dragged]) if (n !== null) nodes.add(n);
    if (ctx.selectedEdge !== null) edges.add(ctx.selectedEdge);
  }
  // A bundle that opens or closes shows or hides its relations.
  for (const bundle of a.open) if (!b.open.has(bundle)) for (const e of bundle.edges) edges.add(e);
  for (const bundle of b.open) if (!a.open.has(bundle)) for (const e of bundle.edges) edges.add(e);
  const shown = (n: string) => b.visible.nodes.has(n);
  return { nodes: [...nodes].filter(shown), edges: [...edges].filter((e) => b.visible.edges.has(e)) };
}

/**
 * Whether any of `edges` is drawn by another program in `b` than in `a`
 * (a bundle that opens draws its representative curved). Sigma's partial
 * refresh writes an item into its program's slot, so such a change needs the
 * full one.
 */
export function changesProgram(
  edges: readonly string[],
  a: RenderContext,
  b: RenderContext,
  attributes: (edge: string) => { label?: unknown },
): boolean {
  return edges.some((edge) => {
    const attrs = attributes(edge);
    return edgeReducer(edge, attrs, a).type !== edgeReducer(edge, attrs, b).type;
  });
}
