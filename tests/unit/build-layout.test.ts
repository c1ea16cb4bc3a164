/** The build's layout is made for reading: on the curated corpus no two actors overlap, and labels have room. */
import { describe, expect, it } from "vitest";
import { buildGraph } from "../../graph/build/index";
import { nodeSize } from "../../graph/build/layout";
import { readability } from "../../graph/build/readability";
import { NODE_SIZES } from "../../src/model/graph-file";
import { MINI } from "./helpers/corpus";

const CORPUS = new URL("../../graph/corpus", import.meta.url).pathname;

describe("the layout of the curated corpus", () => {
  const { graph } = buildGraph(CORPUS);

  it("has no two actors whose discs overlap (sizes are in the units of positions)", () => {
    expect(readability(graph).actorOverlaps).toBe(0);
  });

  it("leaves room for the first view's labels before any placement", () => {
    // Not pinned at zero: the renderer's placement drops what still collides; this keeps the layout honest.
    expect(readability(graph).labelOverlapShare).toBeLessThan(0.2);
  });

  it("sizes actors by relations within the model's range, the largest at the top", () => {
    let max = 0;
    graph.forEachNode((_, a) => (max = Math.max(max, a.size)));
    expect(max).toBe(NODE_SIZES.max);
    graph.forEachNode((_, a) => expect(a.size).toBeGreaterThanOrEqual(NODE_SIZES.min));
  });
});

describe("readability", () => {
  it("counts overlapping discs", () => {
    const { graph } = buildGraph(MINI, { iterations: 10 });
    const [a, b] = graph.nodes();
    graph.mergeNodeAttributes(b!, { x: graph.getNodeAttribute(a!, "x"), y: graph.getNodeAttribute(a!, "y") });
    expect(readability(graph).actorOverlaps).toBeGreaterThanOrEqual(1);
  });

  it("sizes an actor without relations at the minimum and the best connected at the maximum", () => {
    expect(nodeSize(0, 10)).toBe(NODE_SIZES.min);
    expect(nodeSize(10, 10)).toBe(NODE_SIZES.max);
  });
});
