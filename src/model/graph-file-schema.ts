/**
 * The schema of `public/graph.json` (see graph-file.ts for its types): the
 * build checks what it writes against it, the app what it reads.
 */
import "./zod-config";
import { z } from "zod";
import { isPartialDate } from "./dates";
import { FAMILIES, type ArticleMeta, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type StoryRecord } from "./graph-file";

/** A date as precise as the source allows (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), on the calendar. */
const partialDate = z.string().refine(isPartialDate, { message: "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)" });

const evidenceSchema = z.object({
  article: z.string().min(1),
  quote: z.string().min(1),
  date: partialDate,
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
  date: partialDate,
  evidence: z.array(evidenceSchema),
  weight: z.number().positive(),
  color: z.string().optional(),
  size: z.number().optional(),
});

export const storySchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  steps: z.array(
    z.object({
      caption: z.string(),
      view: z.record(z.string(), z.unknown()),
      quotes: z.array(z.object({ article: z.string().min(1), quote: z.string().min(1) })),
    }),
  ),
});

export const graphAttributesSchema = z.object({
  name: z.string(),
  articles: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      publisher: z.string(),
      author: z.string().optional(),
      date: partialDate,
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
  stories: z.array(storySchema).optional(),
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

/** True when A and B accept the same values. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

// The schema and the types in graph-file.ts describe the same file: changing one without the other fails to compile.
export const SCHEMA_MATCHES_TYPES: [
  Same<z.infer<typeof nodeAttributesSchema>, NodeAttributes>,
  Same<z.infer<typeof edgeAttributesSchema>, EdgeAttributes>,
  Same<z.infer<typeof graphAttributesSchema>, GraphAttributes>,
  Same<z.infer<typeof graphAttributesSchema>["articles"][number], ArticleMeta>,
  Same<z.infer<typeof storySchema>, StoryRecord>,
] = [true, true, true, true, true];
