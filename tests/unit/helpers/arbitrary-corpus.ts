/**
 * fast-check generators of valid corpora, and a writer that lays one out on
 * disk in the corpus format (graph/README.md) through the `yaml` package.
 *
 * A generated corpus always passes validation: ids are unique, labels and
 * aliases name one actor each, subject and object differ, every quote is
 * taken from its article's body (sometimes with curly/straight quotes, dash
 * variants or whitespace changed, which the check must accept), dates are
 * real calendar dates, and no triple is stated twice. Actors may be unused
 * (a warning, not an error).
 */
import fc from "fast-check";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { ACTOR_KINDS, FAMILIES, type ActorKind, type Family } from "../../../src/model/graph-file";
import { splitSentences } from "../../../graph/build/sentences";
import { normalizeText } from "../../../src/model/text";

export interface ActorSpec {
  id: string;
  label: string;
  kind: ActorKind;
  aliases: string[];
  description: string;
  role?: string;
  affiliation?: string;
}

export interface RelationSpec {
  id: string;
  label: string;
  family: Family;
  directed: boolean;
}

export interface ArticleSpec {
  id: string;
  title: string;
  publisher: string;
  author?: string;
  date: string;
  date_note?: string;
  body: string;
  /** The body's sentences (not written; quotes are drawn from them). */
  sentences: string[];
}

export interface TripleSpec {
  subject: string;
  relation: string;
  object: string;
  date: string;
  quote: string;
}

export interface TripleFileSpec {
  article: string;
  triples: TripleSpec[];
  reviewed: { sentence: string; reason: string }[];
}

export interface CorpusSpec {
  name: string;
  actors: ActorSpec[];
  relations: RelationSpec[];
  articles: ArticleSpec[];
  /** One per article that has a triples file (an article may have none). */
  tripleFiles: TripleFileSpec[];
}

/**
 * Characters of generated words: letters (ASCII and not), digits, and the
 * punctuation YAML cares about, including the quote and dash variants the
 * quote check normalises. No whitespace: words are joined by spaces.
 */
const WORD_CHARS = [
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
  ..."éüßçøłžİıΣσжЖ中文",
  "😀",
  ..."'\"’‘“”„«»–—‐−-",
  ...":#&*!|>%@`?,[]{}.;()\\/+=~",
];

export const wordArb = fc.string({ unit: fc.constantFrom(...WORD_CHARS), minLength: 1, maxLength: 8 });

/** Words joined by single spaces. */
export const phraseArb = (maxWords = 4) => fc.array(wordArb, { minLength: 1, maxLength: maxWords }).map((w) => w.join(" "));

/**
 * A sentence: a phrase ending in a full stop, with no sentence end inside it
 * (a word "x." before a capital would make two), so that a quote taken from it
 * is one sentence or less, as the build requires.
 */
export const sentenceArb = phraseArb(8)
  .map((p) => `${p}.`)
  .filter((s) => splitSentences(s).length === 1);

const pad = (n: number) => String(n).padStart(2, "0");
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A real partial date: YYYY, YYYY-MM or YYYY-MM-DD (29 February only in leap years). */
export const dateArb = fc
  .tuple(fc.integer({ min: 1900, max: 2030 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 31 }))
  .map(([y, m, d]) => (m === 0 ? `${y}` : d === 0 ? `${y}-${pad(m)}` : `${y}-${pad(m)}-${pad(Math.min(d, daysIn(y, m)))}`));

export const idArb = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/);
export const articleIdArb = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,11}$/);

/** How a triple's quote differs from the body's sentence, in ways the check must ignore. */
export type QuoteStyle = "same" | "straight" | "curly" | "spaced";
const QUOTE_STYLES: QuoteStyle[] = ["same", "straight", "curly", "spaced"];

