/**
 * The analysis region under the graph: the table of the visible actors, the
 * table of the visible relations, and the search over every quote, as tabs.
 * The header's "Analysis" button opens it; closed, it takes no room. What a
 * tab shows loads when the tab is first opened. The quote filter, when set
 * (by this search or a link), is said here even with the region closed, with
 * the way to lift it.
 */
import { lazy, Suspense } from "react";
import { dispatch, useAppState } from "../state";
import type { AnalysisTab } from "../state/ui";

const TablePanel = lazy(() => import("./TablePanel"));
const EvidenceSearchPanel = lazy(() => import("./EvidenceSearchPanel"));

const TABS: [AnalysisTab, string][] = [
  ["actors", "Actors table"],
  ["relations", "Relations table"],
  ["quotes", "Search quotes"],
];

const open = (tab: AnalysisTab | null) => dispatch({ type: "openAnalysis", tab });

/** The header's button that opens and closes the region. */
export function AnalysisButton() {
  const tab = useAppState((s) => s.ui.analysis);
  return (
    <button type="button" aria-expanded={tab !== null} aria-controls="analysis-dock" onClick={() => open(tab === null ? "actors" : null)}>
      Analysis
    </button>
  );
}

function QuoteFilter({ quote }: { quote: string }) {
  return (
    <span className="quote-filter-chip">
      Relations whose quotes match “{quote}”
      <button type="button" className="link-button" onClick={() => dispatch({ type: "setFilters", filters: { quote: null } })}>
        Show all
      </button>
    </span>
  );
}

export function AnalysisDock() {
  const tab = useAppState((s) => s.ui.analysis);
  const quote = useAppState((s) => s.view.filters.quote);
  if (tab === null)
    return quote === null ? null : (
      <div className="dock-bar" id="analysis-dock">
        <QuoteFilter quote={quote} />
      </div>
    );
  return (
    <section className="analysis-dock open" id="analysis-dock" aria-label="Analysis">
      <div className="dock-bar" role="tablist" aria-label="Analysis">
        {TABS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            role="tab"
            id={`dock-tab-${value}`}
            aria-selected={tab === value}
            aria-controls="dock-panel"
            onClick={() => open(value)}
          >
            {label}
          </button>
        ))}
        {quote !== null && <QuoteFilter quote={quote} />}
        <button type="button" className="dock-close" aria-label="Close the analysis panel" onClick={() => open(null)}>
          ×
        </button>
      </div>
      <div className="dock-panel" id="dock-panel" role="tabpanel" aria-labelledby={`dock-tab-${tab}`}>
        <Suspense fallback={<p className="muted dock-loading">Loading…</p>}>
          {tab === "quotes" ? <EvidenceSearchPanel /> : <TablePanel key={tab} tab={tab} />}
        </Suspense>
      </div>
    </section>
  );
}
