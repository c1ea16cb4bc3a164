/**
 * Build benchmark: for each corpus size, the real CLI (`tsx graph/build/cli.ts`)
 * as a child process — wall time and peak resident memory — and, in separate
 * children (bench/phase-child.ts), the same build in-process with the time
 * split by phase. Runs are sequential, never in parallel, so they do not
 * compete for the cores.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describeFailure, runChild, type ChildResult } from "./child";
import type { PhaseReport } from "./phase-child";
import {
  formatBytes,
  formatCount,
  formatMs,
  formatSpread,
  markdownTable,
  median,
  type BenchContext,
  type BenchSection,
  type BenchSize,
  type Target,
} from "./report";
import { askedText, sizeCell, SIZE_COLUMN, type CorpusCounts } from "./sizes";

const GNU_TIME = "/usr/bin/time";
/** Printed by bench/maxrss-preload.ts: peak RSS in KB, CPU time in ms. */
const MAXRSS_MARKER = "KG_BENCH_MAXRSS_KB";
/** A run taking longer than this is killed and reported as failed. */
const RUN_TIMEOUT_MS = 15 * 60_000;

/** The build's targets: the size (a BenchSize id), its wall time and its peak memory. */
export const BUILD_TARGETS = [
  { size: "50000", triples: 50_000, wallMs: 15_000, rssBytes: 1_000_000_000 },
  { size: "200000", triples: 200_000, wallMs: 60_000, rssBytes: 2_000_000_000 },
] as const;

/** Runs per measurement: at least 5 at the small sizes, fewer where one run takes long, one above 100 000 triples. */
export function defaultRuns(triples: number): number {
  return triples <= 2_000 ? 5 : triples <= 100_000 ? 3 : 1;
}

export interface CliRun {
  wallMs: number;
  /** User + system CPU time; less disturbed than wall time when the machine is busy. */
  cpuMs: number;
  /** Peak resident set size in bytes. */
  maxRss: number;
}

export interface SizeResult {
  size: BenchSize;
  cli: CliRun[];
  phases: PhaseReport[];
  errors: string[];
}

let gnuTime: boolean | undefined;
export function hasGnuTime(): boolean {
  if (gnuTime === undefined) {
    gnuTime = false;
    // KG_BENCH_NO_GNU_TIME=1 forces the fallback (a preload reporting the peak), e.g. to test it.
    if (existsSync(GNU_TIME) && !process.env.KG_BENCH_NO_GNU_TIME) {
      // BusyBox and BSD time lack -v/-o; check the output format before trusting it.
      const probe = join(tmpdir(), `kg-bench-time-${process.pid}.txt`);
      try {
        const r = spawnSync(GNU_TIME, ["-v", "-o", probe, "true"]);
        gnuTime = r.status === 0 && /Maximum resident set size/.test(readFileSync(probe, "utf8"));
      } catch {
        gnuTime = false;
      } finally {
        rmSync(probe, { force: true });
      }
    }
  }
  return gnuTime;
}

/** One run of the real CLI: wall time and peak RSS. */
export async function runCli(root: string, corpus: string, out: string): Promise<CliRun> {
  const cliArgs = ["graph/build/cli.ts", "--corpus", corpus, "--out", out];
  let r: ChildResult;
  let maxRssKb: number | undefined;
  let cpuMs = NaN;
  if (hasGnuTime()) {
    const timeFile = `${out}.time.txt`;
    // GNU time reports the largest resident size among the processes it waited for, tsx's node child included.
    r = await runChild(GNU_TIME, ["-v", "-o", timeFile, join(root, "node_modules/.bin/tsx"), ...cliArgs], root, RUN_TIMEOUT_MS);
    if (existsSync(timeFile)) {
      const text = readFileSync(timeFile, "utf8");
      const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(text);
      if (m) maxRssKb = Number(m[1]);
      const user = /User time \(seconds\):\s*([\d.]+)/.exec(text);
      const sys = /System time \(seconds\):\s*([\d.]+)/.exec(text);
      if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
      rmSync(timeFile, { force: true });
    }
  } else {
    r = await runChild(process.execPath, ["--import", "tsx", "--import", "./bench/maxrss-preload.ts", ...cliArgs], root, RUN_TIMEOUT_MS);
    const m = new RegExp(`${MAXRSS_MARKER} (\\d+) (\\d+)`).exec(r.stderr);
    if (m) {
      maxRssKb = Number(m[1]);
      cpuMs = Number(m[2]);
    }
  }
  if (r.code !== 0 || r.timedOut) throw new Error(describeFailure("graph CLI", r, RUN_TIMEOUT_MS));
  if (!existsSync(out) || statSync(out).size === 0) throw new Error("graph CLI: exit 0 but no output file");
  rmSync(out, { force: true });
  return { wallMs: r.wallMs, cpuMs, maxRss: (maxRssKb ?? NaN) * 1024 };
}

