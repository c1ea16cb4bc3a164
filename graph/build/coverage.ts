/**
 * The coverage report: what each article's body names that its triples do not
 * account for. A pure function of a loaded corpus; the CLI prints it.
 *
 * - A sentence that names two or more registry actors is *covered* when a quote
 *   of that article lies within it or it lies within a quote (after
 *   normalisation), *reviewed* when the article's `reviewed` list holds it, and
 *   *open* otherwise.
 * - An actor the body names is *unused* when no triple of that article has it as
 *   subject or object, unless every sentence that names it is reviewed (the
 *   curator has looked at each mention and found no relation to record).
 * - A `reviewed` entry that is not a whole sentence of its article's body is a
 *   problem: the report cannot tell which sentence it meant.
 * - A name the body uses that no actor's label or alias accounts for (names.ts)
 *   is *without an actor*, unless the article's `not_actors` list holds it.
 */
import type { Corpus, Located } from "./corpus";
import { MentionMatcher } from "./mentions";
import { NameFinder, vocabularyOf, type FoundName } from "./names";
import { quoted } from "./problems";
import { splitSentences } from "./sentences";
import { nameKey } from "./validate";
import { normalizeText } from "../../src/model/text";

export type SentenceStatus = "covered" | "reviewed" | "open";

export interface SentenceCoverage {
  text: string;
  paragraph: number;
  /** Distinct actors the sentence names, in order of first mention. */
  actors: string[];
  status: SentenceStatus;
}

export interface UnusedActor {
  actor: string;
  /** Sentences (normalised) that name it. */
  sentences: string[];
}

export interface ReviewedProblem extends Located {
  article: string;
  sentence: string;
  message: string;
}

export interface ArticleCoverage {
  article: string;
  title: string;
  /** Sentences naming two or more actors, in body order. */
  sentences: SentenceCoverage[];
  /** Actors named in the body but used by no triple of this article (and not reviewed away). */
  unusedActors: UnusedActor[];
  /** Actors named only in reviewed sentences and used by no triple: settled by review. */
  reviewedActors: string[];
  /** Names of the body that match no actor and are not marked "not an actor", in order of first use. */
  names: FoundName[];
  /** Names the article's `not_actors` list settles. */
  notActors: string[];
  counts: { multiActor: number; covered: number; reviewed: number; open: number; unusedActors: number; names: number };
}

export interface CoverageReport {
  articles: ArticleCoverage[];
  reviewedProblems: ReviewedProblem[];
  totals: ArticleCoverage["counts"];
  /** Open sentences + unused actors + names without an actor + reviewed problems: zero when curation is complete. */
  openItems: number;
}

export function coverageReport(corpus: Corpus): CoverageReport {
  const matcher = new MentionMatcher(corpus.actors);
  const finder = new NameFinder(matcher, vocabularyOf(corpus.articles.map((a) => a.body)));
  const articles = [...corpus.articles].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const known = new Set(articles.map((a) => a.id));
  const reviewedProblems: ReviewedProblem[] = [];

  for (const r of corpus.reviewed) {
    if (!known.has(r.article)) reviewedProblems.push({ ...pick(r), message: `reviewed entry of unknown article ${quoted(r.article)}` });
  }

  const result: ArticleCoverage[] = articles.map((article) => {
    const sentences = splitSentences(article.body);
    const sentenceSet = new Set(sentences.map((s) => s.text));
    const triples = corpus.triples.filter((t) => t.article === article.id);
    const quotes = triples.map((t) => normalizeText(t.quote)).filter((q) => q.length > 0);
    const used = new Set(triples.flatMap((t) => [t.subject, t.object]));

    const reviewed = new Set<string>();
    for (const r of corpus.reviewed.filter((x) => x.article === article.id)) {
      const text = normalizeText(r.sentence);
      if (sentenceSet.has(text)) reviewed.add(text);
      else
        reviewedProblems.push({
          ...pick(r),
          message: `reviewed sentence is not a whole sentence of the body of article "${article.id}"${hint(
            text,
            sentences.map((s) => s.text),
          )}`,
        });
    }

    const covered = (s: string) => quotes.some((q) => s.includes(q) || q.includes(s));
    const mentionsBy = new Map<string, string[]>();
    const multi: SentenceCoverage[] = [];
    for (const s of sentences) {
      const actors = matcher.actorsIn(s.text);
      for (const a of actors) mentionsBy.set(a, [...(mentionsBy.get(a) ?? []), s.text]);
      if (actors.length < 2) continue;
      const status: SentenceStatus = covered(s.text) ? "covered" : reviewed.has(s.text) ? "reviewed" : "open";
      multi.push({ text: s.text, paragraph: s.paragraph, actors, status });
    }

    const unusedActors: UnusedActor[] = [];
    const reviewedActors: string[] = [];
    for (const [actor, where] of mentionsBy) {
      if (used.has(actor)) continue;
      if (where.every((s) => reviewed.has(s))) reviewedActors.push(actor);
      else unusedActors.push({ actor, sentences: where });
    }

    const settled = new Set(corpus.notActors.filter((n) => n.article === article.id).map((n) => nameKey(n.name)));
    const found = finder.inBody(article.body);
    const names = found.filter((n) => !settled.has(n.key));
    const notActors = found.filter((n) => settled.has(n.key)).map((n) => n.name);

    const count = (st: SentenceStatus) => multi.filter((s) => s.status === st).length;
    return {
      article: article.id,
      title: article.title,
      sentences: multi,
      unusedActors,
      reviewedActors,
      names,
      notActors,
      counts: {
        multiActor: multi.length,
        covered: count("covered"),
        reviewed: count("reviewed"),
        open: count("open"),
        unusedActors: unusedActors.length,
        names: names.length,
      },
    };
  });

  const totals = { multiActor: 0, covered: 0, reviewed: 0, open: 0, unusedActors: 0, names: 0 };
  for (const a of result) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += a.counts[k];
  return {
    articles: result,
    reviewedProblems,
    totals,
    openItems: totals.open + totals.unusedActors + totals.names + reviewedProblems.length,
  };
}

function pick(r: { file: string; line: number; article: string; sentence: string }) {
  return { file: r.file, line: r.line, article: r.article, sentence: r.sentence };
}

/** " (did you mean: …)" naming the body sentence that shares the longest start with `text`. */
function hint(text: string, sentences: string[]): string {
  let best = "";
  let bestLen = 0;
  for (const s of sentences) {
    let n = 0;
    while (n < s.length && n < text.length && s[n] === text[n]) n++;
    if (n > bestLen) [best, bestLen] = [s, n];
  }
  return bestLen >= 12 ? ` (did you mean: ${quoted(best, 600)})` : "";
}
