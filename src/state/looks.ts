/**
 * The looks of the visible graph under the view's appearance
 * (src/core/appearance.ts), memoised on what they read, so the renderer, the
 * legend and the exports share one computation per change.
 */
import { looksOf, NO_LOOKS, type Looks } from "../core/appearance";
import type { Metrics } from "../core/metrics-input";
import { DEFAULT_FILTERS, DEFAULT_VIEW, type Appearance, type ViewState } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import type { AppState } from "./app-state";
import type { LoadedGraph } from "./data";
import { selectVisible } from "./derived";
import { selectStatistics } from "./statistics";

let last: { inputs: unknown[]; looks: Looks } | null = null;

function compute(
  data: LoadedGraph | null,
  visible: VisibleSets,
  sizeBy: Appearance["sizeBy"],
  colorBy: Appearance["colorBy"],
  edgeColorBy: Appearance["edgeColorBy"],
  metrics: Metrics | null,
  filters: ViewState["filters"],
  time: ViewState["time"],
): Looks {
  const inputs = [data, visible, sizeBy, colorBy, edgeColorBy, metrics, filters, time];
  if (last && last.inputs.every((v, i) => v === inputs[i])) return last.looks;
  const looks = data ? looksOf(data.graph, visible, { sizeBy, colorBy, edgeColorBy }, { view: { filters, time }, metrics }) : NO_LOOKS;
  last = { inputs, looks };
  return looks;
}

export function selectLooks(state: AppState): Looks {
  const { sizeBy, colorBy, edgeColorBy } = state.view.appearance;
  const usesArticles = colorBy === "article" || edgeColorBy === "article";
  return compute(
    state.data.loaded,
    selectVisible(state),
    sizeBy,
    colorBy,
    edgeColorBy,
    selectStatistics(state).metrics,
    // The articles' colours follow the evidence the view shows; other looks do not read it.
    usesArticles ? state.view.filters : DEFAULT_FILTERS,
    usesArticles ? state.view.time : DEFAULT_VIEW.time,
  );
}
