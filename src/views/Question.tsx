/** The question the app waits on (state/ask.ts), as a dialog: its first answer has the focus, Escape gives the last. */
import { useEffect, useRef } from "react";
import { useAppState } from "../state";
import { answer } from "../state/ask";
import { Dialog } from "./Dialog";

export function Question() {
  const question = useAppState((s) => s.ui.question);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (question) first.current?.focus();
  }, [question]);
  if (!question) return null;
  const last = question.choices.at(-1)!.id;
  return (
    <Dialog labelledBy="question-title" onClose={() => answer(last)} className="reader export-dialog">
      <h2 id="question-title">{question.title}</h2>
      <p>{question.text}</p>
      <div className="dialog-actions question-actions">
        {question.choices.map((choice, i) => (
          <button key={choice.id} type="button" ref={i === 0 ? first : undefined} onClick={() => answer(choice.id)}>
            {choice.label}
          </button>
        ))}
      </div>
    </Dialog>
  );
}
