/** Dates of synthetic corpora: a day number (days since 1970-01-01, UTC) and a precision, as text and as prose. */
import type { Rng } from "./random";

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2024;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export type Precision = "year" | "month" | "day";
export interface PDate {
  day: number;
  precision: Precision;
}
const DAY_MS = 86_400_000;
export const FIRST_DAY = Date.UTC(FIRST_YEAR, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(LAST_YEAR, 11, 31) / DAY_MS;

export function dateText({ day, precision }: PDate): string {
  const iso = new Date(day * DAY_MS).toISOString();
  return precision === "year" ? iso.slice(0, 4) : precision === "month" ? iso.slice(0, 7) : iso.slice(0, 10);
}

export function whenText({ day, precision }: PDate): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = MONTHS[d.getUTCMonth()]!;
  return precision === "year" ? `in ${y}` : precision === "month" ? `in ${m} ${y}` : `on ${d.getUTCDate()} ${m} ${y}`;
}

const PRECISION_RANK: Record<Precision, number> = { year: 0, month: 1, day: 2 };
export function coarser(a: Precision, b: Precision): Precision {
  return PRECISION_RANK[a] <= PRECISION_RANK[b] ? a : b;
}

export function articleDate(rng: Rng): PDate {
  const p = rng.float();
  return { day: rng.int(FIRST_DAY, LAST_DAY), precision: p < 0.05 ? "year" : p < 0.25 ? "month" : "day" };
}
