/**
 * Carries out the export the state asks for, with the renderer at hand. The
 * writers are loaded on first use, so they cost nothing at start-up.
 */
import { useSigma } from "@react-sigma/core";
import { useEffect } from "react";
import { dispatch, store } from "../state";
import type { ImageOptions } from "../state/app-state";
import { selectPathSets, selectVisible } from "../state/derived";
import { highlightContext } from "./reducers";

const DEFAULT_IMAGE: ImageOptions = { scale: 1, title: "", legend: true, source: true, background: "white" };

export function ExportRunner() {
  const sigma = useSigma();
  useEffect(
    () =>
      store.subscribe((state, prev) => {
        const request = state.exportRequest;
        if (!request || request === prev.exportRequest || !state.data) return;
        const { format } = request;
        dispatch({ type: "setBusy", busy: `Exporting ${format.toUpperCase()}…` });
        const visible = selectVisible(state);
        const lit = highlightContext(state.data.graph, visible, {
          hovered: null,
          selected: state.view.selected,
          selectedEdge: state.view.selectedEdge,
          path: selectPathSets(state),
        });
        const path = selectPathSets(state);
        const ctx = {
          sigma,
          graph: state.data.graph,
          visible,
          highlight: {
            nodes: new Set([...lit.litNodes, ...(path?.nodes ?? [])]),
            edges: new Set([...lit.litEdges, ...(path?.edges ?? []), ...(state.view.selectedEdge ? [state.view.selectedEdge] : [])]),
          },
          view: state.view,
          corpusName: state.data.graph.getAttribute("name") || state.data.source.name,
        };
        // A frame first, so the progress note paints before the work starts.
        requestAnimationFrame(() =>
          setTimeout(async () => {
            try {
              const { exportView, download } = await import("./exporters");
              const file = await exportView(ctx, format, request.image ?? DEFAULT_IMAGE);
              download(file);
              dispatch({ type: "notify", role: "status", text: `Exported ${file.name}.` });
            } catch (err) {
              dispatch({ type: "notify", role: "alert", text: `The ${format.toUpperCase()} export failed: ${(err as Error).message}` });
            } finally {
              dispatch({ type: "setBusy", busy: null });
              dispatch({ type: "exportDone" });
            }
          }, 0),
        );
      }),
    [sigma],
  );
  return null;
}
