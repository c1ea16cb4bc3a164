/**
 * `npm run bench -- --profile`: after the measured runs of a size, one more
 * run of each page under the V8 sampling profiler (CDP `Profiler`), built
 * without minification so that function names survive. Four profiles per
 * page — load, hover, filter + time window, layout — are written to
 * bench/results/profiles/ (`.cpuprofile`, openable in Chrome DevTools, and a
 * text summary from bench/cpuprofile.ts); the report lists where the main
 * thread spent its time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, CDPSession } from "playwright-core";
import { summarize } from "../cpuprofile";
import { formatMs, markdownTable } from "../report";
import type { BenchHandle } from "./harness";
import { clickAt, load, openPage, type RunPlan } from "./measure";
import { SourceLookup, sourceGroup, type SourceMapV3 } from "./sourcemap";
import { traceEvents, type TraceEvent } from "./trace";

declare const window: Window & { __bench: BenchHandle };

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  kind: "app" | "floor";
  /** The corpus size's id ("10000", "10000a50000r"). */
  size: string;
  markdown: string;
}

export interface Attribution {
  /** Sampled time not idle, ms. */
  busy: number;
  gc: number;
  /** "(program)": the browser's own work outside JavaScript (style, layout, paint, canvas and GPU calls not under a JS frame). */
  program: number;
  /** Self time by package or project file; native functions (canvas, WebGL, …) count for the JS that called them. */
  self: [string, number][];
  /** Inclusive time of the project's own files (src/…, bench/…). */
  own: [string, number][];
}

/** Where the sampled main-thread time went, by package and by project file, through the bundles' source maps. */
export function attributeProfile(profile: CpuProfile, maps: Map<string, SourceLookup>): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const groupCache = new Map<number, string | null>();
  const groupOf = (n: ProfileNode): string | null => {
    if (groupCache.has(n.id)) return groupCache.get(n.id)!;
    const { url, lineNumber, columnNumber } = n.callFrame;
    let g: string | null = null;
    if (url) {
      const path = maps.get(url)?.source(lineNumber, columnNumber ?? 0);
      g = path ? sourceGroup(path) : url.startsWith("http") ? "(bundle, unmapped)" : "(harness)";
    }
    groupCache.set(n.id, g);
    return g;
  };
  const self = new Map<string, number>();
  const own = new Map<string, number>();
  let busy = 0;
  let gc = 0;
  let program = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    const fn = leaf.callFrame.functionName;
    if (fn === "(idle)" || fn === "(root)") return;
    busy += dt;
    if (fn === "(garbage collector)") {
      gc += dt;
      return;
    }
    if (fn === "(program)") {
      program += dt;
      return;
    }
    let owner: string | null = null;
    const onStack = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const g = groupOf(n);
      if (g === null) continue;
      owner ??= g;
      if (/^(src|bench)\//.test(g)) onStack.add(g);
    }
    const key = owner ?? "(native)";
    self.set(key, (self.get(key) ?? 0) + dt);
    for (const g of onStack) own.set(g, (own.get(g) ?? 0) + dt);
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { busy, gc, program, self: sorted(self), own: sorted(own) };
}

async function sourceMapsOf(profile: CpuProfile): Promise<Map<string, SourceLookup>> {
  const maps = new Map<string, SourceLookup>();
  const urls = new Set(profile.nodes.map((n) => n.callFrame.url).filter((u) => /^https?:.*\.js$/.test(u)));
  for (const url of urls) {
    try {
      const response = await fetch(`${url}.map`);
      if (response.ok) maps.set(url, new SourceLookup((await response.json()) as SourceMapV3));
    } catch {
      // no map: the file's time is reported as unmapped
    }
  }
  return maps;
}

const FRAME_TRACE_CATEGORIES = ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "cc", "gpu"];

/**
 * Where the renderer main thread's time went between two `console.timeStamp` marks: self time by
 * trace event name (nested events subtracted from their parents), and the busy time of top-level tasks.
 */
export function traceBreakdown(trace: Buffer, from: string, to: string): { span: number; busy: number; byName: [string, number][] } | null {
  const events = traceEvents(trace);
  const stamp = (m: string) => events.find((e) => e.name === "TimeStamp" && e.args?.data?.message === m);
  const a = stamp(from);
  const b = stamp(to);
  if (!a || !b) return null;
  const thread = events
    .filter((e) => e.pid === a.pid && e.tid === a.tid && e.ph === "X" && e.dur !== undefined && e.ts < b.ts && e.ts + e.dur > a.ts)
    .sort((x, y) => x.ts - y.ts || y.dur! - x.dur!);
  const self = new Map<string, number>();
  const stack: { e: TraceEvent; end: number; children: number }[] = [];
  let busy = 0;
  const close = (top: { e: TraceEvent; end: number; children: number }) => {
    const lo = Math.max(top.e.ts, a.ts);
    const hi = Math.min(top.end, b.ts);
    const own = Math.max(0, hi - lo - top.children);
    self.set(top.e.name, (self.get(top.e.name) ?? 0) + own);
  };
  for (const e of thread) {
    while (stack.length > 0 && stack[stack.length - 1]!.end <= e.ts) close(stack.pop()!);
    const end = e.ts + e.dur!;
    const clipped = Math.max(0, Math.min(end, b.ts) - Math.max(e.ts, a.ts));
    if (stack.length === 0) busy += clipped;
    else stack[stack.length - 1]!.children += clipped;
    stack.push({ e, end, children: 0 });
  }
  while (stack.length > 0) close(stack.pop()!);
  const byName = [...self.entries()].map(([k, v]) => [k, v / 1000] as [string, number]).sort((x, y) => y[1] - x[1]);
  return { span: (b.ts - a.ts) / 1000, busy: busy / 1000, byName };
}

