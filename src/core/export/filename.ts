/**
 * Names for exported files that say what is inside and sort by time:
 * `russia-japan-relations_2013-2016_filtered_2026-11-26T0541.gexf`.
 * Only `a-z 0-9 - _ .` and the timestamp's `T` appear, so the name is safe
 * on every file system and in a URL.
 */
import { slugify } from "../../model/text";

export interface ExportNameParts {
  /** The corpus (graph) name. */
  corpus: string;
  /** The time window; null bounds are open. */
  time: { from: string | null; to: string | null };
  /** Whether any filter hides part of the graph. */
  filtered: boolean;
  /** When the export happens; written in local time, to the minute. */
  at: Date;
  /** Extension, with or without the dot. */
  ext: string;
}

const datePart = (value: string | null) => (value ? value.replace(/[^0-9-]/g, "").replace(/^-+|-+$/g, "") : "");

/**
 * "2013-2016" when both bounds are years; "2013-05--2016" otherwise, the
 * double hyphen being ISO 8601's file-name-safe interval separator; "from-…"
 * or "to-…" for half-open windows; nothing for an open one.
 */
function timePart(from: string, to: string): string {
  if (from && to) {
    if (from === to) return from;
    return /^\d{4}$/.test(from) && /^\d{4}$/.test(to) ? `${from}-${to}` : `${from}--${to}`;
  }
  if (from) return `from-${from}`;
  if (to) return `to-${to}`;
  return "";
}

function stamp(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}${pad(at.getMinutes())}`;
}

export function exportFileName({ corpus, time, filtered, at, ext }: ExportNameParts): string {
  const extension = ext
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, "")
    .replace(/\.{2,}/g, ".")
    .replace(/^\.|\.$/g, "");
  const parts = [slugify(corpus) || "graph", timePart(datePart(time.from), datePart(time.to))];
  if (filtered) parts.push("filtered");
  if (!Number.isNaN(at.getTime())) parts.push(stamp(at));
  const base = parts.filter(Boolean).join("_");
  return extension ? `${base}.${extension}` : base;
}
