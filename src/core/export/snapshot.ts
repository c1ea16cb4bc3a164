/**
 * Snapshot files (`.kgsnap.json` by convention): the graph on screen and the
 * view that produced it, reopened by `openGraphFile` exactly as saved.
 *
 * Format, version 1 — one JSON object:
 *
 *   {
 *     "format": "kg-explorer-snapshot",   // fixed; identifies the file
 *     "version": 1,                       // integer; bumped on incompatible change
 *     "graph": { ... },                   // graphology serialization (graph.export())
 *     "view": { ... }                     // the ViewState when the snapshot was taken
 *   }
 *
 * `graph` is what `graph.export()` gives for the visible subgraph (see
 * `visibleCopy`), the same serialization as public/graph.json:
 *   - "options": { "type": "directed", "multi": true, "allowSelfLoops": bool }
 *   - "attributes": { "name", "articles", "vocabulary", "dateRange" } as in
 *     GraphAttributes (src/graph-file.ts); "articles" holds only the articles
 *     that the snapshot's evidence cites, bodies included.
 *   - "nodes": [{ "key", "attributes" }] with NodeAttributes, where x, y,
 *     size and color are the values on screen when the snapshot was taken,
 *     degree/inDegree/outDegree count the snapshot's own edges, and
 *     "highlighted": true marks nodes that were highlighted (absent otherwise).
 *   - "edges": [{ "key", "source", "target", "attributes" }] with
 *     EdgeAttributes, all evidence included; color/size as drawn;
 *     "highlighted": true as for nodes.
 *
 * `view` is ViewState (src/state/view-state.ts):
 *   - "selected": node key | null; "selectedEdge": edge key | null
 *   - "filters": { "kinds", "families", "relations", "articles": string[] | null
 *     (null: no restriction), "keepIsolated": boolean }
 *   - "time": { "from", "to": partial date (YYYY, YYYY-MM, YYYY-MM-DD) | null }
 *   - "focus": 0 | 1 | 2
 *   - "path": { "from", "to": node key | null }
 *   - "camera": { "x", "y", "ratio", "angle" } | null (null: fit to screen)
 *
 * Readers must reject another "format", refuse a higher "version", and
 * ignore members they do not know (later versions may add some).
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import type { ViewState } from "../../model/view-state";

export const SNAPSHOT_FORMAT = "kg-explorer-snapshot";
export const SNAPSHOT_VERSION = 1;

export function toSnapshot<N extends Attributes, E extends Attributes, G extends Attributes>(
  graph: AbstractGraph<N, E, G>,
  view: ViewState,
): string {
  return JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, graph: graph.export(), view });
}
