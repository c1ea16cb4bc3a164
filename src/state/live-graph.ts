/**
 * In the development server the curation studio rebuilds graph.json after
 * each change and tells every page (src/model/dev-events.ts). An explorer
 * showing the built graph takes the new one in, with its view as the link
 * gives it (what no longer exists is left out, as for any link), and says so;
 * a file the reader opened stays. The static build has no such events.
 */
import { GRAPH_UPDATED_EVENT } from "../model/dev-events";
import { plural } from "../model/text";
import { BUILT_GRAPH_URL, fetchBuiltGraph } from "./load-graph";
import { flushUrl, viewFromLocation } from "./url-sync";
import { dispatch, store } from "./index";

export function startLiveGraph(): () => void {
  const hot = import.meta.hot;
  if (!hot) return () => {};
  let run = 0;
  const onUpdated = () => {
    const id = ++run;
    // A fresh copy: the browser may hold the previous graph.json.
    void fetchBuiltGraph(`${BUILT_GRAPH_URL}?v=${Date.now()}`).then(
      ({ loaded }) => {
        if (id !== run || store.getState().data.loaded?.source.kind !== "built") return;
        flushUrl();
        const { view } = viewFromLocation(loaded.graph, location);
        dispatch({ type: "loaded", data: loaded, view });
        const { order, size } = loaded.graph;
        dispatch({
          type: "notify",
          role: "status",
          text: `The curation studio rebuilt the graph: ${plural(order, "actor")}, ${plural(size, "relation")}.`,
        });
      },
      (err: Error) => dispatch({ type: "notify", role: "alert", text: `The rebuilt graph could not be loaded: ${err.message}` }),
    );
  };
  hot.on(GRAPH_UPDATED_EVENT, onUpdated);
  return () => hot.off(GRAPH_UPDATED_EVENT, onUpdated);
}
