/** Everything the build says of the corpus as it is on disk, as `file:line: message`. */
import type { StudioProblem } from "../../graph/studio/protocol";
import { where } from "./FieldProblems";

export function ProblemList({ problems }: { problems: readonly StudioProblem[] }) {
  if (problems.length === 0) return <p className="empty">The corpus builds without errors or warnings.</p>;
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i} className={p.severity}>
          <code>{where(p)}</code>: {p.severity === "error" ? "" : `${p.severity}: `}
          {p.message}
        </li>
      ))}
    </ul>
  );
}
