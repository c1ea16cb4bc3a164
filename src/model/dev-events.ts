/**
 * Events the development server sends every page (Vite custom events): the
 * curation studio rebuilt graph.json (graph/studio/server.ts), so an
 * explorer open in another tab can take the new graph in (state/live-graph.ts).
 */
export const GRAPH_UPDATED_EVENT = "kg:graph-updated";
