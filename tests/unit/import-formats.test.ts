/**
 * Every reader on files in the shapes the tools write (tests/fixtures/interop/):
 * Gephi's GEXF 1.3 (undirected), a dynamic GEXF 1.2draft, NetworkX's GEXF
 * 1.1draft and GraphML, yEd's GraphML, Gephi Lite 1.0 and 0.6, sigma.js's
 * demo dataset, graphology JSON (undirected and mixed), CSV and TSV edge lists.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { openGraphFile, type OpenResult } from "../../src/core/import/open-file";
import { visibleSubgraph } from "../../src/core/filters";
import { DEFAULT_FILTERS } from "../../src/model/view-state";
import type { KGGraph } from "../../src/state/app-state";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/interop/${name}`, import.meta.url), "utf8");
function open(name: string, text = fixture(name)) {
  const result: OpenResult = openGraphFile(name, text, { maxBytes: 50e6 });
  if (!result.ok) throw new Error(`${name} did not open: ${result.error}`);
  return result;
}
/** An attribute outside the model, kept as data. */
const data = (r: ReturnType<typeof open>, key: string, name: string) =>
  (r.graph.getNodeAttributes(key) as unknown as Record<string, unknown>)[name];
const edgeData = (r: ReturnType<typeof open>, key: string, name: string) =>
  (r.graph.getEdgeAttributes(key) as unknown as Record<string, unknown>)[name];
const directedOf = (r: ReturnType<typeof open>) => r.graph.mapEdges((_, a) => a.directed);

describe("GEXF", () => {
  test("Gephi's undirected GEXF 1.3: undirected edges, sizes scaled with their proportions, communities", () => {
    const r = open("gephi-undirected.gexf");
    expect([r.format, r.label, r.graph.order, r.graph.size]).toEqual(["gexf", "GEXF 1.3 file", 4, 4]);
    expect(directedOf(r)).toEqual([false, false, false, false]);
    const size = (n: string) => r.graph.getNodeAttribute(n, "size");
    // 100 (Valjean) → 36, 4 (Labarre) → 6, the others in between in the same order.
    expect([size("11"), size("10")]).toEqual([36, 6]);
    expect(size("27")).toBeGreaterThan(size("26"));
    expect(size("26")).toBeGreaterThan(size("10"));
    expect(r.graph.getNodeAttributes("27")).toMatchObject({ community: 7, color: "#5bf5c2", x: -81.46074, y: 204.20204 });
    expect(r.graph.getEdgeAttribute("53", "weight")).toBe(31);
    expect(r.graph.getAttribute("vocabulary")).toEqual([{ id: "related", label: "related to", family: "neutral", directed: false }]);
    expect(r.notes).toContain("Actor sizes from the file (4 to 100) were scaled to 6 to 36, keeping their proportions.");
  });

  test("a dynamic GEXF 1.2draft: spells and start/end become dates, and the time window works on them", () => {
    const r = open("dynamic-1.2draft.gexf");
    expect(r.label).toBe("GEXF 1.2 file");
    const date = (e: string) => r.graph.getEdgeAttribute(e, "date");
    expect([date("e1"), date("e2"), date("e3")]).toEqual(["1963-01-22", "1904-04-08", "2020-02"]);
    expect(data(r, "fr", "date")).toBe("1949-04-04");
    expect(data(r, "de", "date")).toBe("1955-05-09");
    // A dynamic attribute keeps its first value, typed.
    expect(data(r, "fr", "population")).toBe(66000000);
    expect(edgeData(r, "e1", "treaty")).toBe("Élysée");
    expect(directedOf(r)).toEqual([true, true, true]);
    expect(r.graph.getAttribute("dateRange")).toEqual({ from: "1904-04-08", to: "2020-02" });
    expect(r.graph.getAttribute("name")).toBe("Alliances over time");
    expect(r.notes.some((n) => n.includes("dynamic attributes"))).toBe(true);
    const graph = r.graph as unknown as KGGraph;
    const shown = (from: string, to: string) =>
      [...visibleSubgraph(graph, { filters: DEFAULT_FILTERS, time: { from, to }, focus: 0, selected: null }).edges].sort();
    expect(shown("1900", "1950")).toEqual(["e2"]);
    expect(shown("2019", "2024")).toEqual(["e3"]);
  });

  test("NetworkX's GEXF 1.1draft: attvalue ids, viz in its own prefix, time steps that are not dates", () => {
    const r = open("networkx-1.1draft.gexf");
    expect(r.label).toBe("GEXF 1.1 file");
    expect(r.graph.getNodeAttributes("a")).toMatchObject({ label: "Alpha", group: "red team", color: "#ff0000", x: 1, y: 2 });
    expect(data(r, "a", "date")).toBeUndefined();
    expect(r.graph.getEdgeAttributes("0")).toMatchObject({ weight: 2.5, directed: true });
    expect(r.notes[0]).toBe("The times of 2 actors or relations are not dates or years and were not used as dates.");
    // Sizes 1 and 2 fall below the range: scaled to 6 and 36.
    expect([r.graph.getNodeAttribute("a", "size"), r.graph.getNodeAttribute("b", "size")]).toEqual([6, 36]);
  });
});

