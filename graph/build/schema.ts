/**
 * Schemas of the corpus files, and the messages their violations produce.
 * The corpus types (corpus.ts) are derived from them.
 */
import { z } from "zod";
import { isPartialDate } from "../../src/model/dates";
import { ACTOR_KINDS, FAMILIES } from "../../src/model/graph-file";
import { quoted } from "./problems";

/** Longest id, and longest label or alias: names become search patterns, so a name of a megabyte must not reach them. */
export const MAX_ID = 100;
export const MAX_NAME = 200;

const text = z.string().trim().min(1);
const name = text.max(MAX_NAME);
// YAML reads a bare 2019 as a number; a date is text either way.
const date = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .refine(isPartialDate, { message: "is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)" });
const id = z
  .string()
  .max(MAX_ID)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "must be lowercase letters, digits and dashes" });

export const articleSchema = z.strictObject({
  title: text,
  publisher: text,
  author: text.optional(),
  date,
  date_note: text.optional(),
  note: text.optional(),
  copyright: text.optional(),
  body: text,
});

export const actorSchema = z.strictObject({
  id,
  label: name,
  kind: z.enum(ACTOR_KINDS),
  aliases: z.array(name).default([]),
  description: text,
  role: text.optional(),
  affiliation: id.optional(),
});

export const relationSchema = z.strictObject({
  id,
  label: text,
  family: z.enum(FAMILIES),
  directed: z.boolean(),
  /** Words and phrases that suggest this relation in a sentence (the studio's proposals); never part of the graph. */
  cues: z.array(name).optional(),
});

export const tripleSchema = z.strictObject({
  subject: id,
  relation: id,
  object: id,
  date,
  quote: text,
});

export const reviewedSchema = z.strictObject({
  sentence: text,
  reason: text,
});

/** A name the body uses that is deliberately no actor (a venue, a date, a heading), with why. */
export const notActorSchema = z.strictObject({
  name,
  reason: text,
});

export const tripleFileSchema = z.strictObject({
  article: text,
  triples: z.array(z.unknown()).default([]),
  reviewed: z.array(z.unknown()).default([]),
  not_actors: z.array(z.unknown()).default([]),
});

export const corpusInfoSchema = z.strictObject({
  name: text,
  description: text.optional(),
});

/** A short rendering of a wrong value: a collection is named, not printed (it may even contain itself). */
function showInput(input: unknown): string {
  if (Array.isArray(input)) return "a list";
  if (typeof input === "object" && input !== null) return "a mapping";
  return typeof input === "string" ? quoted(input) : String(input);
}

/** One readable message for a schema violation: what is wrong with which field. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = issue.path.map(String).join(".");
  // Keys come from the data: a key of a megabyte, or with a line break, is quoted cut and on one line.
  const named = field ? quoted(field, 80) : "value";
  // Whatever the schema expected (a text, one of a list, a date), an absent or blank value is reported as such.
  if (issue.code !== "unrecognized_keys") {
    if (issue.input === undefined) return `missing required field ${named}`;
    if (issue.input === null) return `${named} is empty`;
  }
  switch (issue.code) {
    case "invalid_type":
      return `${named} must be ${issue.expected === "array" ? "a list" : issue.expected === "object" ? "a mapping" : `a ${issue.expected}`}`;
    case "too_small":
      return `${named} is empty`;
    case "too_big":
      return `${named} is longer than ${issue.maximum} characters`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys
        .slice(0, 5)
        .map((k) => quoted(k, 40))
        .join(", ")}${issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : ""}${field ? ` in ${named}` : ""}`;
    case "invalid_value":
      return `${named} must be one of ${issue.values.map(String).join(", ")}, not ${showInput(issue.input)}`;
    case "invalid_union":
      return `${named} is not a valid date (YYYY, YYYY-MM or YYYY-MM-DD)`;
    default:
      return `${named} ${issue.message}`;
  }
}
