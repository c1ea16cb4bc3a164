/**
 * Compare two periods: period A and period B as two windows of years, or
 * before and after a year, on one layout; and the legend of the marks, with
 * how many relations and actors each covers. The comparison is part of the
 * view (`compare`), so links, snapshots and exports keep it.
 */
import { useMemo } from "react";
import { describePeriod } from "../core/compare";
import { yearRange } from "../core/time";
import type { Comparison } from "../model/view-state";
import { dispatch, useAppState } from "../state";
import { selectComparison } from "../state/derived";

const year = (bound: string | null, fallback: number) => (bound === null ? fallback : Number(bound.slice(0, 4)));

/** Before / after year Y: A is up to Y − 1, B from Y. */
function splitYear(c: Comparison): number | null {
  const { a, b } = c;
  if (a.from !== null || b.to !== null || a.to === null || b.from === null) return null;
  return /^\d{4}$/.test(a.to) && /^\d{4}$/.test(b.from) && Number(b.from) === Number(a.to) + 1 ? Number(b.from) : null;
}

function YearSelect({ label, value, years, onChange }: { label: string; value: number; years: number[]; onChange: (y: number) => void }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))}>
      {years.map((y) => (
        <option key={y} value={y}>
          {y}
        </option>
      ))}
    </select>
  );
}

function Legend() {
  const comparison = useAppState(selectComparison);
  if (!comparison) return null;
  const { edges, nodes } = comparison.counts;
  const n = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  return (
    <ul className="compare-legend" aria-label="What the marks mean">
      <li>
        <span className="compare-line only-a" aria-hidden="true" />
        <strong>only in A</strong> <span className="muted">({describePeriod(comparison.a)})</span>: {n(edges["only-a"], "relation")},{" "}
        {n(nodes["only-a"], "actor")} <span className="muted">· faded, thin</span>
      </li>
      <li>
        <span className="compare-line only-b" aria-hidden="true" />
        <strong>only in B</strong> <span className="muted">({describePeriod(comparison.b)})</span>: {n(edges["only-b"], "relation")},{" "}
        {n(nodes["only-b"], "actor")} <span className="muted">· thick; actors ringed</span>
      </li>
      <li>
        <span className="compare-line both" aria-hidden="true" />
        <strong>in both</strong>: {n(edges.both, "relation")}, {n(nodes.both, "actor")}
      </li>
    </ul>
  );
}

export function ComparePeriods() {
  const graph = useAppState((s) => s.data.loaded?.graph);
  const compare = useAppState((s) => s.view.compare ?? null);
  const timed = useAppState((s) => s.view.time.from !== null || s.view.time.to !== null);
  const range = useMemo(() => (graph ? yearRange(graph) : null), [graph]);
  if (!graph || !range || range.from === range.to) return null;
  const years = Array.from({ length: range.to - range.from + 1 }, (_, i) => range.from + i);
  const set = (next: Comparison | null) => dispatch({ type: "setCompare", compare: next });

  if (!compare) {
    const third = Math.max(0, Math.floor((range.to - range.from) / 3));
    return (
      <section className="compare-periods" aria-label="Compare two periods">
        <button
          type="button"
          onClick={() => {
            // The periods cover the years themselves; a narrower time window would clip both.
            if (timed) dispatch({ type: "setTime", time: { from: null, to: null } });
            set({
              a: { from: String(range.from), to: String(range.from + third) },
              b: { from: String(range.to - third), to: String(range.to) },
            });
          }}
        >
          Compare two periods
        </button>
      </section>
    );
  }

  const split = splitYear(compare);
  const a = { from: year(compare.a.from, range.from), to: year(compare.a.to, range.to) };
  const b = { from: year(compare.b.from, range.from), to: year(compare.b.to, range.to) };
  const period = (from: number, to: number) => ({ from: String(Math.min(from, to)), to: String(Math.max(from, to)) });
  return (
    <section className="compare-periods active" aria-label="Compare two periods">
      <div className="compare-row">
        <select
          aria-label="How to compare"
          value={split === null ? "windows" : "split"}
          onChange={(e) => {
            if (e.target.value === "split") {
              const y = Math.min(range.to, Math.max(range.from + 1, b.from));
              set({ a: { from: null, to: String(y - 1) }, b: { from: String(y), to: null } });
            } else set({ a: period(range.from, a.to), b: period(b.from, range.to) });
          }}
        >
          <option value="windows">Period A against period B</option>
          <option value="split">Before and after a year</option>
        </select>
        {split === null ? (
          <>
            <span className="compare-period">
              <strong>A</strong>{" "}
              <YearSelect label="Period A from" value={a.from} years={years} onChange={(y) => set({ ...compare, a: period(y, a.to) })} />
              –
              <YearSelect label="Period A to" value={a.to} years={years} onChange={(y) => set({ ...compare, a: period(a.from, y) })} />
            </span>
            <span className="compare-period">
              <strong>B</strong>{" "}
              <YearSelect label="Period B from" value={b.from} years={years} onChange={(y) => set({ ...compare, b: period(y, b.to) })} />
              –
              <YearSelect label="Period B to" value={b.to} years={years} onChange={(y) => set({ ...compare, b: period(b.from, y) })} />
            </span>
          </>
        ) : (
          <span className="compare-period">
            A before, B from{" "}
            <YearSelect
              label="Split year"
              value={split}
              years={years.slice(1)}
              onChange={(y) => set({ a: { from: null, to: String(y - 1) }, b: { from: String(y), to: null } })}
            />
          </span>
        )}
        <button type="button" onClick={() => set(null)}>
          Stop comparing
        </button>
      </div>
      <Legend />
      {timed && <p className="muted compare-note">The time window above narrows both periods.</p>}
    </section>
  );
}
