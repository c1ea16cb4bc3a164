/**
 * How the graph is drawn: what sizes and colours say, and how large and how
 * many the labels are. Part of the view, so the link, the snapshot and the
 * exports keep it.
 */
import { useId, useRef } from "react";
import { COLOR_BY, EDGE_COLOR_BY, LABEL_SIZE_LIMITS, SIZE_BY, type Appearance } from "../model/view-state";
import { dispatch, useAppState } from "../state";

const SIZE_NAMES: Record<Appearance["sizeBy"], string> = {
  relations: "relations",
  quotes: "quotes",
  betweenness: "betweenness",
  pagerank: "PageRank",
  none: "nothing (all the same)",
};
const COLOR_NAMES: Record<Appearance["colorBy"], string> = { kind: "kind", community: "community", article: "first article" };
const EDGE_COLOR_NAMES: Record<Appearance["edgeColorBy"], string> = { family: "family", relation: "relation", article: "first article" };

const set = (appearance: Partial<Appearance>) => dispatch({ type: "setAppearance", appearance });

function Choice<K extends "sizeBy" | "colorBy" | "edgeColorBy">({
  label,
  name,
  values,
  names,
}: {
  label: string;
  name: K;
  values: readonly Appearance[K][];
  names: Record<Appearance[K], string>;
}) {
  const value = useAppState((s) => s.view.appearance[name]);
  return (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => set({ [name]: e.target.value })}>
        {values.map((v) => (
          <option key={v} value={v}>
            {names[v]}
          </option>
        ))}
      </select>
    </label>
  );
}

export function AppearancePanel() {
  const labelSize = useAppState((s) => s.view.appearance.labelSize);
  const labelDensity = useAppState((s) => s.view.appearance.labelDensity);
  const sizeId = useId();
  const densityId = useId();
  const details = useRef<HTMLDetailsElement>(null);
  return (
    <details className="appearance-panel" ref={details}>
      <summary>Appearance</summary>
      <div className="appearance-controls" role="group" aria-label="Appearance">
        <Choice label="Size actors by" name="sizeBy" values={SIZE_BY} names={SIZE_NAMES} />
        <Choice label="Colour actors by" name="colorBy" values={COLOR_BY} names={COLOR_NAMES} />
        <Choice label="Colour relations by" name="edgeColorBy" values={EDGE_COLOR_BY} names={EDGE_COLOR_NAMES} />
        <span className="appearance-range">
          <label htmlFor={sizeId}>Label size</label>
          <input
            id={sizeId}
            type="range"
            min={LABEL_SIZE_LIMITS.min}
            max={LABEL_SIZE_LIMITS.max}
            step={0.1}
            value={labelSize}
            onChange={(e) => set({ labelSize: Math.round(Number(e.target.value) * 10) / 10 })}
          />
          <output htmlFor={sizeId}>{Math.round(labelSize * 100)}%</output>
        </span>
        <span className="appearance-range">
          <label htmlFor={densityId}>Labelled actors</label>
          <input
            id={densityId}
            type="range"
            min={0}
            max={1}
            step={0.1}
            value={labelDensity}
            onChange={(e) => set({ labelDensity: Math.round(Number(e.target.value) * 10) / 10 })}
          />
          <output htmlFor={densityId}>{labelDensity >= 1 ? "all that fit" : `largest ${Math.round(labelDensity * 100)}%`}</output>
        </span>
        {/* On a phone the controls open as a sheet over the page: this closes it. */}
        <button type="button" className="appearance-done" onClick={() => details.current?.removeAttribute("open")}>
          Done
        </button>
      </div>
    </details>
  );
}
