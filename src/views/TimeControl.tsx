/**
 * The time window: two year sliders over the range of the relations' dates,
 * a histogram of relations per year behind them, and a play button that
 * steps the window through the years.
 */
import { useDeferredValue, useEffect, useMemo } from "react";
import { FAMILIES } from "../model/graph-file";
import { FAMILY_COLORS } from "../core/palette";
import { histogramByYear, yearRange } from "../core/time";
import { visibleSubgraph } from "../core/filters";
import { dispatch, store, useAppState } from "../state";
import { useAfterFirstFrame } from "./use-after-first-frame";

const STEP_MS = 1400;

function yearBound(bound: string | null, fallback: number): number {
  return bound === null ? fallback : Number(bound.slice(0, 4));
}

const OPEN = { from: null, to: null };

export function TimeControl() {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const time = useAppState((s) => s.view.time);
  const playing = useAppState((s) => s.ui.playing);
  const filters = useAppState((s) => s.view.filters);
  const focus = useAppState((s) => s.view.focus);
  const selected = useAppState((s) => (s.view.focus > 0 ? s.view.selected : null));
  const range = useMemo(() => yearRange(graph), [graph]);
  // Bars show what the other filters let through in every year, so the user sees where to move the window.
  // The bars follow the filters a moment after the graph has redrawn.
  const laterFilters = useDeferredValue(filters);
  const laterFocus = useDeferredValue(focus);
  const laterSelected = useDeferredValue(selected);
  const ready = useAfterFirstFrame();
  const bins = useMemo(
    () =>
      ready
        ? histogramByYear(
            graph,
            visibleSubgraph(graph, { filters: laterFilters, focus: laterFocus, selected: laterSelected, time: OPEN }).edges,
          )
        : [],
    [ready, graph, laterFilters, laterFocus, laterSelected],
  );

  useEffect(() => {
    if (!playing || !range) return;
    const timer = setInterval(() => {
      const { from, to } = store.getState().view.time;
      const a = yearBound(from, range.from);
      const b = yearBound(to, range.to);
      if (b >= range.to) dispatch({ type: "setPlaying", playing: false });
      else dispatch({ type: "setTime", time: { from: String(a + 1), to: String(b + 1) } });
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [playing, range]);

  if (!range) return null;
  const from = yearBound(time.from, range.from);
  const to = yearBound(time.to, range.to);
  const setYears = (a: number, b: number) =>
    dispatch({
      type: "setTime",
      time: { from: a <= range.from ? null : String(a), to: b >= range.to ? null : String(b) },
    });
  const max = Math.max(1, ...bins.map((b) => FAMILIES.reduce((n, f) => n + b[f], 0)));
  const years = range.to - range.from + 1;

  return (
    <section className="time-control" aria-label="Time window">
      <div className="time-row">
        <button
          type="button"
          aria-pressed={playing}
          aria-label={playing ? "Pause year-by-year playback" : "Play year by year"}
          onClick={() => {
            if (playing) return dispatch({ type: "setPlaying", playing: false });
            // Play slides the window; the whole range, or a window already at the end, starts at the first year.
            const width = time.from === null && time.to === null ? 0 : to - from;
            if (width === 0 || to >= range.to)
              dispatch({ type: "setTime", time: { from: String(range.from), to: String(range.from + width) } });
            dispatch({ type: "setPlaying", playing: true });
          }}
        >
          {playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <div className="time-track">
          <svg
            className="histogram"
            viewBox={`0 0 ${years * 10} 40`}
            preserveAspectRatio="none"
            role="img"
            aria-label="Relations per year, by family"
          >
            {bins.map((bin, i) => {
              let y = 40;
              const inWindow = bin.year >= from && bin.year <= to;
              return FAMILIES.map((f) => {
                const h = (bin[f] / max) * 38;
                y -= h;
                return h > 0 ? (
                  <rect
                    key={`${bin.year}-${f}`}
                    x={i * 10 + 1}
                    y={y}
                    width={8}
                    height={h}
                    fill={FAMILY_COLORS[f]}
                    opacity={inWindow ? 1 : 0.25}
                  />
                ) : null;
              });
            })}
          </svg>
          <div className="ranges">
            <input
              type="range"
              aria-label="From year"
              min={range.from}
              max={range.to}
              step={1}
              value={from}
              onChange={(e) => setYears(Math.min(Number(e.target.value), to), to)}
            />
            <input
              type="range"
              aria-label="To year"
              min={range.from}
              max={range.to}
              step={1}
              value={to}
              onChange={(e) => setYears(from, Math.max(Number(e.target.value), from))}
            />
          </div>
          <div className="time-axis" aria-hidden="true">
            <span>{range.from}</span>
            <span>{range.to}</span>
          </div>
        </div>
        <output className="time-label" aria-live="polite">
          {from === to ? from : `${from}–${to}`}
        </output>
        <button type="button" disabled={time.from === null && time.to === null} onClick={() => setYears(range.from, range.to)}>
          All years
        </button>
      </div>
    </section>
  );
}
