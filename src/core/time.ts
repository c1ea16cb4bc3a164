/**
 * The time window over partial dates (see model/dates.ts), and the years
 * that the evidence of a graph covers.
 */
import type Graph from "graphology";
import { dateSpan, yearOf } from "../model/dates";
import { FAMILIES, type EdgeAttributes, type Evidence, type Family, type NodeAttributes } from "../model/graph-file";
import type { TimeWindow } from "../model/view-state";

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

/**
 * The years a relation counts in: those of its evidence, or for a relation
 * without evidence (from another tool's file: a GEXF spell, a CSV date) its own date's.
 */
function yearsOf(attrs: EdgeAttributes): number[] {
  const dates = attrs.evidence.length > 0 ? attrs.evidence.map((e) => e.date) : typeof attrs.date === "string" ? [attrs.date] : [];
  return dates.map(yearOf).filter((y): y is number => y !== null);
}

/** First and last year among all evidence dates (and dates of relations without evidence), or null when there is none. */
export function yearRange(graph: Graph<NodeAttributes, EdgeAttributes>): { from: number; to: number } | null {
  let from = Infinity;
  let to = -Infinity;
  graph.forEachEdge((_, attrs) => {
    for (const year of yearsOf(attrs)) {
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
export function histogramByYear(graph: Graph<NodeAttributes, EdgeAttributes>, visibleEdges?: ReadonlySet<string>): YearBin[] {
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
    const years = new Set(yearsOf(attrs));
    for (const year of years) bins[year - range.from]![attrs.family] += 1;
  });
  return bins;
}

/**
 * Relations that no time window can place: none of their evidence has a
 * readable date (or they have no evidence, as in a file from another tool).
 * They are shown while the window is open (all years) and hidden by any
 * window (see `windowTest` and `visibleSubgraph`); the time bar says so.
 */
export function undatedRelations(graph: Graph<NodeAttributes, EdgeAttributes>, visibleEdges?: ReadonlySet<string>): number {
  let count = 0;
  graph.forEachEdge((edge, attrs) => {
    if (visibleEdges && !visibleEdges.has(edge)) return;
    if (!attrs.evidence.some((e) => yearOf(e.date) !== null)) count++;
  });
  return count;
}

export interface DatedOutline {
  /** First and last year of any relation. */
  first: number;
  last: number;
  /** The years that hold most relations: the span without a few outliers set apart by long empty runs. */
  main: { from: number; to: number };
  /** Relations dated before and after the main span. */
  before: number;
  after: number;
}

/**
 * Where the relations' dates lie, for a summary that agrees with a corpus
 * title such as "2013–2024" when a treaty of 1951 stretches the span. Each
 * relation counts once, in the first year its evidence gives. The span is cut
 * at runs of at least `minGap` empty years; outer parts are left out of the
 * main span while together they hold less than `outlierShare` of the relations.
 */
export function datedOutline(
  graph: Graph<NodeAttributes, EdgeAttributes>,
  { minGap = 3, outlierShare = 0.1 }: { minGap?: number; outlierShare?: number } = {},
): DatedOutline | null {
  const perYear = new Map<number, number>();
  let total = 0;
  graph.forEachEdge((_, attrs) => {
    let first: number | null = null;
    for (const e of attrs.evidence) {
      const year = yearOf(e.date);
      if (year !== null && (first === null || year < first)) first = year;
    }
    if (first === null) return;
    perYear.set(first, (perYear.get(first) ?? 0) + 1);
    total++;
  });
  if (total === 0) return null;
  const years = [...perYear.keys()].sort((a, b) => a - b);
  // Parts: runs of years with no long empty stretch inside.
  const parts: { from: number; to: number; count: number }[] = [];
  for (const year of years) {
    const last = parts.at(-1);
    if (last && year - last.to - 1 < minGap) {
      last.to = year;
      last.count += perYear.get(year)!;
    } else parts.push({ from: year, to: year, count: perYear.get(year)! });
  }
  let lo = 0;
  let hi = parts.length - 1;
  let before = 0;
  let after = 0;
  // Drop the smaller outer part first, while what is dropped stays a small share.
  while (lo < hi) {
    const left = parts[lo]!.count;
    const right = parts[hi]!.count;
    if (left <= right && before + after + left < outlierShare * total) {
      before += left;
      lo++;
    } else if (right < left && before + after + right < outlierShare * total) {
      after += right;
      hi--;
    } else break;
  }
  return { first: years[0]!, last: years.at(-1)!, main: { from: parts[lo]!.from, to: parts[hi]!.to }, before, after };
}
