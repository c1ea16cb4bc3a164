import { describe, expect, it } from "vitest";
import { DIMMED_EDGE_COLOR, DIMMED_NODE_COLOR, PATH_COLOR } from "../../src/core/palette";
import { highlightOf } from "../../src/core/highlight";
import { decorate, type Decoration } from "../../src/sigma/decorate";
import { edgeLabelRank, edgeReducer, LABEL_RANK, nodeLabelRank, nodeReducer, renderContext } from "../../src/sigma/reducers";
import type { VisibleSets } from "../../src/model/visible";
import { sampleGraph, sorted, type TestGraph } from "./helpers/graphs";

/*
 * The sample graph (tests/unit/helpers/graphs.ts):
 *
 *   japan ─sanctions→ russia ←sanctions─ usa        abe ─leads→ japan
 *   japan ─criticises→ russia                        putin ─leads→ russia
 *   japan ─meets─ usa                                abe ─meets─ putin
 *   russia ─annexes→ crimea                          japan, usa ─member-of→ g7
 *   china ─supports→ russia                          usa ─member-of→ nato
 *   ukraine ─criticises→ russia                      lonely: no relation
 */

const graph: TestGraph = sampleGraph();

/** Distinct colours per node and edge, so "kept its colour" means its own. */
const nodeColor = (node: string) => `#${(graph.nodes().indexOf(node) + 1).toString(16).padStart(6, "a")}`;
const edgeColor = (edge: string) => `#${(graph.edges().indexOf(edge) + 1).toString(16).padStart(6, "b")}`;

function nodeData(node: string) {
  const a = graph.getNodeAttributes(node);
  return { label: a.label, x: a.x, y: a.y, size: a.size, color: nodeColor(node) };
}
function edgeData(edge: string) {
  return { label: graph.getEdgeAttribute(edge, "label"), size: 2, color: edgeColor(edge) };
}

const everything: VisibleSets = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };

/** china and its relation filtered out, and two relations hidden between visible actors. */
const HIDDEN_EDGES = ["china>supports>russia", "japan>criticises>russia", "abe>leads>japan"];
const filtered: VisibleSets = {
  nodes: new Set(graph.nodes().filter((n) => n !== "china")),
  edges: new Set(graph.edges().filter((e) => !HIDDEN_EDGES.includes(e))),
};

interface StateSpec {
  hovered?: string | null;
  selected?: string | null;
  selectedEdge?: string | null;
  path?: VisibleSets | null;
}
/** Each relation drawn in its own colour, so "kept its colour" means its own. */
const decoration: Decoration = {
  edges: new Map(graph.edges().map((e) => [e, { type: "straightArrow", curvature: 0, color: edgeColor(e), size: 2 }])),
};

/** The reducers' context for a graph, as ReducerSync builds it from the state. */
function contextFor(g: Parameters<typeof highlightOf>[0], visible: VisibleSets, s: StateSpec, look: Decoration) {
  const lit = highlightOf(g, visible, { hovered: s.hovered ?? null, selected: s.selected ?? null, selectedEdge: s.selectedEdge ?? null });
  return renderContext(look, visible, { lit, selected: s.selected ?? null, selectedEdge: s.selectedEdge ?? null, path: s.path ?? null });
}
const context = (visible: VisibleSets, s: StateSpec = {}) => contextFor(graph, visible, s, decoration);

const node = (key: string, ctx: ReturnType<typeof context>) => nodeReducer(key, nodeData(key), ctx);
const edge = (key: string, ctx: ReturnType<typeof context>) => edgeReducer(key, edgeData(key), ctx);

const isDimmedNode = (d: ReturnType<typeof node>) => d.color === DIMMED_NODE_COLOR && d.label === null;
const isDimmedEdge = (d: ReturnType<typeof edge>) => d.color === DIMMED_EDGE_COLOR && d.label === null;

describe("visibility", () => {
  it("hides the nodes and edges that are not visible", () => {
    const ctx = context(filtered);
    expect(node("china", ctx).hidden).toBe(true);
    for (const e of HIDDEN_EDGES) expect(edge(e, ctx).hidden).toBe(true);
    expect(node("russia", ctx).hidden).toBeFalsy();
    expect(edge("usa>sanctions>russia", ctx).hidden).toBeFalsy();
  });

  it("keeps hidden what is hidden, however it is highlighted", () => {
    const path: VisibleSets = { nodes: new Set(["china", "russia"]), edges: new Set(["china>supports>russia"]) };
    const ctx = context(filtered, { hovered: "russia", selected: "china", selectedEdge: "japan>criticises>russia", path });
    expect(node("china", ctx).hidden).toBe(true);
    expect(edge("china>supports>russia", ctx).hidden).toBe(true);
    expect(edge("japan>criticises>russia", ctx).hidden).toBe(true);
  });
});