/** One in-process build in a child: time per phase. */
export async function runPhases(root: string, corpus: string, out: string): Promise<PhaseReport> {
  const r = await runChild(
    join(root, "node_modules/.bin/tsx"),
    ["bench/phase-child.ts", "--corpus", corpus, "--out", out],
    root,
    RUN_TIMEOUT_MS,
  );
  rmSync(out, { force: true });
  if (r.code !== 0 || r.timedOut) throw new Error(describeFailure("phase child", r, RUN_TIMEOUT_MS));
  const line = r.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as PhaseReport;
}

/**
 * Repeats `once` up to `runs` times; stops early (after at least one run) when
 * the next run would likely end past the budget.
 */
async function repeat<T>(runs: number, budgetMs: number, once: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  const start = performance.now();
  let last = 0;
  for (let i = 0; i < runs; i++) {
    const elapsed = performance.now() - start;
    if (i > 0 && elapsed + last > budgetMs) break;
    const t = performance.now();
    out.push(await once(i));
    last = performance.now() - t;
  }
  return out;
}

/** What the built graph holds, from the phase runs; undefined when none finished. */
export function countsOfResult(r: SizeResult): CorpusCounts | undefined {
  const p = r.phases[0];
  return p ? { triples: p.triples, actors: p.actors, relations: p.edges } : undefined;
}

export async function benchBuildSize(ctx: BenchContext, size: BenchSize): Promise<SizeResult> {
  const corpus = ctx.corpora.get(size.id);
  if (!corpus) throw new Error(`no corpus for size ${size.id}`);
  const runs = ctx.runs ?? defaultRuns(size.scale);
  const budgetMs = ctx.budgetSeconds * 1000;
  const out = join(ctx.scratch, `graph-${size.id}.json`);
  const name = askedText(size);
  const result: SizeResult = { size, cli: [], phases: [], errors: [] };
  try {
    result.cli = await repeat(runs, budgetMs, async (i) => {
      const run = await runCli(ctx.root, corpus, out);
      ctx.log(
        `build ${name}: CLI run ${i + 1}/${runs}: ${formatMs(run.wallMs)} wall, ${formatMs(run.cpuMs)} CPU, ${formatBytes(run.maxRss)}`,
      );
      return run;
    });
  } catch (err) {
    result.errors.push((err as Error).message);
  }
  try {
    result.phases = await repeat(runs, budgetMs, async (i) => {
      const rep = await runPhases(ctx.root, corpus, out);
      ctx.log(
        `build ${name}: phase run ${i + 1}/${runs}: ${formatMs(rep.totalMs)} (${Object.entries(rep.timings)
          .map(([k, v]) => `${k} ${formatMs(v)}`)
          .join(", ")})`,
      );
      return rep;
    });
  } catch (err) {
    result.errors.push((err as Error).message);
  }
  return result;
}

const PHASES = ["load", "validate", "assemble", "measure", "layout", "serialize", "write"] as const;

