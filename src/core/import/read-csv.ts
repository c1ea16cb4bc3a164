/**
 * Edge lists kept in spreadsheets: CSV or TSV with a header row, one relation
 * (or one quote of a relation) per row. RFC 4180 quoting (commas, quotes and
 * line breaks inside quoted cells), a UTF-8 byte order mark, CRLF or LF, and
 * a comma, semicolon or tab as separator (whichever the header uses).
 *
 * Columns, matched by name whatever the case, spaces or underscores:
 * - source and target (also subject/object, from/to), required; with
 *   `subject id`/`object id` (our own CSV export) those are the keys and the
 *   others the labels;
 * - relation (also label, type when it is not a direction), and `relation id`;
 * - date; article (or `article id`) with `article title`, `publisher` and
 *   `article date`; quote; weight; family; directed (true/false, or Gephi's
 *   `type` column: Directed/Undirected).
 * Rows with the same source, relation and target are one relation, each row's
 * quote one evidence entry. Other columns are kept on the relation. Cells that
 * our CSV export protected with a leading apostrophe are read back without it.
 */
import { slugify } from "../../model/text";
import { toPartialDate } from "./dates";
import { OpenError, type Bag, type RawEdge, type RawGraph, type RawNode } from "./raw";

/** Rows of cells, and the row number each starts on (the header is row 1). */
export function parseDelimited(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let startedQuoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === "" && !startedQuoted) {
      quoted = true;
      startedQuoted = true;
      i++;
    } else if (c === separator) {
      row.push(cell);
      cell = "";
      startedQuoted = false;
      i++;
    } else if (c === "\r" || c === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      startedQuoted = false;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  if (quoted) throw new OpenError(`The CSV is malformed at row ${rows.length + 1}: a quoted cell is never closed.`);
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The separator of a header line: tab, semicolon or comma, whichever occurs most. */
export function separatorOf(header: string): string {
  const count = (s: string) => header.split(s).length - 1;
  const tabs = count("\t");
  const semis = count(";");
  const commas = count(",");
  if (tabs > 0 && tabs >= semis && tabs >= commas) return "\t";
  return semis > commas ? ";" : ",";
}

const norm = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");

const COLUMNS = {
  source: ["source", "subject", "from", "source id"],
  target: ["target", "object", "to", "target id"],
  sourceKey: ["subject id"],
  targetKey: ["object id"],
  relation: ["relation", "label", "predicate", "relationship"],
  relationId: ["relation id"],
  date: ["date", "time", "year"],
  article: ["article id", "article", "source article"],
  articleTitle: ["article title", "title"],
  publisher: ["publisher"],
  articleDate: ["article date"],
  quote: ["quote", "evidence", "sentence"],
  weight: ["weight"],
  family: ["family"],
  directed: ["directed"],
  type: ["type"],
  edgeId: ["edge id", "id"],
} as const;
type Column = keyof typeof COLUMNS;

/** Undoes our export's spreadsheet protection: "'=x" back to "=x". */
const unprotect = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** True when the first line looks like the header of an edge list. */
export function looksLikeEdgeList(firstLine: string): boolean {
  const names = new Set(firstLine.split(separatorOf(firstLine)).map((c) => norm(c.replace(/^"|"$/g, ""))));
  const has = (list: readonly string[]) => list.some((n) => names.has(n));
  return has(COLUMNS.source) && has(COLUMNS.target);
}

export function readCsv(text: string): RawGraph {
  const firstLine = /^[^\r\n]*/.exec(text)![0];
  const separator = separatorOf(firstLine);
  const what = separator === "\t" ? "TSV" : "CSV";
  const rows = parseDelimited(text, separator).map((r) => r.map(unprotect));
  const header = (rows[0] ?? []).map(norm);
  const column = new Map<Column, number>();
  for (const [name, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const at = aliases.map((a) => header.indexOf(a)).find((i) => i !== -1);
    if (at !== undefined) column.set(name, at);
  }
  if (!column.has("source") || !column.has("target")) {
    const shown = header.slice(0, 8).join(", ") + (header.length > 8 ? ", …" : "");
    throw new OpenError(`The ${what}'s header row has no source and target columns (it has: ${shown.slice(0, 200)}).`);
  }
  const used = new Set(column.values());
  const extra = header.map((name, i) => [name, i] as const).filter(([name, i]) => !used.has(i) && name !== "");

  const nodes = new Map<string, RawNode>();
  const edges = new Map<string, RawEdge>();
  const articles = new Map<string, Record<string, string>>();
  const node = (key: string, label: string) => {
    if (!nodes.has(key)) nodes.set(key, { key, attributes: new Map([["label", label]]) });
  };

  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.every((c) => c.trim() === "")) continue;
    const get = (name: Column) => {
      const at = column.get(name);
      return at === undefined ? "" : (cells[at] ?? "").trim();
    };
    const sourceLabel = get("source");
    const targetLabel = get("target");
    if (!sourceLabel) throw new OpenError(`Row ${r + 1} of the ${what} has no source.`);
    if (!targetLabel) throw new OpenError(`Row ${r + 1} of the ${what} has no target.`);
    const source = get("sourceKey") || sourceLabel;
    const target = get("targetKey") || targetLabel;
    node(source, sourceLabel);
    node(target, targetLabel);

    const type = get("type").toLowerCase();
    const relationLabel = get("relation") || (type && type !== "directed" && type !== "undirected" ? get("type") : "");
    const relation = get("relationId") || (relationLabel ? slugify(relationLabel) || relationLabel : "related");
    const id = get("edgeId") || `${source}|${relation}|${target}`;
    let edge = edges.get(id);
    if (!edge) {
      const attributes: Bag = new Map();
      attributes.set("relation", relation);
      if (relationLabel) attributes.set("label", relationLabel);
      const directed = get("directed").toLowerCase();
      if (directed === "true" || directed === "false") attributes.set("directed", directed === "true");
      if (get("family")) attributes.set("family", get("family"));
      attributes.set("evidence", []);
      for (const [name, i] of extra) if ((cells[i] ?? "").trim() !== "") attributes.set(name, cells[i]!.trim());
      edge = { key: id, source, target, attributes, undirected: type === "undirected" };
      edges.set(id, edge);
    }
    const attrs = edge.attributes;
    const date = toPartialDate(get("date"));
    if (date && (!attrs.has("date") || date < (attrs.get("date") as string))) attrs.set("date", date);
    const weight = Number(get("weight"));
    if (get("weight") !== "" && Number.isFinite(weight)) attrs.set("weight", ((attrs.get("weight") as number | undefined) ?? 0) + weight);

    const article = get("article");
    const quote = get("quote");
    if (article && !articles.has(article)) {
      articles.set(article, {
        id: article,
        title: get("articleTitle") || article,
        publisher: get("publisher"),
        date: toPartialDate(get("articleDate")) ?? date ?? "",
      });
    }
    const dated = date ?? (articles.get(article)?.date || null);
    if (quote && article && dated) (attrs.get("evidence") as unknown[]).push({ article, quote, date: dated });
    else if (quote) attrs.set("quote", quote);
  }

  const attributes: Bag = new Map();
  const listed = [...articles.values()].filter((a) => a.date !== "").map((a) => ({ ...a, body: "" }));
  if (listed.length > 0) attributes.set("articles", listed);
  return {
    format: "csv",
    label: `${what} edge list`,
    attributes,
    allowSelfLoops: true,
    nodes: [...nodes.values()],
    edges: [...edges.values()],
    requireLabels: false,
    carriesArticles: column.has("article"),
    notes: [],
  };
}
