/** The build's problems with a change, shown next to the field they concern (`file:line: message`). */
import type { StudioProblem } from "../../graph/studio/protocol";

export function where(p: StudioProblem): string {
  return p.line > 0 ? `${p.file}:${p.line}` : p.file;
}

export function FieldProblems({ problems, field }: { problems: readonly StudioProblem[]; field?: string }) {
  const mine = problems.filter((p) => (field === undefined ? p.field === undefined : p.field === field));
  if (mine.length === 0) return null;
  return (
    <ul className={`field-problems ${field ? "" : "general"}`} role="alert">
      {mine.map((p, i) => (
        <li key={i} className={p.severity}>
          {p.file && (
            <>
              <code>{where(p)}</code>:{" "}
            </>
          )}
          {p.message}
        </li>
      ))}
    </ul>
  );
}

/** The outcome of a change, as a form keeps it: problems by field and a message. */
export interface FormOutcome {
  problems: StudioProblem[];
  message: string | null;
}

export const NO_OUTCOME: FormOutcome = { problems: [], message: null };
