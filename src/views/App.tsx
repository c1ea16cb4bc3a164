/** The page: header with search, the graph with its controls and legend, the details panel. */
import { useEffect, useLayoutEffect } from "react";
import { GraphView } from "../sigma/GraphView";
import { dispatch, store, useAppState } from "../state";
import { afterNextFrame } from "../state/after-next-frame";
import { loadBuiltGraph } from "../state/load-graph";
import { startLiveGraph } from "../state/live-graph";
import { startPreferenceSync } from "../state/preference-sync";
import { startSchemeSync } from "../state/scheme";
import { notifyIgnored, startUrlSync, viewFromLocation } from "../state/url-sync";
import { AnalysisButton, AnalysisDock } from "./AnalysisDock";
import { ArticleReader } from "./ArticleReader";
import { CopyLink } from "./CopyLink";
import { Drawer } from "./Drawer";
import { ErrorBoundary } from "./ErrorBoundary";
import { ExportMenu } from "./ExportMenu";
import { OpenFile, openFiles } from "./OpenFile";
import { EmptyState } from "./EmptyState";
import { FilterPanel } from "./FilterPanel";
import { GraphControls } from "./GraphControls";
import { GraphFrame } from "./GraphFrame";
import { TimeControl } from "./TimeControl";
import { Legend } from "./Legend";
import { Notices } from "./Notices";
import { SchemeToggle } from "./SchemeToggle";
import { SearchBox } from "./SearchBox";
import { Question } from "./Question";
import { ShortcutsHelp } from "./ShortcutsHelp";
import { SidePanel } from "./SidePanel";
import { SkipLinks } from "./SkipLinks";
import { NARROW, PHONE, useMediaQuery } from "./use-media";
import { ComparePeriods } from "./ComparePeriods";
import { CopyEmbedCode } from "./CopyEmbedCode";
import { EmbedLayout } from "./EmbedLayout";
import { StoryCard } from "./StoryCard";

export function App() {
  const data = useAppState((s) => s.data.loaded);
  const loadError = useAppState((s) => s.data.error);
  const filtersOpen = useAppState((s) => s.ui.filtersOpen);
  const detailsOpen = useAppState((s) => s.ui.detailsOpen);
  const narrow = useMediaQuery(NARROW);
  const phone = useMediaQuery(PHONE);

  // Before the first paint, so a dark page is never drawn light first.
  useLayoutEffect(() => startSchemeSync(), []);
  useEffect(() => startPreferenceSync(), []);
  // In the dev server: the curation studio's rebuilds reach this tab.
  useEffect(() => startLiveGraph(), []);
  const embedded = useAppState((s) => s.story.mode !== "explorer");

  useEffect(() => {
    const stopUrlSync = startUrlSync();
    let cancelled = false;
    void loadBuiltGraph().then(
      ({ loaded, check }) => {
        if (cancelled) return;
        const { view, ignored, playing } = viewFromLocation(loaded.graph, location);
        dispatch({ type: "loaded", data: loaded, view, playing });
        notifyIgnored(ignored);
        // The schema check follows the first frame; a file that fails it is not shown.
        afterNextFrame(() => {
          void check().then((problem) => {
            if (problem && !cancelled && store.getState().data.loaded === loaded) dispatch({ type: "loadFailed", error: problem });
          });
        });
      },
      (err: Error) => !cancelled && dispatch({ type: "loadFailed", error: err.message }),
    );
    return () => {
      cancelled = true;
      stopUrlSync();
    };
  }, []);

  // On a phone one drawer at a time: opening the filters puts the details away, and the other way round.
  const openFilters = () => {
    if (phone) dispatch({ type: "setDetailsOpen", open: false });
    dispatch({ type: "toggleFilters" });
  };
  const openDetails = () => {
    dispatch({ type: "setFiltersOpen", open: false });
    dispatch({ type: "setDetailsOpen", open: !detailsOpen });
  };

  if (embedded) return <EmbedLayout />;

  return (
    <div className="app">
      <SkipLinks />
      <header className="app-header">
        <h1>Knowledge-graph explorer</h1>
        {data && (
          <ErrorBoundary name="The search" resetKeys={[data]}>
            <SearchBox />
          </ErrorBoundary>
        )}
        {data && (
          <div className="header-actions">
            <button type="button" aria-expanded={filtersOpen} aria-controls="filter-panel" onClick={openFilters}>
              Filters
            </button>
            {phone && (
              <button type="button" aria-expanded={detailsOpen} aria-controls="details" onClick={openDetails}>
                Details
              </button>
            )}
            <AnalysisButton />
            <CopyLink />
            <CopyEmbedCode />
            <ExportMenu />
            <OpenFile />
            <SchemeToggle />
            <ShortcutsHelp />
          </div>
        )}
      </header>
      <main className={`app-main${data && filtersOpen && !narrow ? " with-filters" : ""}`}>
        {data && (
          <Drawer
            asDrawer={narrow}
            open={filtersOpen}
            onClose={() => dispatch({ type: "setFiltersOpen", open: false })}
            label="filters"
            side="left"
          >
            {filtersOpen && (
              <ErrorBoundary name="The filters" className="filter-panel" resetKeys={[data]}>
                <FilterPanel />
              </ErrorBoundary>
            )}
          </Drawer>
        )}
        {data ? (
          <div
            className="graph-column"
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes("Files")) e.preventDefault();
            }}
            onDrop={(e) => {
              e.preventDefault();
              void openFiles(e.dataTransfer.files);
            }}
          >
            <div className="graph-frame">
              <GraphFrame>
                <ErrorBoundary name="The graph" className="graph-area" resetKeys={[data]}>
                  <GraphView graph={data.graph}>
                    <GraphControls />
                    <StoryCard />
                    <EmptyState />
                  </GraphView>
                </ErrorBoundary>
              </GraphFrame>
              <Notices />
            </div>
            <ErrorBoundary name="The legend" resetKeys={[data]}>
              <Legend />
            </ErrorBoundary>
            <ErrorBoundary name="The time bar" resetKeys={[data]}>
              <TimeControl />
            </ErrorBoundary>
            <ErrorBoundary name="Comparing periods" resetKeys={[data]}>
              <ComparePeriods />
            </ErrorBoundary>
            <ErrorBoundary name="The analysis" resetKeys={[data]}>
              <AnalysisDock />
            </ErrorBoundary>
          </div>
        ) : (
          <div className="graph-frame">
            <div className="graph-area placeholder" role={loadError ? "alert" : "status"}>
              {loadError ?? "Loading the graph…"}
            </div>
            <Notices />
          </div>
        )}
        <SidePanel />
      </main>
      <ArticleReader />
      <Question />
    </div>
  );
}
