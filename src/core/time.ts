/**
 * Partial dates as spans of days, and the time window over them.
 *
 * A source often gives only a year or a month, so "2017" is not a point but
 * the span 2017-01-01..2017-12-31. Days are ISO strings (`YYYY-MM-DD`): they
 * compare correctly as strings and read well in the UI and in tests.
 */
import type Graph from "graphology";
import { FAMILIES, PARTIAL_DATE, type EdgeAttributes, type Evidence, type Family, type NodeAttributes } from "../graph-file";
import type { TimeWindow } from "../state/view-state";

/** First and last day (inclusive) that a partial date may mean. */
export interface DaySpan {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Computed rather than asked of Date, which reads years 0–99 as 1900–1999.
function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * The days a partial date covers, or null when it is not a date: "2017" →
 * 2017-01-01..2017-12-31, "2016-02" → 2016-02-01..2016-02-29. The schema's
 * pattern accepts "2017-02-30", so the day is checked against the calendar.
 */
export function dateSpan(partial: string): DaySpan | null {
  if (typeof partial !== "string" || !PARTIAL_DATE.test(partial)) return null;
  const [y, m, d] = partial.split("-").map(Number) as [number, number?, number?];
  const year = partial.slice(0, 4);
  if (m === undefined) return { start: `${year}-01-01`, end: `${year}-12-31` };
  const last = daysInMonth(y, m);
  if (d === undefined) return { start: `${year}-${pad(m)}-01`, end: `${year}-${pad(m)}-${pad(last)}` };
  if (d > last) return null;
  return { start: partial, end: partial };
}

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar day/month/year. */
export function isPartialDate(value: string): boolean {
  return dateSpan(value) !== null;
}

/** True when neither bound restricts anything. */
export function isOpenWindow(window: TimeWindow): boolean {
  return dateSpan(window.from ?? "") === null && dateSpan(window.to ?? "") === null;
}

/**
 * A test for "may this date fall in the window?", built once per window so a
 * filter pass over thousands of evidence entries does not re-parse the bounds.
 *
 * Bounds are inclusive and partial: from 2013 to 2013 is the whole of 2013.
 * A date overlaps the window when its span and the window share a day, so
 * evidence dated only "2017" is kept by a window on March 2017: it may be
 * from then, and hiding it would hide what the sources cannot place more
 * precisely. A bound that is not a date is treated as open (decodeView never
 * produces one). An open window keeps every date, even an unreadable one; a
 * window whose start is after its end keeps nothing.
 */
export function windowTest(window: TimeWindow): (date: string) => boolean {
  const start = dateSpan(window.from ?? "")?.start ?? null;
  const end = dateSpan(window.to ?? "")?.end ?? null;
  if (start === null && end === null) return () => true;
  return (date) => {
    const span = dateSpan(date);
    if (!span) return false;
    return (start === null || span.end >= start) && (end === null || span.start <= end);
  };
}

/** Whether a partial date may fall in the window (see `windowTest`). */
export function overlaps(date: string, window: TimeWindow): boolean {
  return windowTest(window)(date);
}

/** The evidence entries whose date may fall in the window, in their order. */
export function evidenceInWindow(evidence: readonly Evidence[], window: TimeWindow): Evidence[] {
  const test = windowTest(window);
  return evidence.filter((e) => test(e.date));
}

/** The year of a partial date, or null when it is not a date. */
export function yearOf(date: string): number | null {
  return dateSpan(date) ? Number(date.slice(0, 4)) : null;
}

/** First and last year among all evidence dates, or null when there is none. */
export function yearRange(graph: Graph<NodeAttributes, EdgeAttributes>): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  graph.forEachEdge((_, attrs) => {
    for (const e of attrs.evidence) {
      const year = yearOf(e.date);
      if (year === null) continue;
      if (year < from) from = year;
      if (year > to) to = year;
    }
  });
  return from <= to ? { from, to } : null;
}

export interface YearBin extends Record<Family, number> {
  year: number;
}

/**
 * Relations per year and family, for the bars behind the time slider.
 *
 * A relation counts once in each year in which it has evidence: five articles
 * reporting the same meeting in 2017 are one relation in 2017, while sanctions
 * reported for 2014 and again for 2022 count in both years. Only `visibleEdges`
 * count when given, but the years always run over the whole graph's range
 * without gaps, so the axis stays put while filters change.
 */
export function histogramByYear(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  visibleEdges?: ReadonlySet<string>,
): YearBin[] {
  const range = yearRange(graph);
  if (!range) return [];
  const bins: YearBin[] = [];
  for (let year = range.from; year <= range.to; year++) {
    const bin = { year } as YearBin;
    for (const family of FAMILIES) bin[family] = 0;
    bins.push(bin);
  }
  graph.forEachEdge((edge, attrs) => {
    if (visibleEdges && !visibleEdges.has(edge)) return;
    const years = new Set<number>();
    for (const e of attrs.evidence) {
      const year = yearOf(e.date);
      if (year !== null) years.add(year);
    }
    for (const year of years) bins[year - range.from]![attrs.family] += 1;
  });
  return bins;
}
