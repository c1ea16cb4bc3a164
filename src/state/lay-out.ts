/**
 * Lays out an opened graph in a Web Worker (src/state/layout.worker.ts), so
 * that the page stays responsive, reporting progress; an aborted signal ends
 * the worker and leaves the graph as it was. Where workers are not available
 * (unit tests) the same layout runs here.
 */
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import type { LayoutPlan } from "../core/layout-plan";
import type { LayoutReply, LayoutRequest } from "./layout-protocol";

export interface LayOutOptions {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** Resolves true when the graph was laid out, false when it was cancelled; rejects when the layout failed. */
export function layOut(graph: Graph, plan: LayoutPlan, options: LayOutOptions = {}): Promise<boolean> {
  const { onProgress, signal } = options;
  if (signal?.aborted) return Promise.resolve(false);
  if (typeof Worker === "undefined") {
    forceAtlas2.assign(graph, { iterations: plan.iterations, settings: plan.settings });
    onProgress?.(plan.iterations, plan.iterations);
    return Promise.resolve(true);
  }

  const nodes = graph.nodes();
  const index = new Map(nodes.map((node, i) => [node, i]));
  const request: LayoutRequest = {
    x: new Float64Array(nodes.length),
    y: new Float64Array(nodes.length),
    sources: new Uint32Array(graph.size),
    targets: new Uint32Array(graph.size),
    weights: new Float32Array(graph.size),
    iterations: plan.iterations,
    settings: plan.settings,
  };
  nodes.forEach((node, i) => {
    request.x[i] = graph.getNodeAttribute(node, "x") as number;
    request.y[i] = graph.getNodeAttribute(node, "y") as number;
  });
  let e = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    request.sources[e] = index.get(source)!;
    request.targets[e] = index.get(target)!;
    const weight = attributes.weight as unknown;
    request.weights[e] = typeof weight === "number" && Number.isFinite(weight) && weight > 0 ? weight : 1;
    e++;
  });

  return new Promise<boolean>((resolve, reject) => {
    const worker = new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
    const end = () => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
    };
    const cancel = () => {
      end();
      resolve(false);
    };
    signal?.addEventListener("abort", cancel);
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || "the layout stopped"));
    };
    worker.onmessage = (event: MessageEvent<LayoutReply>) => {
      const reply = event.data;
      if (reply.type === "progress") onProgress?.(reply.done, reply.total);
      else if (reply.type === "failed") {
        end();
        reject(new Error(reply.message));
      } else {
        end();
        // One update of all positions: one event for the renderer and the indexes, not one per actor.
        graph.updateEachNodeAttributes(
          (node, attributes) => {
            const i = index.get(node)!;
            return { ...attributes, x: reply.x[i], y: reply.y[i] };
          },
          { attributes: ["x", "y"] },
        );
        resolve(true);
      }
    };
    worker.postMessage(request, [
      request.x.buffer,
      request.y.buffer,
      request.sources.buffer,
      request.targets.buffer,
      request.weights.buffer,
    ]);
  });
}
