/**
 * One graph's rendering, as a controller that pushes the state into sigma
 * (Gephi Lite's renderer controllers do the same): its decoration, the
 * context the reducers read, and the sigma settings that carry the reducers
 * from the very first frame (so no frame draws the data's own attributes).
 */
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { store, type AppState } from "../state";
import type { KGGraph } from "../state/data";
import { SCHEMES } from "../core/palette";
import type { Bundle } from "../core/bundles";
import { selectClosedBundles, selectHighlight, selectPathSets, selectRings, selectVisible } from "../state/derived";
import { selectLooks } from "../state/looks";
import { bundleLooks, decorate, type BundleLook, type Decoration } from "./decorate";
import {
  canvasMeasure,
  drawHoverRing,
  drawLabels,
  drawMarks,
  LABEL_STYLE,
  layoutLabels,
  overlayBoxes,
  type DrawnLabel,
  type LabelLayer,
} from "./labels";
import { labelStyleFor, recoloured } from "./node-looks";
import { edgeReducer, nodeReducer, renderContext, type RenderContext } from "./reducers";
import { clearRenderer, setRenderer } from "./renderer";
import { SETTINGS } from "./settings";

export interface Rendering {
  readonly decoration: Decoration;
  readonly settings: Partial<Settings>;
  /** The labels drawn in the last frame, in CSS pixels of the graph area. */
  labels(): readonly DrawnLabel[];
  /** Starts pushing state changes into `sigma`; returns a function that stops. */
  attach(sigma: Sigma): () => void;
}

/** Bundle looks are computed once per set of closed bundles (and colouring of relations). */
const looksCache = new WeakMap<ReadonlyMap<string, Bundle>, { decoration: Decoration; looks: Map<string, BundleLook> }>();
function looksOf(bundled: ReadonlyMap<string, Bundle>, decoration: Decoration): Map<string, BundleLook> {
  let cached = looksCache.get(bundled);
  if (cached?.decoration !== decoration) looksCache.set(bundled, (cached = { decoration, looks: bundleLooks(bundled, decoration) }));
  return cached.looks;
}

function contextOf(state: AppState, loaded: Decoration): RenderContext {
  const bundled = selectClosedBundles(state);
  // The appearance's sizes and colours (src/sigma/node-looks.ts): relations recoloured in the decoration, actors in `looks`.
  const looks = selectLooks(state);
  const decoration = recoloured(loaded, looks.edgeColors);
  return renderContext(decoration, selectVisible(state), {
    lit: selectHighlight(state),
    selected: state.view.selected,
    selectedEdge: state.view.selectedEdge,
    path: selectPathSets(state),
    rings: selectRings(state),
    dragged: state.ui.dragged,
    scheme: SCHEMES[state.ui.scheme],
    bundled,
    bundleLooks: looksOf(bundled, decoration),
    edgeLabels: state.view.appearance.edgeLabels,
    looks,
  });
}

/** A state change the picture shows: a new visible set (full refresh) or a new highlight (cheap refresh). */
function change(state: AppState, prev: AppState): "visible" | "highlight" | null {
  if (selectVisible(state) !== selectVisible(prev) || selectPathSets(state) !== selectPathSets(prev)) return "visible";
  // Opening or closing a bundle shows and hides relations.
  if (selectClosedBundles(state) !== selectClosedBundles(prev) || state.view.appearance !== prev.view.appearance) return "visible";
  // Statistics arriving change what the appearance sizes and colours by.
  if (selectLooks(state) !== selectLooks(prev)) return "visible";
  const highlight =
    selectHighlight(state) !== selectHighlight(prev) ||
    selectRings(state) !== selectRings(prev) ||
    state.view.selected !== prev.view.selected ||
    state.view.selectedEdge !== prev.view.selectedEdge ||
    state.ui.dragged !== prev.ui.dragged ||
    state.ui.scheme !== prev.ui.scheme;
  return highlight ? "highlight" : null;
}

export function createRendering(graph: KGGraph): Rendering {
  const decoration = decorate(graph);
  let seen = store.getState();
  let ctx = contextOf(seen, decoration);
  const settings: Partial<Settings> = {
    ...SETTINGS,
    // The label layer draws every label, placed together (labels.ts); sigma's hover draws only a ring.
    renderLabels: false,
    renderEdgeLabels: false,
    defaultDrawNodeHover: (context, data) => drawHoverRing(context, data, ctx.scheme.pillLine),
    nodeReducer: (node, data) => nodeReducer(node, data, ctx),
    edgeReducer: (edge, data) => edgeReducer(edge, data, ctx),
  };
  const push = (sigma: Sigma, state: AppState, prev: AppState) => {
    // A newly loaded graph gets its own rendering; this one only waits to be killed.
    if (state.data.loaded?.graph !== graph) return;
    const what = change(state, prev);
    seen = state;
    if (!what) return;
    ctx = contextOf(state, decoration);
    if (what === "visible") sigma.refresh();
    else sigma.refresh({ skipIndexation: true });
  };
  let lastLayer: LabelLayer = { labels: [], marks: [] };
  return {
    decoration,
    settings,
    labels: () => lastLayer.labels,
    attach(sigma) {
      // A new graph's rendering may meet the old renderer for a moment, before React swaps it.
      const canvas = sigma.getCanvases().labels;
      if (sigma.getGraph() !== graph || !canvas) return () => {};
      setRenderer({ sigma, decoration, layer: () => lastLayer, contextFor: (scheme) => ({ ...ctx, scheme }) });
      const context = canvas.getContext("2d")!;
      const measure = canvasMeasure(context);
      const drawn = () => {
        const style = labelStyleFor(seen.view.appearance, { ...LABEL_STYLE, scheme: ctx.scheme });
        const layer = layoutLabels(sigma, style, measure, overlayBoxes(sigma.getContainer()));
        lastLayer = layer;
        drawMarks(context, layer.marks, style);
        drawLabels(context, layer.labels, style);
      };
      sigma.on("afterRender", drawn);
      // The first frame was drawn when sigma was created, before this layer listened.
      drawn();
      // The state may have moved on since the rendering was created.
      push(sigma, store.getState(), seen);
      const unsubscribe = store.subscribe((state, prev) => push(sigma, state, prev));
      // A renderer killed by a newly opened graph is no longer the one on screen.
      const forget = () => clearRenderer(sigma);
      sigma.once("kill", forget);
      return () => {
        unsubscribe();
        sigma.off("kill", forget);
        sigma.off("afterRender", drawn);
      };
    },
  };
}
