/**
 * Round trips: the curated graph (graph/corpus, built as `npm run graph`
 * builds it) exported in each data format and opened again keeps every
 * article, evidence entry, date, kind, family and direction; and exports of
 * a filtered view hold only the evidence the view shows.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { buildGraph, exportGraph } from "../../graph/build/index";
import { toCsv } from "../../src/core/export/csv";
import { toGexf } from "../../src/core/export/gexf";
import { toGraphml } from "../../src/core/export/graphml";
import { toSnapshot } from "../../src/core/export/snapshot";
import { visibleCopy } from "../../src/core/export/subgraph";
import { visibleSubgraph } from "../../src/core/filters";
import { windowTest } from "../../src/core/time";
import { openGraphFile } from "../../src/core/import/open-file";
import { DEFAULT_VIEW, type ViewState } from "../../src/model/view-state";
import { parseCsv } from "./export-helpers";

const built = buildGraph(fileURLToPath(new URL("../../graph/corpus", import.meta.url)), { iterations: 20 }).graph;
const file = exportGraph(built);
const everything = { nodes: new Set(built.nodes()), edges: new Set(built.edges()) };

function reopen(name: string, text: string) {
  const result = openGraphFile(name, text, { maxBytes: 50e6 });
  if (!result.ok) throw new Error(`${name} did not reopen: ${result.error}`);
  return result;
}

const NODE_ATTRIBUTES = [
  "label",
  "kind",
  "aliases",
  "description",
  "role",
  "affiliation",
  "x",
  "y",
  "size",
  "degree",
  "inDegree",
  "outDegree",
  "community",
] as const;
const EDGE_ATTRIBUTES = ["relation", "label", "family", "directed", "date", "evidence", "weight"] as const;

const formats: [string, () => string][] = [
  ["graph.json", () => JSON.stringify(file)],
  ["view.kgsnap.json", () => toSnapshot(visibleCopy(built, everything, {}, DEFAULT_VIEW), DEFAULT_VIEW)],
  ["graph.gexf", () => toGexf(visibleCopy(built, everything, {}, DEFAULT_VIEW))],
  ["graph.graphml", () => toGraphml(visibleCopy(built, everything, {}, DEFAULT_VIEW))],
];

describe.each(formats)("the curated graph through %s", (name, write) => {
  const back = reopen(name, write()).graph;

  test("every actor, attribute by attribute", () => {
    expect(back.nodes().sort()).toEqual(built.nodes().sort());
    built.forEachNode((node, a) => {
      const b = back.getNodeAttributes(node);
      for (const attr of NODE_ATTRIBUTES) expect([node, attr, b[attr]]).toEqual([node, attr, a[attr]]);
    });
  });

  test("every relation, attribute by attribute, evidence and direction included", () => {
    expect(back.edges().sort()).toEqual(built.edges().sort());
    built.forEachEdge((edge, a, source, target) => {
      expect([back.source(edge), back.target(edge)]).toEqual([source, target]);
      const b = back.getEdgeAttributes(edge);
      for (const attr of EDGE_ATTRIBUTES) expect([edge, attr, b[attr]]).toEqual([edge, attr, a[attr]]);
    });
    expect(built.filterEdges((_, a) => !a.directed).length).toBeGreaterThan(0);
  });

  test("the articles (titles, publishers, dates, notes, bodies), the vocabulary and the date range", () => {
    const articles = file.attributes.articles;
    expect(articles.some((a) => a.note !== undefined)).toBe(true);
    expect(back.getAttribute("articles")).toEqual(articles);
    expect(back.getAttribute("vocabulary")).toEqual(file.attributes.vocabulary);
    expect(back.getAttribute("dateRange")).toEqual(file.attributes.dateRange);
    expect(back.getAttribute("name")).toBe(file.attributes.name);
  });
});

describe("an undirected graph stays undirected", () => {
  const undirected = visibleCopy(built, everything, {}, DEFAULT_VIEW);
  undirected.forEachEdge((edge) => undirected.setEdgeAttribute(edge, "directed", false));

  test("GEXF says defaultedgetype undirected, GraphML edgedefault undirected, and both reopen undirected", () => {
    const gexf = toGexf(undirected);
    expect(gexf).toContain('defaultedgetype="undirected"');
    const graphml = toGraphml(undirected);
    expect(graphml).toContain('edgedefault="undirected"');
    expect(graphml).not.toContain('directed="false"');
    for (const [name, text] of [
      ["u.gexf", gexf],
      ["u.graphml", graphml],
      ["u.json", toSnapshot(undirected, DEFAULT_VIEW)],
    ] as const) {
      expect(reopen(name, text).graph.everyEdge((_, a) => a.directed === false)).toBe(true);
    }
  });

  test("a mixed graph marks each undirected edge", () => {
    const graphml = toGraphml(visibleCopy(built, everything, {}, DEFAULT_VIEW));
    const undirectedCount = built.filterEdges((_, a) => !a.directed).length;
    expect(graphml).toContain('edgedefault="directed"');
    expect(graphml.split('directed="false"').length - 1).toBe(undirectedCount);
  });
});

describe("exports hold what the view shows", () => {
  const view: ViewState = { ...DEFAULT_VIEW, time: { from: "2014", to: "2018" } };
  const visible = visibleSubgraph(built, view);
  const copy = visibleCopy(built, visible, {}, view);
  const inWindow = windowTest(view.time);

  test("evidence outside the time window is left out; each visible relation keeps at least one quote", () => {
    let outside = 0;
    visible.edges.forEach((e) => (outside += built.getEdgeAttribute(e, "evidence").filter((x) => !inWindow(x.date)).length));
    expect(outside).toBeGreaterThan(0);
    expect(copy.size).toBe(visible.edges.size);
    copy.forEachEdge((_, a) => {
      const evidence = a.evidence as { date: string }[];
      expect(evidence.length).toBeGreaterThan(0);
      for (const e of evidence) expect(inWindow(e.date)).toBe(true);
      expect(a.date).toBe(evidence.map((e) => e.date).sort()[0]);
    });
    const rows = parseCsv(toCsv(copy).slice(1)).slice(1);
    const dateColumn = 5;
    for (const row of rows) expect(inWindow(row[dateColumn]!)).toBe(true);
  });

  test("the article filter too", () => {
    const article = file.attributes.articles[0]!.id;
    const filtered: ViewState = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, articles: [article] } };
    const c = visibleCopy(built, visibleSubgraph(built, filtered), {}, filtered);
    expect(c.size).toBeGreaterThan(0);
    c.forEachEdge((_, a) => {
      for (const e of a.evidence as { article: string }[]) expect(e.article).toBe(article);
    });
    expect(c.getAttribute("articles").map((a) => a.id)).toEqual([article]);
  });

  test("the files say which window and filters produced them", () => {
    expect(copy.getAttribute("exported" as never)).toEqual({ time: view.time, filters: view.filters, focus: 0, selected: null });
    expect(toGexf(copy)).toContain("<keywords>Exported view: time window 2014 to 2018.</keywords>");
    const graphml = reopen("v.graphml", toGraphml(copy)).graph;
    expect(graphml.getAttribute("exported" as never)).toEqual({ time: view.time, filters: view.filters, focus: 0, selected: null });
    const gexf = reopen("v.gexf", toGexf(copy)).graph;
    expect(gexf.getAttribute("exported" as never)).toEqual({ time: view.time, filters: view.filters, focus: 0, selected: null });
    expect(reopen("v.gexf", toGexf(copy)).graph.getAttribute("dateRange")).toEqual(copy.getAttribute("dateRange"));
  });
});
