/**
 * The one description of `public/graph.json`: the types of the file the build
 * writes and the app reads, and the constants they use. Its schema, which
 * checks a file against these types, is in graph-file-schema.ts. Both sides
 * import these two modules, so a change to the contract is a change in one
 * place; they are two so that the app's first load does not carry the schema
 * library (it checks the file after the first frame).
 *
 * The file is graphology's serialization (`graph.export()`) of a directed
 * multigraph: one node per actor, one edge per subject–relation–object.
 */

export const FAMILIES = ["cooperation", "conflict", "neutral"] as const;
export type Family = (typeof FAMILIES)[number];

export const ACTOR_KINDS = ["country", "person", "organization", "grouping", "territory", "place", "event", "document"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface Evidence {
  article: string;
  quote: string;
  /** When the relation held or happened, according to this evidence. */
  date: string;
}

/**
 * Node sizes, in the units of positions: the renderer draws sizes and
 * positions on one scale, so a layout without overlaps has none on any
 * screen. The build sizes actors by relations in this range, and opened
 * files are scaled into it.
 */
export const NODE_SIZES = { min: 6, max: 36 } as const;

/**
 * Side of the box positions are laid out in: 1000 units up to 1000 actors,
 * more for larger graphs so that actors need not overlap. Sizes (NODE_SIZES)
 * are in the same units.
 */
export function layoutExtent(order: number): number {
  return 1000 * Math.sqrt(Math.max(1, order / 1000));
}

export interface NodeAttributes {
  label: string;
  /** One of ACTOR_KINDS in a built graph; an opened file may bring its own kinds. */
  kind: string;
  aliases: string[];
  description: string;
  role?: string;
  /** Actor id of the organisation or country a person belongs to. */
  affiliation?: string;
  x: number;
  y: number;
  size: number;
  color?: string;
  degree: number;
  inDegree: number;
  outDegree: number;
  community: number;
}

export interface EdgeAttributes {
  /** Vocabulary id. */
  relation: string;
  label: string;
  family: Family;
  /** Undirected relations (e.g. "meets") are stored once, subject < object. */
  directed: boolean;
  /** Earliest date among the evidence entries. */
  date: string;
  evidence: Evidence[];
  /** Number of evidence entries; used as the layout weight. */
  weight: number;
  color?: string;
  size?: number;
}

export interface ArticleMeta {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  date: string;
  dateNote?: string;
  /** What else the curator inferred about the record (a derived title, a missing publisher). */
  note?: string;
  copyright?: string;
  /** The article body, so the app can show a quote in context without the corpus. */
  body: string;
}

export interface RelationDef {
  id: string;
  label: string;
  family: Family;
  directed: boolean;
}

export interface GraphAttributes {
  name: string;
  articles: ArticleMeta[];
  vocabulary: RelationDef[];
  /** Earliest and latest evidence dates, or null for a graph without relations. */
  dateRange: { from: string; to: string } | null;
  /** The corpus's stories (graph/corpus/stories), in file order; absent when it has none. */
  stories?: StoryRecord[];
}

/** A quote a story step cites: verbatim from the article's body. */
export interface CitedQuote {
  article: string;
  quote: string;
}

/**
 * A step of a story as the file carries it: a caption, the quotes it cites
 * and the view it shows. The view is a saved view as a snapshot holds one
 * (src/model/view-state.ts says what is valid, and story.ts reads it), kept
 * loose here so that a file from an older or newer build still opens.
 */
export interface StoryStepRecord {
  caption: string;
  view: Record<string, unknown>;
  quotes: CitedQuote[];
}

/** A titled sequence of views with captions, written by a curator. */
export interface StoryRecord {
  /** The file name in graph/corpus/stories without `.yaml`; what a link names (`story=…`). */
  id: string;
  title: string;
  description?: string;
  steps: StoryStepRecord[];
}
