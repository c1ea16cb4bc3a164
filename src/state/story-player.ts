/** Playing and writing stories: commands for the views, over the store. */
import { slugify } from "../model/text";
import type { Story } from "../model/story";
import { STORY_ID } from "../model/story";
import { selectPlayingStory, selectStories } from "./derived";
import { dispatch, store } from "./index";

/** Shows step `index` (0-based) of a story: its view, with the reader's place in the story. */
export function showStep(story: Story, index: number, draft = false): void {
  const step = story.steps[index];
  if (!step) return;
  // The time bar's playback would move the window away from the step.
  dispatch({ type: "setPlaying", playing: false });
  dispatch({ type: "showStep", view: step.view, playing: { id: story.id, step: index, draft } });
}

/** Plays one of the graph's stories (or the draft) from `index`. */
export function playStory(id: string, index = 0, draft = false): void {
  const state = store.getState();
  const story = draft ? state.story.draft : selectStories(state).find((s) => s.id === id);
  if (story) showStep(story, index, draft);
}

/** The next (1) or previous (-1) step of the story being played; nothing beyond either end. */
export function stepBy(delta: number): void {
  const state = store.getState();
  const story = selectPlayingStory(state);
  const playing = state.story.playing;
  if (!story || !playing) return;
  const index = playing.step + delta;
  if (index >= 0 && index < story.steps.length) showStep(story, index, playing.draft);
}

/** Back to free exploring, from the view on screen. */
export function leaveStory(): void {
  dispatch({ type: "stopStory" });
}

/** An id for a new story from its title, unused by the graph's stories. */
export function draftId(title: string): string {
  const base = slugify(title) || "story";
  const taken = new Set(selectStories(store.getState()).map((s) => s.id));
  let id = STORY_ID.test(base) ? base : "story";
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Starts a story in the app, empty or as a copy of one of the graph's to rework. */
export function startDraft(from?: Story): void {
  const title = from ? from.title : "A new story";
  dispatch({ type: "startDraft", story: { id: from ? from.id : draftId(title), title, steps: from ? from.steps : [] } });
}

/** "Add this view as a step": the view on screen, with an empty caption and no quotes yet. */
export function addViewAsStep(): void {
  const state = store.getState();
  if (!state.story.draft) startDraft();
  dispatch({ type: "addStep", step: { caption: "", view: store.getState().view, quotes: [] } });
}

/** A new title for the draft; its id (the file name) follows the title. */
export function renameDraft(title: string): void {
  dispatch({ type: "editDraft", title, id: draftId(title) });
}
