/**
 * When does a quote match a query? One rule for the quote filter (which
 * relations are visible), for the ranked search index (evidence-index.ts,
 * given the same tokeniser and the same fuzziness so that both find the same
 * quotes) and for the highlighting of the words found.
 *
 * A text is cut into words (letters, marks and digits), each folded
 * (src/model/text.ts: case and diacritics removed). A query matches a quote
 * when every one of its words matches some word of the quote: as the start of
 * it ("sanction" finds "sanctions"), or with at most `maxEdits` letters
 * inserted, removed or changed ("sanctoins" finds "sanctions"; numbers only
 * as they are written).
 */
import type Graph from "graphology";
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes } from "../model/graph-file";
import { foldText } from "../model/text";

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** The folded words of a text, in order (repeats kept). */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const [token] of text.matchAll(WORD)) {
    // Folding can itself produce separators (a ligature, a fraction); those split again.
    for (const w of foldText(token).split(NOT_WORD)) if (w !== "") out.push(w);
  }
  return out;
}

/** The distinct words of a query, in order. */
export function queryTerms(query: string): string[] {
  return [...new Set(words(query))];
}

/**
 * How many edits a query word may be off by: none for short words or words
 * with digits (2014 is not 2016), one from 4 letters, two from 8.
 */
export function maxEdits(term: string): number {
  if (/\p{N}/u.test(term)) return 0;
  return term.length < 4 ? 0 : term.length < 8 ? 1 : 2;
}

/** Levenshtein distance of a and b when it is at most `limit`, else limit + 1. */
export function boundedDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return Math.min(prev[b.length]!, limit + 1);
}

/** Whether a folded query word matches a folded word of a text. */
export function termMatches(term: string, word: string): boolean {
  if (word.startsWith(term)) return true;
  const k = maxEdits(term);
  return k > 0 && boundedDistance(term, word, k) <= k;
}

/** Whether a text (given as its words) matches every term. No term matches nothing. */
export function matchesTerms(textWords: readonly string[], terms: readonly string[]): boolean {
  return terms.length > 0 && terms.every((t) => textWords.some((w) => termMatches(t, w)));
}

/** Whether `quote` matches `query`. */
export function quoteMatches(quote: string, query: string): boolean {
  return matchesTerms(words(quote), queryTerms(query));
}

/**
 * Where the matching words of `text` are, as [start, end) indices into it,
 * in order, for highlighting: every word of the text that some term matches.
 */
export function matchRanges(text: string, query: string): [number, number][] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const out: [number, number][] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldText(m[0]).split(NOT_WORD);
    if (folded.some((w) => w !== "" && terms.some((t) => termMatches(t, w)))) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** A text cut at its matches: the pieces to show plain and the pieces to mark, in order. */
export function highlightPieces(text: string, query: string): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, query)) {
    if (start > at) pieces.push({ text: text.slice(at, start), match: false });
    pieces.push({ text: text.slice(start, end), match: true });
    at = end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), match: false });
  return pieces;
}

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** Each quote's words, worked out once per evidence entry (entries are the graph's own objects). */
const wordCache = new WeakMap<Evidence, string[]>();
function quoteWords(e: Evidence): string[] {
  let w = wordCache.get(e);
  if (!w) wordCache.set(e, (w = words(typeof e.quote === "string" ? e.quote : "")));
  return w;
}

/** The last few queries' matching entries per graph: the filter asks the same question on every pass. */
const matchCache = new WeakMap<object, Map<string, ReadonlySet<Evidence>>>();
const KEPT_QUERIES = 4;

/**
 * The evidence entries of `graph` whose quote matches `query`. Synchronous
 * and exact, so visibility never waits for the search index; remembered per
 * graph and query, so the filter counts' many passes do the work once.
 */
export function matchingEvidence(graph: KG, query: string): ReadonlySet<Evidence> {
  let perGraph = matchCache.get(graph);
  if (!perGraph) matchCache.set(graph, (perGraph = new Map<string, ReadonlySet<Evidence>>()));
  const known = perGraph.get(query);
  if (known) return known;
  const terms = queryTerms(query);
  const found = new Set<Evidence>();
  if (terms.length > 0)
    graph.forEachEdge((_edge, attrs) => {
      for (const e of attrs.evidence) if (matchesTerms(quoteWords(e), terms)) found.add(e);
    });
  perGraph.set(query, found);
  if (perGraph.size > KEPT_QUERIES) perGraph.delete(perGraph.keys().next().value!);
  return found;
}

/** The filter's test of one evidence entry: always true without a query. */
export function quoteTest(graph: KG, query: string | null): (e: Evidence) => boolean {
  if (query === null) return () => true;
  const found = matchingEvidence(graph, query);
  return (e) => found.has(e);
}
