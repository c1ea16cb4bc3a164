/**
 * Opening a file the user chose or dropped: a snapshot, a graphology JSON or
 * a GEXF. A bad file gets an alert that says what is wrong, and the current
 * view stays as it was; a good one replaces the graph, with its saved view
 * when it is a snapshot.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import { openGraphFile } from "../core/import/open-file";
import { prepareGraph } from "./load-graph";
import { dispatch } from "./index";

/** Larger files would take the page down with them; the message says so before reading. */
export const MAX_OPEN_BYTES = 50 * 1024 * 1024;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function openUserFile(file: File): Promise<boolean> {
  const fail = (why: string) => {
    dispatch({ type: "setBusy", busy: null });
    dispatch({ type: "notify", role: "alert", text: `Could not open “${file.name}”: ${why} The current view is unchanged.` });
    return false;
  };
  if (file.size > MAX_OPEN_BYTES) return fail(`the file is ${(file.size / 1e6).toFixed(1)} MB; the limit is ${MAX_OPEN_BYTES / 1e6} MB.`);
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
    // Positions were missing: a quick force-directed pass from the spiral the importer placed.
    forceAtlas2.assign(result.graph, {
      iterations: Math.max(50, Math.min(300, Math.round(100000 / result.graph.order))),
      settings: forceAtlas2.inferSettings(result.graph),
    });
  }
  const loaded = prepareGraph(result.graph, { kind: "file", name: file.name });
  dispatch({ type: "loaded", data: loaded, view: result.view });
  dispatch({ type: "setBusy", busy: null });
  const what = result.kind === "snapshot" ? "snapshot" : result.kind === "gexf" ? "GEXF file" : "graph file";
  const notes = result.notes.length ? ` ${result.notes.join(" ")}` : "";
  dispatch({
    type: "notify",
    role: "status",
    text: `Opened the ${what} “${file.name}”: ${loaded.graph.order} actors, ${loaded.graph.size} relations.${notes} Reload the page to return to the built graph.`,
  });
  return true;
}
