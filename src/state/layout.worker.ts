/**
 * Lays out a graph with ForceAtlas2 off the page's thread, a few iterations at
 * a time so that it can say how far it is. The page ends it to cancel.
 */
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { LayoutReply, LayoutRequest } from "./layout-protocol";

/** Iterations between two progress reports: about a second's work at 200 000 actors. */
const CHUNK = 5;

const reply = (message: LayoutReply, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { x, y, sources, targets, weights, iterations, settings } = event.data;
  try {
    const graph = new Graph({ type: "undirected", multi: true, allowSelfLoops: false });
    for (let i = 0; i < x.length; i++) graph.addNode(i, { x: x[i], y: y[i] });
    for (let e = 0; e < sources.length; e++) if (sources[e] !== targets[e]) graph.addEdge(sources[e], targets[e], { weight: weights[e] });
    for (let done = 0; done < iterations;) {
      const step = Math.min(CHUNK, iterations - done);
      forceAtlas2.assign(graph, { iterations: step, settings });
      done += step;
      reply({ type: "progress", done, total: iterations });
    }
    graph.forEachNode((node, attributes) => {
      x[Number(node)] = attributes.x as number;
      y[Number(node)] = attributes.y as number;
    });
    reply({ type: "done", x, y }, [x.buffer, y.buffer]);
  } catch (error) {
    reply({ type: "failed", message: error instanceof Error ? error.message : String(error) });
  }
};
