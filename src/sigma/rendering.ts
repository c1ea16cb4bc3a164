/**
 * One graph's rendering, as a controller that pushes the state into sigma
 * (Gephi Lite's renderer controllers do the same): its decoration, the
 * context the reducers read, and the sigma settings that carry the reducers
 * and the dimmable programs from the very first frame (so no frame draws the
 * data's own attributes).
 *
 * A change costs what it changes. A new highlight (a hover, a selection, a
 * path, a bundle opening) refreshes only the actors and relations whose look
 * it changes, with sigma's partial refresh, and switches the programs' dimming
 * on or off; a new visible set or appearance refreshes everything.
 */
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { Bundle } from "../core/bundles";
import { isHighlighted } from "../core/highlight";
import { SCHEMES } from "../core/palette";
import { store, type AppState } from "../state";
import type { KGGraph } from "../state/data";
import {
  selectBundles,
  selectComparison,
  selectHighlight,
  selectOpenBundles,
  selectPathSets,
  selectRings,
  selectVisible,
} from "../state/derived";
import { selectLooks } from "../state/looks";
import { bundleLooks, decorate, type BundleLook, type Decoration } from "./decorate";
import {
  canvasMeasure,
  drawLabels,
  drawMarks,
  LABEL_STYLE,
  layoutLabels,
  drawRings,
  overlayBoxes,
  type DrawnLabel,
  type LabelLayer,
} from "./labels";
import { dimmableEdgeProgramClasses, dimmableNodeProgramClasses, dimming, rgba } from "./programs";
import { labelStyleFor, recoloured } from "./node-looks";
import { edgeReducer, nodeReducer, renderContext, type RenderContext } from "./reducers";
import { clearRenderer, setRenderer } from "./renderer";
import { changesProgram, touched } from "./touched";
import { SETTINGS } from "./settings";

export interface Rendering {
  readonly decoration: Decoration;
  readonly settings: Partial<Settings>;
  /** The labels drawn in the last frame, in CSS pixels of the graph area. */
  labels(): readonly DrawnLabel[];
  /** Starts pushing state changes into `sigma`; returns a function that stops. */
  attach(sigma: Sigma): () => void;
}

/** Bundle looks are computed once per set of bundles (a new visible set) and colouring of relations. */
const looksCache = new WeakMap<ReadonlyMap<string, Bundle>, { decoration: Decoration; looks: Map<string, BundleLook> }>();
function looksOf(bundles: ReadonlyMap<string, Bundle>, decoration: Decoration): Map<string, BundleLook> {
  let cached = looksCache.get(bundles);
  if (cached?.decoration !== decoration) looksCache.set(bundles, (cached = { decoration, looks: bundleLooks(bundles, decoration) }));
  return cached.looks;
}

function contextOf(state: AppState, loaded: Decoration): RenderContext {
  const bundles = selectBundles(state);
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
    bundles,
    open: selectOpenBundles(state),
    bundleLooks: looksOf(bundles, decoration),
    edgeLabels: state.view.appearance.edgeLabels,
    gpuDim: true,
    looks,
    compare: selectComparison(state),
  });
}

/** Whether the change between two contexts needs every item reprocessed (not only what a highlight touches). */
function structural(a: RenderContext, b: RenderContext): boolean {
  return (
    a.visible !== b.visible ||
    a.bundles !== b.bundles ||
    a.rings !== b.rings ||
    a.scheme !== b.scheme ||
    a.edgeLabels !== b.edgeLabels ||
    a.looks !== b.looks ||
    a.decoration !== b.decoration ||
    // A comparison marks every item.
    a.compare !== b.compare
  );
}

/** Whether anything a highlight decides differs. */
function highlightChanged(a: RenderContext, b: RenderContext): boolean {
  return (
    a.lit !== b.lit ||
    a.path !== b.path ||
    a.selected !== b.selected ||
    a.selectedEdge !== b.selectedEdge ||
    a.open !== b.open ||
    a.dragged !== b.dragged
  );
}

function applyDimming(ctx: RenderContext): void {
  dimming.on = isHighlighted(ctx.lit) || ctx.path !== null ? 1 : 0;
  dimming.node = rgba(ctx.scheme.dimmedNode);
  dimming.edge = rgba(ctx.scheme.dimmedEdge);
}

