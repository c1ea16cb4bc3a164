/**
 * "Show in graph": selects the relation and makes sure the graph is what the
 * reader sees next. On a phone the details are a drawer over the graph, so it
 * closes, and the selection it just made does not open it again.
 */
import { dispatch, store } from "../state";

/** The relation whose selection must not reopen the details drawer (SidePanel reads it once). */
let shownInGraph: string | null = null;

export function showRelationInGraph(edge: string): void {
  shownInGraph = edge;
  dispatch({ type: "selectEdge", edge });
  if (store.getState().ui.detailsOpen) dispatch({ type: "setDetailsOpen", open: false });
  // A page scrolled away from the graph (a short window) comes back to it.
  document.getElementById("graph")?.scrollIntoView({ block: "nearest" });
}

/** Whether this selected relation came from "Show in graph" (then the drawer stays closed); asks once. */
export function takeShownInGraph(edge: string | null): boolean {
  const hit = edge !== null && edge === shownInGraph;
  shownInGraph = null;
  return hit;
}
