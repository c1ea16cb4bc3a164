/** What the colours and sizes mean, for what is on screen and under the appearance (src/core/legend.ts, src/core/appearance.ts). */
import { useMemo } from "react";
import { needsStatistics } from "../core/appearance";
import { legendOf, type LegendEntry } from "../core/legend";
import { legendOptionsFor } from "../sigma/node-looks";
import { getRenderer } from "../sigma/renderer";
import type { EdgeLabelMode } from "../model/view-state";
import { dispatch, useAppState } from "../state";
import { selectBundles, selectVisible } from "../state/derived";
import { selectLooks } from "../state/looks";
import { familyColor } from "../core/palette";
import { AppearancePanel } from "./AppearancePanel";
import { useStatistics } from "./use-statistics";

const ACTOR_TITLES = { kind: "Actors", community: "Actors by community", article: "Actors by first article" } as const;
const RELATION_TITLES = { family: "Relations", relation: "Relations by relation", article: "Relations by first article" } as const;

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
  const looks = useAppState(selectLooks);
  // An appearance that sizes or colours by the statistics asks for them (after the first frame).
  useStatistics(needsStatistics(appearance));
  const legend = useMemo(() => {
    const decoration = getRenderer()?.decoration ?? { edges: new Map() };
    const sizes = data?.source.kind === "built" ? "relations" : "file";
    return (
      data &&
      legendOf(
        data.graph,
        visible,
        legendOptionsFor(looks, decoration, sizes, (a) => familyColor(String(a.family))),
      )
    );
  }, [data, visible, looks]);
  if (!legend) return null;
  const notes = [
    legend.size && `Size: ${legend.size}`,
    legend.arrows && "arrow: subject → object",
    bundled.size > 0 && "thick line: several relations between two actors (a pie: of mixed families)",
  ].filter(Boolean);
  return (
    <section className="legend" aria-label="Legend">
      <h2 className="legend-title">{ACTOR_TITLES[appearance.colorBy]}</h2>
      <ul>
        {legend.kinds.map((entry) => (
          <li key={entry.label}>
            <Swatches entry={entry} shape="dot" />
            {entry.label} <span className="muted">{entry.count}</span>
          </li>
        ))}
      </ul>
      <h2 className="legend-title">{RELATION_TITLES[appearance.edgeColorBy]}</h2>
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
        <AppearancePanel />
      </div>
      {notes.length > 0 && <p className="muted legend-note">{notes.join(" · ")}</p>}
    </section>
  );
}
