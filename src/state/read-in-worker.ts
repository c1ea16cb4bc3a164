/**
 * Reads an opened file in a Web Worker (open-file.worker.ts), so that a file
 * of two hundred thousand actors does not hold the page: the worker reads,
 * checks, normalises and (if `decide` says so) lays out the graph; the page
 * only builds it from the slices it sends, one slice per task. An aborted
 * signal ends the worker and leaves everything as it was.
 */
import type { OpenedGraph } from "../core/import/open-file";
import { joinSlice, type OpenedSummary, type OpenReply, type OpenRequest } from "./open-protocol";

export type ReadOutcome =
  | { ok: true; summary: OpenedSummary; graph: OpenedGraph }
  | { ok: false; error: string }
  /** Cancelled by the signal, or by `decide`. */
  | { ok: false; cancelled: true };

export interface ReadOptions {
  maxBytes: number;
  /** Once the file is read: lay it out, send it as it is, or stop there. */
  decide: (summary: OpenedSummary) => Promise<"layout" | "send" | "cancel">;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export function readInWorker(file: File, options: ReadOptions): Promise<ReadOutcome> {
  const { maxBytes, decide, onProgress, signal } = options;
  if (signal?.aborted) return Promise.resolve({ ok: false, cancelled: true });
  return new Promise<ReadOutcome>((resolve) => {
    const worker = new Worker(new URL("./open-file.worker.ts", import.meta.url), { type: "module" });
    const post = (request: OpenRequest) => worker.postMessage(request);
    let summary: OpenedSummary | null = null;
    let graph: OpenedGraph | null = null;
    const end = (outcome: ReadOutcome) => {
      worker.terminate();
      signal?.removeEventListener("abort", cancel);
      resolve(outcome);
    };
    const cancel = () => end({ ok: false, cancelled: true });
    signal?.addEventListener("abort", cancel);
    worker.onerror = (event) => {
      event.preventDefault();
      end({ ok: false, error: `it could not be read (${event.message || "the reader stopped"}).` });
    };
    worker.onmessage = (event: MessageEvent<OpenReply>) => {
      const reply = event.data;
      switch (reply.type) {
        case "failed":
          return end({ ok: false, error: reply.error });
        case "opened":
          summary = reply.summary;
          void decide(reply.summary).then((choice) => {
            if (signal?.aborted) return;
            if (choice === "cancel") cancel();
            else post({ type: choice });
          });
          return;
        case "progress":
          return onProgress?.(reply.done, reply.total);
        case "slice":
          try {
            graph = joinSlice(graph, reply.data);
          } catch (error) {
            end({ ok: false, error: `it could not be read (${error instanceof Error ? error.message : String(error)}).` });
          }
          return;
        case "sent":
          return end({ ok: true, summary: summary!, graph: graph! });
      }
    };
    post({ type: "open", file, maxBytes });
  });
}
