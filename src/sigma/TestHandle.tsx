/**
 * Exposes the renderer and the store on `window.__kg`, so end-to-end tests
 * and the benchmark can find where a node is drawn and read the state. It
 * grants nothing a user could not already do from the page.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import { dispatch, store } from "../state";
import { selectComparison, selectPath, selectVisible } from "../state/derived";
import { selectLooks } from "../state/looks";
import { setWorkerThreshold } from "../state/statistics";
import { nodeColor } from "./decorate";
import { recoloured } from "./node-looks";
import { cameraSettled, getRenderer } from "./renderer";

declare global {
  interface Window {
    __kg?: Record<string, unknown>;
  }
}

export function TestHandle() {
  const sigma = useSigma();
  useEffect(() => {
    let rendered = false;
    const onRender = () => {
      rendered = true;
    };
    // Sigma draws in its constructor; the frame after it is on screen. Later renders count as well.
    const frame = requestAnimationFrame(onRender);
    sigma.on("afterRender", onRender);
    window.__kg = {
      /** Loaded, drawn, and nothing moving: no layout running, no camera animation. */
      get ready() {
        const state = store.getState();
        return rendered && state.data.loaded !== null && !state.ui.layoutRunning && !sigma.getCamera().isAnimated() && cameraSettled();
      },
      sigma,
      get graph() {
        return sigma.getGraph();
      },
      getState: () => store.getState(),
      /** Keys of the nodes and edges shown under the filters, time window and focus. */
      visible() {
        const { nodes, edges } = selectVisible(store.getState());
        return { nodes: [...nodes], edges: [...edges] };
      },
      path: () => selectPath(store.getState()),
      /** Above how many visible items the statistics go to a Web Worker. */
      workerThreshold: (items: number) => setWorkerThreshold(items),
      /** With two periods compared, each shown relation's and actor's mark (only-a, only-b, both); else null. */
      comparison() {
        const c = selectComparison(store.getState());
        return c && { edges: Object.fromEntries(c.edges), nodes: Object.fromEntries(c.nodes), counts: c.counts };
      },
      dispatch,
      /** The labels drawn in the last frame: text and box in CSS pixels of the page. */
      labels() {
        const box = sigma.getContainer().getBoundingClientRect();
        return (getRenderer()?.layer().labels ?? []).map((l) => ({ ...l, x: l.x + box.left, y: l.y + box.top }));
      },
      /** The colour an actor or relation is drawn in when nothing highlights it (under the view's appearance). */
      ownColor(kind: "node" | "edge", key: string): string | null {
        const graph = sigma.getGraph();
        const looks = selectLooks(store.getState());
        if (kind === "node")
          return graph.hasNode(key)
            ? (looks.nodeColors?.get(key) ?? nodeColor(graph.getNodeAttributes(key) as Parameters<typeof nodeColor>[0]))
            : null;
        const decoration = getRenderer()?.decoration;
        return (decoration && recoloured(decoration, looks.edgeColors).edges.get(key)?.color) ?? null;
      },
      /** Where a node is drawn, in CSS pixels of the page. */
      nodeViewport(node: string) {
        const data = sigma.getNodeDisplayData(node);
        if (!data || data.hidden) return null;
        const { x, y } = sigma.framedGraphToViewport(data);
        const box = sigma.getContainer().getBoundingClientRect();
        return { x: box.left + x, y: box.top + y };
      },
    };
    return () => {
      cancelAnimationFrame(frame);
      sigma.off("afterRender", onRender);
      delete window.__kg;
    };
  }, [sigma]);
  return null;
}
