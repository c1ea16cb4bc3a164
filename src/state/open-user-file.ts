/**
 * Opening a file the user chose or dropped: any format the readers in
 * core/import know (snapshot, graphology JSON, Gephi Lite, sigma.js dataset,
 * GEXF, GraphML, CSV/TSV), recognised from its content. A bad file gets an
 * alert that says what is wrong, and the current view stays as it was; a
 * good one replaces the graph, with its saved view when it is a snapshot.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import { checkFileSize, openGraphFile } from "../core/import/open-file";
import { prepareGraph } from "./load-graph";
import { dispatch } from "./index";

/** Larger files would take the page down with them; the message says so before reading. */
export const MAX_OPEN_BYTES = 50_000_000;

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export async function openUserFile(file: File): Promise<boolean> {
  const fail = (why: string) => {
    dispatch({ type: "setBusy", busy: null });
    dispatch({ type: "notify", role: "alert", text: `Could not open “${file.name}”: ${why} The current view is unchanged.` });
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
    // Positions were missing or unusable: a quick force-directed pass from the spiral the importer placed.
    forceAtlas2.assign(result.graph, {
      iterations: Math.max(50, Math.min(300, Math.round(100000 / result.graph.order))),
      settings: forceAtlas2.inferSettings(result.graph),
    });
  }
  const loaded = prepareGraph(result.graph, { kind: "file", name: file.name });
  dispatch({ type: "loaded", data: loaded, view: result.view });
  dispatch({ type: "setBusy", busy: null });
  const notes = result.notes.length ? ` ${result.notes.join(" ")}` : "";
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  dispatch({
    type: "notify",
    role: "status",
    text: `Opened the ${result.label} “${file.name}”: ${count(loaded.graph.order, "actor", "actors")}, ${count(loaded.graph.size, "relation", "relations")}.${notes} Reload the page to return to the built graph.`,
  });
  return true;
}
