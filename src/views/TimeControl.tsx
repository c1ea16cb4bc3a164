/**
 * The time bar: a histogram of relations per year by family over an axis
 * that starts where the relations do and compresses long empty runs
 * (core/time-axis.ts); a filled window between two handles that can be
 * dragged by either handle or as a whole, and moved from the keyboard; Play,
 * which steps through the years that hold relations (or every year) at the
 * reader's pace; and the rule for relations without a date.
 */
import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from "react";
import { FAMILIES } from "../model/graph-file";
import { plural } from "../model/text";
import { FAMILY_COLORS } from "../core/palette";
import { histogramByYear, undatedRelations } from "../core/time";
import { axisTicks, playNext, playStart, stepYear, timeAxis, yearAt, yearPosition, type TimeAxis } from "../core/time-axis";
import { visibleSubgraph } from "../core/filters";
import { dispatch, store, useAppState } from "../state";
import { PLAY_PACES, type PlayStep } from "../state/preferences";
import { useAfterFirstFrame } from "./use-after-first-frame";

const OPEN = { from: null, to: null };
/** Room left and right of the axis for the handles at its ends, in px. */
const PAD = 9;

const PACE_LABELS: ReadonlyMap<number, string> = new Map([
  [2000, "slow (2 s a step)"],
  [1000, "normal (1 s a step)"],
  [500, "fast (½ s a step)"],
]);

function yearBound(bound: string | null, fallback: number): number {
  return bound === null ? fallback : Number(bound.slice(0, 4));
}

type Handle = "from" | "to";

/** Moves one handle to `year`, pushing the other along when it would cross it, so neither can trap the other. */
function moved(handle: Handle, year: number, from: number, to: number): [number, number] {
  if (handle === "from") return [year, Math.max(year, to)];
  return [Math.min(year, from), year];
}

