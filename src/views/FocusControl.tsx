/** Show only the selected actor's neighbourhood, at depth 1 or 2. */
import { dispatch, useAppState } from "../state";

const CHOICES = [
  { depth: 0, label: "Whole graph" },
  { depth: 1, label: "Neighbours" },
  { depth: 2, label: "2 steps" },
] as const;

export function FocusControl() {
  const focus = useAppState((s) => s.view.focus);
  return (
    <fieldset className="focus-control">
      <legend>Focus</legend>
      {CHOICES.map((c) => (
        <label key={c.depth}>
          <input
            type="radio"
            name="focus-depth"
            checked={focus === c.depth}
            onChange={() => dispatch({ type: "setFocus", depth: c.depth })}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
