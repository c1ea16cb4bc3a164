/** What the colours and sizes mean, for what is on screen (src/core/legend.ts). */
import { useMemo } from "react";
import { legendOf, type LegendEntry } from "../core/legend";
import { nodeColor } from "../sigma/decorate";
import { getRenderer } from "../sigma/renderer";
import type { EdgeLabelMode } from "../model/view-state";
import { dispatch, useAppState } from "../state";
import { selectBundles, selectVisible } from "../state/derived";
import { familyColor } from "../core/palette";

function Swatches({ entry, shape }: { entry: LegendEntry; shape: "dot" | "line" }) {
  return (
    <>
      {entry.colors.slice(0, 4).map((color) => (
        <span key={color} className={shape} style={{ background: color }} aria-hidden="true" />
      ))}
    </>
  );
}

export function Legend() {
  const data = useAppState((s) => s.data.loaded);
  const visible = useAppState(selectVisible);
  const bundled = useAppState(selectBundles);
  const appearance = useAppState((s) => s.view.appearance);
  const legend = useMemo(
    () =>
      data &&
      legendOf(data.graph, visible, {
        nodeColor: (a) => nodeColor(a as Parameters<typeof nodeColor>[0]),
        edgeColor: (edge, a) => getRenderer()?.decoration.edges.get(edge)?.color ?? familyColor(String(a.family)),
        sizes: data.source.kind === "built" ? "relations" : "file",
      }),
    [data, visible],
  );
  if (!legend) return null;
  const notes = [
    legend.size && `Size: ${legend.size}`,
    legend.arrows && "arrow: subject → object",
    bundled.size > 0 && "thick line: several relations between two actors (a pie: of mixed families)",
  ].filter(Boolean);
  return (
    <section className="legend" aria-label="Legend">
      <h2 className="legend-title">Actors</h2>
      <ul>
        {legend.kinds.map((entry) => (
          <li key={entry.label}>
            <Swatches entry={entry} shape="dot" />
            {entry.label} <span className="muted">{entry.count}</span>
          </li>
        ))}
      </ul>
      <h2 className="legend-title">Relations</h2>
      <ul>
        {legend.families.map((entry) => (
          <li key={entry.label}>
            <Swatches entry={entry} shape="line" />
            {entry.label} <span className="muted">{entry.count}</span>
          </li>
        ))}
      </ul>
      <div className="legend-controls">
        <label className="switch">
          <input
            type="checkbox"
            checked={appearance.bundle}
            onChange={(e) => dispatch({ type: "setAppearance", appearance: { bundle: e.target.checked } })}
          />
          Bundle parallel relations
        </label>
        <label>
          Relation labels{" "}
          <select
            value={appearance.edgeLabels}
            onChange={(e) => dispatch({ type: "setAppearance", appearance: { edgeLabels: e.target.value as EdgeLabelMode } })}
          >
            <option value="hover">with a highlight</option>
            <option value="on">always</option>
            <option value="off">never</option>
          </select>
        </label>
      </div>
      {notes.length > 0 && <p className="muted legend-note">{notes.join(" · ")}</p>}
    </section>
  );
}
