/**
 * The data table of the visible actors or relations (src/core/table.ts gives
 * its rows, columns, order and filter): TanStack Table for the columns and
 * the sort state, TanStack Virtual so that only the rows in sight are in the
 * page (50 000 rows scroll as a hundred do). A row selects its actor or
 * relation in the graph; the graph's selection shows, and scrolls into view,
 * here. Loaded when the table is first opened.
 */
import { createColumnHelper, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { exportFileName } from "../core/export/filename";
import {
  ACTOR_COLUMNS,
  actorRows,
  cellText,
  filterRows,
  RELATION_COLUMNS,
  relationRows,
  sortRows,
  tableCsv,
  type ActorRow,
  type Column,
  type RelationRow,
} from "../core/table";
import { showActor } from "../sigma/commands";
import { download } from "../sigma/export/download";
import { dispatch, useAppState } from "../state";
import { selectVisible } from "../state/derived";
import { useStatistics } from "./use-statistics";

export type TableTab = "actors" | "relations";

const features = tableFeatures({ rowSortingFeature });

type Row = ActorRow | RelationRow;

/** Columns for TanStack, from the core's, once per kind of table. */
function tanstackColumns<R extends Row>(columns: readonly Column<R>[]) {
  const helper = createColumnHelper<typeof features, R>();
  return helper.columns(
    columns.map((c) =>
      helper.accessor((row) => cellText(c, row), {
        id: c.id,
        header: c.header,
        // Numbers read best largest first on the first click; text A to Z, dates oldest first.
        sortDescFirst: c.type === "number",
      }),
    ),
  );
}
const ACTOR_DEFS = tanstackColumns(ACTOR_COLUMNS);
const RELATION_DEFS = tanstackColumns(RELATION_COLUMNS);

const ROW_HEIGHT = 30;
const WIDTHS: Record<Column<unknown>["type"], string> = {
  text: "minmax(8rem, 2fr)",
  number: "minmax(4rem, 1fr)",
  date: "minmax(6.5rem, 1fr)",
};
/** A number column is at least as wide as its header and the sort arrow ("Betweenness ▲" is not cut). */
const widthOf = (c: Column<unknown>) =>
  c.type === "number" ? `minmax(max(4rem, calc(${c.header.length}ch + 2.2rem)), 1fr)` : WIDTHS[c.type];

export default function TablePanel({ tab }: { tab: TableTab }) {
  const graph = useAppState((s) => s.data.loaded!.graph);
  const corpus = useAppState((s) => s.data.loaded!.graph.getAttribute("name") || s.data.loaded!.source.name);
  const visible = useAppState(selectVisible);
  const filters = useAppState((s) => s.view.filters);
  const time = useAppState((s) => s.view.time);
  const selected = useAppState((s) => (tab === "actors" ? s.view.selected : s.view.selectedEdge));
  const statistics = useStatistics(tab === "actors");
  const metrics = statistics.metrics ?? statistics.previous;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [query, setQuery] = useState("");
  const deferredQuery = useDeferredValue(query);

  const columns = (tab === "actors" ? ACTOR_COLUMNS : RELATION_COLUMNS) as readonly Column<Row>[];
  const rows = useMemo<Row[]>(
    () => (tab === "actors" ? actorRows(graph, visible, metrics) : relationRows(graph, visible, { filters, time })),
    [tab, graph, visible, metrics, filters, time],
  );
  const shown = useMemo(() => {
    const sort = sorting[0] ? { column: sorting[0].id, descending: sorting[0].desc } : null;
    return sortRows(filterRows(rows, columns, deferredQuery), columns, sort);
  }, [rows, columns, deferredQuery, sorting]);

  const table = useTable({
    features,
    columns: (tab === "actors" ? ACTOR_DEFS : RELATION_DEFS) as typeof ACTOR_DEFS,
    data: shown as ActorRow[],
    // The order is the core's (sortRows): TanStack keeps the state and the headers.
    manualSorting: true,
    enableSortingRemoval: true,
    enableMultiSort: false,
    state: { sorting },
    onSortingChange: setSorting,
    getRowId: (row) => row.key,
  });

  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer's functions are used in this component only, where it re-renders with them.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (i) => shown[i]!.key,
  });

  // The graph's selection comes into view here, unless it already is.
  const selectedIndex = useMemo(() => (selected === null ? -1 : shown.findIndex((r) => r.key === selected)), [shown, selected]);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  const choose = (row: Row) => {
    if (tab === "actors") showActor(row.key);
    else dispatch({ type: "selectEdge", edge: row.key });
  };
  const exportCsv = () => {
    const name = exportFileName({
      corpus: `${corpus} ${tab}`,
      time,
      filtered: deferredQuery.trim() !== "" || Object.entries(filters).some(([k, v]) => k !== "keepIsolated" && v !== null),
      at: new Date(),
      ext: "csv",
    });
    download({ blob: new Blob([tableCsv(shown, columns)], { type: "text/csv;charset=utf-8" }), name });
  };

  const template = columns.map(widthOf).join(" ");
  const rowModel = table.getRowModel().rows;
  const waiting = tab === "actors" && !statistics.metrics;
  const noun = tab === "actors" ? "actors" : "relations";
  return (
    <div className="table-panel">
      <div className="table-tools">
        <input
          type="search"
          className="table-filter"
          aria-label={`Filter the ${noun}`}
          placeholder={`Filter ${noun}…`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="muted table-count" role="status">
          {shown.length.toLocaleString("en")} of {rows.length.toLocaleString("en")} {noun}
          {waiting && (statistics.computing || statistics.metrics === null) && !statistics.error && (
            <> · {statistics.previous ? "updating" : "computing"} the statistics…</>
          )}
          {statistics.error && tab === "actors" && <> · {statistics.error}</>}
        </span>
        <button type="button" onClick={exportCsv} disabled={shown.length === 0}>
          Export table as CSV
        </button>
      </div>
      <div className="table-scroll" ref={scroller}>
        <table className="data-table" role="grid" aria-rowcount={shown.length + 1} aria-label={`Visible ${noun}`}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} style={{ gridTemplateColumns: template }} aria-rowindex={1}>
                {group.headers.map((header) => {
                  const dir = header.column.getIsSorted();
                  const column = columns.find((c) => c.id === header.column.id)!;
                  return (
                    <th key={header.id} aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"} scope="col">
                      <button
                        type="button"
                        className={`sort-button${column.type === "text" ? "" : " numeric"}`}
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {column.header}
                        <span aria-hidden="true" className="sort-mark">
                          {dir === "asc" ? " ▲" : dir === "desc" ? " ▼" : ""}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rowModel[item.index];
              if (!row) return null;
              const data = row.original as Row;
              const isSelected = data.key === selected;
              return (
                <tr
                  key={row.id}
                  data-key={data.key}
                  aria-rowindex={item.index + 2}
                  aria-selected={isSelected}
                  className={isSelected ? "selected" : undefined}
                  tabIndex={0}
                  style={{ transform: `translateY(${item.start}px)`, gridTemplateColumns: template, height: ROW_HEIGHT }}
                  onClick={() => choose(data)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      choose(data);
                    }
                  }}
                >
                  {columns.map((c) => (
                    <td key={c.id} className={c.type === "text" ? undefined : "numeric"} title={cellText(c, data)}>
                      {cellText(c, data)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="muted table-empty">No visible {noun} match.</p>}
      </div>
    </div>
  );
}
