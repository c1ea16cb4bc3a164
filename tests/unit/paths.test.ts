import { describe, expect, it } from "vitest";
import { visibleSubgraph } from "../../src/core/filters";
import { shortestPath } from "../../src/core/paths";
import { DEFAULT_FILTERS, type Filters } from "../../src/model/view-state";
import { makeGraph, sampleGraph, type TestGraph } from "./helpers/graphs";

const g = sampleGraph();

const visibleIn = (graph: TestGraph, filters: Partial<Filters> = {}) =>
  visibleSubgraph(graph, { filters: { ...DEFAULT_FILTERS, ...filters }, time: { from: null, to: null }, focus: 0, selected: null });

const all = visibleIn(g);

describe("shortestPath", () => {
  it("finds a shortest path and one relation per step", () => {
    // Along the arrows: japan sanctions russia, russia annexes crimea.
    expect(shortestPath(g, "japan", "crimea", all)).toEqual({
      nodes: ["japan", "russia", "crimea"],
      // japan also criticises russia, but the sanctions have more evidence.
      edges: ["japan>sanctions>russia", "russia>annexes>crimea"],
    });
  });

  it("crosses directed relations against their direction", () => {
    expect(shortestPath(g, "crimea", "japan", all)).toEqual({
      nodes: ["crimea", "russia", "japan"],
      edges: ["russia>annexes>crimea", "japan>sanctions>russia"],
    });
    // china and ukraine are both subjects of their only relation, to russia.
    expect(shortestPath(g, "china", "ukraine", all)).toEqual({
      nodes: ["china", "russia", "ukraine"],
      edges: ["china>supports>russia", "ukraine>criticises>russia"],
    });
  });

  it("crosses undirected relations either way", () => {
    // "meets" is stored once, abe → putin.
    expect(shortestPath(g, "putin", "abe", all)).toEqual({ nodes: ["putin", "abe"], edges: ["abe>meets>putin"] });
    expect(shortestPath(g, "usa", "abe", all)).toEqual({
      nodes: ["usa", "japan", "abe"],
      edges: ["japan>meets>usa", "abe>leads>japan"],
    });
  });

  it("prefers the shortest of several routes", () => {
    // nato – usa – russia – crimea, not through g7 and japan.
    const path = shortestPath(g, "nato", "crimea", all);
    expect(path?.nodes).toEqual(["nato", "usa", "russia", "crimea"]);
    expect(path?.edges).toEqual(["usa>member-of>nato", "usa>sanctions>russia", "russia>annexes>crimea"]);
  });

  it("goes around what the filters hide, or gives up", () => {
    const noSanctions = visibleIn(g, { relations: ["annexes", "criticises", "meets", "member-of", "leads", "supports"] });
    expect(shortestPath(g, "usa", "russia", noSanctions)?.nodes).toEqual(["usa", "japan", "russia"]);
    expect(shortestPath(g, "usa", "russia", noSanctions)?.edges).toEqual(["japan>meets>usa", "japan>criticises>russia"]);
    expect(shortestPath(g, "japan", "crimea", visibleIn(g, { families: ["cooperation", "neutral"] }))).toBeNull();
    expect(shortestPath(g, "nato", "crimea", visibleIn(g, { kinds: ["country", "territory", "organization"] }))?.nodes).toEqual([
      "nato",
      "usa",
      "russia",
      "crimea",
    ]);
  });

  it("is null when either end is hidden, unknown, or unreachable", () => {
    const countries = visibleIn(g, { kinds: ["country"] });
    expect(shortestPath(g, "abe", "russia", countries)).toBeNull();
    expect(shortestPath(g, "russia", "abe", countries)).toBeNull();
    expect(shortestPath(g, "atlantis", "russia", all)).toBeNull();
    expect(shortestPath(g, "lonely", "russia", visibleIn(g, { keepIsolated: true }))).toBeNull();
    // A visible set that names nodes the graph lacks is not trusted.
    expect(shortestPath(g, "atlantis", "russia", { nodes: new Set(["atlantis", "russia"]), edges: new Set() })).toBeNull();
  });

  it("uses only visible relations even between visible actors", () => {
    const withoutMeets = { nodes: all.nodes, edges: new Set([...all.edges].filter((e) => e !== "abe>meets>putin")) };
    expect(shortestPath(g, "putin", "abe", withoutMeets)?.nodes).toEqual(["putin", "russia", "japan", "abe"]);
  });

  it("is the actor alone from an actor to itself", () => {
    expect(shortestPath(g, "russia", "russia", all)).toEqual({ nodes: ["russia"], edges: [] });
  });

  it("picks the best attested relation per step, in either direction, ties by key", () => {
    const h = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
        ["c", "country"],
      ],
      edges: [
        ["a", "criticises", "b", ["x", "2010"], { key: "k2" }],
        ["b", "sanctions", "a", ["x", "2010"], ["y", "2011"], { key: "k9" }],
        ["b", "criticises", "c", ["x", "2010"], { key: "m5" }],
        ["c", "sanctions", "b", ["x", "2010"], { key: "m1" }],
        ["b", "meets", "c", ["x", "2010"], { key: "m3" }],
      ],
    });
    const v = visibleIn(h);
    expect(shortestPath(h, "a", "c", v)).toEqual({ nodes: ["a", "b", "c"], edges: ["k9", "m1"] });
    // The same answer every time, and from the other end the same steps.
    expect(shortestPath(h, "a", "c", v)).toEqual(shortestPath(h, "a", "c", v));
    expect(shortestPath(h, "c", "a", v)).toEqual({ nodes: ["c", "b", "a"], edges: ["m1", "k9"] });
    const hideK9 = { nodes: v.nodes, edges: new Set([...v.edges].filter((e) => e !== "k9")) };
    expect(shortestPath(h, "a", "c", hideK9)?.edges).toEqual(["k2", "m1"]);
  });
});
