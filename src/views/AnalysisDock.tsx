/**
 * The analysis region under the graph: the table of the visible actors, the
 * table of the visible relations, and the search over every quote, as tabs.
 * Closed at start; what a tab shows loads when the tab is first opened. The
 * quote filter, when set (by this search or a link), is said here even with
 * the region closed, with the way to lift it.
 */
import { lazy, Suspense, useState } from "react";
import { dispatch, useAppState } from "../state";

const TablePanel = lazy(() => import("./TablePanel"));
const EvidenceSearchPanel = lazy(() => import("./EvidenceSearchPanel"));

type Tab = "actors" | "relations" | "quotes";
const TABS: [Tab, string][] = [
  ["actors", "Actors table"],
  ["relations", "Relations table"],
  ["quotes", "Search quotes"],
];

export function AnalysisDock() {
  const [open, setOpen] = useState<Tab | null>(null);
  const quote = useAppState((s) => s.view.filters.quote);
  return (
    <section className={`analysis-dock${open ? " open" : ""}`} aria-label="Analysis">
      <div className="dock-bar" role="tablist" aria-label="Analysis">
        {TABS.map(([tab, label]) => (
          <button
            key={tab}
            type="button"
            role="tab"
            id={`dock-tab-${tab}`}
            aria-selected={open === tab}
            aria-controls={open === tab ? "dock-panel" : undefined}
            onClick={() => setOpen(open === tab ? null : tab)}
          >
            {label}
          </button>
        ))}
        {quote !== null && (
          <span className="quote-filter-chip">
            Relations whose quotes match “{quote}”
            <button type="button" className="link-button" onClick={() => dispatch({ type: "setFilters", filters: { quote: null } })}>
              Show all
            </button>
          </span>
        )}
        {open && (
          <button type="button" className="dock-close" aria-label="Close the analysis panel" onClick={() => setOpen(null)}>
            ×
          </button>
        )}
      </div>
      {open && (
        <div className="dock-panel" id="dock-panel" role="tabpanel" aria-labelledby={`dock-tab-${open}`}>
          <Suspense fallback={<p className="muted dock-loading">Loading…</p>}>
            {open === "quotes" ? <EvidenceSearchPanel /> : <TablePanel key={open} tab={open} />}
          </Suspense>
        </div>
      )}
    </section>
  );
}