describe("GraphML", () => {
  test("NetworkX's writer: d0… keys with names and types, undirected, a node type that becomes the kind", () => {
    const r = open("networkx.graphml");
    expect([r.format, r.label, r.graph.order, r.graph.size]).toEqual(["graphml", "GraphML file", 3, 2]);
    expect(r.graph.getNodeAttributes("alice")).toMatchObject({ label: "alice", kind: "person", age: 34, active: true });
    expect(data(r, "bob", "active")).toBe(false);
    expect(r.graph.getNodeAttribute("acme", "kind")).toBe("organization");
    for (const n of r.graph.nodes()) expect(r.graph.getNodeAttributes(n)).not.toHaveProperty("type");
    const [first, second] = r.graph.edges();
    expect(r.graph.getEdgeAttributes(first!)).toMatchObject({ weight: 2, since: 2015, directed: false });
    expect(r.graph.getEdgeAttributes(second!)).toMatchObject({ weight: 0.5, directed: false });
    expect(r.needsLayout).toBe(true);
    expect(r.notes).toContain('3 actors had no kind; their "type" is used as the kind.');
  });

  test("yEd: labels, fill colours and centres from the node graphics, y turned upwards; edge label and colour", () => {
    const r = open("yed.graphml");
    expect(r.label).toBe("GraphML file (yEd)");
    expect(r.graph.getNodeAttributes("n0")).toMatchObject({
      label: "Paris HQ",
      color: "#ffcc00",
      x: 130,
      y: -215,
      description: "Head office",
    });
    expect(r.graph.getNodeAttributes("n1")).toMatchObject({ label: "Lyon", color: "#99ccff", x: 315, y: -65 });
    expect(r.graph.getEdgeAttributes("e0")).toMatchObject({ label: "supplies", relation: "supplies", color: "#336699", directed: true });
    expect(r.needsLayout).toBe(false);
  });
});

describe("JSON", () => {
  test("Gephi Lite 1.0: dataset tables merged per key, positions from the layout, undirected, title as name", () => {
    const r = open("gephi-lite-1.0.json");
    expect([r.format, r.label, r.graph.order, r.graph.size]).toEqual(["gephi-lite", "Gephi Lite 1.0.0 file", 3, 2]);
    expect(r.graph.getNodeAttributes("11")).toMatchObject({ label: "Valjean", size: 36, color: "#f55b5b", x: -87.93029, community: 1 });
    expect(r.graph.getNodeAttribute("1", "size")).toBe(6);
    expect(r.graph.getEdgeAttributes("geid_138_10")).toMatchObject({ weight: 5, cooccurrence: 5, directed: false });
    expect(r.graph.getAttribute("name")).toBe("Les Miserables");
  });

  test("Gephi Lite 0.6: rendering data tables", () => {
    const r = open("gephi-lite-0.6.json");
    expect(r.label).toBe("Gephi Lite 0.6.3 file");
    expect(r.graph.getNodeAttributes("0")).toMatchObject({ label: "Myriel", x: -266.82776, y: -299.6904, size: 28.685715 });
    expect(r.graph.getEdgeAttributes("geid_138_0")).toMatchObject({ weight: 8, directed: false });
  });

  test("sigma.js's demo dataset: edge pairs, tags as kinds, clusters as communities and colours", () => {
    const r = open("sigma-dataset.json");
    expect([r.format, r.label, r.graph.order, r.graph.size]).toEqual(["sigma-dataset", "sigma.js dataset", 3, 2]);
    expect(r.graph.getNodeAttributes("gephi")).toMatchObject({
      label: "Gephi",
      kind: "Tool",
      community: 0,
      color: "#6c3e81",
      cluster: "Software",
    });
    expect(r.graph.getNodeAttributes("graph theory")).toMatchObject({ kind: "Field", community: 1, cluster: "Mathematics" });
    expect(directedOf(r)).toEqual([false, false]);
  });

  test("graphology JSON: options.type undirected makes every edge undirected; mixed follows each edge", () => {
    const u = open("graphology-undirected.json");
    expect(directedOf(u)).toEqual([false, false]);
    expect(data(u, "34", "club")).toBe("Officer");
    const m = open("graphology-mixed.json");
    expect(m.graph.getEdgeAttribute("ab1", "directed")).toBe(false);
    expect(m.graph.getEdgeAttribute("ab2", "directed")).toBe(true);
    // allowSelfLoops: false in the file's options.
    expect(m.graph.hasEdge("aa")).toBe(false);
    expect(m.notes).toContain("1 self-loop was dropped because the graph does not allow them.");
  });
});