describe("at rest (no hover, selection or path)", () => {
  const ctx = context(filtered);

  it("has no focus", () => {
    expect(ctx.lit.actor).toBeNull();
    expect(ctx.lit.nodes.size).toBe(0);
    expect(ctx.lit.edges.size).toBe(0);
  });

  it("draws every visible node in its own colour, with its label", () => {
    for (const n of filtered.nodes) {
      const d = node(n, ctx);
      expect(d.color).toBe(nodeColor(n));
      expect(d.label).toBe(graph.getNodeAttribute(n, "label"));
      expect(d.hidden).toBeFalsy();
    }
  });

  it("draws every visible edge in its own colour, without a label", () => {
    for (const e of filtered.edges) {
      const d = edge(e, ctx);
      expect(d.color).toBe(edgeColor(e));
      // The label layer draws no relation label at rest.
      expect(edgeLabelRank(e, ctx)).toBeNull();
      expect(d.labelRank).toBeUndefined();
      expect(d.hidden).toBeFalsy();
    }
  });

  it("does not change the data it is given", () => {
    const data = nodeData("japan");
    const copy = { ...data };
    nodeReducer("japan", data, context(everything, { hovered: "ukraine" }));
    expect(data).toEqual(copy);
    const e = edgeData("usa>sanctions>russia");
    const eCopy = { ...e };
    edgeReducer("usa>sanctions>russia", e, context(everything, { hovered: "japan" }));
    expect(e).toEqual(eCopy);
  });
});

describe("hovering a node", () => {
  // japan's visible neighbours: russia (sanctions; criticises is hidden), usa, g7. abe leads japan, but that edge is hidden.
  const ctx = context(filtered, { hovered: "japan" });

  it("lights the node and its visible neighbours", () => {
    expect(ctx.lit.actor).toBe("japan");
    expect(sorted(ctx.lit.nodes)).toEqual(["g7", "japan", "russia", "usa"]);
    expect(sorted(ctx.lit.edges)).toEqual(["japan>meets>usa", "japan>member-of>g7", "japan>sanctions>russia"]);
  });

  it("labels the lit nodes and keeps their colours", () => {
    for (const n of ["japan", "russia", "usa", "g7"]) {
      const d = node(n, ctx);
      expect(d.labelRank).toBeLessThanOrEqual(LABEL_RANK.lit);
      expect(d.color).toBe(nodeColor(n));
      expect(d.label).toBe(graph.getNodeAttribute(n, "label"));
    }
    expect(node("japan", ctx).highlighted).toBe(true);
    expect(node("russia", ctx).highlighted).toBeFalsy();
  });

  it("dims the other nodes and drops their labels, a neighbour through a hidden relation included", () => {
    for (const n of ["abe", "putin", "ukraine", "crimea", "nato", "lonely"]) {
      const d = node(n, ctx);
      expect(isDimmedNode(d), n).toBe(true);
      expect(d.label).toBeNull();
    }
  });

  it("draws the lit nodes above the dimmed ones", () => {
    expect(node("russia", ctx).zIndex!).toBeGreaterThan(node("ukraine", ctx).zIndex!);
    expect(node("japan", ctx).zIndex!).toBeGreaterThan(node("abe", ctx).zIndex!);
  });

  it("labels the focus's visible relations and keeps their colours", () => {
    for (const e of ctx.lit.edges) {
      const d = edge(e, ctx);
      expect(d.labelRank).toBeLessThanOrEqual(LABEL_RANK.lit);
      expect(d.label).toBe(graph.getEdgeAttribute(e, "label"));
      expect(d.color).toBe(edgeColor(e));
    }
  });

  it("dims every other relation, even one between two lit neighbours", () => {
    for (const e of ["usa>sanctions>russia", "usa>member-of>g7", "ukraine>criticises>russia", "abe>meets>putin"]) {
      const d = edge(e, ctx);
      expect(isDimmedEdge(d), e).toBe(true);
      expect(d.label).toBeNull();
    }
    expect(edge("japan>sanctions>russia", ctx).zIndex!).toBeGreaterThan(edge("usa>sanctions>russia", ctx).zIndex!);
  });
});

