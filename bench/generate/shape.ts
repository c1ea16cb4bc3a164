/** What a synthetic corpus is asked for and what it came out as, and its proportions. */

export interface GenerateOptions {
  /** Number of triples to write (exact). */
  triples: number;
  seed: number;
}

export interface GeneratedCorpus {
  triples: number;
  actors: number;
  articles: number;
  relations: number;
  clusters: number;
}

/** Triples per actor and per article, on average. */
export const TRIPLES_PER_ACTOR = 10;
export const TRIPLES_PER_ARTICLE = 20;
