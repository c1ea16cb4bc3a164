/**
 * The stories of the graph in the overview: each with its steps, Play, and
 * its exports (every step as a PNG, the whole story as one HTML file that
 * plays offline), and a way to write a new one in the app.
 */
import type { Story } from "../model/story";
import { exportStepPngs, exportStoryHtml } from "../sigma/export/run-story";
import { useAppState } from "../state";
import { selectStories } from "../state/derived";
import { playStory, startDraft } from "../state/story-player";

function StoryItem({ story, draft = false }: { story: Story; draft?: boolean }) {
  const busy = useAppState((s) => s.ui.busy !== null);
  const hasDraft = useAppState((s) => s.story.draft !== null);
  const n = story.steps.length;
  return (
    <li className="story-item">
      <p className="story-item-title">
        <strong>{story.title}</strong>
        <span className="muted">
          {" "}
          · {n} step{n === 1 ? "" : "s"}
          {draft && " · your draft"}
        </span>
      </p>
      {story.description && <p className="muted story-item-description">{story.description}</p>}
      <p className="detail-actions">
        <button type="button" disabled={n === 0} onClick={() => playStory(story.id, 0, draft)}>
          Play
        </button>
        <button type="button" disabled={busy || n === 0} onClick={() => exportStepPngs(story, draft)}>
          Steps as PNG
        </button>
        <button type="button" disabled={busy || n === 0} onClick={() => exportStoryHtml(story)}>
          Story as HTML
        </button>
        {!draft && !hasDraft && (
          <button type="button" onClick={() => startDraft(story)}>
            Edit a copy
          </button>
        )}
      </p>
    </li>
  );
}

export function StoryList() {
  const stories = useAppState(selectStories);
  const draft = useAppState((s) => s.story.draft);
  const mode = useAppState((s) => s.story.mode);
  if (mode !== "explorer") return null;
  return (
    <section className="story-list" aria-labelledby="stories-title">
      <h3 id="stories-title" className="section-title">
        Stories ({stories.length})
      </h3>
      {stories.length === 0 && !draft && <p className="muted">This graph carries no story yet.</p>}
      <ul>
        {stories.map((story) => (
          <StoryItem key={story.id} story={story} />
        ))}
        {draft && <StoryItem story={draft} draft />}
      </ul>
      {!draft && (
        <p>
          <button type="button" onClick={() => startDraft()}>
            Write a story
          </button>
        </p>
      )}
    </section>
  );
}
