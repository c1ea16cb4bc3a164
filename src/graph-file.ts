/**
 * The one description of `public/graph.json`: the types and the schema of the
 * file the build writes and the app reads. Both sides import this module, so a
 * change to the contract is a change in one place.
 *
 * The file is graphology's serialization (`graph.export()`) of a directed
 * multigraph: one node per actor, one edge per subject–relation–object.
 */
import { z } from "zod";

export const FAMILIES = ["cooperation", "conflict", "neutral"] as const;
export type Family = (typeof FAMILIES)[number];

export const ACTOR_KINDS = [
  "country",
  "person",
  "organization",
  "grouping",
  "territory",
  "place",
  "event",
  "document",
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** A date as precise as the source allows: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface Evidence {
  article: string;
  quote: string;
  /** When the relation held or happened, according to this evidence. */
  date: string;
}

export interface NodeAttributes {
  label: string;
  kind: ActorKind | string;
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
}

const evidenceSchema = z.object({
  article: z.string().min(1),
  quote: z.string().min(1),
  date: z.string().regex(PARTIAL_DATE),
});

export const nodeAttributesSchema = z.object({
  label: z.string().min(1),
  kind: z.string().min(1),
  aliases: z.array(z.string()),
  description: z.string(),
  role: z.string().optional(),
  affiliation: z.string().optional(),
  x: z.number().finite(),
  y: z.number().finite(),
  size: z.number().positive(),
  color: z.string().optional(),
  degree: z.number().int().nonnegative(),
  inDegree: z.number().int().nonnegative(),
  outDegree: z.number().int().nonnegative(),
  community: z.number().int().nonnegative(),
});

export const edgeAttributesSchema = z.object({
  relation: z.string().min(1),
  label: z.string().min(1),
  family: z.enum(FAMILIES),
  directed: z.boolean(),
  date: z.string().regex(PARTIAL_DATE),
  evidence: z.array(evidenceSchema),
  weight: z.number().positive(),
  color: z.string().optional(),
  size: z.number().optional(),
});

export const graphAttributesSchema = z.object({
  name: z.string(),
  articles: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      publisher: z.string(),
      author: z.string().optional(),
      date: z.string().regex(PARTIAL_DATE),
      dateNote: z.string().optional(),
      note: z.string().optional(),
      copyright: z.string().optional(),
      body: z.string(),
    }),
  ),
  vocabulary: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string().min(1),
      family: z.enum(FAMILIES),
      directed: z.boolean(),
    }),
  ),
  dateRange: z.object({ from: z.string(), to: z.string() }).nullable(),
});

export const graphFileSchema = z.object({
  options: z.object({
    type: z.literal("directed"),
    multi: z.literal(true),
    allowSelfLoops: z.boolean(),
  }),
  attributes: graphAttributesSchema,
  nodes: z.array(z.object({ key: z.string().min(1), attributes: nodeAttributesSchema })),
  edges: z.array(
    z.object({
      key: z.string().min(1),
      source: z.string().min(1),
      target: z.string().min(1),
      attributes: edgeAttributesSchema,
    }),
  ),
});

export type GraphFile = z.infer<typeof graphFileSchema>;
