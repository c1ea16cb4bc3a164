/** Actor search over labels and aliases, insensitive to case, diacritics, spacing and punctuation. */
import type Graph from "graphology";
import type { NodeAttributes } from "../model/graph-file";
import { foldText } from "../model/text";

export interface SearchHit {
  node: string;
  label: string;
  /** The alias that matched, when it was not the label. */
  alias?: string;
  score: number;
}

/**
 * A name or query as search compares them: folded (case, accents, spacing;
 * model/text.ts), then without spaces and punctuation, so that "two plus two",
 * "two-plus-two" and "Two Plus-Two" are one text, and "2+2" is "22".
 */
export function searchKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The search keys of a name from each of its words on: "Japan-Russia 2+2" → japanrussia22, russia22, 22. */
function wordSuffixes(name: string): string[] {
  const folded = foldText(name);
  const out: string[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(folded); m; m = re.exec(folded)) out.push(searchKey(folded.slice(m.index)));
  return out;
}

interface PreparedName {
  folded: string;
  key: string;
  suffixes: string[];
}

/** Names prepared once per graph: a keystroke then compares strings only. */
const prepared = new WeakMap<object, Map<string, PreparedName>>();

/** Only the start of a very long name is searched: a label of a megabyte from a file must not stall a keystroke. */
const SEARCHED_LENGTH = 500;

function prepare(graph: object, fullName: string): PreparedName {
  const name = fullName.length > SEARCHED_LENGTH ? fullName.slice(0, SEARCHED_LENGTH) : fullName;
  let names = prepared.get(graph);
  if (!names) prepared.set(graph, (names = new Map<string, PreparedName>()));
  let p = names.get(name);
  if (!p) names.set(name, (p = { folded: foldText(name), key: searchKey(name), suffixes: wordSuffixes(name) }));
  return p;
}

/** Lower is better: exact, prefix, word prefix, anywhere; a label beats an alias. */
function matchScore(name: PreparedName, query: { key: string; folded: string }): number | null {
  // A query of punctuation only ("+", "-") has no key: it is matched as folded text.
  if (!query.key) return name.folded.includes(query.folded) ? 3 : null;
  if (name.key === query.key) return 0;
  if (name.key.startsWith(query.key)) return 1;
  if (name.suffixes.some((suffix) => suffix.startsWith(query.key))) return 2;
  if (name.key.includes(query.key)) return 3;
  return null;
}

export interface SearchOptions {
  limit?: number;
  /** Only these nodes are searched (e.g. the visible ones). */
  among?: ReadonlySet<string>;
}

export function searchActors(graph: Graph<NodeAttributes>, query: string, { limit = 10, among }: SearchOptions = {}): SearchHit[] {
  const folded = foldText(query);
  if (!folded) return [];
  const q = { key: searchKey(query), folded };
  const hits: (SearchHit & { degree: number })[] = [];
  graph.forEachNode((node, attrs) => {
    if (among && !among.has(node)) return;
    let best: SearchHit | null = null;
    const labelScore = matchScore(prepare(graph, attrs.label), q);
    if (labelScore !== null) best = { node, label: attrs.label, score: labelScore * 2 };
    for (const alias of attrs.aliases ?? []) {
      const s = matchScore(prepare(graph, alias), q);
      if (s !== null && (best === null || s * 2 + 1 < best.score)) best = { node, label: attrs.label, alias, score: s * 2 + 1 };
    }
    if (best) hits.push({ ...best, degree: attrs.degree ?? graph.degree(node) });
  });
  hits.sort((a, b) => a.score - b.score || b.degree - a.degree || a.label.localeCompare(b.label));
  return hits.slice(0, limit).map(({ degree: _degree, ...hit }) => hit);
}
