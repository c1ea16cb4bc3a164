/**
 * The view lives in the address bar: every change of it is written there
 * (a new history entry for a change a user would want Back to undo, a
 * replacement for camera moves and playback), and Back/Forward bring the
 * stored view back. The writes follow the frame that shows a change.
 */
import { decodeView, describeIgnored, encodeView, isHistoryWorthy, knownIds } from "../core/url-state";
import { afterNextFrame } from "./after-next-frame";
import type { KGGraph } from "./app-state";
import type { ViewState } from "../model/view-state";
import { dispatch, store } from "./index";

/** The view a URL describes for this graph, and notes on what it had to ignore. */
export function viewFromLocation(graph: KGGraph, location: Location): { view: ViewState; ignored: string[] } {
  return decodeView(location.search, location.hash, knownIds(graph));
}

export function notifyIgnored(ignored: string[]): void {
  if (ignored.length === 0) return;
  dispatch({ type: "notify", role: "status", text: describeIgnored(ignored) });
}

function urlOf(view: ViewState): string {
  return `${location.pathname}${encodeView(view)}`;
}

/** History writes not yet made, oldest first. */
let pending: { url: string; push: boolean }[] = [];
let scheduled = false;

const currentUrl = () => `${location.pathname}${location.search}${location.hash}`;

/**
 * Makes the history writes still pending, so that `location` shows the current
 * view (Copy link reads it). Writing to history is a call into the browser
 * that can take milliseconds, so changes do it after the frame that shows them.
 */
export function flushUrl(): void {
  scheduled = false;
  const writes = pending;
  pending = [];
  for (const { url, push } of writes) {
    if (url === currentUrl()) continue;
    if (push) {
      history.pushState(null, "", url);
      // The drawer's entry is behind us now: Back returns to it as to any other view.
      drawerEntry = null;
    } else history.replaceState(null, "", url);
  }
}

/**
 * A drawer (the filters or the details on a phone) open on its own history
 * entry, so that the Back button or gesture closes it instead of leaving the
 * page; `onBack` closes it. Null when no such entry is the current one.
 */
let drawerEntry: { onBack: () => void } | null = null;
/** Set while the page itself goes back over a drawer's entry (the drawer was closed otherwise). */
let leavingDrawerEntry = false;

/** Gives an opening drawer a history entry of the current view; Back then calls `onBack` and changes nothing else. */
export function pushDrawerEntry(onBack: () => void): void {
  flushUrl();
  if (drawerEntry) {
    drawerEntry = { onBack };
    return;
  }
  history.pushState({ kgDrawer: true }, "", currentUrl());
  drawerEntry = { onBack };
}

/** A drawer closed by its button, Escape or a tap outside: its history entry, if still the current one, goes. */
export function leaveDrawerEntry(): void {
  if (!drawerEntry) return;
  drawerEntry = null;
  leavingDrawerEntry = true;
  history.back();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  afterNextFrame(flushUrl);
}

/** Starts mirroring the view into the URL; returns a function that stops it. */
export function startUrlSync(): () => void {
  const unsubscribe = store.subscribe((state, prev) => {
    if (!state.data.loaded || state.view === prev.view) return;
    const url = urlOf(state.view);
    if (url === (pending.at(-1)?.url ?? currentUrl())) return;
    const push = prev.data.loaded === state.data.loaded && !state.ui.playing && isHistoryWorthy(prev.view, state.view);
    pending.push({ url, push });
    schedule();
  });
  const onPopState = () => {
    // The browser has moved in history: writes meant for the entry we left would land on the new one.
    pending = [];
    if (leavingDrawerEntry || drawerEntry) {
      // Back from a drawer's entry to the same view: the drawer closes, the view stays, and the entry
      // we are back on takes the view as it is now (the camera may have moved while the drawer was open).
      const onBack = leavingDrawerEntry ? null : drawerEntry!.onBack;
      leavingDrawerEntry = false;
      drawerEntry = null;
      onBack?.();
      if (store.getState().data.loaded) history.replaceState(null, "", urlOf(store.getState().view));
      return;
    }
    const data = store.getState().data.loaded;
    if (!data) return;
    const { view, ignored } = viewFromLocation(data.graph, location);
    dispatch({ type: "setPlaying", playing: false });
    dispatch({ type: "setView", view });
    notifyIgnored(ignored);
  };
  window.addEventListener("popstate", onPopState);
  return () => {
    unsubscribe();
    flushUrl();
    window.removeEventListener("popstate", onPopState);
  };
}
