/** The shape of a change request (protocol.ts), checked before anything is read or written. */
import { z } from "zod";
import type { ChangeRequest } from "./protocol";

const text = (max: number) => z.string().max(max);
const id = text(200);
const short = text(2000);

const actor = z.strictObject({
  id,
  label: short,
  kind: id,
  aliases: z.array(short).max(100),
  description: text(20_000),
  role: short.optional(),
  affiliation: id.optional(),
});

const triple = z.strictObject({ subject: id, relation: id, object: id, date: id, quote: text(20_000) });

const article = z.strictObject({
  title: short,
  publisher: short,
  author: short.optional(),
  date: id,
  date_note: text(20_000),
  note: text(20_000).optional(),
  copyright: text(20_000).optional(),
  body: text(5_000_000),
});

export const changeRequestSchema: z.ZodType<ChangeRequest> = z.strictObject({
  change: z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("add-actor"), actor }),
    z.strictObject({ kind: z.literal("add-alias"), actor: id, alias: short }),
    z.strictObject({ kind: z.literal("add-triple"), article: id, triple }),
    z.strictObject({ kind: z.literal("add-reviewed"), article: id, sentence: text(20_000), reason: text(20_000) }),
    z.strictObject({ kind: z.literal("add-not-actor"), article: id, name: short, reason: text(20_000) }),
    z.strictObject({ kind: z.literal("add-article"), id, article }),
  ]),
  versions: z.record(z.string(), z.string().nullable()),
});
