/**
 * The ui domain: what is transient and never shared in a link: the pointer's
 * actor, open panels and dialogs, work under way and messages, and the
 * reader's preferences (remembered in this browser, see preferences.ts).
 */
import { readPreferences, type Preferences } from "./preferences";
import type { Metrics, MetricsProgress } from "../core/metrics-input";
import type { VisibleSets } from "../model/visible";

export interface Notice {
  id: number;
  /** "status" is polite information; "alert" reports a failure. */
  role: "status" | "alert";
  text: string;
  /** How many times the same notice was given in a row (shown as "×3"). */
  count: number;
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
  /** The filter panel is open (a column on a wide screen, a drawer on a narrow one). */
  filtersOpen: boolean;
  /** The details panel is open, where it is a drawer (on a phone); a column is always open. */
  detailsOpen: boolean;
  /** A long task under way (opening, exporting), shown as progress. */
  busy: string | null;
  /** The task under way can be cancelled (a Cancel beside its progress). */
  busyCancellable: boolean;
  /** A question the app waits on before going on (see ask.ts). */
  question: Question | null;
  notices: Notice[];
  /** The colour scheme the page and the graph are drawn in (the user's choice, or the system's). */
  scheme: ColorScheme;
  preferences: Preferences;
  statistics: StatisticsState;
  /** The tab open in the analysis region under the graph (tables, quote search), or null when it is closed. */
  analysis: AnalysisTab | null;
}

export interface Question {
  title: string;
  text: string;
  /** The answers, the first the default; the last is the one Escape gives. */
  choices: { id: string; label: string }[];
}

export type AnalysisTab = "actors" | "relations" | "quotes";

export type ColorScheme = "light" | "dark";

/**
 * Widths of the filter and details columns in CSS px (18rem and 26rem of
 * 15 px, src/styles.css), and the share of the screen the graph keeps at least
 * when the filters open beside it at start.
 */
export const FILTER_COLUMN_PX = 270;
export const DETAILS_COLUMN_PX = 390;
export const MIN_GRAPH_SHARE = 0.6;

/** Whether the filter column may start open on a screen this wide: only where the graph keeps 60% of it. */
export function filtersFitBeside(width: number): boolean {
  return width - FILTER_COLUMN_PX - DETAILS_COLUMN_PX >= MIN_GRAPH_SHARE * width;
}

const preferences = readPreferences();
const systemScheme = (): ColorScheme =>
  typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";

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
  filtersOpen: typeof window === "undefined" || filtersFitBeside(window.innerWidth),
  detailsOpen: false,
  busy: null,
  busyCancellable: false,
  question: null,
  notices: [],
  scheme: preferences.scheme ?? systemScheme(),
  preferences,
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
  | { type: "setFiltersOpen"; open: boolean }
  | { type: "setDetailsOpen"; open: boolean }
  | { type: "setPreferences"; preferences: Partial<Preferences> }
  | { type: "setBusy"; busy: string | null; cancellable?: boolean }
  | { type: "ask"; question: Question | null }
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
    case "setFiltersOpen":
      return ui.filtersOpen === action.open ? ui : { ...ui, filtersOpen: action.open };
    case "setDetailsOpen":
      return ui.detailsOpen === action.open ? ui : { ...ui, detailsOpen: action.open };
    case "setPreferences":
      return { ...ui, preferences: { ...ui.preferences, ...action.preferences } };
    case "setBusy": {
      const cancellable = action.busy !== null && (action.cancellable ?? false);
      return ui.busy === action.busy && ui.busyCancellable === cancellable
        ? ui
        : { ...ui, busy: action.busy, busyCancellable: cancellable };
    }
    case "ask":
      return ui.question === action.question ? ui : { ...ui, question: action.question };
    case "notify": {
      // The same notice again replaces the earlier one, counted, with a new id (so its time to go away starts anew).
      const same = ui.notices.find((n) => n.role === action.role && n.text === action.text);
      const others = same ? ui.notices.filter((n) => n !== same) : ui.notices;
      const notice: Notice = { id: nextNoticeId++, role: action.role, text: action.text, count: (same?.count ?? 0) + 1 };
      return { ...ui, notices: [...others, notice].slice(-MAX_NOTICES) };
    }
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
