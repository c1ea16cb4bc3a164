/**
 * The benchmark's floor: the same graph.json drawn by sigma and graphology
 * alone — no React, no store, no validation, no panels. It draws what the app
 * draws (same settings, colours, sizes and edge programs, from the app's
 * modules: src/sigma/settings.ts, the parallel index of src/sigma/decorate.ts,
 * src/core/palette.ts, src/core/highlight.ts) and reacts the naive way: the
 * display attributes are written into the graph, and a hover or a selection
 * dims everything but the actor's neighbourhood through reducers installed
 * with `setSetting`, redrawn with `refresh({ skipIndexation: true })`;
 * a filter or a time window hides through the same reducers, redrawn with a
 * full `refresh()`; "Run layout" runs ForceAtlas2 in a worker with the app's
 * settings; a search result flies the camera as the app does. Its own code is
 * the least that can do this: one import of the file, plain loops for the
 * family filter and the (whole-year) time window, a linear label search.
 *
 * Whatever the app does beyond this is the app's own cost; the benchmark
 * reports each app figure as a ratio to this page's. It exposes `window.__floor`
 * (see FloorHandle) for the benchmark's page harness (bench/browser/harness.ts).
 *
 * Query: ?w=WIDTH&h=HEIGHT sizes the graph container in CSS pixels, so it can
 * match the app's graph area.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import Sigma from "sigma";
import { highlightOf, type Highlight } from "../../src/core/highlight";
import { DIMMED_EDGE_COLOR, DIMMED_NODE_COLOR, familyColor, kindColor } from "../../src/core/palette";
import type { VisibleSets } from "../../src/model/visible";
import { edgeThickness, parallelIndex } from "../../src/sigma/decorate";
import { edgeProgramType, parallelCurvature } from "../../src/sigma/edge-curvature";
import { SETTINGS } from "../../src/sigma/settings";

interface Evidence {
  date: string;
}
type Attrs = Record<string, unknown>;

export interface FloorHandle {
  ready: boolean;
  sigma: Sigma;
  graph: MultiDirectedGraph;
  hovered: string | null;
  selected: string | null;
  /** What a pointer entering (node) or leaving (null) an actor does. */
  hover(node: string | null): void;
  select(node: string | null): void;
  /** Relation families to show; null shows all. */
  setFamilies(families: string[] | null): void;
  /** A window of whole years, inclusive; null is open-ended. */
  setTime(from: string | null, to: string | null): void;
  nodeViewport(node: string): { x: number; y: number } | null;
  layoutRunning(): boolean;
}

declare global {
  interface Window {
    __floor?: FloorHandle;
  }
}

const params = new URLSearchParams(location.search);
const container = document.getElementById("graph")!;
if (params.get("w")) container.style.width = `${Number(params.get("w"))}px`;
if (params.get("h")) container.style.height = `${Number(params.get("h"))}px`;

