/**
 * Pickers search as the explorer's search does (src/core/search.ts): labels
 * and other names, whatever the case or accents, exact before prefix before
 * anywhere. Actors and relations are put in small graphs for it.
 */
import Graph from "graphology";
import { searchActors, type SearchHit } from "../core/search";
import type { NodeAttributes } from "../model/graph-file";
import type { ActorInfo, RelationInfo } from "../../graph/studio/protocol";

type Named = Pick<NodeAttributes, "label" | "aliases" | "degree">;

export type SearchIndex = Graph<NodeAttributes>;

function index(items: { key: string; label: string; aliases: string[]; degree: number }[]): SearchIndex {
  const graph = new Graph<Named>();
  for (const item of items) graph.addNode(item.key, { label: item.label, aliases: item.aliases, degree: item.degree });
  return graph as unknown as SearchIndex;
}

/** Actors by label and aliases (and id); the most used first among equals. */
export function actorIndex(actors: readonly ActorInfo[]): SearchIndex {
  return index(actors.map((a) => ({ key: a.id, label: a.label, aliases: [...a.aliases, a.id], degree: a.uses })));
}

/** Relations by label, id and cue words. */
export function relationIndex(relations: readonly RelationInfo[]): SearchIndex {
  return index(relations.map((r) => ({ key: r.id, label: r.label, aliases: [r.id, ...r.cues], degree: 0 })));
}

export function search(graph: SearchIndex, query: string, limit = 8): SearchHit[] {
  return searchActors(graph, query, { limit });
}
