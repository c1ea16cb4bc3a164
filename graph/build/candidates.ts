/**
 * Proposed triples for the curation studio: for a sentence that names two or
 * more actors, a subject, a relation, an object and a date that the curator
 * accepts, edits or sets aside. The relation comes from the cue words the
 * vocabulary declares (`cues:` in relations.yaml), matched as actor names are
 * (mentions.ts: whole words, any case, the longest cue wins).
 *
 * Subject and object follow the cue: the first actor named before it is the
 * subject, the first other actor after it the object ("Japan imposed
 * sanctions on Russia"); without a cue, the first two actors in order.
 */
import type { Article, Relation } from "./corpus";
import { MentionMatcher, type Mention } from "./mentions";
import { dateInSentence } from "./sentence-date";
import { locateQuote } from "../../src/model/text";

export interface Proposal {
  subject: string;
  relation: string | null;
  object: string;
  date: string;
  /** The cue word that proposed the relation, as the sentence writes it. */
  cue: string | null;
  /** The whole sentence as the body writes it: verbatim, one sentence. */
  quote: string;
}

/** A matcher of the vocabulary's cues: a cue "names" its relation. */
export function cueMatcher(relations: readonly Pick<Relation, "id" | "cues">[]): MentionMatcher {
  return new MentionMatcher(
    relations
      .filter((r) => (r.cues ?? []).length > 0)
      .map((r) => ({ id: r.id, label: r.cues![0]!, aliases: r.cues!.slice(1).map((name) => ({ name, line: 0 })) })),
  );
}

export interface ProposeOptions {
  actors: MentionMatcher;
  cues: MentionMatcher;
}

/**
 * The proposal for `sentence` (normalised, as sentences.ts gives it) of
 * `article`, or null when it names fewer than two actors.
 */
export function proposeTriple(sentence: string, article: Pick<Article, "body" | "date">, options: ProposeOptions): Proposal | null {
  const mentions = options.actors.find(sentence);
  if (new Set(mentions.map((m) => m.actor)).size < 2) return null;
  // A cue inside an actor's name ("Joint statement") is part of the name.
  const cue = options.cues.find(sentence).find((c) => !mentions.some((m) => m.start < c.end && c.start < m.end)) ?? null;
  const [subject, object] = parties(mentions, cue);
  const span = locateQuote(article.body, sentence);
  return {
    subject,
    relation: cue?.actor ?? null,
    object,
    date: dateInSentence(sentence, article.date),
    cue: cue ? sentence.slice(cue.start, cue.end) : null,
    quote: span ? article.body.slice(span[0], span[1]) : sentence,
  };
}

function parties(mentions: Mention[], cue: Mention | null): [string, string] {
  const before = cue ? mentions.filter((m) => m.end <= cue.start) : [];
  const subject = (before[0] ?? mentions[0]!).actor;
  const after = cue ? mentions.filter((m) => m.start >= cue.end && m.actor !== subject) : [];
  const object = (after[0] ?? mentions.find((m) => m.actor !== subject)!).actor;
  return [subject, object];
}
