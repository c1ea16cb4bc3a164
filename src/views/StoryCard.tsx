/**
 * The caption card over the graph while a story plays: the story's title,
 * the step number, the curator's caption and the quotes it cites, Previous
 * and Next (the arrow keys too), and a way out (× or Esc) that leaves the
 * reader exploring from the view on screen.
 */
import { useEffect } from "react";
import { dispatch, useAppState } from "../state";
import { selectPlayingStory } from "../state/derived";
import { leaveStory, stepBy } from "../state/story-player";
import { exportStepPng } from "../sigma/export/run-story";

/** Keys typed into a field, a slider or a list are theirs, not the story's. */
function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && (target as HTMLInputElement).type !== "checkbox");
}

function useStoryKeys(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || ownsKeys(event.target)) return;
      // A dialog open over the page (the article reader) has Esc first.
      if (document.querySelector('[role="dialog"]')) return;
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        stepBy(event.key === "ArrowRight" ? 1 : -1);
      } else if (event.key === "Escape") {
        // Leaving the story keeps the view: the selection stays, so the graph's own Esc must not also clear it.
        event.stopPropagation();
        leaveStory();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [active]);
}

export function StoryCard() {
  const story = useAppState(selectPlayingStory);
  const playing = useAppState((s) => s.story.playing);
  const mode = useAppState((s) => s.story.mode);
  const articles = useAppState((s) => s.data.loaded?.graph.getAttribute("articles"));
  const busy = useAppState((s) => s.ui.busy !== null);
  const step = story && playing ? story.steps[playing.step] : undefined;
  useStoryKeys(step !== undefined);
  if (!story || !playing || !step) return null;
  const n = story.steps.length;
  const titleOf = (id: string) => articles?.find((a) => a.id === id)?.title ?? id;
  return (
    <section className="story-card" aria-label={`Story: ${story.title}`} data-graph-overlay="">
      <header className="story-card-head">
        <h2>{story.title}</h2>
        <span className="story-step" aria-live="polite">
          Step {playing.step + 1} of {n}
        </span>
        <button type="button" className="story-close" aria-label="Leave the story" title="Leave the story (Esc)" onClick={leaveStory}>
          ×
        </button>
      </header>
      <div className="story-body">
        <p className="story-caption">{step.caption || <span className="muted">(no caption yet)</span>}</p>
        {step.quotes.length > 0 && (
          <details className="story-quotes">
            <summary>{step.quotes.length === 1 ? "The quote" : `The ${step.quotes.length} quotes`} behind this step</summary>
            <ul>
              {step.quotes.map((q, i) => (
                <li key={i}>
                  <blockquote>{q.quote}</blockquote>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => dispatch({ type: "openReader", article: q.article, quote: q.quote })}
                  >
                    {titleOf(q.article)}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      <nav className="story-nav" aria-label="Story steps">
        <button type="button" disabled={playing.step === 0} onClick={() => stepBy(-1)}>
          ← Previous
        </button>
        <button type="button" disabled={playing.step === n - 1} onClick={() => stepBy(1)}>
          Next →
        </button>
        {mode !== "embed" && (
          <button type="button" className="story-png" disabled={busy} onClick={() => exportStepPng(story, playing.step)}>
            PNG of this step
          </button>
        )}
      </nav>
    </section>
  );
}
