/**
 * The view lives in the address bar: every change of it is written there
 * (a new history entry for a change a user would want Back to undo, a
 * replacement for camera moves and playback), and Back/Forward bring the
 * stored view back. The writes follow the frame that shows a change.
 */
import { parseStep, splitPlayerParams, withPlayerParams } from "../core/story-link";
import { decodeView, describeIgnored, encodeView, isHistoryWorthy, knownIds } from "../core/url-state";
import { readStories } from "../model/story";
import { afterNextFrame } from "./after-next-frame";
import type { AppState, KGGraph } from "./app-state";
import type { ViewState } from "../model/view-state";
import { selectPlayingStory } from "./derived";
import { dispatch, store } from "./index";
import { samePosition, type StoryPosition } from "./story";

const clip = (text: string) => ([...text].length > 40 ? `${[...text].slice(0, 40).join("")}…` : text);

/**
 * The view a URL describes for this graph, the story step it names
 * (`story=…&step=…`), and notes on what it had to ignore. A link that names
 * a step and no view opens on that step's view; one that also holds a view
 * (the reader had moved on from the step) opens on that view, in the story.
 */
export function viewFromLocation(
  graph: KGGraph,
  location: Pick<Location, "search" | "hash">,
): { view: ViewState; ignored: string[]; playing: StoryPosition | null } {
  const split = splitPlayerParams(location.search, location.hash);
  const decoded = decodeView(split.search, split.hash, knownIds(graph));
  const ignored = [...split.ignored, ...decoded.ignored];
  const { story: id, step: stepText } = split.params;
  if (id === null) {
    if (stepText !== null) ignored.push("a step but no story in 'step'");
    return { view: decoded.view, ignored, playing: null };
  }
  const stories = readStories(graph.getAttribute("stories"), { hasNode: (k) => graph.hasNode(k), hasEdge: (k) => graph.hasEdge(k) });
  const story = stories.find((s) => s.id === id);
  if (!story) {
    ignored.push(`unknown story '${clip(id)}' in story`);
    return { view: decoded.view, ignored, playing: null };
  }
  let step = stepText === null ? 0 : parseStep(stepText, story.steps.length);
  if (step === null) {
    ignored.push(`invalid step '${clip(stepText!)}' in step (the story has ${story.steps.length}): showing step 1`);
    step = 0;
  }
  const viewGiven = split.search !== "" || split.hash !== "";
  return { view: viewGiven ? decoded.view : story.steps[step]!.view, ignored, playing: { id, step, draft: false } };
}

export function notifyIgnored(ignored: string[]): void {
  if (ignored.length === 0) return;
  dispatch({ type: "notify", role: "status", text: describeIgnored(ignored) });
}

/**
 * The address of the state: the view, then the story step (a story of the
 * graph, not the draft, which only its author has) and the embed flag. On
 * a step's own view the link names the step alone (`?story=…&step=4`), so it
 * follows the story if its curator changes the step.
 */
function urlOf(state: AppState, embed = state.story.mode === "embed"): string {
  const playing = state.story.playing;
  const position = playing && !playing.draft ? { story: playing.id, step: playing.step } : null;
  let query = encodeView(state.view);
  if (position) {
    const step = selectPlayingStory(state)?.steps[position.step];
    if (step && encodeView(step.view) === query) query = "";
  }
  return `${location.pathname}${withPlayerParams(query, position, embed)}`;
}

/** The full explorer's address for the view on screen (what an embed's "Open in the explorer" links to). */
export function explorerUrl(state: AppState): string {
  return urlOf(state, false);
}

/** The address of the view on screen as an embed (`embed=1`), absolute, for someone else's `<iframe>`. */
export function embedUrl(state: AppState): string {
  return `${location.origin}${urlOf(state, true)}`;
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
    const moved = !samePosition(prev.story.playing, state.story.playing);
    if (!state.data.loaded || (state.view === prev.view && !moved)) return;
    const url = urlOf(state);
    if (url === (pending.at(-1)?.url ?? currentUrl())) return;
    // A new step is a step Back should undo, like a new selection.
    const push = prev.data.loaded === state.data.loaded && !state.ui.playing && (moved || isHistoryWorthy(prev.view, state.view));
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
      if (store.getState().data.loaded) history.replaceState(null, "", urlOf(store.getState()));
      return;
    }
    const data = store.getState().data.loaded;
    if (!data) return;
    const { view, ignored, playing } = viewFromLocation(data.graph, location);
    dispatch({ type: "setPlaying", playing: false });
    dispatch({ type: "showStep", view, playing });
    notifyIgnored(ignored);
  };
  window.addEventListener("popstate", onPopState);
  return () => {
    unsubscribe();
    flushUrl();
    window.removeEventListener("popstate", onPopState);
  };
}
