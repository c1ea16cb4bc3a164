/**
 * Asks the reader a question and waits for the answer: the question is put in
 * the ui state, a dialog shows it (views/Question.tsx) and answers through
 * `answer`. One question at a time; a new one answers the open one with its
 * last choice (the one that changes nothing).
 */
import type { Question } from "./ui";
import { dispatch } from "./index";

let pending: { question: Question; resolve: (id: string) => void } | null = null;

export function ask(question: Question): Promise<string> {
  if (pending) answer(pending.question.choices.at(-1)!.id);
  return new Promise<string>((resolve) => {
    pending = { question, resolve };
    dispatch({ type: "ask", question });
  });
}

export function answer(id: string): void {
  const open = pending;
  if (!open) return;
  pending = null;
  dispatch({ type: "ask", question: null });
  open.resolve(id);
}