describe("focus", () => {
  it("is the selected node when nothing is hovered", () => {
    const ctx = context(everything, { selected: "ukraine" });
    expect(ctx.lit.actor).toBe("ukraine");
    expect(sorted(ctx.lit.nodes)).toEqual(["russia", "ukraine"]);
    expect(node("ukraine", ctx).highlighted).toBe(true);
    expect(isDimmedNode(node("japan", ctx))).toBe(true);
  });

  it("is the hovered node rather than the selected one", () => {
    const ctx = context(everything, { hovered: "ukraine", selected: "nato" });
    expect(ctx.lit.actor).toBe("ukraine");
    expect(sorted(ctx.lit.nodes)).toEqual(["russia", "ukraine"]);
    expect(node("russia", ctx).labelRank).toBe(LABEL_RANK.lit);
    expect(isDimmedNode(node("usa", ctx))).toBe(true);
    expect(isDimmedEdge(edge("usa>member-of>nato", ctx))).toBe(true);
  });

  it("still marks the selected node when it is lit by the hovered one", () => {
    const ctx = context(everything, { hovered: "russia", selected: "japan" });
    expect(node("japan", ctx).highlighted).toBe(true);
    expect(node("russia", ctx).highlighted).toBe(true);
    expect(node("usa", ctx).highlighted).toBeFalsy();
  });

  it("cannot be a hidden node: nothing is lit or dimmed", () => {
    for (const state of [{ selected: "china" }, { hovered: "china" }]) {
      const ctx = context(filtered, state);
      expect(ctx.lit.actor).toBeNull();
      expect(ctx.lit.nodes.size).toBe(0);
      expect(node("russia", ctx).color).toBe(nodeColor("russia"));
      expect(node("japan", ctx).label).toBe("japan");
      expect(edge("usa>sanctions>russia", ctx).color).toBe(edgeColor("usa>sanctions>russia"));
    }
  });

  it("falls back to the selection when the hovered node is hidden", () => {
    const ctx = context(filtered, { hovered: "china", selected: "ukraine" });
    expect(ctx.lit.actor).toBe("ukraine");
    expect(isDimmedNode(node("japan", ctx))).toBe(true);
  });

  it("cannot be an actor the graph does not have", () => {
    const visible: VisibleSets = { nodes: new Set([...everything.nodes, "atlantis"]), edges: everything.edges };
    const ctx = context(visible, { selected: "atlantis" });
    expect(ctx.lit.actor).toBeNull();
    expect(node("japan", ctx).color).toBe(nodeColor("japan"));
  });
});

describe("a selected relation", () => {
  it("is emphasised and labelled at rest", () => {
    const ctx = context(everything, { selectedEdge: "usa>member-of>nato" });
    const d = edge("usa>member-of>nato", ctx);
    expect(d.size!).toBeGreaterThan(edgeData("usa>member-of>nato").size);
    expect(d.labelRank).toBeLessThanOrEqual(LABEL_RANK.lit);
    expect(d.label).toBe("is a member of");
    expect(d.color).toBe(edgeColor("usa>member-of>nato"));
    expect(d.labelRank).toBe(LABEL_RANK.focus);
    // Everything else recedes, and the relation's two actors are labelled next.
    expect(isDimmedEdge(edge("usa>member-of>g7", ctx))).toBe(true);
    expect(isDimmedNode(node("japan", ctx))).toBe(true);
    for (const n of ["usa", "nato"]) expect(node(n, ctx).labelRank, n).toBe(LABEL_RANK.joined);
  });

  it("is emphasised, not dimmed, when the focus is elsewhere", () => {
    const ctx = context(everything, { hovered: "japan", selectedEdge: "ukraine>criticises>russia" });
    const d = edge("ukraine>criticises>russia", ctx);
    expect(isDimmedEdge(d)).toBe(false);
    expect(d.size!).toBeGreaterThan(2);
    expect(d.labelRank).toBeLessThanOrEqual(LABEL_RANK.lit);
    expect(d.zIndex!).toBeGreaterThan(edge("usa>sanctions>russia", ctx).zIndex!);
  });

  it("stands out from the focus's other relations: they recede while it is selected", () => {
    const ctx = context(everything, { selected: "japan", selectedEdge: "japan>meets>usa" });
    const selected = edge("japan>meets>usa", ctx);
    const other = edge("japan>member-of>g7", ctx);
    expect(selected.size!).toBeGreaterThan(other.size!);
    expect(selected.zIndex!).toBeGreaterThan(other.zIndex!);
    expect(isDimmedEdge(other)).toBe(true);
  });
});

