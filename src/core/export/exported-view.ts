/**
 * The view a data export came from, said in words for the files whose
 * readers show text rather than data (GEXF's `<meta><keywords>`): "time window
 * 2014 to 2018; articles: 004, 012; focus: 2 steps around japan".
 */
import { describePeriod } from "../compare";
import type { ExportedView } from "./subgraph";

const list = (values: readonly string[]) => (values.length > 6 ? [...values.slice(0, 6), `${values.length - 6} more`] : values).join(", ");

/** Null when the view restricts nothing: the whole graph was exported. */
export function describeExportedView(view: ExportedView): string | null {
  const parts: string[] = [];
  const { from, to } = view.time;
  if (from || to) parts.push(`time window ${from ?? "the start"} to ${to ?? "the end"}`);
  const { kinds, families, relations, articles } = view.filters;
  if (kinds) parts.push(`kinds: ${list(kinds) || "none"}`);
  if (families) parts.push(`families: ${list(families) || "none"}`);
  if (relations) parts.push(`relations: ${list(relations) || "none"}`);
  if (articles) parts.push(`articles: ${list(articles) || "none"}`);
  if (view.filters.quote) parts.push(`quotes matching “${view.filters.quote}”`);
  if (view.compare) parts.push(`comparing ${describePeriod(view.compare.a)} (A) with ${describePeriod(view.compare.b)} (B)`);
  if (view.focus > 0 && view.selected) parts.push(`focus: ${view.focus === 1 ? "neighbours" : "2 steps"} of ${view.selected}`);
  return parts.length > 0 ? `Exported view: ${parts.join("; ")}.` : null;
}
