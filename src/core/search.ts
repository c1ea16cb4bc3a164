/** Actor search over labels and aliases, insensitive to case and diacritics. */
import type Graph from "graphology";
import type { NodeAttributes } from "../model/graph-file";
import { foldText } from "../model/text";

export interface SearchHit {
  node: string;
  label: string;
  /** The alias that matched, when it was not the label. */
  alias?: string;
  score: number;
}

/** Lower is better: exact, prefix, word prefix, anywhere; a label beats an alias. */
function matchScore(name: string, query: string): number | null {
  const folded = foldText(name);
  if (folded === query) return 0;
  if (folded.startsWith(query)) return 1;
  if (folded.split(/[\s\-–—'’.(),/]+/).some((word) => word.startsWith(query))) return 2;
  if (folded.includes(query)) return 3;
  return null;
}

export interface SearchOptions {
  limit?: number;
  /** Only these nodes are searched (e.g. the visible ones). */
  among?: ReadonlySet<string>;
}

export function searchActors(graph: Graph<NodeAttributes>, query: string, { limit = 10, among }: SearchOptions = {}): SearchHit[] {
  const q = foldText(query);
  if (!q) return [];
  const hits: (SearchHit & { degree: number })[] = [];
  graph.forEachNode((node, attrs) => {
    if (among && !among.has(node)) return;
    let best: SearchHit | null = null;
    const labelScore = matchScore(attrs.label, q);
    if (labelScore !== null) best = { node, label: attrs.label, score: labelScore * 2 };
    for (const alias of attrs.aliases ?? []) {
      const s = matchScore(alias, q);
      if (s !== null && (best === null || s * 2 + 1 < best.score)) best = { node, label: attrs.label, alias, score: s * 2 + 1 };
    }
    if (best) hits.push({ ...best, degree: attrs.degree ?? graph.degree(node) });
  });
  hits.sort((a, b) => a.score - b.score || b.degree - a.degree || a.label.localeCompare(b.label));
  return hits.slice(0, limit).map(({ degree: _degree, ...hit }) => hit);
}
