/**
 * "Find a path": two actor boxes that match as the search does, at the top
 * of the details panel, where they are seen without opening the filters.
 * The path itself is listed below them (PathDetails).
 */
import { dispatch, useAppState } from "../state";
import { selectPath } from "../state/derived";
import { plural } from "../model/text";
import { ActorCombobox } from "./ActorCombobox";

export function PathPicker() {
  const { from, to } = useAppState((s) => s.view.path);
  const path = useAppState(selectPath);
  const set = (f: string | null, t: string | null) => dispatch({ type: "setPath", from: f, to: t });
  return (
    <fieldset className="path-picker">
      <legend className="section-title">Find a path</legend>
      <div className="path-fields">
        <ActorCombobox className="path-field" label="Path from" placeholder="From…" value={from} onChoose={(node) => set(node, to)} />
        <span className="path-arrow" aria-hidden="true">
          →
        </span>
        <ActorCombobox className="path-field" label="Path to" placeholder="To…" value={to} onChoose={(node) => set(from, node)} />
      </div>
      {(from || to) && (
        <div className="path-actions">
          <button type="button" className="link-button" disabled={!from || !to} onClick={() => set(to, from)}>
            Swap
          </button>
          <button type="button" className="link-button" onClick={() => set(null, null)}>
            Clear path
          </button>
          {from && to && (
            <span className="path-summary" role="status">
              {from === to
                ? "Choose two different actors."
                : path
                  ? plural(path.edges.length, "step")
                  : "No path under the current filters."}
            </span>
          )}
        </div>
      )}
    </fieldset>
  );
}
