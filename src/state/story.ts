/**
 * The story domain: which story is playing and at which step, the story a
 * curator is writing in the app (the draft), and how the page is shown (the
 * full explorer, an embed in someone else's page, or a story file opened on
 * its own). A step's view lives in the view domain like any other view; this
 * domain only says where in a story the reader is.
 */
import { splitPlayerParams } from "../core/story-link";
import type { CitedQuote } from "../model/graph-file";
import type { Story, StoryStep } from "../model/story";

/** Where a reader is in a story: its id, the step (0-based), and whether it is the draft. */
export interface StoryPosition {
  id: string;
  step: number;
  draft: boolean;
}

/** The page: the full explorer, a view embedded in an `<iframe>` (`embed=1`), or an exported story file. */
export type PageMode = "explorer" | "embed" | "file";

export interface StoryState {
  playing: StoryPosition | null;
  draft: Story | null;
  mode: PageMode;
}

const embedded = typeof location !== "undefined" && splitPlayerParams(location.search, location.hash).params.embed;

export const INITIAL_STORY: StoryState = { playing: null, draft: null, mode: embedded ? "embed" : "explorer" };

export type StoryAction =
  | { type: "stopStory" }
  | { type: "setPageMode"; mode: PageMode }
  | { type: "startDraft"; story: Story }
  | { type: "editDraft"; title: string; id: string }
  | { type: "addStep"; step: StoryStep }
  | { type: "editStep"; index: number; caption?: string; quotes?: CitedQuote[] }
  | { type: "moveStep"; index: number; to: number }
  | { type: "removeStep"; index: number }
  | { type: "discardDraft" };

const STORY_ACTIONS: ReadonlySet<string> = new Set<StoryAction["type"]>([
  "stopStory",
  "setPageMode",
  "startDraft",
  "editDraft",
  "addStep",
  "editStep",
  "moveStep",
  "removeStep",
  "discardDraft",
]);

export const isStoryAction = (action: { type: string }): action is StoryAction => STORY_ACTIONS.has(action.type);

/** The draft with new steps; a draft being played keeps its reader on a step that still exists. */
function withSteps(state: StoryState, steps: StoryStep[]): StoryState {
  const draft = { ...state.draft!, steps };
  const playing = state.playing?.draft
    ? steps.length === 0
      ? null
      : { ...state.playing, step: Math.min(state.playing.step, steps.length - 1) }
    : state.playing;
  return { ...state, draft, playing };
}

export function reduceStory(state: StoryState, action: StoryAction): StoryState {
  switch (action.type) {
    case "stopStory":
      return state.playing ? { ...state, playing: null } : state;
    case "setPageMode":
      return state.mode === action.mode ? state : { ...state, mode: action.mode };
    case "startDraft":
      return { ...state, draft: action.story };
    case "discardDraft":
      return { ...state, draft: null, playing: state.playing?.draft ? null : state.playing };
  }
  if (!state.draft) return state;
  const steps = state.draft.steps;
  switch (action.type) {
    case "editDraft":
      return {
        ...state,
        draft: { ...state.draft, title: action.title, id: action.id },
        playing: state.playing?.draft ? { ...state.playing, id: action.id } : state.playing,
      };
    case "addStep":
      return withSteps(state, [...steps, action.step]);
    case "editStep": {
      const step = steps[action.index];
      if (!step) return state;
      const next = {
        ...step,
        ...(action.caption !== undefined && { caption: action.caption }),
        ...(action.quotes && { quotes: action.quotes }),
      };
      return withSteps(
        state,
        steps.map((s, i) => (i === action.index ? next : s)),
      );
    }
    case "moveStep": {
      const { index, to } = action;
      if (!steps[index] || to < 0 || to >= steps.length || to === index) return state;
      const list = [...steps];
      const [moved] = list.splice(index, 1);
      list.splice(to, 0, moved!);
      return withSteps(state, list);
    }
    case "removeStep":
      return steps[action.index]
        ? withSteps(
            state,
            steps.filter((_, i) => i !== action.index),
          )
        : state;
  }
}

/** What a newly loaded graph leaves of the domain: the page mode and the draft (to download), no story playing. */
export function resetStoryForGraph(state: StoryState): StoryState {
  return state.playing ? { ...state, playing: null } : state;
}

export const samePosition = (a: StoryPosition | null, b: StoryPosition | null): boolean =>
  a === b || (a !== null && b !== null && a.id === b.id && a.step === b.step && a.draft === b.draft);
