/**
 * Main-thread work of a change on the curated corpus: a run loads the page,
 * starts a Chrome trace, applies each change through the page's own handler
 * (the app's `dispatch`, the floor's functions) several times, and reads back
 * from the trace how long the renderer's main thread was busy between the
 * change and the end of the frame that presents it.
 */
import type { Browser } from "playwright-core";
import { load, openPage, PAUSE_MS, type RunPlan } from "./measure";
import type { BenchHandle, ChangeKind } from "./harness";
import { traceEvents, type TraceEvent } from "./trace";

declare const window: Window & { __bench: BenchHandle };

export const TRACE_CATEGORIES = ["toplevel", "devtools.timeline"];

export interface CuratedChange {
  name: string;
  /** The synchronous call, ms (performance.now() around it). */
  sync: number;
  /** Call → end of the presenting frame, ms. */
  frame: number;
  /** Main-thread busy time over the same span, from the trace, ms. */
  busy: number;
  /** Call → first idle period after the frame, ms. */
  idle: number;
  /** Main-thread busy time from the call to that idle period: everything the change caused, deferred work included, ms. */
  busyToIdle: number;
}

export interface CuratedResult {
  changes: CuratedChange[];
  errors: string[];
}

const TOP_LEVEL = new Set(["RunTask", "ThreadControllerImpl::RunTask", "ThreadPool_RunTask"]);

/**
 * For each mark M with `console.timeStamp("M:start")` and `"M:<endSuffix>"` in the
 * trace: the time, in ms, that the thread which logged them spent in
 * top-level tasks between the two (overlapping tasks merged, clipped to the span).
 */
export function busyBetweenMarks(trace: Buffer | string, marks: string[], endSuffix = "end"): Map<string, number> {
  const events = traceEvents(trace);
  const stamps = new Map<string, TraceEvent>();
  for (const e of events) {
    const message = e.name === "TimeStamp" ? e.args?.data?.message : undefined;
    if (message) stamps.set(message, e);
  }
  const tasksByThread = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== "X" || e.dur === undefined || !(TOP_LEVEL.has(e.name) || (e.cat ?? "").split(",").includes("toplevel"))) continue;
    const key = `${e.pid}:${e.tid}`;
    let list = tasksByThread.get(key);
    if (!list) tasksByThread.set(key, (list = []));
    list.push([e.ts, e.ts + e.dur]);
  }
  // Merge nested and overlapping tasks once per thread.
  const merged = new Map<string, [number, number][]>();
  for (const [key, list] of tasksByThread) {
    list.sort((a, b) => a[0] - b[0]);
    const out: [number, number][] = [];
    for (const [s, e] of list) {
      const lastOne = out[out.length - 1];
      if (lastOne && s <= lastOne[1]) lastOne[1] = Math.max(lastOne[1], e);
      else out.push([s, e]);
    }
    merged.set(key, out);
  }
  const result = new Map<string, number>();
  for (const mark of marks) {
    const a = stamps.get(`${mark}:start`);
    const b = stamps.get(`${mark}:${endSuffix}`);
    if (!a || !b) continue;
    const tasks = merged.get(`${a.pid}:${a.tid}`) ?? [];
    let busy = 0;
    for (const [s, e] of tasks) {
      const lo = Math.max(s, a.ts);
      const hi = Math.min(e, b.ts);
      if (hi > lo) busy += hi - lo;
    }
    result.set(mark, busy / 1000);
  }
  return result;
}

export const CURATED_CHANGES: { name: string; what: ChangeKind; arg: (plan: RunPlan, hover: string) => unknown }[] = [
  { name: "Hover highlight", what: "hover", arg: (_, hover) => hover },
  { name: "Hover cleared", what: "hover", arg: () => null },
  { name: "Filter change", what: "families", arg: (plan) => plan.families },
  { name: "Filter cleared", what: "families", arg: () => null },
  { name: "Time-window change", what: "time", arg: (plan) => plan.window },
  { name: "Time window cleared", what: "time", arg: () => [null, null] },
];

export async function curatedRun(browser: Browser, url: string, plan: RunPlan, repeats = 3): Promise<CuratedResult> {
  const result: CuratedResult = { changes: [], errors: [] };
  const { context, page } = await openPage(browser, result.errors);
  let tracing = false;
  try {
    await load(page, url, plan.loadTimeoutMs);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    tracing = true;
    const done: { name: string; mark: string; sync: number; frame: number; idle: number }[] = [];
    let n = 0;
    for (let r = 0; r < repeats; r++) {
      for (const change of CURATED_CHANGES) {
        const mark = `kg-bench-${n++}`;
        const t = await page.evaluate(
          async ({ what, arg, mark }) => {
            await window.__bench.settle(300, 60_000);
            return window.__bench.change(what, arg, mark);
          },
          { what: change.what, arg: change.arg(plan, plan.hoverCandidates[0]!), mark },
        );
        if (t) done.push({ name: change.name, mark, ...t });
        else result.errors.push(`${change.name}: no frame drew`);
      }
    }
    const trace = await browser.stopTracing();
    tracing = false;
    const busy = busyBetweenMarks(
      trace,
      done.map((d) => d.mark),
    );
    const busyToIdle = busyBetweenMarks(
      trace,
      done.map((d) => d.mark),
      "idle",
    );
    for (const d of done) {
      result.changes.push({
        name: d.name,
        sync: d.sync,
        frame: d.frame,
        busy: busy.get(d.mark) ?? NaN,
        idle: d.idle,
        busyToIdle: busyToIdle.get(d.mark) ?? NaN,
      });
    }
  } catch (err) {
    result.errors.push((err as Error).message.split("\n")[0]!);
  } finally {
    if (tracing) await browser.stopTracing().catch(() => undefined);
    await context.close().catch(() => undefined);
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return result;
}
