import { MultiDirectedGraph } from "graphology";
import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import { FAMILY_COLORS, KIND_COLORS } from "../../src/core/palette";
import { decorate, edgeThickness, nodeColor, parallelIndex } from "../../src/sigma/decorate";
import { edgeReducer, nodeReducer, renderContext } from "../../src/sigma/reducers";
import { NO_HIGHLIGHT } from "../../src/core/highlight";
import { NODE_SIZES } from "../../src/model/graph-file";

// @sigma/edge-curve reads WebGL constants when loaded; its index is the reference for ours.
vi.hoisted(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebGLRenderingContext ??= class {};
  g.WebGL2RenderingContext ??= class {};
});
const { indexParallelEdgesIndex } = await import("@sigma/edge-curve");

describe("parallelIndex", () => {
  it("numbers parallel relations exactly as @sigma/edge-curve does, for any multigraph", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), { maxLength: 30 }), (pairs) => {
        const graph = new MultiDirectedGraph();
        for (let i = 0; i < 5; i++) graph.addNode(`n${i}`);
        pairs.forEach(([s, t], i) => graph.addDirectedEdgeWithKey(`e${i}`, `n${s}`, `n${t}`));
        const ours = parallelIndex(graph);
        indexParallelEdgesIndex(graph, { edgeIndexAttribute: "i", edgeMaxIndexAttribute: "max", edgeMinIndexAttribute: "min" });
        graph.forEachEdge((edge, a) => {
          expect(ours.get(edge)).toEqual({ index: a.i ?? null, max: a.max ?? null });
        });
      }),
    );
  });

  it("keeps node keys apart that a separator would confuse", () => {
    const graph = new MultiDirectedGraph();
    for (const n of ["a>b", "c", "a", "b>c"]) graph.addNode(n);
    graph.addDirectedEdgeWithKey("x", "a>b", "c");
    graph.addDirectedEdgeWithKey("y", "a", "b>c");
    expect(parallelIndex(graph).get("x")).toEqual({ index: null, max: null });
    expect(parallelIndex(graph).get("y")).toEqual({ index: null, max: null });
  });
});

describe("decorate", () => {
  const graph = new MultiDirectedGraph();
  graph.addNode("a", { kind: "country" });
  graph.addNode("b", { kind: "person" });
  graph.addDirectedEdgeWithKey("ab", "a", "b", { family: "conflict", directed: true, weight: 4 });
  graph.addDirectedEdgeWithKey("ab2", "a", "b", { family: "cooperation", directed: false, weight: 1, color: "#123456", size: 9 });

  it("colours and sizes relations by family and evidence unless the file brings its own, and curves parallels", () => {
    const look = decorate(graph as never).edges;
    expect(look.get("ab")).toMatchObject({ color: FAMILY_COLORS.conflict, size: edgeThickness(4), type: "curvedArrow" });
    expect(look.get("ab2")).toMatchObject({ color: "#123456", size: 9, type: "curvedLine" });
    expect(look.get("ab")!.curvature).toBe(-look.get("ab2")!.curvature);
  });

  it("writes nothing into the graph", () => {
    const before = JSON.stringify(graph.export());
    decorate(graph as never);
    expect(JSON.stringify(graph.export())).toBe(before);
  });

  it("colours an actor by its kind unless it has its own colour", () => {
    expect(nodeColor({ kind: "person" })).toBe(KIND_COLORS.get("person"));
    expect(nodeColor({ kind: "person", color: "#abcdef" })).toBe("#abcdef");
  });
});

describe("the reducers read named attributes only", () => {
  const visible = { nodes: new Set(["a", "b"]), edges: new Set(["ab"]) };
  const ctx = renderContext({ edges: new Map() }, visible, {
    lit: NO_HIGHLIGHT,
    selected: null,
    selectedEdge: null,
    path: null,
  });

  it("never passes a file's type, hidden, highlighted, forceLabel or zIndex on to the renderer", () => {
    const hostile = {
      x: 1,
      y: 2,
      size: 4,
      label: "A",
      kind: "constructor",
      type: "person",
      hidden: true,
      highlighted: true,
      forceLabel: true,
      zIndex: 9,
    };
    const d = nodeReducer("a", hostile, ctx);
    expect(d).toMatchObject({ type: "circle", x: 1, y: 2, size: 4, label: "A" });
    expect(d.hidden).toBeUndefined();
    expect(d.highlighted).toBe(false);
    expect(d.zIndex).toBe(1);
    const e = edgeReducer("ab", { label: "x", type: "bogus", hidden: true, forceLabel: true } as never, ctx);
    expect(e.type).toBe("straightArrow");
    expect(e.hidden).toBeUndefined();
  });

  it("draws an actor with a broken size or position at a default instead of failing", () => {
    const d = nodeReducer("a", { x: Number.NaN, y: "1", size: -3, label: 7 }, ctx);
    expect(d).toMatchObject({ x: 0, y: 0, size: NODE_SIZES.min, label: null });
  });
});
