/**
 * Searching the evidence: the word rule (folded, prefix, a few edits), the
 * highlighted pieces, the quote filter in visibleSubgraph and the exports,
 * and the MiniSearch index finding exactly the quotes the rule matches.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../graph/build/index";
import { buildEvidenceIndex, groupHits, type EvidenceIndex } from "../../src/core/evidence-index";
import {
  boundedDistance,
  highlightPieces,
  matchingEvidence,
  matchRanges,
  queryTerms,
  quoteMatches,
  termMatches,
  words,
} from "../../src/core/evidence-search";
import { visibleCopy } from "../../src/core/export/subgraph";
import { filterCounts, visibleSubgraph } from "../../src/core/filters";
import type { Evidence } from "../../src/model/graph-file";
import { DEFAULT_VIEW } from "../../src/model/view-state";
import type { KGGraph } from "../../src/state/data";
import { REAL_CORPUS } from "./helpers/corpus";
import { makeGraph } from "./helpers/graphs";

describe("words and terms", () => {
  it("cuts at anything but letters and digits, folding case and accents", () => {
    expect(words("Šoigu's “new” SANCTIONS, 2022—Kuril-Inseln")).toEqual(["soigu", "s", "new", "sanctions", "2022", "kuril", "inseln"]);
    expect(words("Wałęsa et Ærø")).toEqual(["walesa", "et", "aero"]);
    // Decomposed accents stay inside their word.
    expect(words("Cafe\u0301 crème")).toEqual(["cafe", "creme"]);
    expect(queryTerms("sanctions Sanctions !!")).toEqual(["sanctions"]);
  });

  it("matches a word by its start or within a few edits", () => {
    expect(termMatches("sanction", "sanctions")).toBe(true);
    expect(termMatches("sanctoins", "sanctions")).toBe(true);
    expect(termMatches("kurl", "kuril")).toBe(true);
    expect(termMatches("kur", "kuril")).toBe(true);
    // Short words match only by their start.
    expect(termMatches("ab", "ba")).toBe(false);
    expect(termMatches("nato", "japan")).toBe(false);
    expect(termMatches("islands", "island")).toBe(true);
    // Numbers only as written.
    expect(termMatches("2014", "2016")).toBe(false);
    expect(termMatches("201", "2016")).toBe(true);
    expect(boundedDistance("kitten", "sitting", 3)).toBe(3);
    expect(boundedDistance("kitten", "sitting", 1)).toBe(2);
  });

  it("matches a quote when every word of the query matches", () => {
    const q = "Japan imposed new sanctions on Russia over Ukraine.";
    expect(quoteMatches(q, "sanctions")).toBe(true);
    expect(quoteMatches(q, "JAPAN sanction")).toBe(true);
    expect(quoteMatches(q, "sanctions china")).toBe(false);
    expect(quoteMatches(q, "   ")).toBe(false);
  });

  it("marks the matching words of the original text, never reshaping it", () => {
    const text = "Les îles Kouriles: sanctions, Sanctions!";
    expect(matchRanges(text, "sanction")).toEqual([
      [19, 28],
      [30, 39],
    ]);
    const pieces = highlightPieces(text, "KOURIL sanction");
    expect(pieces.map((p) => p.text).join("")).toBe(text);
    expect(pieces.filter((p) => p.match).map((p) => p.text)).toEqual(["Kouriles", "sanctions", "Sanctions"]);
  });
});

const g = makeGraph({
  nodes: [
    ["japan", "country"],
    ["russia", "country"],
    ["abe", "person"],
    ["china", "country"],
  ],
  edges: [
    ["japan", "sanctions", "russia", ["a1", "2014"], ["a2", "2022"]],
    ["abe", "meets", "russia", ["a1", "2016"]],
    ["china", "supports", "russia", ["a2", "2022"]],
  ],
});

describe("the quote filter", () => {
  const view = (quote: string | null, extra: Partial<typeof DEFAULT_VIEW.filters> = {}) => ({
    ...DEFAULT_VIEW,
    filters: { ...DEFAULT_VIEW.filters, quote, ...extra },
  });
  it("shows only relations with a matching quote", () => {
    expect([...visibleSubgraph(g, view("sanctions")).edges]).toEqual(["japan>sanctions>russia"]);
    expect([...visibleSubgraph(g, view("russia 2022")).edges]).toEqual(["japan>sanctions>russia", "china>supports>russia"]);
    expect([...visibleSubgraph(g, view("nothing-like-this")).edges]).toEqual([]);
    expect(visibleSubgraph(g, view(null)).edges.size).toBe(3);
  });
  it("asks the same entry to pass the article filter and the quote", () => {
    // The sanctions relation's a1 quote says 2014; its a2 quote says 2022.
    expect([...visibleSubgraph(g, view("2014", { articles: ["a2"] })).edges]).toEqual([]);
    expect([...visibleSubgraph(g, view("2014", { articles: ["a1"] })).edges]).toEqual(["japan>sanctions>russia"]);
  });
  it("counts with the filter applied", () => {
    const counts = filterCounts(g, view("2022"));
    expect(counts.articles.get("a2")).toBe(2);
    expect(counts.articles.get("a1")).toBe(0);
  });
  it("keeps only the matching quotes in an export", () => {
    const v = view("2022");
    const copy = visibleCopy(g, visibleSubgraph(g, v), {}, v);
    expect(copy.getEdgeAttribute("japan>sanctions>russia", "evidence").map((e: Evidence) => e.article)).toEqual(["a2"]);
    expect(copy.getAttribute("exported" as never)).toMatchObject({ filters: { quote: "2022" } });
  });
  it("remembers the matching entries per graph and query", () => {
    expect(matchingEvidence(g, "2022")).toBe(matchingEvidence(g, "2022"));
    expect(matchingEvidence(g, "2022").size).toBe(2);
  });
});

describe("the evidence index on the curated corpus", () => {
  let graph: KGGraph;
  let index: EvidenceIndex;
  const all = (graph: KGGraph) => graph.edges().flatMap((edge) => graph.getEdgeAttribute(edge, "evidence").map((e, i) => ({ edge, i, e })));
  beforeAll(async () => {
    graph = buildGraph(REAL_CORPUS, { iterations: 5 }).graph;
    const shares: number[] = [];
    index = await buildEvidenceIndex(graph, { chunk: 50, onProgress: (s) => shares.push(s) });
    expect(shares.at(-1)).toBe(1);
    expect(shares.length).toBeGreaterThan(2);
  });

  it("indexes every quote", () => {
    expect(index.size).toBe(all(graph).length);
  });

  it("finds the quotes containing 'sanctions', each of them, best first", () => {
    const { hits, total } = index.search("sanctions");
    const expected = all(graph).filter(({ e }) => quoteMatches(e.quote, "sanctions"));
    expect(expected.length).toBeGreaterThan(5);
    expect(total).toBe(expected.length);
    expect(hits.every((h) => /sanction/i.test(h.evidence.quote))).toBe(true);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it("finds exactly what the quote filter matches, for exact, prefix, fuzzy, accented and several-word queries", () => {
    for (const q of ["sanctions", "sanct", "sanctoins", "Kuril", "KURIL islands", "Lavrov", "exercis", "Ménage", "2+2 talks", "quad"]) {
      const expected = new Set(
        all(graph)
          .filter(({ e }) => quoteMatches(e.quote, q))
          .map(({ edge, i }) => `${edge}#${i}`),
      );
      const found = new Set(index.search(q).hits.map((h) => `${h.edge}#${h.index}`));
      expect(found, q).toEqual(expected);
    }
  });

  it("keeps only what it is told to, and groups by relation", () => {
    const edges = new Set(graph.edges().slice(0, 40));
    const { hits } = index.search("japan", { keep: (edge) => edges.has(edge), limit: 10 });
    expect(hits.length).toBeLessThanOrEqual(10);
    expect(hits.every((h) => edges.has(h.edge))).toBe(true);
    const groups = groupHits(hits);
    expect(groups.flatMap((gr) => gr.hits)).toHaveLength(hits.length);
    expect(new Set(groups.map((gr) => gr.edge)).size).toBe(groups.length);
    expect(index.search("   ").total).toBe(0);
  });
});
