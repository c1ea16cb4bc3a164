/**
 * Cross-file checks: ids, references, aliases, quotes. Schema checks happen in
 * load. A reference into a file that could not be loaded whole is not checked
 * (it may name one of the entries that failed); a note counts what was left.
 */
import { join } from "node:path";
import type { Corpus, Located } from "./corpus";
import { messagePath, plural, quoted, type ProblemList } from "./problems";
import { sentenceEndWithin, splitBody, type SentenceSplit } from "./sentences";
import { containsVerbatim, normalizeText } from "../../src/model/text";

function checkUniqueIds(items: (Located & { id: string })[], what: string, problems: ProblemList): void {
  const seen = new Map<string, Located>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) problems.error(item.file, () => item.line, `duplicate ${what} id ${quoted(item.id)} (first at ${first.file}:${first.line})`);
    else seen.set(item.id, item);
  }
}

/** Key under which labels and aliases are compared: case and spacing do not make a new name. */
export function nameKey(name: string): string {
  return normalizeText(name).toLowerCase();
}

function checkNames(corpus: Corpus, problems: ProblemList): void {
  const owner = new Map<string, string>();
  for (const a of corpus.actors) owner.set(nameKey(a.label), owner.get(nameKey(a.label)) ?? a.id);
  for (const a of corpus.actors) {
    const other = owner.get(nameKey(a.label));
    if (other && other !== a.id) problems.error(a.file, () => a.line, `label ${quoted(a.label)} also names actor ${quoted(other)}`);
    for (const alias of a.aliases) {
      const key = nameKey(alias.name);
      const prev = owner.get(key);
      if (prev && prev !== a.id) problems.error(a.file, () => alias.line, `alias ${quoted(alias.name)} also names actor ${quoted(prev)}`);
      else owner.set(key, a.id);
    }
  }
}

/** A cue suggests one relation: the studio could not choose between two. */
function checkCues(corpus: Corpus, problems: ProblemList): void {
  const owner = new Map<string, string>();
  for (const r of corpus.relations) {
    for (const cue of new Set((r.cues ?? []).map(nameKey))) {
      const prev = owner.get(cue);
      if (prev && prev !== r.id) problems.error(r.file, () => r.line, `cue ${quoted(cue)} also cues relation ${quoted(prev)}`);
      else owner.set(cue, r.id);
    }
  }
}

/** A name marked "not an actor" must stand in its article's body, once, and be no actor's name. */
function checkNotActors(corpus: Corpus, bodies: Map<string, SentenceSplit>, problems: ProblemList): void {
  const actorNames = new Map<string, string>();
  for (const a of corpus.actors) for (const n of [a.label, ...a.aliases.map((x) => x.name)]) actorNames.set(nameKey(n), a.id);
  const seen = new Map<string, Located>();
  for (const n of corpus.notActors) {
    const key = nameKey(n.name);
    const actor = actorNames.get(key);
    if (actor) problems.error(n.file, () => n.line, `${quoted(n.name)} is marked not an actor but names actor ${quoted(actor)}`);
    const body = bodies.get(n.article);
    if (body && !containsVerbatim(body.text, n.name, true))
      problems.error(n.file, () => n.line, `name ${quoted(n.name)} does not occur in the body of article ${quoted(n.article)}`);
    const first = seen.get(`${n.article}\u0000${key}`);
    if (first) problems.error(n.file, () => n.line, `${quoted(n.name)} is marked not an actor twice (first at line ${first.line})`);
    else seen.set(`${n.article}\u0000${key}`, n);
  }
}

/**
 * The one-sentence rule: where a quote (normalised, already found verbatim) runs from one
 * sentence of the body into the next, the message says where; null when some
 * occurrence of it lies within one sentence.
 */
function sentenceSpanProblem(split: SentenceSplit, q: string): string | null {
  let first = -1;
  let boundary = -1;
  for (let at = split.text.indexOf(q); at >= 0; at = split.text.indexOf(q, at + 1)) {
    const end = sentenceEndWithin(split, at, at + q.length);
    if (end < 0) return null;
    if (first < 0) [first, boundary] = [at, end];
  }
  if (first < 0) return null;
  const before = split.text.slice(Math.max(first, boundary - 40), boundary);
  const after = split.text.slice(boundary + 1, Math.min(first + q.length, boundary + 41));
  const more = (cut: boolean) => (cut ? "…" : "");
  return (
    `quote spans two sentences: ${quoted(more(boundary - 40 > first) + before)} ends one at character ${boundary - first} of the quote ` +
    `and ${quoted(after + more(boundary + 41 < first + q.length))} begins the next; a quote is one sentence or less`
  );
}

