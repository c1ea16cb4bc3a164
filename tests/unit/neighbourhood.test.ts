import { describe, expect, it } from "vitest";
import { incidentEdges, neighbourhood } from "../../src/core/neighbourhood";
import { makeGraph, sampleGraph, sorted } from "./helpers/graphs";

const g = sampleGraph();

describe("neighbourhood", () => {
  it("is the node alone at depth 0", () => {
    expect([...neighbourhood(g, "russia", 0)]).toEqual(["russia"]);
  });

  it("follows relations in both directions at depth 1", () => {
    // russia is the object of all but one of its relations.
    expect(sorted(neighbourhood(g, "russia", 1))).toEqual(["china", "crimea", "japan", "putin", "russia", "ukraine", "usa"]);
    expect(sorted(neighbourhood(g, "crimea", 1))).toEqual(["crimea", "russia"]);
  });

  it("reaches two hops at depth 2, ordered by distance", () => {
    const near = [...neighbourhood(g, "crimea", 2)];
    expect(near[0]).toBe("crimea");
    expect(near[1]).toBe("russia");
    expect(sorted(near.slice(2))).toEqual(["china", "japan", "putin", "ukraine", "usa"]);
    expect(sorted(neighbourhood(g, "g7", 2))).toEqual(["abe", "g7", "japan", "nato", "russia", "usa"]);
  });

  it("stops growing once everything reachable is reached", () => {
    expect(neighbourhood(g, "crimea", 10).size).toBe(10); // all but lonely
    expect([...neighbourhood(g, "lonely", 2)]).toEqual(["lonely"]);
  });

  it("crosses only the edges the filter lets through", () => {
    const conflictOnly = (_: string, attrs: { family: string }) => attrs.family === "conflict";
    expect(sorted(neighbourhood(g, "japan", 2, conflictOnly))).toEqual(["crimea", "japan", "russia", "ukraine", "usa"]);
    const onlyEdge = (edge: string) => edge === "japan>meets>usa";
    expect(sorted(neighbourhood(g, "japan", 2, onlyEdge))).toEqual(["japan", "usa"]);
  });

  it("is empty for an unknown node", () => {
    expect(neighbourhood(g, "atlantis", 2).size).toBe(0);
  });

  it("copes with self-loops and parallel edges", () => {
    const h = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
        ["c", "country"],
      ],
      edges: [
        ["a", "criticises", "a", ["x", "2010"]],
        ["a", "sanctions", "b", ["x", "2010"]],
        ["b", "sanctions", "a", ["x", "2011"]],
        ["b", "meets", "c", ["x", "2011"]],
      ],
    });
    expect([...neighbourhood(h, "a", 1)]).toEqual(["a", "b"]);
    expect([...neighbourhood(h, "a", 2)]).toEqual(["a", "b", "c"]);
  });
});

describe("incidentEdges", () => {
  it("lists relations where the node is subject or object", () => {
    expect(sorted(incidentEdges(g, "usa"))).toEqual(["japan>meets>usa", "usa>member-of>g7", "usa>member-of>nato", "usa>sanctions>russia"]);
  });

  it("lists a self-loop once", () => {
    const h = makeGraph({
      nodes: [
        ["a", "country"],
        ["b", "country"],
      ],
      edges: [
        ["a", "criticises", "a", ["x", "2010"]],
        ["b", "sanctions", "a", ["x", "2010"]],
      ],
    });
    expect(sorted(incidentEdges(h, "a"))).toEqual(["a>criticises>a", "b>sanctions>a"]);
  });

  it("applies the filter, which sees source and target", () => {
    const outgoing = (_e: string, _a: unknown, source: string) => source === "usa";
    expect(sorted(incidentEdges(g, "usa", outgoing))).toEqual(["usa>member-of>g7", "usa>member-of>nato", "usa>sanctions>russia"]);
  });

  it("is empty for an unknown or isolated node", () => {
    expect(incidentEdges(g, "atlantis")).toEqual([]);
    expect(incidentEdges(g, "lonely")).toEqual([]);
  });
});
