/**
 * Stories: a titled sequence of steps, each a view (what a link or a snapshot
 * holds: selection, filters, time window, focus, path, camera, appearance,
 * comparison) with the curator's caption and the quotes it cites. Curators
 * write them in graph/corpus/stories; the build checks them and the graph
 * file carries them (StoryRecord in graph-file.ts); the explorer plays them.
 *
 * A step's view is stored as what differs from the default view, so a story
 * keeps meaning "the default" where its author left a member out.
 */
import type { CitedQuote, StoryRecord } from "./graph-file";
import { DEFAULT_VIEW, readView, type ViewState, type ViewTargets } from "./view-state";

export interface StoryStep {
  caption: string;
  view: ViewState;
  quotes: CitedQuote[];
}

export interface Story {
  id: string;
  title: string;
  description?: string;
  steps: StoryStep[];
}

/** A story id: lowercase letters, digits and dashes, as corpus ids (it is a file name and a link value). */
export const STORY_ID = /^[a-z0-9][a-z0-9-]*$/;

/** Longest caption a step may have: a card over the graph, not an article. */
export const MAX_CAPTION = 2000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string";

function readQuotes(value: unknown): CitedQuote[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((q): q is Record<string, unknown> => isObject(q) && isText(q.article) && isText(q.quote) && q.article !== "" && q.quote !== "")
    .map((q) => ({ article: q.article as string, quote: q.quote as string }));
}

/**
 * The stories a graph file carries, each step's view read with the view
 * rules (readView: a member that is malformed or names what the graph lacks
 * falls back to its default). A story without a usable id, title or step is
 * left out; the build never writes one, but an opened file may hold anything.
 */
export function readStories(value: unknown, targets: ViewTargets): Story[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: Story[] = [];
  for (const raw of value) {
    if (!isObject(raw) || !isText(raw.id) || !STORY_ID.test(raw.id) || seen.has(raw.id) || !isText(raw.title)) continue;
    const steps: StoryStep[] = [];
    for (const step of Array.isArray(raw.steps) ? raw.steps : []) {
      if (!isObject(step)) continue;
      const notes: string[] = [];
      steps.push({
        caption: isText(step.caption) ? step.caption.slice(0, MAX_CAPTION) : "",
        view: readView(isObject(step.view) ? step.view : {}, targets, notes),
        quotes: readQuotes(step.quotes),
      });
    }
    if (steps.length === 0) continue;
    seen.add(raw.id);
    out.push({ id: raw.id, title: raw.title, ...(isText(raw.description) && { description: raw.description }), steps });
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The members of `view` that differ from the default view, in the view's
 * order; filters and appearance field by field. What a story file and the
 * graph file store for a step.
 */
export function viewDelta(view: ViewState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(DEFAULT_VIEW) as (keyof ViewState)[]) {
    const value = view[name] ?? DEFAULT_VIEW[name];
    const fallback = DEFAULT_VIEW[name];
    if (name === "filters" || name === "appearance") {
      const fields: Record<string, unknown> = {};
      for (const [field, v] of Object.entries(value as object)) {
        if (!same(v, (fallback as Record<string, unknown>)[field])) fields[field] = v;
      }
      if (Object.keys(fields).length > 0) out[name] = fields;
    } else if (!same(value, fallback)) out[name] = value;
  }
  return out;
}

/** A story as the graph file carries it. */
export function storyRecord(story: Story): StoryRecord {
  return {
    id: story.id,
    title: story.title,
    ...(story.description !== undefined && { description: story.description }),
    steps: story.steps.map((s) => ({ caption: s.caption, view: viewDelta(s.view), quotes: s.quotes.map((q) => ({ ...q })) })),
  };
}

/** The title band of a step's picture: the story, the step number and the caption. */
export function stepTitle(story: Story, index: number): string {
  const caption = story.steps[index]?.caption ?? "";
  return `${story.title} · step ${index + 1} of ${story.steps.length}${caption ? `: ${caption}` : ""}`;
}
