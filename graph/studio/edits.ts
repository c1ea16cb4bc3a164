/**
 * Changes to corpus files as text → text functions that keep everything else
 * byte for byte: comments, order, quoting, blank lines, flow lists. They go
 * through the `yaml` package's Document API, which re-prints a parsed
 * document as it was written (with `PRINT` options; the corpus files round
 * trip exactly), and give a new entry the style of its neighbour: the same
 * quoting per field, the same list style, the same blank line before it.
 *
 * An edit that cannot be made (the file is not a list, an actor id is
 * unknown) throws an EditError with a message for the curator.
 */
import { Document, isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq } from "yaml";
import type { ActorDraft, ArticleDraft, TripleDraft } from "./protocol";

export class EditError extends Error {
  override name = "EditError";
  /** The field of the change it concerns, if one. */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** How documents are printed: no folding of long lines, flow lists as the corpus writes them ("[a, b]"). */
const PRINT = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false } as const;

export interface Edited {
  text: string;
  /** Where the new entry stands in the document (for the lines of its fields). */
  path: (string | number)[];
}

function parse(text: string, file: string): Document.Parsed {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length > 0)
    throw new EditError(`${file} is not valid YAML (${doc.errors[0]!.message.split("\n")[0]}); fix it in an editor first`);
  return doc;
}

function print(doc: Document): string {
  return doc.toString(PRINT);
}

/** Drops fields whose value is undefined or an empty text, so optional fields stay out of the file. */
function compact<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== "")) as Partial<T>;
}

/** Gives `node` the style of `model`, an entry of the same list: quoting per field, flow lists, a blank line before. */
function styleLike(node: YAMLMap, model: unknown): void {
  if (!isMap(model)) return;
  node.spaceBefore = model.spaceBefore;
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const theirs = model.get(key, true);
    if (isScalar(pair.value) && isScalar(theirs) && typeof theirs.value === "string") pair.value.type = theirs.type;
    if (isSeq(pair.value)) {
      pair.value.flow = isSeq(theirs) ? theirs.flow : true;
      const item = isSeq(theirs) ? theirs.items[0] : undefined;
      if (isScalar(item)) for (const x of pair.value.items) if (isScalar(x)) x.type = item.type;
    }
  }
}

/** The top-level list of a list file (actors.yaml), created when the file is empty. */
function topList(doc: Document.Parsed, file: string): YAMLSeq {
  if (doc.contents === null) doc.contents = new YAMLSeq() as never;
  if (!isSeq(doc.contents)) throw new EditError(`${file} is not a list of entries`);
  return doc.contents;
}

/**
 * Adds an actor to actors.yaml after the last actor of its kind, so that a
 * registry kept in sections ("# --- territories ---") stays in them; at the
 * end when no actor has that kind.
 */
export function addActor(text: string, actor: ActorDraft, file = "actors.yaml"): Edited {
  const doc = parse(text, file);
  const list = topList(doc, file);
  const node = doc.createNode(compact({ ...actor, aliases: actor.aliases })) as YAMLMap;
  let at = list.items.length;
  for (let i = list.items.length - 1; i >= 0; i--) {
    const item = list.items[i];
    if (isMap(item) && item.get("kind") === actor.kind) {
      at = i + 1;
      break;
    }
  }
  styleLike(node, list.items[at - 1] ?? list.items[at]);
  if (at === 0) node.spaceBefore = false;
  list.items.splice(at, 0, node);
  return { text: print(doc), path: [at] };
}

