/**
 * The ui domain: what is transient and never shared in a link: the pointer's
 * actor, open panels and dialogs, work under way and messages.
 */
import type { Metrics, MetricsProgress } from "../core/metrics-input";
import type { VisibleSets } from "../model/visible";

export interface Notice {
  id: number;
  /** "status" is polite information; "alert" reports a failure. */
  role: "status" | "alert";
  text: string;
}

export interface UiState {
  hovered: string | null;
  /** The actor being dragged, drawn highlighted until it is let go. */
  dragged: string | null;
  /** The article open in the reader, with the quote to highlight. */
  reader: { article: string; quote: string } | null;
  layoutRunning: boolean;
  /** The time window is being played year by year. */
  playing: boolean;
  /** The filter panel is open. */
  filtersOpen: boolean;
  /** A long task under way (opening, exporting), shown as progress. */
  busy: string | null;
  notices: Notice[];
  /** The colour scheme the page and the graph are drawn in (the user's choice, or the system's). */
  scheme: ColorScheme;
  statistics: StatisticsState;
  /** The tab open in the analysis region under the graph (tables, quote search), or null when it is closed. */
  analysis: AnalysisTab | null;
}

export type AnalysisTab = "actors" | "relations" | "quotes";

export type ColorScheme = "light" | "dark";

/** The statistics of the visible graph (src/state/statistics.ts computes them while something shows them). */
export interface StatisticsState {
  /** The last result, with the visible sets it describes (maybe no longer the current ones). */
  result: { visible: VisibleSets; metrics: Metrics } | null;
  /** The computation under way, for which visible sets, and how far it is. */
  running: { visible: VisibleSets; progress: MetricsProgress | null } | null;
  /** Why the last computation failed. */
  error: string | null;
}

export const NO_STATISTICS: StatisticsState = { result: null, running: null, error: null };

export const INITIAL_UI: UiState = {
  hovered: null,
  dragged: null,
  reader: null,
  layoutRunning: false,
  playing: false,
  filtersOpen: typeof window === "undefined" || window.innerWidth > 900,
  busy: null,
  notices: [],
  scheme: typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light",
  statistics: NO_STATISTICS,
  analysis: null,
};

export type UiAction =
  | { type: "hover"; node: string | null }
  | { type: "drag"; node: string | null }
  | { type: "openReader"; article: string; quote: string }
  | { type: "closeReader" }
  | { type: "layoutRunning"; running: boolean }
  | { type: "setPlaying"; playing: boolean }
  | { type: "toggleFilters" }
  | { type: "setBusy"; busy: string | null }
  | { type: "notify"; role: Notice["role"]; text: string }
  | { type: "dismiss"; id: number }
  | { type: "setScheme"; scheme: ColorScheme }
  | { type: "statistics"; statistics: StatisticsState }
  | { type: "openAnalysis"; tab: AnalysisTab | null };

/** The newest few are enough; older ones would push the graph down the page. */
export const MAX_NOTICES = 3;

let nextNoticeId = 1;

export function reduceUi(ui: UiState, action: UiAction): UiState {
  switch (action.type) {
    case "hover":
      return ui.hovered === action.node ? ui : { ...ui, hovered: action.node };
    case "drag":
      return ui.dragged === action.node ? ui : { ...ui, dragged: action.node };
    case "openReader":
      return { ...ui, reader: { article: action.article, quote: action.quote } };
    case "closeReader":
      return ui.reader ? { ...ui, reader: null } : ui;
    case "layoutRunning":
      return ui.layoutRunning === action.running ? ui : { ...ui, layoutRunning: action.running };
    case "setPlaying":
      return ui.playing === action.playing ? ui : { ...ui, playing: action.playing };
    case "toggleFilters":
      return { ...ui, filtersOpen: !ui.filtersOpen };
    case "setBusy":
      return ui.busy === action.busy ? ui : { ...ui, busy: action.busy };
    case "notify":
      return { ...ui, notices: [...ui.notices, { id: nextNoticeId++, role: action.role, text: action.text }].slice(-MAX_NOTICES) };
    case "dismiss":
      return { ...ui, notices: ui.notices.filter((n) => n.id !== action.id) };
    case "setScheme":
      return ui.scheme === action.scheme ? ui : { ...ui, scheme: action.scheme };
    case "statistics":
      return { ...ui, statistics: action.statistics };
    case "openAnalysis":
      return ui.analysis === action.tab ? ui : { ...ui, analysis: action.tab };
  }
}

/** What a new graph or a whole new view leaves of the ui: no hover, no reader, nothing running. */
export function resetUiForGraph(ui: UiState): UiState {
  return { ...ui, hovered: null, dragged: null, reader: null, layoutRunning: false, playing: false, statistics: NO_STATISTICS };
}
