/**
 * Opening a file the user chose or dropped: any format the readers in
 * core/import know (snapshot, graphology JSON, Gephi Lite, sigma.js dataset,
 * GEXF, GraphML, CSV/TSV), recognised from its content. A bad file gets an
 * alert that says what is wrong, and the current view stays as it was; a
 * good one replaces the graph, with its saved view when it is a snapshot.
 */
import { checkFileSize, openGraphFile } from "../core/import/open-file";
import { layoutPlan } from "../core/layout-plan";
import { ask } from "./ask";
import { endCancellable, startCancellable } from "./cancel";
import { layOut } from "./lay-out";
import { prepareGraph } from "./load-graph";
import { dispatch } from "./index";

/** Larger files would take the page down with them; the message says so before reading. */
export const MAX_OPEN_BYTES = 50_000_000;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

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
  dispatch({ type: "setBusy", busy: `Opening ${file.name}…` });
  // Let the progress note paint before the parsing takes the thread.
  await nextFrame();
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail("the file could not be read.");
  }
  const result = openGraphFile(file.name, text, { maxBytes: MAX_OPEN_BYTES });
  if (!result.ok) return fail(result.error.endsWith(".") ? result.error : `${result.error}.`);
  await nextFrame();
  if (result.needsLayout && result.graph.order > 0) {
    // Positions were missing or unusable: a force-directed pass from the spiral the importer placed, in a worker.
    const plan = layoutPlan(result.graph);
    if (plan.ask) {
      dispatch({ type: "setBusy", busy: null });
      const size = `${count(result.graph.order, "actor", "actors")} and ${count(result.graph.size, "relation", "relations")}`;
      const choice = await ask({
        title: `Lay out “${file.name}”?`,
        text: `It has ${size} and no usable positions. Laying it out takes a while, and a graph this large is slow to explore here. The current view stays until it is done.`,
        choices: [
          { id: "layout", label: "Lay it out" },
          { id: "cancel", label: "Cancel" },
        ],
      });
      if (choice !== "layout") return cancelled();
    }
    const controller = startCancellable();
    const progress = (done: number, total: number) =>
      dispatch({ type: "setBusy", busy: `Laying out ${file.name}… ${Math.round((100 * done) / total)}%`, cancellable: true });
    progress(0, plan.iterations);
    try {
      const finished = await layOut(result.graph, plan, { onProgress: progress, signal: controller.signal });
      if (!finished) return cancelled();
    } catch (error) {
      return fail(`its layout failed (${error instanceof Error ? error.message : String(error)}).`);
    } finally {
      endCancellable(controller);
    }
  }
  const loaded = prepareGraph(result.graph, { kind: "file", name: file.name });
  dispatch({ type: "loaded", data: loaded, view: result.view });
  dispatch({ type: "setBusy", busy: null });
  const notes = result.notes.length ? ` ${result.notes.join(" ")}` : "";
  dispatch({
    type: "notify",
    role: "status",
    text: `Opened the ${result.label} “${file.name}”: ${count(loaded.graph.order, "actor", "actors")}, ${count(loaded.graph.size, "relation", "relations")}.${notes} Reload the page to return to the built graph.`,
  });
  return true;
}
