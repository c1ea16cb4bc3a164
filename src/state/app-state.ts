/**
 * The whole app state and the actions that change it. Views dispatch actions;
 * the reducer is the only place the state changes.
 */
import type { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import { DEFAULT_VIEW, type Camera, type Filters, type TimeWindow, type ViewState } from "../model/view-state";

/** Attributes the app adds for drawing; never written back to graph.json. */
export interface DisplayNodeAttributes extends NodeAttributes {
  color: string;
}
export interface DisplayEdgeAttributes extends EdgeAttributes {
  color: string;
  size: number;
  type: string;
  curvature?: number;
}
export type KGGraph = MultiDirectedGraph<DisplayNodeAttributes, DisplayEdgeAttributes, GraphAttributes>;

export interface LoadedGraph {
  graph: KGGraph;
  /** Where it came from: the built corpus or a file the user opened. */
  source: { kind: "built" | "file"; name: string };
  /** Positions as loaded, for "Reset layout". */
  initialPositions: Map<string, { x: number; y: number }>;
}

export type ExportFormat = "png" | "svg" | "gexf" | "graphml" | "json" | "csv";

export interface ImageOptions {
  /** Multiple of the screen's resolution (PNG). */
  scale: 1 | 2 | 4;
  title: string;
  legend: boolean;
  /** A line naming the articles and the date range. */
  source: boolean;
  background: "white" | "transparent";
}

export interface ExportRequest {
  format: ExportFormat;
  image?: ImageOptions;
  seq: number;
}

export interface Notice {
  id: number;
  /** "status" is polite information; "alert" reports a failure. */
  role: "status" | "alert";
  text: string;
}

export interface AppState {
  data: LoadedGraph | null;
  loadError: string | null;
  view: ViewState;
  hovered: string | null;
  /** The article open in the reader, with the quote to highlight. */
  reader: { article: string; quote: string } | null;
  layoutRunning: boolean;
  /** The time window is being played year by year. */
  playing: boolean;
  /** The filter panel is open. */
  filtersOpen: boolean;
  /** A long task under way (opening, exporting), shown as progress. */
  busy: string | null;
  /** An export the renderer should carry out. */
  exportRequest: ExportRequest | null;
  notices: Notice[];
  /** Bumped when positions change outside sigma's knowledge (reset layout). */
  positionsVersion: number;
  /** A request to bring an actor into view; `seq` makes a repeated request a new one. */
  cameraRequest: { node: string; seq: number } | null;
}

export const INITIAL_STATE: AppState = {
  data: null,
  loadError: null,
  view: DEFAULT_VIEW,
  hovered: null,
  reader: null,
  layoutRunning: false,
  playing: false,
  filtersOpen: typeof window === "undefined" || window.innerWidth > 900,
  busy: null,
  exportRequest: null,
  notices: [],
  positionsVersion: 0,
  cameraRequest: null,
};

export type Action =
  | { type: "loaded"; data: LoadedGraph; view?: ViewState }
  | { type: "loadFailed"; error: string }
  | { type: "select"; node: string | null }
  /** Select an actor and bring it into view (search, links in the panel). */
  | { type: "centerOn"; node: string }
  | { type: "selectEdge"; edge: string | null }
  | { type: "hover"; node: string | null }
  | { type: "setFilters"; filters: Partial<Filters> }
  | { type: "clearFilters" }
  | { type: "setTime"; time: TimeWindow }
  | { type: "setFocus"; depth: 0 | 1 | 2 }
  | { type: "setPath"; from: string | null; to: string | null }
  | { type: "setCamera"; camera: Camera | null }
  | { type: "setView"; view: ViewState }
  | { type: "openReader"; article: string; quote: string }
  | { type: "closeReader" }
  | { type: "layoutRunning"; running: boolean }
  | { type: "setPlaying"; playing: boolean }
  | { type: "toggleFilters" }
  | { type: "setBusy"; busy: string | null }
  | { type: "requestExport"; request: Omit<ExportRequest, "seq"> }
  | { type: "exportDone" }
  | { type: "positionsReset" }
  | { type: "notify"; role: Notice["role"]; text: string }
  | { type: "dismiss"; id: number };

let nextNoticeId = 1;
export const MAX_NOTICES = 3;

const withView = (state: AppState, view: Partial<ViewState>): AppState => ({ ...state, view: { ...state.view, ...view } });

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case "loaded":
      return {
        ...state,
        data: action.data,
        loadError: null,
        view: action.view ?? DEFAULT_VIEW,
        hovered: null,
        reader: null,
        layoutRunning: false,
        playing: false,
      };
    case "loadFailed":
      // The graph that failed (the built one, on its late check) is not shown.
      return { ...state, data: null, loadError: action.error };
    case "select":
      if (state.view.selected === action.node && state.view.selectedEdge === null) return state;
      return withView(state, { selected: action.node, selectedEdge: null });
    case "centerOn":
      return {
        ...withView(state, { selected: action.node, selectedEdge: null }),
        cameraRequest: { node: action.node, seq: (state.cameraRequest?.seq ?? 0) + 1 },
      };
    case "selectEdge":
      if (state.view.selectedEdge === action.edge) return state;
      return withView(state, { selectedEdge: action.edge });
    case "hover":
      return state.hovered === action.node ? state : { ...state, hovered: action.node };
    case "setFilters":
      return withView(state, { filters: { ...state.view.filters, ...action.filters } });
    case "clearFilters":
      return withView(state, { filters: DEFAULT_VIEW.filters });
    case "setTime":
      return withView(state, { time: action.time });
    case "setFocus":
      return withView(state, { focus: action.depth });
    case "setPath":
      return withView(state, { path: { from: action.from, to: action.to } });
    case "setCamera":
      return withView(state, { camera: action.camera });
    case "setView":
      return { ...state, view: action.view, hovered: null };
    case "openReader":
      return { ...state, reader: { article: action.article, quote: action.quote } };
    case "closeReader":
      return state.reader ? { ...state, reader: null } : state;
    case "layoutRunning":
      return { ...state, layoutRunning: action.running };
    case "setPlaying":
      return state.playing === action.playing ? state : { ...state, playing: action.playing };
    case "setBusy":
      return state.busy === action.busy ? state : { ...state, busy: action.busy };
    case "requestExport":
      return { ...state, exportRequest: { ...action.request, seq: (state.exportRequest?.seq ?? 0) + 1 } };
    case "exportDone":
      return { ...state, exportRequest: null };
    case "toggleFilters":
      return { ...state, filtersOpen: !state.filtersOpen };
    case "positionsReset":
      return { ...state, positionsVersion: state.positionsVersion + 1 };
    case "notify":
      // The newest few are enough; older ones would push the graph down the page.
      return { ...state, notices: [...state.notices, { id: nextNoticeId++, role: action.role, text: action.text }].slice(-MAX_NOTICES) };
    case "dismiss":
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
  }
}
