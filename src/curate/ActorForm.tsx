/** A new actor, prefilled from a name of the text: id, label, kind, aliases, description, and for persons a role and an affiliation. */
import { useMemo, useState } from "react";
import type { ActorDraft, Change, ChangeResponse, StudioState } from "../../graph/studio/protocol";
import { FieldProblems } from "./FieldProblems";
import { namers } from "./names";
import { Picker } from "./Picker";
import { actorIndex } from "./search";
import { useSubmit } from "./use-submit";

export interface ActorFormProps {
  state: StudioState;
  initial: ActorDraft;
  apply: (change: Change) => Promise<ChangeResponse>;
  onDone: (created: boolean) => void;
}

function splitAliases(text: string): string[] {
  return text
    .split(/[;,]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export function ActorForm({ state, initial, apply, onDone }: ActorFormProps) {
  const [draft, setDraft] = useState(initial);
  const [aliases, setAliases] = useState(initial.aliases.join(", "));
  const { outcome, busy, submit } = useSubmit(apply);
  const index = useMemo(() => actorIndex(state.actors), [state.actors]);
  const name = namers(state);
  const set = (patch: Partial<ActorDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const invalid = (field: string) => outcome.problems.some((p) => p.field === field) || undefined;
  const text = (field: "id" | "label" | "description" | "role", label: string, multiline = false) => (
    <div className="field">
      <label htmlFor={`actor-${field}`}>{label}</label>
      {multiline ? (
        <textarea
          id={`actor-${field}`}
          rows={3}
          value={draft[field] ?? ""}
          aria-invalid={invalid(field)}
          onChange={(e) => set({ [field]: e.target.value })}
        />
      ) : (
        <input
          id={`actor-${field}`}
          value={draft[field] ?? ""}
          aria-invalid={invalid(field)}
          onChange={(e) => set({ [field]: e.target.value })}
        />
      )}
      <FieldProblems problems={outcome.problems} field={field} />
    </div>
  );

  return (
    <form
      className="form"
      aria-label="New actor"
      onSubmit={(e) => {
        e.preventDefault();
        const actor: ActorDraft = {
          id: draft.id.trim(),
          label: draft.label.trim(),
          kind: draft.kind,
          aliases: splitAliases(aliases),
          description: draft.description.trim(),
          ...(draft.role?.trim() && { role: draft.role.trim() }),
          ...(draft.affiliation && { affiliation: draft.affiliation }),
        };
        void submit({ kind: "add-actor", actor }).then((ok) => ok && onDone(true));
      }}
    >
      <h3>New actor</h3>
      <FieldProblems problems={outcome.problems} />
      {outcome.message && outcome.problems.length === 0 && (
        <p className="form-message" role="alert">
          {outcome.message}
        </p>
      )}
      {text("label", "Label")}
      {text("id", "Id (stable; lowercase letters, digits, dashes)")}
      <div className="field">
        <label htmlFor="actor-kind">Kind</label>
        <select id="actor-kind" value={draft.kind} aria-invalid={invalid("kind")} onChange={(e) => set({ kind: e.target.value })}>
          {state.kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <FieldProblems problems={outcome.problems} field="kind" />
      </div>
      <div className="field">
        <label htmlFor="actor-aliases">Other names in the articles (comma-separated)</label>
        <input id="actor-aliases" value={aliases} aria-invalid={invalid("aliases")} onChange={(e) => setAliases(e.target.value)} />
        <FieldProblems problems={outcome.problems} field="aliases" />
      </div>
      {text("description", "Description", true)}
      {draft.kind === "person" && text("role", "Role (as the articles give it)")}
      {draft.kind === "person" && (
        <>
          <Picker
            label="Affiliation"
            index={index}
            value={draft.affiliation ?? ""}
            onChange={(affiliation) => set({ affiliation })}
            describe={name.actor}
            optional
          />
          <FieldProblems problems={outcome.problems} field="affiliation" />
        </>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy}>
          Create actor
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
