/** Sending a form's change: busy while it runs, then the problems by field or the refusal's message. */
import { useState } from "react";
import type { Change, ChangeResponse } from "../../graph/studio/protocol";
import { NO_OUTCOME, type FormOutcome } from "./FieldProblems";

export function useSubmit(apply: (change: Change) => Promise<ChangeResponse>) {
  const [outcome, setOutcome] = useState<FormOutcome>(NO_OUTCOME);
  const [busy, setBusy] = useState(false);
  const submit = async (change: Change): Promise<boolean> => {
    setBusy(true);
    try {
      const r = await apply(change);
      if (r.ok) {
        setOutcome(NO_OUTCOME);
        return true;
      }
      setOutcome({ problems: r.kind === "invalid" ? r.problems : [], message: r.message });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { outcome, busy, submit };
}