export function TimeControl() {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const time = useAppState((s) => s.view.time);
  const playing = useAppState((s) => s.ui.playing);
  const { playStep, playPace } = useAppState((s) => s.ui.preferences);
  const filters = useAppState((s) => s.view.filters);
  const focus = useAppState((s) => s.view.focus);
  const selected = useAppState((s) => (s.view.focus > 0 ? s.view.selected : null));
  const ready = useAfterFirstFrame();
  const track = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);

  // The axis is the whole graph's, so it stays put while filters change.
  const axis = useMemo(() => {
    const years = histogramByYear(graph)
      .filter((bin) => FAMILIES.some((f) => bin[f] > 0))
      .map((bin) => bin.year);
    return timeAxis(years);
  }, [graph]);

  // Bars show what the other filters let through in every year, a moment after the graph has redrawn.
  const laterFilters = useDeferredValue(filters);
  const laterFocus = useDeferredValue(focus);
  const laterSelected = useDeferredValue(selected);
  const { bins, undated } = useMemo(() => {
    if (!ready) return { bins: [], undated: 0 };
    const open = visibleSubgraph(graph, { filters: laterFilters, focus: laterFocus, selected: laterSelected, time: OPEN }).edges;
    return { bins: histogramByYear(graph, open), undated: undatedRelations(graph, open) };
  }, [ready, graph, laterFilters, laterFocus, laterSelected]);

  const steps = useMemo(() => {
    if (!axis) return [];
    if (playStep === "year") return axis.stops;
    const held = bins.filter((b) => FAMILIES.some((f) => b[f] > 0)).map((b) => b.year);
    return held.length > 0 ? held : axis.stops;
  }, [axis, bins, playStep]);

  useLayoutEffect(() => {
    const el = track.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [axis]);

  useEffect(() => {
    if (!playing || !axis) return;
    const timer = setInterval(() => {
      const t = store.getState().view.time;
      const next = playNext({ from: yearBound(t.from, axis.first), to: yearBound(t.to, axis.last) }, steps);
      if (!next) dispatch({ type: "setPlaying", playing: false });
      else setYears(axis, next.from, next.to);
    }, playPace);
    return () => clearInterval(timer);
  }, [playing, axis, steps, playPace]);

  if (!axis) return null;
  const from = yearBound(time.from, axis.first);
  const to = yearBound(time.to, axis.last);
  const inner = Math.max(1, width - 2 * PAD);
  const px = (fraction: number) => PAD + fraction * inner;
  const fractionAt = (clientX: number) => (clientX - (track.current?.getBoundingClientRect().left ?? 0) - PAD) / inner;
  const left = yearPosition(axis, from, "start");
  const right = yearPosition(axis, to, "end");
  const set = (a: number, b: number) => {
    if (store.getState().ui.playing) dispatch({ type: "setPlaying", playing: false });
    setYears(axis, a, b);
  };

  const drag = (e: ReactPointerEvent, onMove: (fraction: number) => void) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    target.closest<HTMLElement>("[data-focus-target]")?.focus();
    const move = (ev: PointerEvent) => onMove(fractionAt(ev.clientX));
    const up = () => {
      target.removeEventListener("pointermove", move);
      target.removeEventListener("pointerup", up);
      target.removeEventListener("pointercancel", up);
    };
    target.addEventListener("pointermove", move);
    target.addEventListener("pointerup", up);
    target.addEventListener("pointercancel", up);
  };
  const dragHandle = (handle: Handle) => (e: ReactPointerEvent) => {
    // Read the other handle anew on every move: the first move may have pushed it.
    drag(e, (f) => {
      const t = store.getState().view.time;
      const [a, b] = moved(
        handle,
        yearAt(axis, f, handle === "from" ? "start" : "end"),
        yearBound(t.from, axis.first),
        yearBound(t.to, axis.last),
      );
      set(a, b);
    });
  };
  const dragWindow = (e: ReactPointerEvent) => {
    const startAt = axis.stops.indexOf(yearAt(axis, fractionAt(e.clientX), "start"));
    // A bound between stops (from a link) counts as the stop inside the window.
    const i = axis.stops.indexOf(axis.stops.includes(from) ? from : stepYear(axis, from, 1));
    const j = Math.max(i, axis.stops.indexOf(axis.stops.includes(to) ? to : stepYear(axis, to, -1)));
    drag(e, (f) => {
      const shift = axis.stops.indexOf(yearAt(axis, f, "start")) - startAt;
      // The window keeps its number of stops and stays on the axis.
      const k = Math.max(-i, Math.min(axis.stops.length - 1 - j, shift));
      set(axis.stops[i + k]!, axis.stops[j + k]!);
    });
  };
  const jumpTo = (e: ReactPointerEvent) => {
    // A press on the bar beside the window brings the nearer handle there, and drags it.
    const f = fractionAt(e.clientX);
    const handle: Handle = Math.abs(f - left) <= Math.abs(f - right) ? "from" : "to";
    const [a, b] = moved(handle, yearAt(axis, f, handle === "from" ? "start" : "end"), from, to);
    set(a, b);
    dragHandle(handle)(e);
  };

  const keys = (handle: Handle) => (e: React.KeyboardEvent) => {
    const value = handle === "from" ? from : to;
    let year: number;
    if (e.key === "ArrowLeft" || e.key === "ArrowDown") year = stepYear(axis, value, -1);
    else if (e.key === "ArrowRight" || e.key === "ArrowUp") year = stepYear(axis, value, 1);
    else if (e.key === "PageDown") year = stepYear(axis, value, -3);
    else if (e.key === "PageUp") year = stepYear(axis, value, 3);
    // Home and End go as far as the handle can without moving the other.
    else if (e.key === "Home") year = handle === "from" ? axis.first : from;
    else if (e.key === "End") year = handle === "from" ? to : axis.last;
    else return;
    e.preventDefault();
    const [a, b] = moved(handle, year, from, to);
    set(a, b);
  };

  const ticks = axisTicks(axis, inner, 44);
  const max = Math.max(1, ...bins.map((b) => FAMILIES.reduce((n, f) => n + b[f], 0)));
  const binOf = new Map(bins.map((b) => [b.year, b]));
  const label = from === to ? String(from) : `${from}–${to}`;
  const handleProps = (handle: Handle) => ({
    role: "slider",
    tabIndex: 0,
    "aria-label": handle === "from" ? "From year" : "To year",
    "aria-valuemin": axis.first,
    "aria-valuemax": axis.last,
    "aria-valuenow": handle === "from" ? from : to,
    "aria-valuetext": handle === "from" ? `from ${from}` : `to ${to}`,
    className: `time-handle time-handle-${handle}`,
    onKeyDown: keys(handle),
    onPointerDown: dragHandle(handle),
  });

  return (
    <section className="time-control" aria-label="Time window">
      <div className="time-row">
        <button
          type="button"
          className="play-button"
          aria-pressed={playing}
          aria-label={playing ? "Pause playback" : "Play year by year"}
          onClick={() => {
            if (playing) return dispatch({ type: "setPlaying", playing: false });
            const open = time.from === null && time.to === null;
            const start = playStart({ from, to, open }, steps);
            if (!start) return;
            setYears(axis, start.from, start.to);
            dispatch({ type: "setPlaying", playing: true });
          }}
        >
          {/* Both labels take the same cell, so the button keeps its width when one replaces the other. */}
          <span className={playing ? "hidden-label" : undefined}>▶ Play</span>
          <span className={playing ? undefined : "hidden-label"}>❚❚ Pause</span>
        </button>
        <div ref={track} className="time-track" onPointerDown={jumpTo}>
          <svg
            className="histogram"
            style={{ left: PAD, width: inner }}
            viewBox={`0 0 ${axis.total * 10} 40`}
            preserveAspectRatio="none"
            role="img"
            aria-label={`Relations per year, by family, ${axis.first} to ${axis.last}`}
          >
            {axis.slots.map((slot) => {
              if (slot.kind === "gap") return null;
              const bin = binOf.get(slot.year);
              if (!bin) return null;
              const inWindow = slot.year >= from && slot.year <= to;
              let y = 40;
              return FAMILIES.map((f) => {
                if (bin[f] === 0) return null;
                // A year with one relation still shows a bar.
                const h = Math.max(1.5, (bin[f] / max) * 38);
                y -= h;
                return (
                  <rect
                    key={`${slot.year}-${f}`}
                    x={slot.start * 10 + 1.5}
                    y={y}
                    width={7}
                    height={h}
                    fill={FAMILY_COLORS[f]}
                    opacity={inWindow ? 1 : 0.3}
                  />
                );
              });
            })}
          </svg>
          <div className="time-rail" style={{ left: PAD, width: inner }} aria-hidden="true" />
          {axis.slots.map((slot) =>
            slot.kind === "gap" ? (
              <span
                key={`break-${slot.from}`}
                className="rail-break"
                style={{ left: px((slot.start + slot.width / 2) / axis.total) }}
                aria-hidden="true"
              />
            ) : null,
          )}
          <div
            className="time-window"
            style={{ left: px(left), width: Math.max(2, px(right) - px(left)) }}
            onPointerDown={dragWindow}
            title="Drag to move the window"
            aria-hidden="true"
          />
          <div {...handleProps("from")} style={{ left: px(left) }} data-focus-target />
          <div {...handleProps("to")} style={{ left: px(right) }} data-focus-target />
          <div className="time-axis" aria-hidden="true">
            {ticks.map((t) => (
              <span key={t.year} className={t.label ? "tick labelled" : "tick"} style={{ left: px(t.at) }}>
                {t.label ? t.year : ""}
              </span>
            ))}
            {axis.slots.map((slot) =>
              slot.kind === "gap" ? (
                <span
                  key={`gap-${slot.from}`}
                  className="gap-mark"
                  style={{ left: px((slot.start + slot.width / 2) / axis.total) }}
                  title={`${slot.from}–${slot.to}: no relations (shortened)`}
                >
                  ≈
                </span>
              ) : null,
            )}
          </div>
        </div>
        <output className="time-label" aria-live="polite">
          {label}
        </output>
        <button type="button" disabled={time.from === null && time.to === null} onClick={() => set(axis.first, axis.last)}>
          All years
        </button>
      </div>
      <div className="time-options">
        <label>
          <span>Play</span>
          <select
            value={playStep}
            onChange={(e) => dispatch({ type: "setPreferences", preferences: { playStep: e.target.value as PlayStep } })}
          >
            <option value="relations">the years with relations</option>
            <option value="year">every year</option>
          </select>
        </label>
        <label>
          <span>Pace</span>
          <select
            value={playPace}
            onChange={(e) => dispatch({ type: "setPreferences", preferences: { playPace: Number(e.target.value) } })}
          >
            {PLAY_PACES.map((p) => (
              <option key={p} value={p}>
                {PACE_LABELS.get(p) ?? `${p} ms`}
              </option>
            ))}
          </select>
        </label>
        <span className="muted time-rule">
          {axis.slots.some((s) => s.kind === "gap") && <>≈ empty years shortened. </>}
          {undated > 0 &&
            (time.from === null && time.to === null
              ? `${plural(undated, "relation")} without a date: shown with all years only.`
              : `${plural(undated, "relation")} without a date hidden while a window is set.`)}
        </span>
      </div>
    </section>
  );
}

function setYears(axis: TimeAxis, a: number, b: number): void {
  const time = { from: a <= axis.first ? null : String(a), to: b >= axis.last ? null : String(b) };
  const now = store.getState().view.time;
  if (now.from !== time.from || now.to !== time.to) dispatch({ type: "setTime", time });
}
