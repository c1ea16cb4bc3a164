/**
 * Partial dates: a source often gives only a year or a month, so a date is
 * `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, and "2017" is not a point but the span
 * 2017-01-01..2017-12-31. Days are ISO strings: they compare correctly as
 * strings and read well in the UI and in tests. The build checks corpus dates
 * with these functions, and the app reads links, snapshots and files with them.
 */

/** The shape of a partial date; `isPartialDate` also checks the calendar. */
export const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** First and last day (inclusive) that a partial date may mean. */
export interface DaySpan {
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

// Computed rather than asked of Date, which reads years 0–99 as 1900–1999.
export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!;
}

/**
 * The days a partial date covers, or null when it is not a date: "2017" →
 * 2017-01-01..2017-12-31, "2016-02" → 2016-02-01..2016-02-29. The pattern
 * accepts "2017-02-30", so the day is checked against the calendar.
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

/** True for `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real calendar day, month or year. */
export function isPartialDate(value: unknown): value is string {
  return typeof value === "string" && dateSpan(value) !== null;
}

/** The year of a partial date, or null when it is not a date. */
export function yearOf(date: string): number | null {
  return dateSpan(date) ? Number(date.slice(0, 4)) : null;
}
