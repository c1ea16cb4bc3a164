import { describe, expect, test } from "vitest";
import { visibleCopy } from "../../src/core/export/subgraph";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { fixtureGraph } from "./export-fixture";

describe("visibleCopy", () => {
  const visible = {
    nodes: new Set(["japan", "russia", "abe"]),
    edges: new Set(["japan|sanctions|russia", "russia|sanctions|japan", "abe|meets|russia", "no-such-edge"]),
  };

  test("copies only the visible nodes and the visible edges between them", () => {
    const g = fixtureGraph();
    const copy = visibleCopy(g, { nodes: visible.nodes, edges: new Set([...visible.edges, "japan|courts|russia"]) });
    expect(copy.nodes()).toEqual(["japan", "russia", "abe"]);
    expect(copy.edges().sort()).toEqual(["abe|meets|russia", "japan|courts|russia", "japan|sanctions|russia", "russia|sanctions|japan"]);
    const partial = visibleCopy(g, { nodes: new Set(["japan"]), edges: visible.edges });
    expect(partial.size).toBe(0);
  });

  test("applies the style, recomputes degrees, and is a valid graph file", () => {
    const g = fixtureGraph();
    const copy = visibleCopy(g, visible, {
      nodePosition: (node) => (node === "japan" ? { x: 1, y: 2 } : undefined),
      nodeColor: (_, a) => (a.kind === "person" ? "#e07b39" : undefined),
      nodeSize: () => 7,
      nodeHighlighted: (node) => node === "abe",
      edgeColor: (_, a) => (a.family === "conflict" ? "#d1343b" : "#9aa3ad"),
      edgeSize: (_, a) => a.weight * 2,
      edgeHighlighted: (edge) => edge === "abe|meets|russia",
    });
    expect(copy.getNodeAttributes("japan")).toMatchObject({ x: 1, y: 2, size: 7, color: "#3b6fb6" });
    expect(copy.getNodeAttributes("russia")).toMatchObject({ x: 130, y: -20 });
    expect(copy.getNodeAttribute("abe", "color")).toBe("#e07b39");
    expect(copy.getNodeAttribute("abe", "highlighted")).toBe(true);
    expect("highlighted" in copy.getNodeAttributes("japan")).toBe(false);
    expect(copy.getEdgeAttributes("abe|meets|russia")).toMatchObject({ color: "#9aa3ad", size: 4, highlighted: true });
    expect(copy.getNodeAttributes("japan")).toMatchObject({ degree: 2, inDegree: 1, outDegree: 1 });
    expect(copy.getNodeAttributes("russia")).toMatchObject({ degree: 3, inDegree: 2, outDegree: 1 });
    expect(graphFileSchema.safeParse(copy.export()).success).toBe(true);
  });

  test("keeps the graph attributes, with only the articles the copied evidence cites", () => {
    const g = fixtureGraph();
    const copy = visibleCopy(g, visible);
    const { articles, ...rest } = copy.getAttributes();
    const { articles: all, ...original } = g.getAttributes();
    expect(rest).toEqual(original);
    expect(articles.map((a) => a.id)).toEqual(["a1", "a2"]);
    expect(articles[0]).toEqual(all[0]);
    const sanctionsOnly = visibleCopy(g, { nodes: visible.nodes, edges: new Set(["russia|sanctions|japan"]) });
    expect(sanctionsOnly.getAttribute("articles").map((a) => a.id)).toEqual(["a2"]);
  });

  test("is a deep copy: changing it leaves the original alone", () => {
    const g = fixtureGraph();
    const copy = visibleCopy(g, visible);
    copy.getNodeAttribute("japan", "aliases").push("changed");
    copy.getEdgeAttribute("abe|meets|russia", "evidence")[0]!.quote = "changed";
    copy.getAttribute("articles")[0]!.title = "changed";
    expect(g.getNodeAttribute("japan", "aliases")).not.toContain("changed");
    expect(g.getEdgeAttribute("abe|meets|russia", "evidence")[0]!.quote).not.toBe("changed");
    expect(g.getAttribute("articles")[0]!.title).not.toBe("changed");
  });
});
