/**
 * The view: everything that defines what a user sees and that a link can
 * share (selection, filters, time window, focus, path, camera). The rest of the
 * app state (hover, open dialogs, the loaded graph) is transient and lives in
 * `app-state.ts`.
 */
import type { Family } from "./graph-file";

export interface Filters {
  /** Actor kinds to show; null shows every kind. */
  kinds: string[] | null;
  /** Relation families to show; null shows every family. */
  families: Family[] | null;
  /** Relation (vocabulary) ids to show; null shows every relation. */
  relations: string[] | null;
  /** Article ids whose evidence counts; null counts every article. */
  articles: string[] | null;
  /** Keep actors that have no visible relation. */
  keepIsolated: boolean;
}

/** Inclusive bounds as partial dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); null is open-ended. */
export interface TimeWindow {
  from: string | null;
  to: string | null;
}

export interface Camera {
  x: number;
  y: number;
  ratio: number;
  angle: number;
}

export interface ViewState {
  /** Selected actor (node key). */
  selected: string | null;
  /** Selected relation (edge key), whose evidence the panel shows. */
  selectedEdge: string | null;
  filters: Filters;
  time: TimeWindow;
  /** Ego network of the selected actor at this depth; 0 shows the whole graph. */
  focus: 0 | 1 | 2;
  /** Endpoints of the shortest path to show. */
  path: { from: string | null; to: string | null };
  /** null: fit the graph to the screen. */
  camera: Camera | null;
}

export const DEFAULT_FILTERS: Filters = {
  kinds: null,
  families: null,
  relations: null,
  articles: null,
  keepIsolated: false,
};

export const DEFAULT_VIEW: ViewState = {
  selected: null,
  selectedEdge: null,
  filters: DEFAULT_FILTERS,
  time: { from: null, to: null },
  focus: 0,
  path: { from: null, to: null },
  camera: null,
};
