/**
 * The corpus as the build holds it: each record is what its schema
 * (schema.ts) accepts, plus where it came from. The types are derived from
 * the schemas, so a field added to a schema is a field of its record.
 */
import type { z } from "zod";
import type { actorSchema, articleSchema, notActorSchema, relationSchema, reviewedSchema, tripleFileSchema, tripleSchema } from "./schema";

export interface Located {
  /** The file as messages name it (relative to the working directory). */
  file: string;
  /** 1-based line. */
  line: number;
}

/** An article file's fields; its id is the file's name. */
export type Article = Located & { id: string } & z.infer<typeof articleSchema>;

export type Alias = { name: string } & Pick<Located, "line">;

export type Actor = Located & Omit<z.infer<typeof actorSchema>, "aliases"> & { aliases: Alias[] };

export type Relation = Located & z.infer<typeof relationSchema>;

/** A triple, with the article its file speaks for. */
export type Triple = Located & z.infer<typeof tripleSchema> & Pick<TripleFile, "article">;

export type Reviewed = Located & z.infer<typeof reviewedSchema> & Pick<TripleFile, "article">;

/** A name of an article's body that the curator decided is not an actor (see names.ts). */
export type NotActor = Located & z.infer<typeof notActorSchema> & Pick<TripleFile, "article">;

/** A triples file's header: the article it speaks for. */
export type TripleFile = Located & Pick<z.infer<typeof tripleFileSchema>, "article">;

/**
 * What could not be loaded whole. What refers to it is not checked against
 * it (an unknown actor may be one of the entries that failed), so one error
 * is not followed by hundreds of "unknown actor" lines.
 */
export interface Gaps {
  /** actors.yaml as messages name it, when it or an entry of it had errors. */
  actors?: string;
  /** relations.yaml likewise. */
  relations?: string;
  /** Article ids whose file had errors, with that file. */
  articles: Map<string, string>;
  /** The articles directory, when it could not be listed at all. */
  articleDir?: string;
  /** Some triples file had errors, so an actor may look unused when it is not. */
  triples: boolean;
}

export interface Corpus {
  dir: string;
  name: string;
  articles: Article[];
  actors: Actor[];
  relations: Relation[];
  triples: Triple[];
  reviewed: Reviewed[];
  notActors: NotActor[];
  tripleFiles: TripleFile[];
  gaps: Gaps;
}
