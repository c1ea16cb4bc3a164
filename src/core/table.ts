/**
 * The data table of the visible graph: its rows (actors or relations), its
 * columns, and the pure functions that sort, filter and write them as CSV.
 * The table panel (src/views/TablePanel.tsx) only shows what these give.
 */
import type Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../model/graph-file";
import type { ViewState } from "../model/view-state";
import type { VisibleSets } from "../model/visible";
import { foldText } from "../model/text";
import { csvRows } from "./export/csv";
import { evidenceTest } from "./filters";
import { metricIndex, type MetricKey, type Metrics } from "./metrics-input";

type KG = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export type CellValue = string | number | null;

export interface Column<R> {
  id: string;
  header: string;
  /** How the column sorts: text by collation, numbers by value, dates as partial dates (earliest first). */
  type: "text" | "number" | "date";
  value(row: R): CellValue;
  /** How a cell is shown and written to CSV; by default the value as it is. */
  format?(row: R): string;
}

export interface ActorRow {
  key: string;
  label: string;
  kind: string;
  /** Null while the statistics are not known. */
  metrics: Partial<Record<MetricKey, number>> | null;
  community: number | null;
}

export interface RelationRow {
  key: string;
  subject: string;
  subjectKey: string;
  relation: string;
  object: string;
  objectKey: string;
  family: string;
  date: string;
  /** Quotes the view shows. */
  quotes: number;
  /** Titles of the articles those quotes come from. */
  articles: string[];
}

/** One row per visible actor, in graph order, with its statistics when they are known. */
export function actorRows(graph: KG, visible: VisibleSets, metrics: Metrics | null): ActorRow[] {
  const rows: ActorRow[] = [];
  graph.forEachNode((key, attrs) => {
    if (!visible.nodes.has(key)) return;
    const i = metrics ? metricIndex(metrics, key) : -1;
    rows.push({
      key,
      label: attrs.label,
      kind: attrs.kind,
      metrics: metrics && i >= 0 ? Object.fromEntries(Object.entries(metrics.values).map(([k, v]) => [k, v[i]!])) : null,
      community: metrics && i >= 0 ? metrics.community[i]! + 1 : null,
    });
  });
  return rows;
}

/** One row per visible relation, in graph order: its quotes and articles are those the view shows. */
export function relationRows(graph: KG, visible: VisibleSets, view: Pick<ViewState, "filters" | "time">): RelationRow[] {
  const titles = new Map((graph.getAttribute("articles") ?? []).map((a) => [a.id, a.title || a.id]));
  const shown = evidenceTest(graph, view);
  const rows: RelationRow[] = [];
  graph.forEachEdge((key, attrs, source, target, s, t) => {
    if (!visible.edges.has(key)) return;
    const kept = attrs.evidence.filter(shown);
    const dates = kept.map((e) => e.date).sort();
    rows.push({
      key,
      subject: s.label,
      subjectKey: source,
      relation: attrs.label || attrs.relation,
      object: t.label,
      objectKey: target,
      family: attrs.family,
      date: dates[0] ?? attrs.date,
      quotes: kept.length,
      articles: [...new Set(kept.map((e) => titles.get(e.article) ?? e.article))],
    });
  });
  return rows;
}

const metric = (key: MetricKey, header: string, digits = 0): Column<ActorRow> => ({
  id: key,
  header,
  type: "number",
  value: (r) => r.metrics?.[key] ?? null,
  format: (r) => {
    const v = r.metrics?.[key];
    return v === undefined ? "" : digits > 0 ? v.toFixed(digits) : String(v);
  },
});

export const ACTOR_COLUMNS: readonly Column<ActorRow>[] = [
  { id: "label", header: "Actor", type: "text", value: (r) => r.label },
  { id: "kind", header: "Kind", type: "text", value: (r) => r.kind },
  metric("degree", "Relations"),
  metric("inDegree", "In"),
  metric("outDegree", "Out"),
  metric("quotes", "Quotes"),
  metric("betweenness", "Betweenness", 4),
  metric("pagerank", "PageRank", 4),
  {
    id: "community",
    header: "Community",
    type: "number",
    value: (r) => r.community,
    format: (r) => (r.community === null ? "" : String(r.community)),
  },
];

export const RELATION_COLUMNS: readonly Column<RelationRow>[] = [
  { id: "subject", header: "Subject", type: "text", value: (r) => r.subject },
  { id: "relation", header: "Relation", type: "text", value: (r) => r.relation },
  { id: "object", header: "Object", type: "text", value: (r) => r.object },
  { id: "family", header: "Family", type: "text", value: (r) => r.family },
  { id: "date", header: "Date", type: "date", value: (r) => r.date },
  { id: "quotes", header: "Quotes", type: "number", value: (r) => r.quotes },
  { id: "articles", header: "Articles", type: "text", value: (r) => r.articles.join("; ") },
];

export interface Sort {
  column: string;
  descending: boolean;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const PARTIAL_DATE = /^\d{4}(-\d{2}){0,2}$/;

/** Ascending order of two cell values of a column type; empty cells (and, for dates, what is not a date) compare as null. */
function compareCells(type: Column<unknown>["type"], a: CellValue, b: CellValue): number | null {
  const empty = (v: CellValue) => v === null || v === "" || (typeof v === "number" && Number.isNaN(v));
  const isNull = (v: CellValue) => empty(v) || (type === "date" && !PARTIAL_DATE.test(String(v)));
  if (isNull(a) || isNull(b)) return isNull(a) && isNull(b) ? 0 : null;
  if (type === "number") return (a as number) - (b as number);
  // Partial dates compare as text: "2017" before "2017-03" before "2017-03-05", each before 2018.
  if (type === "date") return a! < b! ? -1 : a! > b! ? 1 : 0;
  return collator.compare(String(a), String(b));
}

/**
 * The rows sorted by a column, stably (equal rows keep their order); empty
 * cells last whichever the direction. An unknown column leaves the order as
 * it is.
 */
export function sortRows<R>(rows: readonly R[], columns: readonly Column<R>[], sort: Sort | null): R[] {
  const column = sort && columns.find((c) => c.id === sort.column);
  if (!column) return [...rows];
  const sign = sort.descending ? -1 : 1;
  const keyed = rows.map((row, i) => ({ row, i, v: column.value(row) }));
  keyed.sort((x, y) => {
    const c = compareCells(column.type, x.v, y.v);
    if (c === null) return compareCells(column.type, x.v, null) === 0 ? 1 : -1;
    return sign * c || x.i - y.i;
  });
  return keyed.map((k) => k.row);
}

/**
 * The rows that a text filter keeps: every word of the query (case and
 * accents ignored) appears in some cell of the row, as shown.
 */
export function filterRows<R>(rows: readonly R[], columns: readonly Column<R>[], query: string): R[] {
  const words = foldText(query).split(" ").filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = foldText(columns.map((c) => cellText(c, row)).join(" \u0000 "));
    return words.every((w) => text.includes(w));
  });
}

/** A cell as shown in the table and written to CSV. */
export function cellText<R>(column: Column<R>, row: R): string {
  if (column.format) return column.format(row);
  const v = column.value(row);
  return v === null ? "" : String(v);
}

/** The rows as shown (sorted, filtered) as CSV: a header row of the column headers, spreadsheet-safe cells (core/export/csv.ts). */
export function tableCsv<R>(rows: readonly R[], columns: readonly Column<R>[]): string {
  return csvRows([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => cellText(c, row)))]);
}
