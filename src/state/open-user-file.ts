/**
 * Opening a file the user chose or dropped: any format the readers in
 * core/import know (snapshot, graphology JSON, Gephi Lite, sigma.js dataset,
 * GEXF, GraphML, CSV/TSV), recognised from its content. A bad file gets an
 * alert that says what is wrong, and the current view stays as it was; a
 * good one replaces the graph, with its saved view when it is a snapshot.
 * The reading, and the layout of a file without positions, run in a worker
 * (read-in-worker.ts), with their progress shown and a Cancel.
 */
import { checkFileSize } from "../core/import/open-file";
import { ask } from "./ask";
import { endCancellable, startCancellable } from "./cancel";
import { prepareGraph } from "./load-graph";
import type { OpenedSummary } from "./open-protocol";
import { readInWorker } from "./read-in-worker";
import { dispatch } from "./index";

/** Larger files would take the page down with them; the message says so before reading. */
export const MAX_OPEN_BYTES = 50_000_000;

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export async function openUserFile(file: File): Promise<boolean> {
  const fail = (why: string) => {
    dispatch({ type: "setBusy", busy: null });
    dispatch({ type: "notify", role: "alert", text: `Could not open “${file.name}”: ${why} The current view is unchanged.` });
    return false;
  };
  const cancelled = () => {
    dispatch({ type: "setBusy", busy: null });
    dispatch({ type: "notify", role: "status", text: `Did not open “${file.name}”. The current view is unchanged.` });
    return false;
  };
  const tooBig = checkFileSize(file.size, MAX_OPEN_BYTES);
  if (tooBig) return fail(tooBig);

  const controller = startCancellable();
  dispatch({ type: "setBusy", busy: `Opening ${file.name}…`, cancellable: true });
  const progress = (done: number, total: number) =>
    dispatch({ type: "setBusy", busy: `Laying out ${file.name}… ${Math.round((100 * done) / total)}%`, cancellable: true });
  // Positions missing or unusable: a force-directed pass from the spiral the importer placed, asked first when large.
  const decide = async (summary: OpenedSummary) => {
    if (!summary.needsLayout) return "send" as const;
    if (summary.ask) {
      dispatch({ type: "setBusy", busy: null });
      const size = `${count(summary.order, "actor", "actors")} and ${count(summary.size, "relation", "relations")}`;
      const choice = await ask({
        title: `Lay out “${file.name}”?`,
        text: `It has ${size} and no usable positions. Laying it out takes a while, and a graph this large is slow to explore here. The current view stays until it is done.`,
        choices: [
          { id: "layout", label: "Lay it out" },
          { id: "cancel", label: "Cancel" },
        ],
      });
      if (choice !== "layout") return "cancel" as const;
    }
    progress(0, summary.iterations);
    return "layout" as const;
  };
  let outcome;
  try {
    outcome = await readInWorker(file, { maxBytes: MAX_OPEN_BYTES, decide, onProgress: progress, signal: controller.signal });
  } finally {
    endCancellable(controller);
  }
  if (!outcome.ok) return "cancelled" in outcome ? cancelled() : fail(outcome.error);

  const { summary, graph } = outcome;
  const loaded = prepareGraph(graph, { kind: "file", name: file.name });
  dispatch({ type: "loaded", data: loaded, view: summary.view });
  dispatch({ type: "setBusy", busy: null });
  const notes = summary.notes.length ? ` ${summary.notes.join(" ")}` : "";
  dispatch({
    type: "notify",
    role: "status",
    text: `Opened the ${summary.label} “${file.name}”: ${count(loaded.graph.order, "actor", "actors")}, ${count(loaded.graph.size, "relation", "relations")}.${notes} Reload the page to return to the built graph.`,
  });
  return true;
}
