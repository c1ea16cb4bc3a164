/** The page: header with search, the graph with its controls and legend, the details panel. */
import { useEffect } from "react";
import { GraphView } from "../sigma/GraphView";
import { dispatch, store, useAppState } from "../state";
import { afterNextFrame } from "../state/after-next-frame";
import { loadBuiltGraph } from "../state/load-graph";
import { notifyIgnored, startUrlSync, viewFromLocation } from "../state/url-sync";
import { ArticleReader } from "./ArticleReader";
import { Busy } from "./Busy";
import { CopyLink } from "./CopyLink";
import { ExportMenu } from "./ExportMenu";
import { OpenFile, openFiles } from "./OpenFile";
import { EmptyState } from "./EmptyState";
import { FilterPanel } from "./FilterPanel";
import { GraphControls } from "./GraphControls";
import { TimeControl } from "./TimeControl";
import { Legend } from "./Legend";
import { Notices } from "./Notices";
import { SearchBox } from "./SearchBox";
import { SidePanel } from "./SidePanel";
import { ComparePeriods } from "./ComparePeriods";
import { CopyEmbedCode } from "./CopyEmbedCode";
import { EmbedLayout } from "./EmbedLayout";
import { StoryCard } from "./StoryCard";

export function App() {
  const data = useAppState((s) => s.data.loaded);
  const loadError = useAppState((s) => s.data.error);
  const filtersOpen = useAppState((s) => s.ui.filtersOpen);
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

  if (embedded) return <EmbedLayout />;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Knowledge-graph explorer</h1>
        {data && <SearchBox />}
        {data && (
          <div className="header-actions">
            <button
              type="button"
              aria-expanded={filtersOpen}
              aria-controls="filter-panel"
              onClick={() => dispatch({ type: "toggleFilters" })}
            >
              Filters
            </button>
            <CopyLink />
            <CopyEmbedCode />
            <ExportMenu />
            <OpenFile />
          </div>
        )}
      </header>
      <Notices />
      <Busy />
      <main className={`app-main${data && filtersOpen ? " with-filters" : ""}`}>
        {data && filtersOpen && <FilterPanel />}
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
            <GraphView graph={data.graph}>
              <GraphControls />
              <StoryCard />
              <EmptyState />
            </GraphView>
            <Legend />
            <TimeControl />
            <ComparePeriods />
          </div>
        ) : (
          <div className="graph-area placeholder" role={loadError ? "alert" : "status"}>
            {loadError ?? "Loading the graph…"}
          </div>
        )}
        <SidePanel />
      </main>
      <ArticleReader />
    </div>
  );
}
