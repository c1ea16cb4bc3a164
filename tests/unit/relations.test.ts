import { describe, expect, it } from "vitest";
import { groupRelations, type RelationGroup } from "../../src/core/relations";
import { makeGraph, sampleGraph, sorted } from "./helpers/graphs";

/** The group of one relation, incoming or not; fails the test when there is not exactly one. */
function group(groups: RelationGroup[], relation: string, incoming: boolean): RelationGroup {
  const found = groups.filter((g) => g.relation === relation && g.incoming === incoming);
  expect(found, `${relation} ${incoming ? "incoming" : "outgoing"}`).toHaveLength(1);
  return found[0]!;
}

const signature = (groups: RelationGroup[]) => sorted(groups.map((g) => `${g.relation}:${g.incoming ? "in" : "out"}`));

describe("groupRelations", () => {
  it("groups an actor's relations by relation and direction", () => {
    const graph = sampleGraph();
    const groups = groupRelations(graph, "russia");
    // russia is the object of sanctions (japan, usa), criticises (japan, ukraine), supports (china) and
    // leads (putin), and the subject of annexes (crimea).
    expect(signature(groups)).toEqual(["annexes:out", "criticises:in", "leads:in", "sanctions:in", "supports:in"]);
    expect(sorted(group(groups, "sanctions", true).items.map((i) => i.other))).toEqual(["japan", "usa"]);
    expect(sorted(group(groups, "criticises", true).items.map((i) => i.other))).toEqual(["japan", "ukraine"]);
    expect(group(groups, "annexes", false).items.map((i) => i.other)).toEqual(["crimea"]);
  });

  it("marks each item's direction", () => {
    const groups = groupRelations(sampleGraph(), "russia");
    for (const g of groups) for (const item of g.items) expect(item.direction).toBe(g.incoming ? "in" : "out");
    expect(group(groups, "annexes", false).items[0]!.direction).toBe("out");
    expect(group(groups, "leads", true).items[0]!.direction).toBe("in");
  });

  it("carries the relation's label and family on the group", () => {
    const groups = groupRelations(sampleGraph(), "japan");
    expect(group(groups, "sanctions", false)).toMatchObject({ label: "imposes sanctions on", family: "conflict" });
    expect(group(groups, "meets", false)).toMatchObject({ label: "meets", family: "cooperation" });
    expect(group(groups, "member-of", false)).toMatchObject({ label: "is a member of", family: "neutral" });
  });

  it("separates the relations an actor does from those done to it", () => {
    const graph = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
      ],
      edges: [
        ["a", "criticises", "b", ["x", "2020"]],
        ["b", "criticises", "a", ["x", "2021"]],
      ],
    });
    const groups = groupRelations(graph, "a");
    expect(signature(groups)).toEqual(["criticises:in", "criticises:out"]);
    expect(group(groups, "criticises", false).items).toMatchObject([{ edge: "a>criticises>b", other: "b", direction: "out" }]);
    expect(group(groups, "criticises", true).items).toMatchObject([{ edge: "b>criticises>a", other: "b", direction: "in" }]);
  });

  it("puts an undirected relation in the outgoing group as mutual, from either end", () => {
    const graph = sampleGraph();
    // "meets" is stored once, abe → putin (subject < object): putin is its stored target.
    expect(graph.source("abe>meets>putin")).toBe("abe");
    for (const [actor, other] of [
      ["abe", "putin"],
      ["putin", "abe"],
    ] as const) {
      const groups = groupRelations(graph, actor);
      expect(groups.some((g) => g.relation === "meets" && g.incoming)).toBe(false);
      expect(group(groups, "meets", false).items).toMatchObject([{ other, direction: "mutual" }]);
    }
  });

  it("gives one group per relation to an actor with directed and undirected relations", () => {
    const groups = groupRelations(sampleGraph(), "putin");
    expect(signature(groups)).toEqual(["leads:out", "meets:out"]);
    expect(group(groups, "leads", false).items).toMatchObject([{ other: "russia", direction: "out" }]);
  });

  it("names the other actor by its label", () => {
    const graph = sampleGraph();
    graph.setNodeAttribute("crimea", "label", "Crimean Peninsula");
    graph.setNodeAttribute("putin", "label", "Vladimir Putin");
    const groups = groupRelations(graph, "russia");
    expect(group(groups, "annexes", false).items[0]).toMatchObject({ other: "crimea", otherLabel: "Crimean Peninsula" });
    expect(group(groups, "leads", true).items[0]).toMatchObject({ other: "putin", otherLabel: "Vladimir Putin" });
    // The actor's own label appears nowhere as "other".
    graph.setNodeAttribute("russia", "label", "Russian Federation");
    for (const g of groupRelations(graph, "russia")) for (const item of g.items) expect(item.otherLabel).not.toBe("Russian Federation");
  });

  it("sorts the items of a group by date, whatever the order of the edges", () => {
    const graph = makeGraph({
      nodes: [
        ["x", "country"],
        ["a", "country"],
        ["b", "country"],
        ["c", "country"],
        ["d", "country"],
      ],
      edges: [
        ["x", "sanctions", "a", ["n", "2020-05"]],
        ["x", "sanctions", "b", ["n", "2010"]],
        ["x", "sanctions", "c", ["n", "2020-01-31"]],
        ["x", "sanctions", "d", ["n", "2015-12-01"]],
      ],
    });
    const items = group(groupRelations(graph, "x"), "sanctions", false).items;
    expect(items.map((i) => i.other)).toEqual(["b", "d", "c", "a"]);
    expect(items.map((i) => i.date)).toEqual(["2010", "2015-12-01", "2020-01-31", "2020-05"]);
  });

  it("dates an item by the relation's earliest evidence", () => {
    const groups = groupRelations(sampleGraph(), "russia");
    // japan sanctions russia: evidence of 2014-03 and 2022-02-25; usa sanctions russia: 2014.
    expect(group(groups, "sanctions", true).items.map((i) => [i.other, i.date])).toEqual([
      ["usa", "2014"],
      ["japan", "2014-03"],
    ]);
  });

  it("carries the evidence of each relation", () => {
    const graph = sampleGraph();
    const item = group(groupRelations(graph, "russia"), "sanctions", true).items.find((i) => i.other === "japan")!;
    expect(item.edge).toBe("japan>sanctions>russia");
    expect(item.evidence).toEqual(graph.getEdgeAttribute("japan>sanctions>russia", "evidence"));
    expect(item.evidence.map((e) => [e.article, e.date])).toEqual([
      ["a1", "2014-03"],
      ["a2", "2022-02-25"],
    ]);
  });

  it("keeps parallel relations of the same kind to the same actor as separate items", () => {
    const graph = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
      ],
      edges: [
        ["a", "criticises", "b", ["x", "2021"], { key: "e2" }],
        ["a", "criticises", "b", ["y", "2019"], { key: "e1" }],
      ],
    });
    const items = group(groupRelations(graph, "a"), "criticises", false).items;
    expect(items.map((i) => i.edge)).toEqual(["e1", "e2"]);
    expect(items.map((i) => i.evidence[0]!.article)).toEqual(["y", "x"]);
  });

  it("lists only the visible relations when visibleEdges is given", () => {
    const graph = sampleGraph();
    const visibleEdges = new Set(["japan>sanctions>russia", "russia>annexes>crimea", "japan>meets>usa"]);
    const groups = groupRelations(graph, "russia", visibleEdges);
    expect(signature(groups)).toEqual(["annexes:out", "sanctions:in"]);
    expect(group(groups, "sanctions", true).items.map((i) => i.edge)).toEqual(["japan>sanctions>russia"]);
    expect(groupRelations(graph, "russia", new Set())).toEqual([]);
  });

  it("gives nothing for an actor without relations", () => {
    expect(groupRelations(sampleGraph(), "lonely")).toEqual([]);
  });
});
