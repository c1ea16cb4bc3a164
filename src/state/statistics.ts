/**
 * The statistics of the visible graph (src/core/metrics.ts), computed while
 * something shows them (the actor panel, the table, an appearance that sizes
 * or colours by them) and again whenever the visible graph changes, after the
 * frame that shows the change. A large graph is computed in a Web Worker,
 * with progress, and a computation that a newer view makes pointless is
 * stopped; a small one in the main thread, where it takes milliseconds. The
 * code that computes loads on first use.
 */
import { metricsInput, type Metrics, type MetricsProgress } from "../core/metrics-input";
import type { VisibleSets } from "../model/visible";
import { afterNextFrame } from "./after-next-frame";
import type { AppState } from "./app-state";
import { selectVisible } from "./derived";
import { dispatch, store } from "./index";
import type { WorkerAnswer } from "./statistics-protocol";
import { NO_STATISTICS, type StatisticsState } from "./ui";

/** Above this many visible actors and relations together, the statistics are computed in a worker. */
export const WORKER_THRESHOLD = 3000;
let workerThreshold = WORKER_THRESHOLD;

/** Changes the threshold (the end-to-end tests send the curated corpus to the worker with 0). */
export function setWorkerThreshold(items: number): void {
  workerThreshold = items;
}

/** Louvain's seed: the same view always gives the same communities. */
export const COMMUNITY_SEED = 1;

interface Job {
  visible: VisibleSets;
  cancel(): void;
}

let users = 0;
let stopListening: (() => void) | null = null;
let job: Job | null = null;
let cancelScheduled: (() => void) | null = null;

const current = () => store.getState().ui.statistics;
const set = (statistics: StatisticsState) => dispatch({ type: "statistics", statistics });

function finish(visible: VisibleSets, metrics: Metrics): void {
  if (job?.visible !== visible) return;
  job = null;
  set({ result: { visible, metrics }, running: null, error: null });
}

function fail(visible: VisibleSets, message: string): void {
  if (job?.visible !== visible) return;
  job = null;
  set({ ...current(), running: null, error: `The statistics could not be computed: ${message}` });
}

function progress(visible: VisibleSets, p: MetricsProgress): void {
  if (job?.visible !== visible) return;
  set({ ...current(), running: { visible, progress: p } });
}

function startJob(state: AppState): void {
  const data = state.data.loaded;
  if (!data) return;
  const visible = selectVisible(state);
  const { filters, time } = state.view;
  let cancelled = false;
  let worker: Worker | null = null;
  job = {
    visible,
    cancel: () => {
      cancelled = true;
      worker?.terminate();
    },
  };
  set({ ...current(), running: { visible, progress: null }, error: null });

  const inMainThread = async () => {
    const { graphMetrics } = await import("../core/metrics");
    if (cancelled) return;
    finish(visible, graphMetrics(data.graph, visible, { filters, time }, { seed: COMMUNITY_SEED }));
  };
  const inWorker = async () => {
    const input = metricsInput(data.graph, visible, { filters, time });
    try {
      worker = new Worker(new URL("./metrics-worker.ts", import.meta.url), { type: "module" });
    } catch {
      // No worker to be had (an old browser, a policy): the main thread does it.
      return inMainThread();
    }
    worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      if (answer.type === "progress") progress(visible, answer.progress);
      else {
        worker?.terminate();
        if (answer.type === "done") finish(visible, answer.metrics);
        else fail(visible, answer.message);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker?.terminate();
      fail(visible, event.message || "the worker stopped");
    };
    worker.postMessage({ input, seed: COMMUNITY_SEED }, [
      input.sources.buffer,
      input.targets.buffer,
      input.directed.buffer,
      input.quotes.buffer,
    ]);
  };
  const large = visible.nodes.size + visible.edges.size > workerThreshold;
  (large ? inWorker() : inMainThread()).catch((err: unknown) => fail(visible, (err as Error).message));
}

/** Starts a computation for the visible graph of now unless one is done or under way for it. */
function update(): void {
  const state = store.getState();
  if (!state.data.loaded || users === 0) return;
  const visible = selectVisible(state);
  if (state.ui.statistics.result?.visible === visible || job?.visible === visible) return;
  job?.cancel();
  job = null;
  // After the frame that shows the change: the picture first, the figures next.
  cancelScheduled?.();
  cancelScheduled = afterNextFrame(() => {
    cancelScheduled = null;
    const now = store.getState();
    if (users > 0 && selectVisible(now) === visible && job === null) startJob(now);
  });
}

/**
 * Asks for the statistics of the visible graph for as long as the returned
 * function is not called: they are computed now and on every change of the
 * visible graph. When nothing asks any more, a computation under way stops.
 */
export function retainStatistics(): () => void {
  users++;
  if (users === 1) {
    let seen = selectVisible(store.getState());
    let loaded = store.getState().data.loaded;
    stopListening = store.subscribe((state) => {
      const visible = selectVisible(state);
      if (visible === seen && state.data.loaded === loaded) return;
      seen = visible;
      loaded = state.data.loaded;
      update();
    });
  }
  update();
  let released = false;
  return () => {
    if (released) return;
    released = true;
    users--;
    if (users > 0) return;
    stopListening?.();
    stopListening = null;
    cancelScheduled?.();
    cancelScheduled = null;
    if (job) {
      job.cancel();
      job = null;
      set({ ...current(), running: null });
    }
  };
}

/** What the views show of the statistics. */
export interface StatisticsView {
  /** The statistics of the visible graph of now, or null while they are not known. */
  metrics: Metrics | null;
  /** The last statistics, of an earlier view, shown greyed while the new ones are computed. */
  previous: Metrics | null;
  /** How far the computation under way is; null when none is. */
  progress: MetricsProgress | null;
  computing: boolean;
  error: string | null;
}

let lastView: StatisticsView | null = null;
let lastInputs: [StatisticsState, VisibleSets] | null = null;

/** The statistics as the views read them, the same object while nothing they show changes. */
export function selectStatistics(state: AppState): StatisticsView {
  const statistics = state.ui.statistics ?? NO_STATISTICS;
  const visible = selectVisible(state);
  if (lastView && lastInputs && lastInputs[0] === statistics && lastInputs[1] === visible) return lastView;
  const fresh = statistics.result?.visible === visible ? statistics.result.metrics : null;
  const running = statistics.running?.visible === visible ? statistics.running : null;
  lastInputs = [statistics, visible];
  lastView = {
    metrics: fresh,
    previous: fresh ? null : (statistics.result?.metrics ?? null),
    progress: running?.progress ?? null,
    computing: running !== null,
    error: statistics.error,
  };
  return lastView;
}
