/** What a synthetic corpus is asked for and what it came out as, and its proportions. */

/**
 * Either a number of triples (actors follow as triples / TRIPLES_PER_ACTOR),
 * or a number of actors and of relations (graph edges: distinct
 * subject–relation–object facts), with as many triples as it takes.
 */
export type GenerateOptions = { seed: number } & (
  | { /** Number of triples to write (exact). */ triples: number; actors?: undefined; relations?: undefined }
  | {
      triples?: undefined;
      /** Actors in the registry (exact). */ actors: number;
      /** Relations in the built graph (exact). */ relations: number;
    }
);

export interface GeneratedCorpus {
  triples: number;
  actors: number;
  articles: number;
  /** Relation types in the vocabulary. */
  relations: number;
  /** Distinct facts: the relations (edges) the build makes of the triples. */
  edges: number;
  clusters: number;
}

/** Triples per actor and per article, on average. */
export const TRIPLES_PER_ACTOR = 10;
export const TRIPLES_PER_ARTICLE = 20;
