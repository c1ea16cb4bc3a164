/**
 * Writing a story in the app: a title, "Add this view as a step", each
 * step's caption and cited quotes, reordering, and "Download story" as the
 * YAML file to drop into graph/corpus/stories/ (the build checks it like
 * the rest of the corpus). Shown in the side panel while a draft exists, so
 * it stays at hand while the author selects and filters.
 */
import { useId } from "react";
import { evidenceInWindow } from "../core/time";
import { storyToYaml } from "../core/story-yaml";
import type { CitedQuote } from "../model/graph-file";
import type { ViewState } from "../model/view-state";
import { dispatch, store, useAppState } from "../state";
import { addViewAsStep, playStory, renameDraft } from "../state/story-player";

/** A step's view in a few words, so the author can tell the steps apart. */
function viewSummary(view: ViewState, label: (node: string) => string): string {
  const parts: string[] = [];
  if (view.selected) parts.push(label(view.selected));
  if (view.selectedEdge) parts.push("a relation");
  if (view.path.from && view.path.to) parts.push(`path ${label(view.path.from)} → ${label(view.path.to)}`);
  if (view.time.from || view.time.to) parts.push(`${view.time.from ?? "…"}–${view.time.to ?? "…"}`);
  if (view.compare) parts.push("two periods compared");
  if (view.focus > 0) parts.push(view.focus === 1 ? "neighbours" : "2 steps");
  const filtered = Object.entries(view.filters).some(([k, v]) => k !== "keepIsolated" && v !== null);
  if (filtered) parts.push("filtered");
  if (view.camera) parts.push("camera set");
  return parts.join(" · ") || "the whole graph";
}

/** The quotes of the selected relation that the view shows, to cite in a step. */
function selectedRelationQuotes(): CitedQuote[] {
  const { data, view } = store.getState();
  const graph = data.loaded?.graph;
  const edge = view.selectedEdge;
  if (!graph || !edge || !graph.hasEdge(edge)) return [];
  return evidenceInWindow(graph.getEdgeAttribute(edge, "evidence"), view.time).map((e) => ({ article: e.article, quote: e.quote }));
}

function download(text: string, name: string): void {
  const blob = new Blob([text], { type: "application/yaml;charset=utf-8" });
  void import("../sigma/export/index").then(({ download: save }) => save({ blob, name }));
}

export function StoryEditor() {
  const draft = useAppState((s) => s.story.draft);
  const graph = useAppState((s) => s.data.loaded?.graph);
  const hasEdge = useAppState((s) => s.view.selectedEdge !== null);
  const playing = useAppState((s) => s.story.playing);
  const titleId = useId();
  if (!draft || !graph) return null;
  const label = (node: string) => (graph.hasNode(node) ? graph.getNodeAttribute(node, "label") : node);
  const uncaptioned = draft.steps.map((s, i) => (s.caption.trim() === "" ? i + 1 : 0)).filter(Boolean);
  const cite = (index: number) => {
    const have = draft.steps[index]!.quotes;
    const fresh = selectedRelationQuotes().filter((q) => !have.some((h) => h.article === q.article && h.quote === q.quote));
    dispatch({ type: "editStep", index, quotes: [...have, ...fresh] });
  };
  return (
    <section className="story-editor" aria-labelledby={titleId}>
      <h3 id={titleId} className="section-title">
        Writing a story
      </h3>
      <label className="field">
        <span>Title</span>
        <input type="text" value={draft.title} onChange={(e) => renameDraft(e.target.value)} />
      </label>
      <p className="muted">
        File: <code>graph/corpus/stories/{draft.id}.yaml</code>
      </p>
      <ol className="story-steps">
        {draft.steps.map((step, i) => (
          <li key={i} className={playing?.draft && playing.step === i ? "current" : undefined}>
            <p className="story-step-head">
              <button type="button" className="link-button" onClick={() => playStory(draft.id, i, true)}>
                Step {i + 1}
              </button>
              <span className="muted"> · {viewSummary(step.view, label)}</span>
            </p>
            <textarea
              aria-label={`Caption of step ${i + 1}`}
              rows={3}
              value={step.caption}
              placeholder="What the reader should see here, in your words, faithful to the quotes."
              onChange={(e) => dispatch({ type: "editStep", index: i, caption: e.target.value })}
            />
            {step.quotes.length > 0 && (
              <ul className="story-step-quotes">
                {step.quotes.map((q, k) => (
                  <li key={k}>
                    <q>{q.quote}</q>
                    <button
                      type="button"
                      className="link-button"
                      aria-label={`Remove quote ${k + 1} of step ${i + 1}`}
                      onClick={() => dispatch({ type: "editStep", index: i, quotes: step.quotes.filter((_, j) => j !== k) })}
                    >
                      remove
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <p className="detail-actions">
              <button type="button" disabled={!hasEdge} title="Select a relation first" onClick={() => cite(i)}>
                Cite the selected relation
              </button>
              <button
                type="button"
                aria-label={`Move step ${i + 1} up`}
                disabled={i === 0}
                onClick={() => dispatch({ type: "moveStep", index: i, to: i - 1 })}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={`Move step ${i + 1} down`}
                disabled={i === draft.steps.length - 1}
                onClick={() => dispatch({ type: "moveStep", index: i, to: i + 1 })}
              >
                ↓
              </button>
              <button type="button" aria-label={`Remove step ${i + 1}`} onClick={() => dispatch({ type: "removeStep", index: i })}>
                Remove
              </button>
            </p>
          </li>
        ))}
      </ol>
      <p className="detail-actions">
        <button type="button" onClick={addViewAsStep}>
          Add this view as a step
        </button>
        <button type="button" disabled={draft.steps.length === 0} onClick={() => download(storyToYaml(draft), `${draft.id}.yaml`)}>
          Download story
        </button>
        <button
          type="button"
          onClick={() => {
            // A story not yet downloaded exists nowhere else.
            if (draft.steps.length === 0 || window.confirm(`Discard "${draft.title}" and its ${draft.steps.length} steps?`))
              dispatch({ type: "discardDraft" });
          }}
        >
          Discard
        </button>
      </p>
      {uncaptioned.length > 0 && (
        <p className="muted" role="note">
          Step{uncaptioned.length === 1 ? "" : "s"} {uncaptioned.join(", ")} ha{uncaptioned.length === 1 ? "s" : "ve"} no caption yet: the
          build refuses a step without one.
        </p>
      )}
    </section>
  );
}
