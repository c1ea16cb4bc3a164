import { describe, expect, it } from "vitest";
import { pairKey, parallelBundles } from "../../src/core/bundles";
import { legendOf } from "../../src/core/legend";
import { ringsAround } from "../../src/core/neighbourhood";
import { sampleGraph } from "./helpers/graphs";

const graph = sampleGraph();
const all = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };

describe("parallelBundles", () => {
  it("bundles the visible relations between a pair of actors, whichever way they point", () => {
    const bundles = parallelBundles(graph, all);
    const jr = bundles.get(pairKey("japan", "russia"))!;
    expect([...jr.edges].sort()).toEqual(["japan>criticises>russia", "japan>sanctions>russia"]);
    expect(jr.direction).toBe("forward");
    expect(jr.representative).toBe(jr.edges[0]);
    // A pair with one relation is no bundle.
    expect(bundles.has(pairKey("china", "russia"))).toBe(false);
  });

  it("counts only visible relations: a bundle filtered down to one relation is a plain relation", () => {
    const visible = { nodes: all.nodes, edges: new Set(graph.edges().filter((e) => e !== "japan>criticises>russia")) };
    expect(parallelBundles(graph, visible).has(pairKey("japan", "russia"))).toBe(false);
  });

  it("keeps pairs apart that a separator would confuse", () => {
    expect(pairKey("a|b", "c")).not.toBe(pairKey("a", "b|c"));
  });
});

describe("legendOf", () => {
  it("lists only what is visible, with the colours drawn and the counts", () => {
    const visible = { nodes: new Set(["japan", "russia", "abe"]), edges: new Set(["japan>sanctions>russia"]) };
    const legend = legendOf(graph, visible, {
      nodeColor: (a) => (a.kind === "person" ? "#p" : "#c"),
      edgeColor: () => "#e",
      sizes: "relations",
    });
    expect(legend.kinds).toEqual([
      { label: "country", colors: ["#c"], count: 2 },
      { label: "person", colors: ["#p"], count: 1 },
    ]);
    expect(legend.families).toEqual([{ label: "conflict", colors: ["#e"], count: 1 }]);
    expect(legend.size).toBe("number of relations");
    expect(legend.arrows).toBe(true);
  });

  it("says nothing of size for a file whose sizes are all equal", () => {
    const legend = legendOf(graph, all, { nodeColor: () => "#c", edgeColor: () => "#e", sizes: "file" });
    expect(legend.size).toBeNull();
  });
});

describe("ringsAround", () => {
  it("gives each actor within reach its distance, over the relations allowed", () => {
    const rings = ringsAround(graph, "ukraine", 2);
    expect(rings.get("ukraine")).toBe(0);
    expect(rings.get("russia")).toBe(1);
    expect(rings.get("japan")).toBe(2);
    expect(rings.has("nato")).toBe(false);
  });
});

describe("fitGeometry", () => {
  it("brings a tiny layout with large discs to the app's scale, keeping shape and relative sizes", async () => {
    const { MultiDirectedGraph } = await import("graphology");
    const { fitGeometry } = await import("../../src/core/geometry");
    const { NODE_SIZES, layoutExtent } = await import("../../src/model/graph-file");
    const g = new MultiDirectedGraph();
    g.addNode("a", { x: 0, y: 0, size: 12 });
    g.addNode("b", { x: 40, y: 0, size: 24 });
    g.addNode("c", { x: 20, y: 10, size: 100 });
    expect(fitGeometry(g)).toBe(true);
    const [a, b, c] = ["a", "b", "c"].map((n) => g.getNodeAttributes(n));
    expect(b!.x - a!.x).toBeCloseTo(layoutExtent(3), 0);
    expect(c!.y - a!.y).toBeCloseTo(layoutExtent(3) / 4, 0);
    expect([a!.size, c!.size]).toEqual([NODE_SIZES.min, NODE_SIZES.max]);
    expect(b!.size).toBeGreaterThan(a!.size);
    expect(b!.size).toBeLessThan(c!.size);
  });

  it("leaves a graph already at the app's scale exactly as it is", async () => {
    const { MultiDirectedGraph } = await import("graphology");
    const { fitGeometry } = await import("../../src/core/geometry");
    const g = new MultiDirectedGraph();
    g.addNode("a", { x: -500, y: -200, size: 6 });
    g.addNode("b", { x: 500, y: 300, size: 36 });
    const before = JSON.stringify(g.export());
    expect(fitGeometry(g)).toBe(false);
    expect(JSON.stringify(g.export())).toBe(before);
  });
});