export function buildMarkdown(results: SizeResult[]): string {
  const corpusRows = results.map((r) => {
    const p = r.phases[0];
    return [
      askedText(r.size),
      p ? formatCount(p.triples) : "–",
      p ? formatCount(p.actors) : "–",
      p ? formatCount(p.edges) : "–",
      p ? formatCount(p.articles) : "–",
      p ? formatBytes(p.outputBytes) : "–",
    ];
  });
  const cliRows = results.map((r) => [
    sizeCell(r.size, countsOfResult(r)),
    String(r.cli.length),
    formatSpread(
      r.cli.map((c) => c.wallMs),
      formatMs,
    ),
    formatMs(median(r.cli.map((c) => c.cpuMs))),
    formatSpread(
      r.cli.map((c) => c.maxRss),
      formatBytes,
    ),
  ]);
  const phaseRows = results.map((r) => [
    sizeCell(r.size, countsOfResult(r)),
    String(r.phases.length),
    ...PHASES.map((k) => formatMs(median(r.phases.map((p) => p.timings[k])))),
    formatMs(median(r.phases.map((p) => p.totalMs))),
    formatMs(median(r.phases.map((p) => p.cpuMs))),
    formatBytes(median(r.phases.map((p) => p.maxRss))),
  ]);
  const errors = results.flatMap((r) => r.errors.map((e) => `- ${askedText(r.size)}: ${e}`));
  return [
    "## Build",
    "",
    "Synthetic corpora from `bench/generate.ts` (see its header for the shape).",
    "",
    markdownTable(["Asked", "Triples", "Actors", "Relations (edges)", "Articles", "graph.json"], corpusRows, [
      "l",
      "r",
      "r",
      "r",
      "r",
      "r",
    ]),
    "",
    "The real CLI, `tsx graph/build/cli.ts --corpus … --out …`, as a child process (tsx start-up included). " +
      "Median (min–max) over the runs. CPU time (all threads) is less disturbed by other work on the machine than wall time; " +
      "well below wall time means other processes competed for the cores.",
    "",
    markdownTable([SIZE_COLUMN, "Runs", "Wall time", "CPU time (user+sys)", "Peak RSS"], cliRows, ["r", "r", "r", "r", "r"]),
    "",
    "Time by phase: `buildGraph` in a child process (`bench/phase-child.ts`), then serialisation and the atomic write as the CLI does them. Medians.",
    "",
    markdownTable([SIZE_COLUMN, "Runs", ...PHASES, "total", "CPU", "Peak RSS"], phaseRows, [
      "r",
      "r",
      ...PHASES.map(() => "r" as const),
      "r",
      "r",
      "r",
    ]),
    ...(errors.length > 0 ? ["", "Failures:", "", ...errors] : []),
  ].join("\n");
}

export function buildTargets(results: SizeResult[]): Target[] {
  return BUILD_TARGETS.flatMap((goal) => {
    const r = results.find((x) => x.size.id === goal.size);
    const what = `Build, ${formatCount(goal.triples)} triples`;
    if (!r || r.cli.length === 0) {
      const measured = r ? "failed" : "size not run";
      return [
        { what: `${what}: wall time`, target: `< ${formatMs(goal.wallMs)}`, measured, met: undefined },
        { what: `${what}: peak RSS`, target: `< ${formatBytes(goal.rssBytes)}`, measured, met: undefined },
      ];
    }
    const wall = median(r.cli.map((c) => c.wallMs));
    const rss = Math.max(...r.cli.map((c) => c.maxRss));
    const runs = r.cli.length === 1 ? "1 run" : `median of ${r.cli.length}`;
    return [
      { what: `${what}: wall time (${runs})`, target: `< ${formatMs(goal.wallMs)}`, measured: formatMs(wall), met: wall < goal.wallMs },
      {
        what: `${what}: peak RSS (${r.cli.length === 1 ? "1 run" : "max"})`,
        target: `< ${formatBytes(goal.rssBytes)}`,
        measured: formatBytes(rss),
        met: Number.isFinite(rss) ? rss < goal.rssBytes : undefined,
      },
    ];
  });
}

export const buildSection: BenchSection = {
  id: "build",
  title: "Build",
  async run(ctx) {
    const results: SizeResult[] = [];
    for (const size of ctx.buildSizes) results.push(await benchBuildSize(ctx, size));
    return { markdown: buildMarkdown(results), targets: buildTargets(results) };
  },
};