/** Adds a name to an actor's aliases (a list of its own when it had none, after `kind`). */
export function addAlias(text: string, actorId: string, alias: string, file = "actors.yaml"): Edited {
  const doc = parse(text, file);
  const list = topList(doc, file);
  const index = list.items.findIndex((item) => isMap(item) && item.get("id") === actorId);
  if (index < 0) throw new EditError(`no actor "${actorId}" in ${file}`);
  const entry = list.items[index] as YAMLMap;
  const aliases = entry.get("aliases", true);
  if (isSeq(aliases)) {
    const model = aliases.items[0];
    const node = doc.createNode(alias) as Scalar;
    if (isScalar(model)) node.type = model.type;
    aliases.items.push(node);
    return { text: print(doc), path: [index, "aliases", aliases.items.length - 1] };
  }
  if (aliases !== undefined) throw new EditError(`the aliases of "${actorId}" in ${file} are not a list`);
  const seq = doc.createNode([alias]) as YAMLSeq;
  seq.flow = true;
  const after = entry.items.findIndex((p) => isScalar(p.key) && p.key.value === "kind");
  entry.items.splice(after < 0 ? entry.items.length : after + 1, 0, doc.createPair("aliases", seq) as never);
  return { text: print(doc), path: [index, "aliases", 0] };
}

type TriplesKey = "triples" | "reviewed" | "not_actors";

/** Appends an entry to one list of a triples file (created as `article: <id>` when `text` is null). */
function appendToTriplesFile(text: string | null, article: string, key: TriplesKey, entry: object, file: string): Edited {
  const doc = parse(text ?? print(new Document({ article })), file);
  if (!isMap(doc.contents)) throw new EditError(`${file} is not a mapping with "article:" and "triples:"`);
  const root = doc.contents as YAMLMap<unknown, unknown>;
  const found: unknown = root.get(key, true);
  let list: YAMLSeq;
  if (found === undefined || found === null || (isScalar(found) && found.value === null)) {
    list = new YAMLSeq();
    root.set(key, list);
  } else if (isSeq(found)) list = found;
  else throw new EditError(`"${key}" in ${file} is not a list`);
  // An empty flow list ("triples: []") becomes a block list: one entry per hunk in a review diff.
  if (list.items.length === 0) list.flow = false;
  const node = doc.createNode(entry) as YAMLMap;
  const model = list.items[list.items.length - 1] ?? firstEntryOfAnyList(root);
  styleLike(node, model);
  list.items.push(node);
  return { text: print(doc), path: [key, list.items.length - 1] };
}

/** An entry of another list of the file, to borrow its quoting when this list is new. */
function firstEntryOfAnyList(root: YAMLMap<unknown, unknown>): unknown {
  for (const key of ["triples", "reviewed", "not_actors"]) {
    const list = root.get(key, true);
    if (isSeq(list) && list.items.length > 0) return list.items[0];
  }
  return undefined;
}

export function addTriple(text: string | null, article: string, triple: TripleDraft, file: string): Edited {
  const { subject, relation, object, date, quote } = triple;
  return appendToTriplesFile(text, article, "triples", { subject, relation, object, date, quote }, file);
}

export function addReviewed(text: string | null, article: string, sentence: string, reason: string, file: string): Edited {
  return appendToTriplesFile(text, article, "reviewed", { sentence, reason }, file);
}

export function addNotActor(text: string | null, article: string, name: string, reason: string, file: string): Edited {
  return appendToTriplesFile(text, article, "not_actors", { name, reason }, file);
}

/**
 * A new article file: metadata in the order of the corpus's articles, the
 * notes folded (`>-`), the body a literal block (`|`) of paragraphs separated
 * by blank lines.
 */
export function newArticle(draft: ArticleDraft): Edited {
  const { title, publisher, author, date, date_note, note, copyright } = draft;
  const body = draft.body
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .join("\n\n");
  const doc = new Document();
  const fields = compact({ title, publisher, author, date, date_note, note, copyright, body: `${body}\n` });
  const node = doc.createNode(fields) as YAMLMap;
  node.flow = false;
  for (const pair of node.items) {
    if (!isScalar(pair.key) || !isScalar(pair.value)) continue;
    const key = String(pair.key.value);
    if (key === "body") pair.value.type = Scalar.BLOCK_LITERAL;
    else if (key === "date_note" || key === "note" || key === "copyright") pair.value.type = Scalar.BLOCK_FOLDED;
    else pair.value.type = Scalar.QUOTE_DOUBLE;
  }
  doc.contents = node;
  return { text: print(doc), path: [] };
}
