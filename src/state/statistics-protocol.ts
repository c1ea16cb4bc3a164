/** What the statistics worker (metrics-worker.ts) answers. */
import type { Metrics, MetricsProgress } from "../core/metrics-input";

export type WorkerAnswer =
  { type: "progress"; progress: MetricsProgress } | { type: "done"; metrics: Metrics } | { type: "error"; message: string };
