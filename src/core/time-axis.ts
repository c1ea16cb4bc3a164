/**
 * The time bar's axis: one slot per year from the first year that holds a
 * relation to the last, except that a long run of empty years is drawn as
 * one narrow, marked slot. A corpus with a treaty of 1951 and everything else
 * from 2013 on then shows 2013–2024 across the bar instead of in its last
 * sixth, and 1951 stays reachable. Positions are fractions of the bar (0 at
 * its left end, 1 at its right end); the view multiplies them by its width.
 */

export interface YearSlot {
  kind: "year";
  year: number;
  /** Left end and width, in units of one year slot. */
  start: number;
  width: number;
}

/** Empty years drawn compressed, from `from` to `to` inclusive. */
export interface GapSlot {
  kind: "gap";
  from: number;
  to: number;
  start: number;
  width: number;
}

export type AxisSlot = YearSlot | GapSlot;

export interface TimeAxis {
  first: number;
  last: number;
  slots: AxisSlot[];
  /** Width of the whole axis, in year slots. */
  total: number;
  /** The years a handle can stop at: every year not inside a compressed gap, in order. */
  stops: number[];
}

export interface AxisOptions {
  /** A run of at least this many empty years is compressed (default 3). */
  minGap?: number;
  /** The width of a compressed run, in year slots (default 1). */
  gapWidth?: number;
}

/** The axis over the years that hold relations; null when none does. */
export function timeAxis(yearsWithRelations: Iterable<number>, { minGap = 3, gapWidth = 1 }: AxisOptions = {}): TimeAxis | null {
  const years = [...new Set(yearsWithRelations)].filter(Number.isFinite).sort((a, b) => a - b);
  if (years.length === 0) return null;
  const slots: AxisSlot[] = [];
  const stops: number[] = [];
  let at = 0;
  const addYear = (year: number) => {
    slots.push({ kind: "year", year, start: at, width: 1 });
    stops.push(year);
    at += 1;
  };
  for (let i = 0; i < years.length; i++) {
    const year = years[i]!;
    if (i > 0) {
      const previous = years[i - 1]!;
      const empty = year - previous - 1;
      if (empty >= minGap) {
        slots.push({ kind: "gap", from: previous + 1, to: year - 1, start: at, width: gapWidth });
        at += gapWidth;
      } else for (let y = previous + 1; y < year; y++) addYear(y);
    }
    addYear(year);
  }
  return { first: years[0]!, last: years.at(-1)!, slots, total: at, stops };
}

/** The slot a year falls in, or null outside the axis. */
function slotOf(axis: TimeAxis, year: number): AxisSlot | null {
  for (const slot of axis.slots) {
    if (slot.kind === "year" ? slot.year === year : year >= slot.from && year <= slot.to) return slot;
  }
  return null;
}

/**
 * Where a year begins ("start") or ends ("end") on the bar, as a fraction.
 * The two differ by one slot, so a window of one year still has two handles
 * apart. A year inside a compressed run gets its share of the run's slot.
 */
export function yearPosition(axis: TimeAxis, year: number, edge: "start" | "end"): number {
  if (year < axis.first) return 0;
  if (year > axis.last) return 1;
  const slot = slotOf(axis, year)!;
  let units: number;
  if (slot.kind === "year") units = slot.start + (edge === "end" ? slot.width : 0);
  else units = slot.start + (slot.width * (year - slot.from + (edge === "end" ? 1 : 0))) / (slot.to - slot.from + 1);
  return units / axis.total;
}

/** The stop whose start (or end) is nearest to a point of the bar, given as a fraction. */
export function yearAt(axis: TimeAxis, fraction: number, edge: "start" | "end"): number {
  let best = axis.stops[0]!;
  let distance = Infinity;
  for (const year of axis.stops) {
    const d = Math.abs(yearPosition(axis, year, edge) - fraction);
    if (d < distance) {
      best = year;
      distance = d;
    }
  }
  return best;
}

/** The stop `delta` stops away from `year` (a year between stops counts as between them), kept on the axis. */
export function stepYear(axis: TimeAxis, year: number, delta: number): number {
  const { stops } = axis;
  let index = stops.indexOf(year);
  if (index < 0) {
    // Not a stop: the first step goes to the stop on that side.
    const after = stops.findIndex((s) => s > year);
    const next = after < 0 ? stops.length : after;
    if (delta === 0) return year;
    index = delta > 0 ? next - 1 : next;
  }
  return stops[Math.max(0, Math.min(stops.length - 1, index + delta))]!;
}

export interface AxisTick {
  year: number;
  /** The middle of the year's slot, as a fraction of the bar. */
  at: number;
  /** Whether its year is written under it (else it is a small mark). */
  label: boolean;
}

/**
 * A tick for every year slot, and labels on as many as fit in `widthPx`
 * without coming closer than `minLabelPx`: first the two ends and the first
 * year after each compressed run, then decades, lustres, even years, the rest.
 */
export function axisTicks(axis: TimeAxis, widthPx: number, minLabelPx = 38): AxisTick[] {
  const years = axis.slots.filter((s): s is YearSlot => s.kind === "year");
  const at = (slot: YearSlot) => (slot.start + slot.width / 2) / axis.total;
  const afterGap = new Set<number>();
  axis.slots.forEach((slot, i) => {
    const next = axis.slots[i + 1];
    if (slot.kind === "gap" && next?.kind === "year") afterGap.add(next.year);
  });
  const rank = (year: number) =>
    year === axis.first || year === axis.last
      ? 0
      : afterGap.has(year)
        ? 1
        : year % 10 === 0
          ? 2
          : year % 5 === 0
            ? 3
            : year % 2 === 0
              ? 4
              : 5;
  const order = [...years].sort((a, b) => rank(a.year) - rank(b.year) || a.year - b.year);
  const placed: number[] = [];
  const labelled = new Set<number>();
  for (const slot of order) {
    const x = at(slot) * widthPx;
    if (placed.every((p) => Math.abs(p - x) >= minLabelPx)) {
      placed.push(x);
      labelled.add(slot.year);
    }
  }
  return years.map((slot) => ({ year: slot.year, at: at(slot), label: labelled.has(slot.year) }));
}

/**
 * The window playback begins with: the current one when it can still move
 * on; else (all years, or a window already at the end) the first step, as
 * wide as the window was (a single year for all years). Null without steps.
 */
export function playStart(
  window: { from: number; to: number; open: boolean },
  steps: readonly number[],
): { from: number; to: number } | null {
  if (steps.length === 0) return null;
  if (!window.open && window.to < steps.at(-1)!) return { from: window.from, to: window.to };
  const width = window.open ? 0 : Math.max(0, window.to - window.from);
  return { from: steps[0]!, to: steps[0]! + width };
}

/**
 * The next window of playback: its end moves to the next step after the
 * current end, its start follows at the same distance (no earlier than the
 * first step); null when the end is at the last step.
 */
export function playNext(window: { from: number; to: number }, steps: readonly number[]): { from: number; to: number } | null {
  const next = steps.find((s) => s > window.to);
  if (next === undefined) return null;
  const width = Math.max(0, window.to - window.from);
  return { from: Math.max(steps[0]!, next - width), to: next };
}