async function main(): Promise<void> {
  const response = await fetch("./graph.json");
  const graph = new MultiDirectedGraph();
  graph.import((await response.json()) as SerializedGraph);
  // The app's look (src/sigma/decorate.ts), written into the graph: colour by kind and family, thickness by evidence, curves.
  graph.updateEachNodeAttributes((_, a) => ({ ...a, color: (a.color as string) ?? kindColor(a.kind as string) }));
  const parallels = parallelIndex(graph);
  graph.updateEachEdgeAttributes((edge, a) => {
    const { index, max } = parallels.get(edge)!;
    const curved = index !== null && max !== null && index !== 0;
    return {
      ...a,
      color: (a.color as string) ?? familyColor(a.family as string),
      size: (a.size as number) ?? edgeThickness(a.weight as number),
      type: edgeProgramType(a.directed !== false, curved),
      curvature: curved ? parallelCurvature(index, max) : 0,
    };
  });

  let hovered: string | null = null;
  let selected: string | null = null;
  let families: Set<string> | null = null;
  let from: string | null = null;
  let to: string | null = null;

  // What is shown: every actor and relation, or those that pass the family filter and the time window.
  const everything = (): VisibleSets => ({ nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) });
  let visible = everything();
  const computeVisible = () => {
    if (families === null && from === null && to === null) {
      visible = everything();
      return;
    }
    const dated = (e: Evidence) => {
      const year = e.date.slice(0, 4);
      return (from === null || year >= from) && (to === null || year <= to);
    };
    const edges = new Set<string>();
    const nodes = new Set<string>();
    graph.forEachEdge((edge, a, source, target) => {
      if (families && !families.has(a.family as string)) return;
      if ((from !== null || to !== null) && !(a.evidence as Evidence[]).some(dated)) return;
      edges.add(edge);
      nodes.add(source);
      nodes.add(target);
    });
    visible = { nodes, edges };
  };
  // The highlight as the app computes it (src/core/highlight.ts); the reducers dim what it does not light.
  let lit: Highlight;
  const computeContext = () => {
    lit = highlightOf(graph, visible, { hovered, selected });
  };
  computeContext();

  const sigma = new Sigma(graph, container, SETTINGS);
  // Labels forced on up to this many lit neighbours, as the app does.
  const FORCED = 25;
  sigma.setSetting("nodeReducer", (node, data) => {
    if (!visible.nodes.has(node)) return { ...data, hidden: true };
    if (lit.actor !== null && !lit.nodes.has(node)) return { ...data, color: DIMMED_NODE_COLOR, label: null, zIndex: 0 };
    const on = lit.nodes.has(node);
    return {
      ...data,
      zIndex: on ? 2 : 1,
      forceLabel: node === lit.actor || (on && lit.nodes.size <= FORCED),
      highlighted: node === lit.actor,
    };
  });
  sigma.setSetting("edgeReducer", (edge, data) => {
    if (!visible.edges.has(edge)) return { ...data, hidden: true };
    if (lit.edges.has(edge))
      return {
        ...data,
        zIndex: 2,
        forceLabel: lit.edges.size <= FORCED,
        label: lit.edges.size <= FORCED ? (data.label as string | null) : null,
      };
    if (lit.actor !== null) return { ...data, color: DIMMED_EDGE_COLOR, label: null, zIndex: 0 };
    return { ...data, label: null, zIndex: 1 };
  });

  const highlight = () => {
    computeContext();
    sigma.refresh({ skipIndexation: true });
  };
  sigma.on("enterNode", ({ node }) => handle.hover(node));
  sigma.on("leaveNode", () => handle.hover(null));

  const layout = new FA2Layout(graph, {
    settings: { ...forceAtlas2.inferSettings(graph), slowDown: 5 },
    getEdgeWeight: "weight",
  });
  const layoutButton = document.querySelector<HTMLButtonElement>("button.layout")!;
  layoutButton.addEventListener("click", () => {
    if (layout.isRunning()) layout.stop();
    else layout.start();
    layoutButton.textContent = layout.isRunning() ? "Stop layout" : "Run layout";
  });

  // Search: the first matches by label, exact first; Enter flies to the best one (as the app's camera.ts does).
  const input = document.querySelector<HTMLInputElement>("input")!;
  const list = document.querySelector<HTMLUListElement>("ul.results")!;
  let hits: string[] = [];
  input.addEventListener("input", () => {
    const q = input.value.trim().toLowerCase();
    const scored: [number, string][] = [];
    if (q) {
      graph.forEachNode((node, a: Attrs) => {
        if (!visible.nodes.has(node)) return;
        const label = String(a.label).toLowerCase();
        const score = label === q ? 0 : label.startsWith(q) ? 1 : label.includes(q) ? 2 : -1;
        if (score >= 0) scored.push([score, node]);
      });
    }
    hits = scored
      .sort((a, b) => a[0] - b[0])
      .slice(0, 12)
      .map(([, n]) => n);
    list.replaceChildren(
      ...hits.map((n) => {
        const li = document.createElement("li");
        li.setAttribute("role", "option");
        li.textContent = String(graph.getNodeAttribute(n, "label"));
        return li;
      }),
    );
  });
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || hits.length === 0) return;
    event.preventDefault();
    const node = hits[0]!;
    list.replaceChildren();
    handle.select(node);
    const data = sigma.getNodeDisplayData(node);
    if (!data) return;
    const camera = sigma.getCamera();
    void camera.animate({ x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
  });

  const handle: FloorHandle = {
    ready: false,
    sigma,
    graph,
    get hovered() {
      return hovered;
    },
    get selected() {
      return selected;
    },
    hover(node) {
      if (node === hovered) return;
      hovered = node;
      highlight();
    },
    select(node) {
      if (node === selected) return;
      selected = node;
      highlight();
    },
    setFamilies(list) {
      families = list === null ? null : new Set(list);
      computeVisible();
      computeContext();
      sigma.refresh();
    },
    setTime(f, t) {
      from = f;
      to = t;
      computeVisible();
      computeContext();
      sigma.refresh();
    },
    nodeViewport(node) {
      const data = sigma.getNodeDisplayData(node);
      if (!data || data.hidden) return null;
      const { x, y } = sigma.framedGraphToViewport(data);
      const box = sigma.getContainer().getBoundingClientRect();
      return { x: box.left + x, y: box.top + y };
    },
    layoutRunning: () => layout.isRunning(),
  };
  window.__floor = handle;
  // Sigma drew the graph in its constructor; the reducers' refresh is scheduled for the next frame.
  handle.ready = true;
}

void main();