/** A traced load: the main thread from the document's start to the first frame's end. */
async function traceFirstFrame(browser: Browser, url: string, plan: RunPlan): Promise<string> {
  const errors: string[] = [];
  const { context, page } = await openPage(browser, errors);
  try {
    await browser.startTracing(page, { categories: FRAME_TRACE_CATEGORIES });
    let trace: Buffer;
    try {
      await load(page, url, plan.loadTimeoutMs);
    } finally {
      trace = await browser.stopTracing();
    }
    const t = traceBreakdown(trace, "kg-bench:document", "kg-bench:first-frame");
    if (!t) return "no marks in the trace";
    const top = t.byName
      .filter(([, v]) => v >= 1)
      .slice(0, 8)
      .map(([k, v]) => `${k} ${formatMs(v)}`)
      .join("; ");
    return `${formatMs(t.busy)} busy of ${formatMs(t.span)} — ${top}`;
  } catch (err) {
    return `failed: ${(err as Error).message.split("\n")[0]}`;
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function profiled<T>(cdp: CDPSession, fn: () => Promise<T>): Promise<CpuProfile> {
  await cdp.send("Profiler.start");
  await fn();
  const { profile } = await cdp.send("Profiler.stop");
  return profile as unknown as CpuProfile;
}

export async function profileRun(
  browser: Browser,
  url: string,
  kind: "app" | "floor",
  size: { id: string; name: string },
  plan: RunPlan,
  resultsDir: string,
): Promise<ProfileSummary> {
  const dir = join(resultsDir, "profiles");
  mkdirSync(dir, { recursive: true });
  const errors: string[] = [];
  const { context, page, cdp } = await openPage(browser, errors);
  const phases: [string, CpuProfile][] = [];
  try {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 250 });
    phases.push(["load", await profiled(cdp, () => load(page, url, plan.loadTimeoutMs))]);
    const hover = plan.hoverCandidates[0]!;
    const changes = (list: [string, unknown][]) =>
      page.evaluate(async (l) => {
        for (const [what, arg] of l) {
          await window.__bench.settle(300, 120_000);
          await window.__bench.change(what as "hover", arg);
        }
        await window.__bench.settle(300, 120_000);
      }, list);
    phases.push([
      "hover on + off",
      await profiled(cdp, () =>
        changes([
          ["hover", hover],
          ["hover", null],
        ]),
      ),
    ]);
    phases.push([
      "filter + time window, on + off",
      await profiled(cdp, () =>
        changes([
          ["families", plan.families],
          ["families", null],
          ["time", plan.window],
          ["time", [null, null]],
        ]),
      ),
    ]);
    phases.push([
      `layout (${plan.layoutSeconds} s)`,
      await profiled(cdp, async () => {
        await clickAt(page, "button", "Run layout");
        await page.waitForTimeout(plan.layoutSeconds * 1000);
        await clickAt(page, "button", "Stop layout");
      }),
    ]);
  } catch (err) {
    errors.push((err as Error).message.split("\n")[0]!);
  } finally {
    await context.close().catch(() => undefined);
  }
  const firstFrame = await traceFirstFrame(browser, url, plan);
  const parts: string[] = [
    `#### ${kind === "app" ? "App" : "Floor"}, ${size.name}`,
    "",
    `Main thread from the document's start to the first frame's end (a traced load; self time by trace event): ${firstFrame}.`,
    "",
  ];
  const rows: string[][] = [];
  let i = 0;
  for (const [phase, profile] of phases) {
    const base = `${kind}-${size.id}-${++i}-${phase.split(" ")[0]}`;
    writeFileSync(join(dir, `${base}.cpuprofile`), JSON.stringify(profile));
    writeFileSync(join(dir, `${base}.txt`), summarize(profile, 40));
    const a = attributeProfile(profile, await sourceMapsOf(profile));
    const list = (entries: [string, number][], n: number) =>
      entries
        .slice(0, n)
        .filter(([, v]) => v >= 1)
        .map(([k, v]) => `${k} ${formatMs(v)}`)
        .join("; ") || "–";
    rows.push([phase, formatMs(a.busy), formatMs(a.gc), formatMs(a.program), list(a.self, 6), list(a.own, 5)]);
  }
  parts.push(
    markdownTable(
      ["Phase", "Busy (sampled)", "GC", "Browser (program)", "Self time by package / file", "Inclusive time of the project's own files"],
      rows,
    ),
  );
  parts.push(
    "",
    `Files: bench/results/profiles/${kind}-${size.id}-*.{cpuprofile,txt}${errors.length ? `. Problems: ${errors.join("; ")}` : ""}`,
    "",
  );
  return { kind, size: size.id, markdown: parts.join("\n") };
}
