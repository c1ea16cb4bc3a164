/**
 * The relations as a spreadsheet: one row per evidence entry, so every quote
 * can be read, sorted and checked next to its triple.
 *
 * Columns: subject, relation, object, family, directed, date, article title,
 * quote, publisher, article date, article id, subject id, relation id,
 * object id, edge id, and `comparison` (only-a, only-b, both) when the view
 * compared two periods. `date` is the evidence's date. A relation without
 * evidence (possible in files opened from other tools) still gets one row,
 * with its own date and empty article and quote columns, so no relation is
 * silently missing.
 *
 * RFC 4180: CRLF line endings, fields containing a comma, a quotation mark, CR
 * or LF are quoted, quotation marks doubled. A UTF-8 byte order mark comes
 * first because Excel otherwise reads UTF-8 as the local code page.
 *
 * Spreadsheet-safe (OWASP's advice on CSV injection): a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe,
 * so Excel, LibreOffice and Google Sheets show it as text instead of running
 * it as a formula. Opened files can carry any label or quote, so every cell
 * is checked; this app's CSV reader takes the apostrophe off again.
 *
 * What the file holds is what was visible (see `visibleCopy`); the time
 * window and filters are said by the file name (exportFileName), since a
 * first row of metadata would break the header row spreadsheets and
 * `pandas.read_csv` expect.
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import type { ArticleMeta } from "../../model/graph-file";

export const CSV_COLUMNS = [
  "subject",
  "relation",
  "object",
  "family",
  "directed",
  "date",
  "article title",
  "quote",
  "publisher",
  "article date",
  "article id",
  "subject id",
  "relation id",
  "object id",
  "edge id",
] as const;

/** The column added after the others when two periods were compared: only-a, only-b or both. */
export const COMPARISON_COLUMN = "comparison";

const BOM = "\uFEFF";
const NEEDS_QUOTES = /[",\r\n]/;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: protected from formula evaluation, then quoted as RFC 4180 needs. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const str = (value: unknown): string =>
  typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";

interface ArticleInfo {
  title: string;
  publisher: string;
  date: string;
}

export function toCsv<N extends Attributes, E extends Attributes, G extends Attributes>(graph: AbstractGraph<N, E, G>): string {
  const articles = new Map<string, ArticleInfo>();
  const listed: unknown = graph.getAttribute("articles");
  if (Array.isArray(listed)) {
    for (const a of listed as Partial<Record<keyof ArticleMeta, unknown>>[]) {
      if (a && typeof a.id === "string") articles.set(a.id, { title: str(a.title), publisher: str(a.publisher), date: str(a.date) });
    }
  }
  const label = (node: string) => str(graph.getNodeAttribute(node, "label")) || node;

  // An export of two periods compared says per row in which period its relation is shown.
  let compared = false;
  graph.forEachEdge((_, attrs) => {
    if (typeof attrs.comparison === "string") compared = true;
  });
  const rows: string[][] = [[...CSV_COLUMNS, ...(compared ? [COMPARISON_COLUMN] : [])]];
  graph.forEachEdge((edge, attrs, source, target) => {
    const relation = str(attrs.relation);
    const triple = [label(source), str(attrs.label) || relation, label(target), str(attrs.family), str(attrs.directed)];
    const ids = [source, relation, target, edge, ...(compared ? [str(attrs.comparison)] : [])];
    const evidence: unknown[] = Array.isArray(attrs.evidence) ? attrs.evidence : [];
    if (evidence.length === 0) {
      rows.push([...triple, str(attrs.date), "", "", "", "", "", ...ids]);
      return;
    }
    for (const e of evidence) {
      const entry = (e ?? {}) as Record<string, unknown>;
      const id = str(entry.article);
      const article = articles.get(id);
      rows.push([
        ...triple,
        str(entry.date),
        article?.title ?? "",
        str(entry.quote),
        article?.publisher ?? "",
        article?.date ?? "",
        id,
        ...ids,
      ]);
    }
  });
  return csvRows(rows);
}

/** Rows as a CSV file: the byte order mark, each cell through `csvField`, CRLF line endings. */
export function csvRows(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}
