/**
 * What a change of the studio does to which file: the file is derived from
 * ids (never taken from the request), the new text made by edits.ts, and a
 * problem of the build named by the field of the change it concerns.
 */
import { resolve } from "node:path";
import type { Corpus } from "../build/corpus";
import { addActor, addAlias, addNotActor, addReviewed, addTriple, EditError, newArticle, type Edited } from "./edits";
import { fileNameOf, RefusedError, type CorpusFiles } from "./files";
import type { Change } from "./protocol";

export interface Plan {
  /** The file to write, relative to the corpus. */
  file: string;
  /** Whether the file must not exist yet. */
  create: boolean;
  /** The new text from the current one (null: the file does not exist). */
  edit(text: string | null): Edited;
  /** The change's fields, for naming where a problem is. */
  fields: string[];
}

/** The triples file of an article: the one whose `article:` names it, else `triples/<id>.yaml`. */
function triplesFileOf(article: string, corpus: Corpus, files: CorpusFiles): string {
  const name = fileNameOf(article, "article id");
  if (!corpus.articles.some((a) => a.id === article)) throw new EditError(`unknown article "${article}"`);
  const existing = corpus.tripleFiles.find((f) => f.article === article);
  return (existing && files.relativeOf(resolve(existing.file))) || `triples/${name}`;
}

export function planChange(change: Change, corpus: Corpus, files: CorpusFiles): Plan {
  switch (change.kind) {
    case "add-actor":
      return {
        file: "actors.yaml",
        create: false,
        edit: (text) => addActor(text ?? "", change.actor),
        fields: ["id", "label", "kind", "aliases", "description", "role", "affiliation"],
      };
    case "add-alias":
      return { file: "actors.yaml", create: false, edit: (text) => addAlias(text ?? "", change.actor, change.alias), fields: ["alias"] };
    case "add-triple": {
      const file = triplesFileOf(change.article, corpus, files);
      return {
        file,
        create: false,
        edit: (text) => addTriple(text, change.article, change.triple, file),
        fields: ["subject", "relation", "object", "date", "quote"],
      };
    }
    case "add-reviewed": {
      const file = triplesFileOf(change.article, corpus, files);
      return {
        file,
        create: false,
        edit: (text) => addReviewed(text, change.article, change.sentence, change.reason, file),
        fields: ["sentence", "reason"],
      };
    }
    case "add-not-actor": {
      const file = triplesFileOf(change.article, corpus, files);
      return {
        file,
        create: false,
        edit: (text) => addNotActor(text, change.article, change.name, change.reason, file),
        fields: ["name", "reason"],
      };
    }
    case "add-article": {
      const file = `articles/${fileNameOf(change.id, "article id")}`;
      // The build lets an article go without it; the studio asks for it, as the guidelines do.
      if (!change.article.date_note.trim()) throw new EditError("say how the date was inferred, from what in the text", "date_note");
      return {
        file,
        create: true,
        edit: () => newArticle(change.article),
        fields: ["id", "title", "publisher", "author", "date", "date_note", "note", "copyright", "body"],
      };
    }
  }
}

/** Words of the build's messages that name a field in other words. */
const SYNONYMS = new Map([["aliases", ["alias"]]]);

/**
 * The field a message of the build concerns: a field named in quotes
 * (`missing required field "label"`, `"aliases.0" is empty`), else named as
 * a word outside the quoted values ("unknown actor "x" as subject", "quote
 * spans two sentences").
 */
export function fieldOf(message: string, fields: readonly string[]): string | undefined {
  const quotedField = /^(?:missing required field |unknown fields? )?"([a-z_]+)(?:\.\d+)?"/.exec(message)?.[1];
  if (quotedField && fields.includes(quotedField)) return quotedField;
  const words = message.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const names = (f: string) => [f, ...(SYNONYMS.get(f) ?? [])];
  return fields.find((f) => names(f).some((w) => new RegExp(`(^|[^a-z_])${w}([^a-z_]|$)`).test(words)));
}

export { RefusedError };
