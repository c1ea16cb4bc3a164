import { describe, expect, it } from "vitest";
import { navigationCandidates, pickInDirection, startingActor, visibleRelationCount } from "../../src/core/keyboard-nav";
import { visibleSubgraph } from "../../src/core/filters";
import { DEFAULT_VIEW } from "../../src/model/view-state";
import { sampleGraph, sorted } from "./helpers/graphs";

//        n
//   w    o    e
//             se
const points = [
  { key: "n", x: 0, y: -100 },
  { key: "w", x: -100, y: 0 },
  { key: "e", x: 100, y: 0 },
  { key: "se", x: 90, y: 40 },
  { key: "far-e", x: 400, y: 10 },
];
const origin = { x: 0, y: 0 };

describe("pickInDirection", () => {
  it("goes to the nearest candidate that lies in the arrow's direction", () => {
    expect(pickInDirection(origin, points, "up")).toBe("n");
    expect(pickInDirection(origin, points, "left")).toBe("w");
    expect(pickInDirection(origin, points, "right")).toBe("e");
  });

  it("counts sideways distance double, so the straighter of two near candidates wins", () => {
    // "se" is nearer than "e" along x but 40 px aside.
    expect(
      pickInDirection(
        { x: 0, y: 0 },
        points.filter((p) => p.key !== "e"),
        "right",
      ),
    ).toBe("se");
    expect(pickInDirection({ x: 0, y: 0 }, [points[3]!, { key: "straight", x: 150, y: 0 }], "right")).toBe("straight");
  });

  it("prefers what lies within 45° of the arrow, else anything ahead, else nothing", () => {
    expect(pickInDirection(origin, points, "down")).toBe("se");
    expect(
      pickInDirection(
        origin,
        [
          { key: "steep", x: 10, y: 200 },
          { key: "flat", x: 50, y: 5 },
        ],
        "right",
      ),
    ).toBe("flat");
    expect(pickInDirection(origin, [{ key: "steep", x: 10, y: 200 }], "right")).toBe("steep");
    expect(pickInDirection(origin, [{ key: "behind", x: -10, y: 0 }], "right")).toBe(null);
    expect(pickInDirection(origin, [], "up")).toBe(null);
  });
});

describe("navigation over the graph", () => {
  const graph = sampleGraph();
  const visible = visibleSubgraph(graph, DEFAULT_VIEW);

  it("moves among the selected actor and its visible neighbours, or among all visible actors", () => {
    expect(sorted(navigationCandidates(graph, visible, "abe"))).toEqual(["abe", "japan", "putin"]);
    expect(navigationCandidates(graph, visible, null)).toHaveLength(visible.nodes.size);
    const noLeaders = visibleSubgraph(graph, { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, relations: ["meets"] } });
    expect(sorted(navigationCandidates(graph, noLeaders, "abe"))).toEqual(["abe", "putin"]);
  });

  it("counts visible relations and starts at the selection or the best-connected actor", () => {
    expect(visibleRelationCount(graph, "russia", visible)).toBe(graph.degree("russia"));
    expect(visibleRelationCount(graph, "nobody", visible)).toBe(0);
    expect(startingActor(graph, visible, null)).toBe("russia");
    expect(startingActor(graph, visible, "abe")).toBe("abe");
    expect(startingActor(graph, visible, "lonely")).toBe("russia"); // hidden selection: not a start
  });
});