export function restyleQuote(sentence: string, style: QuoteStyle): string {
  switch (style) {
    case "same":
      return sentence;
    case "straight":
      return sentence
        .replace(/[‘’]/g, "'")
        .replace(/[“”„«»]/g, '"')
        .replace(/[–—‐−]/g, "-");
    case "curly":
      return sentence.replace(/'/g, "’").replace(/"/g, "“").replace(/-/g, "–");
    case "spaced":
      return ` ${sentence.replace(/ /g, (_, at: number) => (at % 2 ? "  " : "\n"))}\t`;
  }
}

interface Sizes {
  maxActors?: number;
  maxRelations?: number;
  maxArticles?: number;
  maxTriplesPerArticle?: number;
}

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** A valid corpus, as data. Write it with `writeCorpus`. */
export function corpusArb(sizes: Sizes = {}): fc.Arbitrary<CorpusSpec> {
  const { maxActors = 8, maxRelations = 4, maxArticles = 3, maxTriplesPerArticle = 6 } = sizes;

  const actorsArb = fc.uniqueArray(idArb, { minLength: 2, maxLength: maxActors }).chain((ids) =>
    fc.tuple(
      ...ids.map((id, i) =>
        fc
          .record({
            name: phraseArb(3),
            kind: fc.constantFrom(...ACTOR_KINDS),
            aliases: fc.array(phraseArb(2), { maxLength: 2 }),
            description: sentenceArb,
            role: fc.option(phraseArb(2), { nil: undefined }),
            affiliation: fc.option(fc.nat(), { nil: undefined }),
          })
          .map(({ name, kind, aliases, description, role, affiliation }): ActorSpec => {
            // The label ends in " <i>" and each alias in " <i>/<k>": after normalisation and
            // lower-casing no two names can coincide, whatever the generated words are.
            const actor: ActorSpec = {
              id,
              label: `${name} ${i}`,
              kind,
              aliases: aliases.map((a, k) => `${a} ${i}/${k}`),
              description,
            };
            if (role !== undefined) actor.role = role;
            if (affiliation !== undefined) actor.affiliation = ids[(i + 1 + (affiliation % (ids.length - 1))) % ids.length]!;
            return actor;
          }),
      ),
    ),
  );

  const relationsArb = fc
    .uniqueArray(idArb, { minLength: 1, maxLength: maxRelations })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({ id: fc.constant(id), label: phraseArb(3), family: fc.constantFrom(...FAMILIES), directed: fc.boolean() }),
        ),
      ),
    );

  const articlesArb = fc.uniqueArray(articleIdArb, { minLength: 1, maxLength: maxArticles }).chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc
          .record({
            title: phraseArb(5),
            publisher: phraseArb(2),
            author: fc.option(phraseArb(2), { nil: undefined }),
            date: dateArb,
            date_note: fc.option(sentenceArb, { nil: undefined }),
            paragraphs: fc.array(fc.array(sentenceArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
          })
          .map(({ paragraphs, author, date_note, ...rest }): ArticleSpec => {
            const article: ArticleSpec = {
              id,
              ...rest,
              body: paragraphs.map((p) => p.join(" ")).join("\n\n"),
              sentences: paragraphs.flat(),
            };
            if (author !== undefined) article.author = author;
            if (date_note !== undefined) article.date_note = date_note;
            return article;
          }),
      ),
    ),
  );

  const rawTripleArb = fc.record({
    subject: fc.nat(),
    object: fc.nat(),
    relation: fc.nat(),
    sentence: fc.nat(),
    words: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
    style: fc.constantFrom(...QUOTE_STYLES),
    date: dateArb,
  });
  const rawFileArb = fc.record({
    present: fc.boolean(),
    triples: fc.array(rawTripleArb, { maxLength: maxTriplesPerArticle }),
    reviewed: fc.array(fc.record({ sentence: fc.nat(), reason: sentenceArb }), { maxLength: 2 }),
  });

  return fc
    .record({ name: phraseArb(3), actors: actorsArb, relations: relationsArb, articles: articlesArb })
    .chain((base) =>
      fc.tuple(fc.constant(base), fc.array(rawFileArb, { minLength: base.articles.length, maxLength: base.articles.length })),
    )
    .map(([{ name, actors, relations, articles }, files]): CorpusSpec => {
      const n = actors.length;
      const tripleFiles: TripleFileSpec[] = [];
      articles.forEach((article, k) => {
        const raw = files[k]!;
        if (!raw.present && raw.triples.length === 0) return;
        const seen = new Set<string>();
        const triples: TripleSpec[] = [];
        for (const t of raw.triples) {
          const s = t.subject % n;
          const o = (s + 1 + (t.object % (n - 1))) % n;
          const sentence = pick(article.sentences, t.sentence);
          let quote = sentence;
          if (t.words) {
            // A run of whole words from the sentence: still verbatim.
            const words = sentence.split(" ");
            const from = t.words[0] % words.length;
            quote = words.slice(from, from + 1 + (t.words[1] % (words.length - from))).join(" ");
          }
          quote = restyleQuote(quote, t.style);
          const triple: TripleSpec = {
            subject: actors[s]!.id,
            relation: pick(relations, t.relation).id,
            object: actors[o]!.id,
            date: t.date,
            quote,
          };
          const key = [triple.subject, triple.relation, triple.object, triple.date, normalizeText(quote)].join("\u0000");
          if (seen.has(key)) continue;
          seen.add(key);
          triples.push(triple);
        }
        const reviewed = raw.reviewed.map((r) => ({ sentence: pick(article.sentences, r.sentence), reason: r.reason }));
        tripleFiles.push({ article: article.id, triples, reviewed });
      });
      return { name, actors, relations, articles, tripleFiles };
    });
}

/** Writes `spec` into `dir` (which may exist) as corpus.yaml, actors.yaml, relations.yaml, articles/ and triples/. */
export function writeCorpus(dir: string, spec: CorpusSpec): void {
  mkdirSync(join(dir, "articles"), { recursive: true });
  mkdirSync(join(dir, "triples"), { recursive: true });
  writeFileSync(join(dir, "corpus.yaml"), stringify({ name: spec.name }));
  writeFileSync(join(dir, "actors.yaml"), stringify(spec.actors));
  writeFileSync(join(dir, "relations.yaml"), stringify(spec.relations));
  for (const { id, sentences: _, ...article } of spec.articles) {
    writeFileSync(join(dir, "articles", `${id}.yaml`), stringify(article));
  }
  for (const file of spec.tripleFiles) {
    const { reviewed, ...rest } = file;
    writeFileSync(join(dir, "triples", `${file.article}.yaml`), stringify(reviewed.length ? file : rest));
  }
}