/** The WebGL context of sigma's edges layer, whose depth buffer the dimmable relation programs use. */
function edgesContext(sigma: Sigma): WebGLRenderingContext | WebGL2RenderingContext | null {
  const contexts = (sigma as unknown as { webGLContexts?: Record<string, WebGLRenderingContext | WebGL2RenderingContext> }).webGLContexts;
  return contexts?.edges ?? null;
}

/** Relations beyond which hovering and clicking them on the canvas is off (README, "Bad input and limits"). */
export const EDGE_EVENTS_LIMIT = 50_000;

export function createRendering(graph: KGGraph): Rendering {
  const decoration = decorate(graph);
  let seen = store.getState();
  let ctx = contextOf(seen, decoration);
  applyDimming(ctx);
  const settings: Partial<Settings> = {
    ...SETTINGS,
    nodeProgramClasses: dimmableNodeProgramClasses,
    edgeProgramClasses: dimmableEdgeProgramClasses,
    // The label layer draws every label, placed together, and the focus's ring (labels.ts); sigma's hover draws nothing.
    renderLabels: false,
    renderEdgeLabels: false,
    // Relations under the pointer are found by drawing them all a second time, into a picking layer: above
    // this size that doubles the cost of every frame in software WebGL, so relations are reached from their actors.
    enableEdgeEvents: graph.size <= EDGE_EVENTS_LIMIT,
    defaultDrawNodeHover: () => {},
    nodeReducer: (node, data) => nodeReducer(node, data, ctx),
    edgeReducer: (edge, data) => edgeReducer(edge, data, ctx),
  };
  const push = (sigma: Sigma, state: AppState) => {
    // A newly loaded graph gets its own rendering; this one only waits to be killed.
    if (state.data.loaded?.graph !== graph) return;
    // The labels come back when the layout stops, and follow the appearance's label size and density.
    if (state.ui.layoutRunning !== seen.ui.layoutRunning || state.view.appearance !== seen.view.appearance) sigma.scheduleRender();
    seen = state;
    const next = contextOf(state, decoration);
    const prev = ctx;
    if (structural(prev, next)) {
      ctx = next;
      applyDimming(ctx);
      sigma.refresh();
    } else if (highlightChanged(prev, next)) {
      const changed = touched(prev, next);
      const full = changesProgram(changed.edges, prev, next, (edge) => graph.getEdgeAttributes(edge));
      ctx = next;
      applyDimming(ctx);
      if (full) sigma.refresh();
      else sigma.refresh({ partialGraph: changed, skipIndexation: true });
    } else ctx = next;
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
      setRenderer({ sigma, decoration, layer: () => lastLayer, contextFor: (scheme) => ({ ...ctx, scheme, gpuDim: false }) });
      const context = canvas.getContext("2d")!;
      const measure = canvasMeasure(context);
      const drawn = () => {
        // While the layout moves everything each frame, labels would be placed for positions gone the next: they wait.
        if (store.getState().ui.layoutRunning) {
          lastLayer = { labels: [], marks: [] };
          return;
        }
        const style = labelStyleFor(seen.view.appearance, { ...LABEL_STYLE, scheme: ctx.scheme });
        const layer = layoutLabels(sigma, ctx, style, measure, overlayBoxes(sigma.getContainer()));
        lastLayer = layer;
        drawRings(sigma, context, ctx);
        drawMarks(context, layer.marks, style);
        drawLabels(context, layer.labels, style);
      };
      // Each frame starts with a clear depth buffer, so the relations' depths are this frame's.
      const gl = edgesContext(sigma);
      const clearDepth = () => gl?.clear(gl.DEPTH_BUFFER_BIT);
      const dim = () => applyDimming(ctx);
      sigma.on("afterClear", clearDepth);
      sigma.on("beforeRender", dim);
      sigma.on("afterRender", drawn);
      // The state may have moved on since the rendering was created; the first frame's labels, drawn before this layer listened.
      const before = lastLayer;
      if (store.getState() !== seen) push(sigma, store.getState());
      if (lastLayer === before) drawn();
      const unsubscribe = store.subscribe((state) => push(sigma, state));
      // A renderer killed by a newly opened graph is no longer the one on screen.
      const forget = () => clearRenderer(sigma);
      sigma.once("kill", forget);
      return () => {
        unsubscribe();
        sigma.off("kill", forget);
        sigma.off("afterRender", drawn);
        sigma.off("afterClear", clearDepth);
        sigma.off("beforeRender", dim);
      };
    },
  };
}
