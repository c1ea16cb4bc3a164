/**
 * The view lives in the address bar: every change of it is written there
 * (a new history entry for a change a user would want Back to undo, a
 * replacement for camera moves and playback), and Back/Forward bring the
 * stored view back.
 */
import { decodeView, encodeView, isHistoryWorthy, knownIds } from "../core/url-state";
import type { KGGraph } from "./app-state";
import type { ViewState } from "./view-state";
import { dispatch, store } from "./index";

/** The view a URL describes for this graph, and notes on what it had to ignore. */
export function viewFromLocation(graph: KGGraph, location: Location): { view: ViewState; ignored: string[] } {
  return decodeView(location.search, location.hash, knownIds(graph));
}

export function notifyIgnored(ignored: string[]): void {
  if (ignored.length === 0) return;
  dispatch({ type: "notify", role: "status", text: `Some parts of the link were ignored: ${ignored.join("; ")}.` });
}

function urlOf(view: ViewState): string {
  return `${location.pathname}${encodeView(view)}`;
}

/** Starts mirroring the view into the URL; returns a function that stops it. */
export function startUrlSync(): () => void {
  const current = () => `${location.pathname}${location.search}${location.hash}`;
  const unsubscribe = store.subscribe((state, prev) => {
    if (!state.data || state.view === prev.view) return;
    const url = urlOf(state.view);
    if (url === current()) return;
    const push = prev.data === state.data && !state.playing && isHistoryWorthy(prev.view, state.view);
    if (push) history.pushState(null, "", url);
    else history.replaceState(null, "", url);
  });
  const onPopState = () => {
    const data = store.getState().data;
    if (!data) return;
    const { view, ignored } = viewFromLocation(data.graph, location);
    dispatch({ type: "setPlaying", playing: false });
    dispatch({ type: "setView", view });
    notifyIgnored(ignored);
  };
  window.addEventListener("popstate", onPopState);
  return () => {
    unsubscribe();
    window.removeEventListener("popstate", onPopState);
  };
}