describe("a path", () => {
  const path: VisibleSets = {
    nodes: new Set(["japan", "usa", "nato"]),
    edges: new Set(["japan>meets>usa", "usa>member-of>nato"]),
  };

  it("draws its relations in the path colour, labelled and thicker", () => {
    const ctx = context(everything, { path });
    for (const e of path.edges) {
      const d = edge(e, ctx);
      expect(d.color).toBe(PATH_COLOR);
      expect(d.labelRank).toBeLessThanOrEqual(LABEL_RANK.lit);
      expect(d.label).toBe(graph.getEdgeAttribute(e, "label"));
      expect(d.size!).toBeGreaterThan(2);
    }
  });

  it("labels its actors and draws them above the rest", () => {
    const ctx = context(everything, { path });
    for (const n of path.nodes) {
      const d = node(n, ctx);
      expect(isDimmedNode(d)).toBe(false);
      expect(d.labelRank).toBeLessThanOrEqual(LABEL_RANK.lit);
      expect(d.zIndex!).toBeGreaterThan(node("russia", ctx).zIndex!);
    }
  });

  it("dims everything else", () => {
    const ctx = context(everything, { path });
    for (const n of graph.nodes().filter((n) => !path.nodes.has(n))) expect(isDimmedNode(node(n, ctx)), n).toBe(true);
    for (const e of graph.edges().filter((e) => !path.edges.has(e))) expect(isDimmedEdge(edge(e, ctx)), e).toBe(true);
  });

  it("keeps the path colour on relations the focus also lights", () => {
    const ctx = context(everything, { path, hovered: "japan" });
    expect(edge("japan>meets>usa", ctx).color).toBe(PATH_COLOR);
    // The focus's other relations are lit as usual; the path's actors stay lit beside the focus's neighbours.
    expect(edge("japan>sanctions>russia", ctx).color).toBe(edgeColor("japan>sanctions>russia"));
    expect(isDimmedNode(node("nato", ctx))).toBe(false);
    expect(isDimmedNode(node("russia", ctx))).toBe(false);
    expect(isDimmedNode(node("ukraine", ctx))).toBe(true);
  });
});

describe("a crowded highlight", () => {
  it("offers every label of a hub's neighbourhood to the label layer, which places what fits", async () => {
    const { MultiDirectedGraph } = await import("graphology");
    const hub = new MultiDirectedGraph();
    hub.addNode("hub");
    for (let i = 0; i < 40; i++) {
      hub.addNode(`n${i}`);
      hub.addEdgeWithKey(`e${i}`, "hub", `n${i}`, { weight: i === 0 ? 2 : 1 });
    }
    const all: VisibleSets = { nodes: new Set(hub.nodes()), edges: new Set(hub.edges()) };
    const ctx = contextFor(hub, all, { hovered: "hub" }, decorate(hub as never));
    expect(nodeReducer("hub", { label: "hub" }, ctx).labelRank).toBe(LABEL_RANK.focus);
    expect(nodeReducer("n39", { label: "n39" }, ctx)).toMatchObject({ label: "n39", labelRank: LABEL_RANK.lit });
    expect(edgeReducer("e39", { label: "rel" }, ctx)).toMatchObject({ label: "rel", labelRank: LABEL_RANK.lit });
  });
});

describe("on screen, the programs dim (gpuDim)", () => {
  const gpu = (visible: VisibleSets, spec: StateSpec = {}) => ({ ...context(visible, spec), gpuDim: true });

  it("keeps every item's own colour and flags what is lit, so a highlight touches only its neighbourhood", () => {
    const ctx = gpu(everything, { hovered: "japan" });
    const lit = node("russia", ctx);
    const dimmed = node("ukraine", ctx);
    expect([lit.color, lit.lit]).toEqual([nodeColor("russia"), 1]);
    expect([dimmed.color, dimmed.lit]).toEqual([nodeColor("ukraine"), 0]);
    expect(edge("ukraine>criticises>russia", ctx)).toMatchObject({ color: edgeColor("ukraine>criticises>russia"), lit: 0 });
    expect(edge("japan>sanctions>russia", ctx)).toMatchObject({ lit: 1 });
    // The label layer is told apart by the context, not by the display data left from before.
    expect(nodeLabelRank("ukraine", ctx)).toBeNull();
    expect(nodeLabelRank("russia", ctx)).toBe(LABEL_RANK.lit);
  });

  it("draws nothing differently at rest than the plain reducers do, but for the flag and the ring", () => {
    const plain = context(everything);
    const onScreen = gpu(everything);
    // The ring of a highlight is drawn by the label layer on screen, so `highlighted` is left out there.
    const drawn = (d: object) => ({ ...d, lit: undefined, highlighted: undefined });
    for (const n of everything.nodes) expect(drawn(node(n, onScreen))).toEqual(drawn(node(n, plain)));
  });
});

describe("touched", () => {
  it("lists what a change of highlight relights: the old and the new neighbourhoods, nothing else", async () => {
    const { touched } = await import("../../src/sigma/touched");
    const a = { ...context(everything, { hovered: "japan" }), gpuDim: true };
    const b = { ...context(everything, { hovered: "ukraine" }), gpuDim: true };
    const t = touched(a, b);
    expect(sorted(new Set(t.nodes))).toEqual(sorted(new Set([...a.lit.nodes, ...b.lit.nodes])));
    expect(sorted(new Set(t.edges))).toEqual(sorted(new Set([...a.lit.edges, ...b.lit.edges])));
    expect(t.nodes).not.toContain("nato");
  });
});
