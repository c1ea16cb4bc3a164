/** One-field changes: a reason (a reviewed sentence, a name that is not an actor) or an actor to add a name to as an alias. */
import { useMemo, useState } from "react";
import type { Change, ChangeResponse, StudioState } from "../../graph/studio/protocol";
import { FieldProblems } from "./FieldProblems";
import { namers } from "./names";
import { Picker } from "./Picker";
import { actorIndex } from "./search";
import { useSubmit } from "./use-submit";

interface ReasonFormProps {
  title: string;
  placeholder: string;
  make: (reason: string) => Change;
  apply: (change: Change) => Promise<ChangeResponse>;
  onDone: () => void;
}

export function ReasonForm({ title, placeholder, make, apply, onDone }: ReasonFormProps) {
  const [reason, setReason] = useState("");
  const { outcome, busy, submit } = useSubmit(apply);
  return (
    <form
      className="form inline-form"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(make(reason.trim())).then((ok) => ok && onDone());
      }}
    >
      <label htmlFor="reason">{title}</label>
      <textarea id="reason" rows={2} value={reason} placeholder={placeholder} onChange={(e) => setReason(e.target.value)} autoFocus />
      <FieldProblems problems={outcome.problems} field="reason" />
      <FieldProblems problems={outcome.problems} />
      {outcome.message && outcome.problems.length === 0 && (
        <p className="form-message" role="alert">
          {outcome.message}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || reason.trim().length === 0}>
          Save
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

interface AliasFormProps {
  state: StudioState;
  alias: string;
  apply: (change: Change) => Promise<ChangeResponse>;
  onDone: () => void;
}

export function AliasForm({ state, alias, apply, onDone }: AliasFormProps) {
  const [actor, setActor] = useState("");
  const { outcome, busy, submit } = useSubmit(apply);
  const index = useMemo(() => actorIndex(state.actors), [state.actors]);
  const name = namers(state);
  return (
    <form
      className="form inline-form"
      aria-label={`“${alias}” as another name of`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit({ kind: "add-alias", actor, alias }).then((ok) => ok && onDone());
      }}
    >
      <Picker label={`“${alias}” is another name of`} index={index} value={actor} onChange={setActor} describe={name.actor} />
      <FieldProblems problems={outcome.problems} field="alias" />
      <FieldProblems problems={outcome.problems} />
      {outcome.message && outcome.problems.length === 0 && (
        <p className="form-message" role="alert">
          {outcome.message}
        </p>
      )}
      <div className="buttons">
        <button type="submit" className="primary" disabled={busy || !actor}>
          Add alias
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
