/**
 * Reads an opened file off the page's thread: its text, its format's reader
 * and the normalisation into the model (core/import), then, when the page
 * asks, a ForceAtlas2 layout a few iterations at a time so that it can say
 * how far it is. The graph goes back in slices (open-protocol.ts). The page
 * ends the worker to cancel.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import { openGraphFile, type OpenedGraph } from "../core/import/open-file";
import { layoutPlan, type LayoutPlan } from "../core/layout-plan";
import { graphSlices, type OpenReply, type OpenRequest } from "./open-protocol";

/** Iterations between two progress reports: about a second's work at 200 000 actors. */
const CHUNK = 5;
/** Actors or relations per slice: a slice is built on the page in well under a frame's budget of a long task. */
const SLICE = 5_000;

const reply = (message: OpenReply) => (self as unknown as Worker).postMessage(message);

/** A relation's pull: its weight when it has a usable one; a loop pulls nothing. */
const edgeWeight = (_edge: string, attributes: { weight?: unknown }, source: string, target: string) => {
  if (source === target) return 0;
  const weight = attributes.weight;
  return typeof weight === "number" && Number.isFinite(weight) && weight > 0 ? weight : 1;
};

let graph: OpenedGraph | null = null;
let plan: LayoutPlan | null = null;

function send(): void {
  for (const data of graphSlices(graph!, SLICE)) reply({ type: "slice", data });
  reply({ type: "sent" });
}

function layOut(): void {
  const { iterations, settings } = plan!;
  for (let done = 0; done < iterations;) {
    const step = Math.min(CHUNK, iterations - done);
    forceAtlas2.assign(graph!, { iterations: step, settings, getEdgeWeight: edgeWeight });
    done += step;
    reply({ type: "progress", done, total: iterations });
  }
}

async function open(file: File, maxBytes: number): Promise<void> {
  let text: string;
  try {
    text = await file.text();
  } catch {
    reply({ type: "failed", error: "the file could not be read." });
    return;
  }
  const result = openGraphFile(file.name, text, { maxBytes });
  if (!result.ok) {
    reply({ type: "failed", error: result.error.endsWith(".") ? result.error : `${result.error}.` });
    return;
  }
  graph = result.graph;
  plan = layoutPlan(graph);
  reply({
    type: "opened",
    summary: {
      label: result.label,
      order: graph.order,
      size: graph.size,
      needsLayout: result.needsLayout && graph.order > 0,
      ask: plan.ask,
      iterations: plan.iterations,
      ...(result.view && { view: result.view }),
      notes: result.notes,
    },
  });
}

self.onmessage = (event: MessageEvent<OpenRequest>) => {
  const request = event.data;
  try {
    if (request.type === "open") void open(request.file, request.maxBytes);
    else {
      if (request.type === "layout") layOut();
      send();
    }
  } catch (error) {
    reply({ type: "failed", error: `its layout failed (${error instanceof Error ? error.message : String(error)}).` });
  }
};
