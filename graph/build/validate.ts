/** Cross-file checks: ids, references, aliases, quotes. Schema checks happen in load. */
import type { Corpus, Located } from "./load";
import type { ProblemList } from "./problems";
import { containsVerbatim, normalizeText } from "../../src/model/text";

function checkUniqueIds(items: (Located & { id: string })[], what: string, problems: ProblemList): void {
  const seen = new Map<string, Located>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first) problems.error(item.file, item.line, `duplicate ${what} id "${item.id}" (first at ${first.file}:${first.line})`);
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
    if (other && other !== a.id) problems.error(a.file, a.line, `label "${a.label}" also names actor "${other}"`);
    for (const alias of a.aliases) {
      const key = nameKey(alias.name);
      const prev = owner.get(key);
      if (prev && prev !== a.id) problems.error(a.file, alias.line, `alias "${alias.name}" also names actor "${prev}"`);
      else owner.set(key, a.id);
    }
  }
}

export function validateCorpus(corpus: Corpus, problems: ProblemList): void {
  checkUniqueIds(corpus.articles, "article", problems);
  checkUniqueIds(corpus.actors, "actor", problems);
  checkUniqueIds(corpus.relations, "relation", problems);
  checkNames(corpus, problems);

  const actors = new Set(corpus.actors.map((a) => a.id));
  const relations = new Set(corpus.relations.map((r) => r.id));
  const articles = new Map(corpus.articles.map((a) => [a.id, a]));
  // Each body is normalised once, not once per quote: a large corpus has thousands of quotes per article set.
  const bodies = new Map(corpus.articles.map((a) => [a.id, normalizeText(a.body)]));

  for (const a of corpus.actors) {
    if (a.affiliation !== undefined && !actors.has(a.affiliation))
      problems.error(a.file, a.line, `unknown actor "${a.affiliation}" in affiliation of "${a.id}"`);
    if (a.affiliation === a.id) problems.error(a.file, a.line, `actor "${a.id}" is affiliated with itself`);
  }

  for (const f of corpus.tripleFiles) {
    if (!articles.has(f.article)) problems.error(f.file, f.line, `unknown article "${f.article}"`);
  }

  const used = new Set<string>();
  const seen = new Map<string, Located>();
  for (const t of corpus.triples) {
    if (!actors.has(t.subject)) problems.error(t.file, t.line, `unknown actor "${t.subject}" as subject`);
    if (!actors.has(t.object)) problems.error(t.file, t.line, `unknown actor "${t.object}" as object`);
    if (!relations.has(t.relation)) problems.error(t.file, t.line, `unknown relation "${t.relation}"`);
    if (t.subject === t.object) problems.error(t.file, t.line, `subject and object are the same actor "${t.subject}"`);
    used.add(t.subject).add(t.object);
    const article = articles.get(t.article);
    // An unknown article is reported once, on the file's "article:" line.
    if (article && !containsVerbatim(bodies.get(t.article)!, t.quote, true))
      problems.error(t.file, t.line, `quote does not occur verbatim in the body of article "${t.article}": "${t.quote}"`);
    const key = [t.article, t.subject, t.relation, t.object, t.date, normalizeText(t.quote)].join("\u0000");
    const first = seen.get(key);
    if (first) problems.error(t.file, t.line, `duplicate triple (same as line ${first.line})`);
    else seen.set(key, t);
  }

  for (const r of corpus.reviewed) {
    const article = articles.get(r.article);
    if (article && !containsVerbatim(bodies.get(r.article)!, r.sentence, true))
      problems.error(r.file, r.line, `reviewed sentence does not occur in the body of article "${r.article}"`);
  }

  for (const a of corpus.actors) {
    if (!used.has(a.id)) problems.warn(a.file, a.line, `actor "${a.id}" is used by no triple`);
  }
}
