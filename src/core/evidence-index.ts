/**
 * The full-text index over every quote of a graph (MiniSearch), for the
 * ranked list of the evidence search. Built on first use, a chunk at a time
 * so the page stays responsive, and kept per graph. It cuts and folds words
 * and matches them exactly as the quote filter does (evidence-search.ts), so
 * the list and "show all matches in the graph" agree; it only adds the order
 * (best matches first).
 */
import type Graph from "graphology";
import MiniSearch from "minisearch";
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes } from "../model/graph-file";
import { maxEdits, queryTerms, words } from "./evidence-search";

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** One quote found: its relation, which of its evidence entries, and how well it matched. */
export interface QuoteHit {
  edge: string;
  /** Index in the relation's `evidence`. */
  index: number;
  evidence: Evidence;
  score: number;
}

/** The quotes found, grouped by relation, the best relation first; each relation's quotes best first. */
export interface QuoteGroup {
  edge: string;
  hits: QuoteHit[];
}

export interface EvidenceIndex {
  /** Quotes in the index. */
  readonly size: number;
  /**
   * The quotes matching `query`, best first, among those `keep` accepts
   * (the relations and evidence the view shows), at most `limit`; `total`
   * counts them all.
   */
  search(query: string, options?: { keep?: (edge: string, e: Evidence) => boolean; limit?: number }): { hits: QuoteHit[]; total: number };
}

interface Doc {
  id: number;
  quote: string;
}

const SEARCH = {
  prefix: true,
  fuzzy: (term: string) => maxEdits(term) || false,
  combineWith: "AND" as const,
};

/** Builds the index of every quote of `graph`; `onProgress` hears the share done (0 to 1). */
export async function buildEvidenceIndex(
  graph: KG,
  options: { onProgress?(share: number): void; chunk?: number } = {},
): Promise<EvidenceIndex> {
  const refs: { edge: string; index: number; evidence: Evidence }[] = [];
  const docs: Doc[] = [];
  graph.forEachEdge((edge, attrs) => {
    attrs.evidence.forEach((evidence, index) => {
      docs.push({ id: refs.length, quote: typeof evidence.quote === "string" ? evidence.quote : "" });
      refs.push({ edge, index, evidence });
    });
  });
  const mini = new MiniSearch<Doc>({
    fields: ["quote"],
    idField: "id",
    // The text is cut and folded once, by the same rule as the filter; nothing more is done to a word.
    tokenize: (text) => words(text),
    processTerm: (term) => term,
    searchOptions: SEARCH,
  });
  const chunk = options.chunk ?? 2000;
  for (let at = 0; at < docs.length; at += chunk) {
    mini.addAll(docs.slice(at, at + chunk));
    options.onProgress?.(Math.min(1, (at + chunk) / docs.length));
    // Let the page draw and answer between chunks.
    if (at + chunk < docs.length) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  options.onProgress?.(1);
  return {
    size: docs.length,
    search(query, { keep, limit = Infinity } = {}) {
      const terms = queryTerms(query);
      if (terms.length === 0) return { hits: [], total: 0 };
      const results = mini.search(terms.join(" "), {
        ...SEARCH,
        filter: keep ? (r) => keep(refs[r.id as number]!.edge, refs[r.id as number]!.evidence) : undefined,
      });
      const hits = results.slice(0, limit).map((r) => ({ ...refs[r.id as number]!, score: r.score }));
      return { hits, total: results.length };
    },
  };
}

/** Hits grouped by relation, in the order of each relation's best hit. */
export function groupHits(hits: readonly QuoteHit[]): QuoteGroup[] {
  const groups = new Map<string, QuoteHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.edge);
    if (list) list.push(hit);
    else groups.set(hit.edge, [hit]);
  }
  return [...groups].map(([edge, list]) => ({ edge, hits: list }));
}

const built = new WeakMap<KG, Promise<EvidenceIndex>>();

/** The index of `graph`, built once (the first call builds it; later ones wait for the same). */
export function evidenceIndex(graph: KG, onProgress?: (share: number) => void): Promise<EvidenceIndex> {
  let index = built.get(graph);
  if (!index) built.set(graph, (index = buildEvidenceIndex(graph, { onProgress })));
  return index;
}