/** Counts, per file that had errors, the records whose references into it were not checked; noted at the end. */
class Unchecked {
  private readonly groups = new Map<string, { source: string; where: Located; what: string; items: Set<object> }>();
  add(source: string, where: Located, what: string, item: object): void {
    const key = `${source}\u0000${what}`;
    const group = this.groups.get(key) ?? { source, where, what, items: new Set() };
    group.items.add(item);
    this.groups.set(key, group);
  }
  report(problems: ProblemList): void {
    for (const { source, where, what, items } of this.groups.values())
      problems.note(where.file, where.line, `${plural(items.size, what)} not checked: ${source} has errors`);
  }
}

export function validateCorpus(corpus: Corpus, problems: ProblemList): void {
  const { gaps } = corpus;
  checkUniqueIds(corpus.articles, "article", problems);
  checkUniqueIds(corpus.actors, "actor", problems);
  checkUniqueIds(corpus.relations, "relation", problems);
  checkNames(corpus, problems);
  checkCues(corpus, problems);

  const actors = new Set(corpus.actors.map((a) => a.id));
  const relations = new Set(corpus.relations.map((r) => r.id));
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  // Each body is normalised and split once, not once per quote: a large corpus has thousands of quotes per article set.
  const bodies = new Map(corpus.articles.map((a) => [a.id, splitBody(a.body)]));
  const unchecked = new Unchecked();
  const triplesDir: Located = { file: messagePath(join(corpus.dir, "triples")), line: 0 };

  for (const a of corpus.actors) {
    if (a.affiliation !== undefined && !actors.has(a.affiliation)) {
      if (gaps.actors) unchecked.add(gaps.actors, { file: a.file, line: 0 }, "affiliation", a);
      else problems.error(a.file, () => a.line, `unknown actor ${quoted(a.affiliation)} in affiliation of ${quoted(a.id)}`);
    }
    if (a.affiliation === a.id) problems.error(a.file, () => a.line, `actor ${quoted(a.id)} is affiliated with itself`);
  }

  /** Why the triples of an article cannot be checked against it, or null when they can. */
  const articleGap = (article: string) => gaps.articles.get(article) ?? gaps.articleDir ?? null;
  for (const f of corpus.tripleFiles) {
    if (articles.has(f.article)) continue;
    const gap = articleGap(f.article);
    if (gap) {
      const n = corpus.triples.filter((t) => t.file === f.file).length;
      problems.note(f.file, () => f.line, `${plural(n, "triple")} not checked: ${gap} has errors`);
    } else problems.error(f.file, () => f.line, `unknown article ${quoted(f.article)}`);
  }

  const used = new Set<string>();
  const seen = new Map<string, Located>();
  for (const t of corpus.triples) {
    for (const [id, role] of [
      [t.subject, "subject"],
      [t.object, "object"],
    ] as const) {
      if (actors.has(id)) continue;
      if (gaps.actors) unchecked.add(gaps.actors, triplesDir, "triple", t);
      else problems.error(t.file, () => t.line, `unknown actor ${quoted(id)} as ${role}`);
    }
    if (!relations.has(t.relation)) {
      if (gaps.relations) unchecked.add(gaps.relations, triplesDir, "triple", t);
      else problems.error(t.file, () => t.line, `unknown relation ${quoted(t.relation)}`);
    }
    if (t.subject === t.object) problems.error(t.file, () => t.line, `subject and object are the same actor ${quoted(t.subject)}`);
    used.add(t.subject).add(t.object);
    // An unknown article is reported once, on the file's "article:" line.
    const body = bodies.get(t.article);
    const quote = normalizeText(t.quote);
    if (body) {
      if (!containsVerbatim(body.text, t.quote, true))
        problems.error(
          t.file,
          () => t.line,
          `quote does not occur verbatim in the body of article ${quoted(t.article)}: ${quoted(t.quote)}`,
        );
      else {
        const span = sentenceSpanProblem(body, quote);
        if (span) problems.error(t.file, () => t.line, span);
      }
    }
    const key = [t.article, t.subject, t.relation, t.object, t.date, quote].join("\u0000");
    const first = seen.get(key);
    if (first) problems.error(t.file, () => t.line, `duplicate triple (same as line ${first.line})`);
    else seen.set(key, t);
  }
  unchecked.report(problems);

  for (const r of corpus.reviewed) {
    const body = bodies.get(r.article);
    if (body && !containsVerbatim(body.text, r.sentence, true))
      problems.error(r.file, () => r.line, `reviewed sentence does not occur in the body of article ${quoted(r.article)}`);
  }
  checkNotActors(corpus, bodies, problems);

  // With a triples file unread, an actor may be used there: "unused" would be a guess.
  if (gaps.triples) return;
  for (const a of corpus.actors) {
    if (!used.has(a.id)) problems.warn(a.file, () => a.line, `actor ${quoted(a.id)} is used by no triple`);
  }
}