describe("CSV and TSV", () => {
  test("a CSV with a BOM, CRLF, quoted commas and doubled quotes: one relation per triple, one evidence entry per quote", () => {
    const r = open("edges-bom.csv");
    expect([r.format, r.label, r.graph.order, r.graph.size]).toEqual(["csv", "CSV edge list", 5, 3]);
    expect(r.graph.hasNode("Abe, Shinzo")).toBe(true);
    const sanctions = r.graph.getEdgeAttributes("Japan|sanctions|Russia");
    expect(sanctions.evidence).toEqual([
      { article: "nikkei-2014", quote: "Japan imposed sanctions on Russia, citing Crimea.", date: "2014-03" },
      { article: "nikkei-2022", quote: 'He said: "We will act, together."', date: "2022-02-27" },
    ]);
    expect(sanctions).toMatchObject({ date: "2014-03", weight: 3, directed: true, label: "sanctions" });
    expect(r.graph.getEdgeAttributes("China|exercises-with|Russia")).toMatchObject({ label: "exercises with", date: "2021", evidence: [] });
    expect(r.graph.getAttribute("articles").map((a) => a.id)).toEqual(["nikkei-2014", "nikkei-2022"]);
    expect(r.graph.getAttribute("dateRange")).toEqual({ from: "2014-03", to: "2022-02-27" });
  });

  test("Gephi's edge table as TSV: Type says the direction, Label the relation", () => {
    const r = open("gephi-edges.tsv");
    expect(r.label).toBe("TSV edge list");
    expect(r.graph.getEdgeAttributes("A|knows|B")).toMatchObject({ directed: false, weight: 3, label: "knows" });
    expect(r.graph.getEdgeAttributes("B|advises|C")).toMatchObject({ directed: true });
  });

  test("refused CSVs say the row", () => {
    const fail = (text: string) => {
      const r = openGraphFile("x.csv", text, { maxBytes: 1e6 });
      return r.ok ? "opened" : r.error;
    };
    expect(fail('source,target\na,b\nc,"d\n')).toBe("The CSV is malformed at row 3: a quoted cell is never closed.");
    expect(fail("source,target\na,b\n,c\n")).toBe("Row 3 of the CSV has no source.");
    expect(fail("source\ttarget\na\t\n")).toBe("Row 2 of the TSV has no target.");
    expect(fail("name,age\nann,3\n")).toMatch(/^The file is not a format this app reads/);
  });
});

describe("messages name the format and the place", () => {
  const fail = (text: string) => {
    const r = openGraphFile("f", text, { maxBytes: 1e6 });
    return r.ok ? "opened" : r.error;
  };
  test("XML: line and column", () => {
    expect(fail('<graphml>\n  <graph>\n    <node id="a></node>\n  </graph>\n</graphml>')).toMatch(
      /^The GraphML file is not well-formed XML at line 3, column \d+: /,
    );
    expect(fail(fixture("networkx.graphml").slice(0, 900))).toMatch(
      /^The GraphML file is truncated at line \d+: it ends before the closing <\/graphml> tag\.$/,
    );
  });
  test("JSON: line and column", () => {
    expect(fail('{"nodes": [\n  {"key": "a",}\n]}')).toBe("The JSON is malformed at line 2, column 15 (position 26).");
  });
  test("sizes in MB as people write them", () => {
    const r = openGraphFile("big.json", "x".repeat(2000), { maxBytes: 1000 });
    expect(r.ok ? "" : r.error).toBe("The file is 2 kB; the limit is 1 kB.");
  });
});
