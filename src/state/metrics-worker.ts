/**
 * The statistics computed off the main thread: receives a MetricsInput,
 * answers with progress messages and then the Metrics (or the error).
 * Started by src/state/statistics.ts for large graphs.
 */
import { computeMetrics } from "../core/metrics";
import type { MetricsInput } from "../core/metrics-input";
import type { WorkerAnswer } from "./statistics-protocol";

const post = (answer: WorkerAnswer, transfer: Transferable[] = []) => (self as unknown as Worker).postMessage(answer, transfer);

self.onmessage = (event: MessageEvent<{ input: MetricsInput; seed: number }>) => {
  try {
    const metrics = computeMetrics(event.data.input, {
      seed: event.data.seed,
      onProgress: (progress) => post({ type: "progress", progress }),
    });
    const buffers = [...Object.values(metrics.values), ...Object.values(metrics.ranks), metrics.community].map((a) => a.buffer);
    post({ type: "done", metrics }, buffers);
  } catch (err) {
    post({ type: "error", message: (err as Error).message });
  }
};
