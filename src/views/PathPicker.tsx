/** Choose two actors to see the shortest chain of visible relations between them. */
import { useDeferredValue, useMemo } from "react";
import { dispatch, useAppState } from "../state";
import { selectPath, selectVisible } from "../state/derived";

export function PathPicker() {
  const graph = useAppState((s) => s.data.loaded!.graph);
  // The lists follow the filters just after the graph has redrawn: they are long on a large graph.
  const visible = useDeferredValue(useAppState(selectVisible));
  const { from, to } = useAppState((s) => s.view.path);
  const path = useAppState(selectPath);
  const byLabel = useMemo(() => {
    const collator = new Intl.Collator();
    return graph.mapNodes((node, a) => ({ node, label: a.label })).sort((a, b) => collator.compare(a.label, b.label));
  }, [graph]);
  const options = useMemo(() => byLabel.filter((o) => visible.nodes.has(o.node)), [byLabel, visible]);
  const set = (f: string | null, t: string | null) => dispatch({ type: "setPath", from: f, to: t });
  const select = (label: string, value: string | null, onChange: (v: string | null) => void) => (
    <label className="path-field">
      <span>{label}</span>
      <select value={value ?? ""} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">—</option>
        {value && !visible.nodes.has(value) && graph.hasNode(value) && (
          <option value={value}>{graph.getNodeAttribute(value, "label")} (hidden)</option>
        )}
        {options.map((o) => (
          <option key={o.node} value={o.node}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="filter-group path-picker">
      <legend>Find a path</legend>
      {select("From", from, (v) => set(v, to))}
      {select("To", to, (v) => set(from, v))}
      <div className="filter-actions">
        <button type="button" className="link-button" disabled={!from && !to} onClick={() => set(null, null)}>
          Clear path
        </button>
        <button type="button" className="link-button" disabled={!from && !to} onClick={() => set(to, from)}>
          Swap
        </button>
      </div>
      {from && to && (
        <p className="path-summary" role="status">
          {path
            ? `${path.edges.length} step${path.edges.length === 1 ? "" : "s"}: see the details panel.`
            : "No path under the current filters."}
        </p>
      )}
    </fieldset>
  );
}
