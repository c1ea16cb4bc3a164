/**
 * What is on screen: the keys of the visible actors and relations. The
 * filters compute it, the renderer hides the rest, every export writes it.
 * Read-only here, so any pair of sets will do (a path, a highlight).
 */
export interface VisibleSets {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export const NOTHING_VISIBLE: VisibleSets = { nodes: new Set(), edges: new Set() };
