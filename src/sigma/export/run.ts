/**
 * "Export" as a command: the visible view, as drawn now, into a file the
 * browser downloads, with progress and a message at the end. The writers
 * load on first use.
 */
import { dispatch, store } from "../../state";
import { selectComparison, selectMarked, selectVisible } from "../../state/derived";
import { selectLooks } from "../../state/looks";
import { getRenderer } from "../renderer";
import type { ExportContext } from "./shape";
import { DEFAULT_IMAGE, type ExportFormat, type ImageOptions } from "./types";

/** What an export reads, as the screen shows it now; null when no graph is drawn. */
export function exportContextNow(): ExportContext | null {
  const state = store.getState();
  const renderer = getRenderer();
  const data = state.data.loaded;
  if (!renderer || !data) return null;
  return {
    ...renderer,
    graph: data.graph,
    visible: selectVisible(state),
    highlight: selectMarked(state),
    view: state.view,
    looks: selectLooks(state),
    corpusName: data.graph.getAttribute("name") || data.source.name,
    comparison: selectComparison(state),
  };
}

export function runExport(format: ExportFormat, image: ImageOptions = DEFAULT_IMAGE): void {
  const ctx = exportContextNow();
  if (!ctx || store.getState().ui.busy !== null) return;
  const label = format.toUpperCase();
  dispatch({ type: "setBusy", busy: `Exporting ${label}…` });
  const work = async () => {
    try {
      const { exportView, download } = await import("./index");
      const file = await exportView(ctx, format, image);
      download(file);
      dispatch({ type: "notify", role: "status", text: `Exported ${file.name}.` });
    } catch (err) {
      dispatch({ type: "notify", role: "alert", text: `The ${label} export failed: ${(err as Error).message}` });
    } finally {
      dispatch({ type: "setBusy", busy: null });
    }
  };
  // A frame first, so the progress note paints before the work starts.
  requestAnimationFrame(() => setTimeout(() => void work(), 0));
}
