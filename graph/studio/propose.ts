/**
 * A proposed triple for a quote the curator selected: the build's proposal
 * (candidates.ts) on the quote, or on its sentence when the quote names fewer
 * than two actors; the date is the sentence's. A selection that is not in the
 * body, or runs over a sentence end, gets no proposal but the reason.
 */
import { cueMatcher, proposeTriple } from "../build/candidates";
import type { Corpus } from "../build/corpus";
import { MentionMatcher } from "../build/mentions";
import { dateInSentence } from "../build/sentence-date";
import { sentenceEndWithin, splitBody } from "../build/sentences";
import { normalizeText } from "../../src/model/text";
import type { ProposeResponse } from "./protocol";

export function proposeForQuote(corpus: Corpus, articleId: string, quote: string): ProposeResponse {
  const article = corpus.articles.find((a) => a.id === articleId);
  if (!article) return { ok: false, message: `unknown article "${articleId}"` };
  const split = splitBody(article.body);
  const q = normalizeText(quote);
  const at = q ? split.text.indexOf(q) : -1;
  if (at < 0) return { ok: false, message: "the selection is not a passage of the article's body" };
  if (sentenceEndWithin(split, at, at + q.length) >= 0)
    return { ok: false, message: "a quote is one sentence or less, and this selection runs over the end of a sentence" };
  const span = split.spans.find((s) => s.start <= at && at + q.length <= s.end)!;
  const sentence = split.text.slice(span.start, span.end);
  const options = { actors: new MentionMatcher(corpus.actors), cues: cueMatcher(corpus.relations) };
  const proposal = proposeTriple(q, article, options) ?? proposeTriple(sentence, article, options);
  const actors = [...new Set(options.actors.find(sentence).map((m) => m.actor))];
  const date = dateInSentence(sentence, article.date);
  if (!proposal) return { ok: true, actors, proposal: { subject: actors[0] ?? "", relation: "", object: "", date, quote, cue: null } };
  return { ok: true, actors, proposal: { ...proposal, relation: proposal.relation ?? "", date, quote } };
}
