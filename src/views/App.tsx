/** The page: header with search, the graph with its controls and legend, the details panel. */
import { useEffect } from "react";
import { GraphView } from "../sigma/GraphView";
import { dispatch, useAppState } from "../state";
import { fetchBuiltGraph } from "../state/load-graph";
import { ArticleReader } from "./ArticleReader";
import { Legend } from "./Legend";
import { Notices } from "./Notices";
import { SearchBox } from "./SearchBox";
import { SidePanel } from "./SidePanel";

export function App() {
  const data = useAppState((s) => s.data);
  const loadError = useAppState((s) => s.loadError);

  useEffect(() => {
    fetchBuiltGraph("./graph.json").then(
      (loaded) => dispatch({ type: "loaded", data: loaded }),
      (err: Error) => dispatch({ type: "loadFailed", error: err.message }),
    );
  }, []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Knowledge-graph explorer</h1>
        {data && <SearchBox />}
      </header>
      <Notices />
      <main className="app-main">
        {data ? (
          <GraphView graph={data.graph}>
            <Legend />
          </GraphView>
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
