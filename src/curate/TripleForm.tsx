/** A triple to add: subject, relation and object picked from lists, a date, and a quote that is the body's own text. */
import { useMemo, useState } from "react";
import type { ArticleInfo, Change, ChangeResponse, StudioState, TripleDraft } from "../../graph/studio/protocol";
import { FieldProblems } from "./FieldProblems";
import { namers } from "./names";
import { Picker } from "./Picker";
import { actorIndex, relationIndex } from "./search";
import { useSubmit } from "./use-submit";

export interface TripleFormProps {
  state: StudioState;
  article: ArticleInfo;
  initial: TripleDraft;
  /** Actors the quote's sentence names: one-click choices. */
  actors: string[];
  /** The relation a cue suggests. */
  suggestedRelation?: string;
  apply: (change: Change) => Promise<ChangeResponse>;
  onDone: () => void;
  title?: string;
}

/** Only the fields of a triple: a proposal carries more (its cue), which the API refuses. */
function tripleOf({ subject, relation, object, date, quote }: TripleDraft): TripleDraft {
  return { subject, relation, object, date: date.trim(), quote };
}

export function TripleForm({ state, article, initial, actors, suggestedRelation, apply, onDone, title = "New triple" }: TripleFormProps) {
  const [draft, setDraft] = useState<TripleDraft>(initial);
  const { outcome, busy, submit } = useSubmit(apply);
  const actorsIndex = useMemo(() => actorIndex(state.actors), [state.actors]);
  const relationsIndex = useMemo(() => relationIndex(state.relations), [state.relations]);
  const name = namers(state);
  const set = (patch: Partial<TripleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const invalid = (field: string) => outcome.problems.some((p) => p.field === field);
  const complete = draft.subject && draft.relation && draft.object && draft.date.trim();

  return (
    <form
      className="form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ kind: "add-triple", article: article.id, triple: tripleOf(draft) }).then((ok) => ok && onDone());
      }}
    >
      <h3>{title}</h3>
      <FieldProblems problems={outcome.problems} />
      {outcome.message && outcome.problems.length === 0 && (
        <p className="form-message" role="alert">
          {outcome.message}
        </p>
      )}
      <Picker
        label="Subject"
        index={actorsIndex}
        value={draft.subject}
        onChange={(subject) => set({ subject })}
        suggestions={actors}
        describe={name.actor}
        invalid={invalid("subject")}
      />
      <FieldProblems problems={outcome.problems} field="subject" />
      <Picker
        label="Relation"
        index={relationsIndex}
        value={draft.relation}
        onChange={(relation) => set({ relation })}
        suggestions={suggestedRelation ? [suggestedRelation] : []}
        describe={(id) => `${name.relation(id)} (${id})`}
        invalid={invalid("relation")}
      />
      <FieldProblems problems={outcome.problems} field="relation" />
      <Picker
        label="Object"
        index={actorsIndex}
        value={draft.object}
        onChange={(object) => set({ object })}
        suggestions={actors}
        describe={name.actor}
        invalid={invalid("object")}
      />
      <FieldProblems problems={outcome.problems} field="object" />
      <div className="field">
        <label htmlFor="triple-date">Date</label>
        <input
          id="triple-date"
          value={draft.date}
          placeholder="YYYY, YYYY-MM or YYYY-MM-DD"
          aria-invalid={invalid("date") || undefined}
          onChange={(e) => set({ date: e.target.value })}
        />
        <p className="hint">
          From the sentence when it writes a date, else the article&rsquo;s ({article.date}). Resolve relative dates by hand.
        </p>
      </div>
      <FieldProblems problems={outcome.problems} field="date" />
      <div className="field">
        <span className="label">Quote</span>
        <blockquote className="quote" data-testid="triple-quote">
          {draft.quote}
        </blockquote>
        <p className="hint">Verbatim from the body, one sentence or less. Select a shorter passage in the text to quote less.</p>
      </div>
      <FieldProblems problems={outcome.problems} field="quote" />
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !complete}>
          Add triple
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
