/** Markdown and number formatting for the benchmark report, and a description of the machine. */
import { spawnSync } from "node:child_process";
import { cpus, loadavg, release, totalmem, type } from "node:os";

// ---------------------------------------------------------------------------
// Sections: the report is a list of these, run in order by bench/run.ts.

export interface Target {
  /** What is measured, e.g. "Build, 50 000 triples: wall time". */
  what: string;
  /** The target as text, e.g. "< 15 s". */
  target: string;
  /** The measurement as text. */
  measured: string;
  /** undefined: not measured (skipped, failed, size not run). */
  met: boolean | undefined;
}

export interface SectionResult {
  /** Markdown, starting with a level-2 heading. */
  markdown: string;
  targets: Target[];
}

/** A corpus size (parsed and named in bench/sizes.ts). */
export interface BenchSize {
  /** As written in --sizes, without "_": "10000" or "10000a50000r"; names the corpus in caches, paths and logs. */
  id: string;
  triples?: number;
  actors?: number;
  relations?: number;
  /**
   * Triples asked, or about as many as a size asked by actors and relations
   * takes; chooses run counts and budgets (thresholds in triples) and orders the sizes.
   */
  scale: number;
}

export interface BenchContext {
  /** Repository root; children run with this as working directory. */
  root: string;
  /** Corpus sizes the browser and analysis sections measure, smallest first. */
  sizes: BenchSize[];
  /** Corpus sizes the build section measures: the same, plus the build-only ones (200 000 triples by default). */
  buildSizes: BenchSize[];
  seed: number;
  /** Runs per measurement; undefined: the default for each size. */
  runs?: number;
  /** Seconds one measurement (all runs at one size) may take before no further run starts. */
  budgetSeconds: number;
  /** The browser section's budget per size (seconds); sizes up to 10 000 triples always get their runs. */
  browserBudgetSeconds?: number;
  /** Also profile the browser runs (bench/browser/profile.ts). */
  profile?: boolean;
  /** Corpus directory per size id (BenchSize.id; filled in before the sections run). */
  corpora: Map<string, string>;
  /** A scratch directory, removed at the end. */
  scratch: string;
  log: (message: string) => void;
}

export interface BenchSection {
  id: string;
  title: string;
  run: (ctx: BenchContext) => Promise<SectionResult>;
}

// ---------------------------------------------------------------------------
// Statistics and formatting. Units are decimal: 1 KB = 1000 bytes, 1 MB = 10^6 bytes.

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return "–";
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 100_000) return `${(ms / 1000).toFixed(2)} s`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return "–";
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  if (bytes < 10_000_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  return `${(bytes / 1_000_000_000).toFixed(1)} GB`;
}

export function formatCount(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString("en-US").replace(/,/g, "\u202f") : "–";
}

/** "median (min–max)" for several runs, the value alone for one. */
export function formatSpread(values: readonly number[], format: (v: number) => string): string {
  if (values.length === 0) return "–";
  if (values.length === 1) return format(values[0]!);
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

export function markdownTable(headers: string[], rows: string[][], align?: ("l" | "r")[]): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const rule = headers.map((_, i) => ((align?.[i] ?? "l") === "r" ? "---:" : ":---"));
  return [headers, rule, ...rows].map((r) => `| ${r.map(cell).join(" | ")} |`).join("\n");
}

export function targetsTable(targets: Target[]): string {
  if (targets.length === 0) return "_No targets._";
  return markdownTable(
    ["Target", "Goal", "Measured", "Met"],
    targets.map((t) => [t.what, t.target, t.measured, t.met === undefined ? "not measured" : t.met ? "yes" : "**NO**"]),
  );
}

// ---------------------------------------------------------------------------
// The machine

export interface MachineInfo {
  cores: number;
  cpu: string;
  memory: string;
  os: string;
  node: string;
  browser: string;
  commit: string;
  /** 1-minute load average when the run started and when it ended. */
  load: string;
}

function firstLine(cmd: string, args: string[], cwd?: string): string | undefined {
  try {
    const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 15_000 });
    if (r.status !== 0) return undefined;
    return r.stdout
      .split("\n")
      .find((l) => l.trim())
      ?.trim();
  } catch {
    return undefined;
  }
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** The 1-minute load average, e.g. "0.42". Above the core count, other work competed for the CPU. */
export function loadAverage(): string {
  return loadavg()[0]!.toFixed(2);
}

export function machineInfo(root: string, loadAtStart: string): MachineInfo {
  const cpu = cpus();
  const head = firstLine("git", ["rev-parse", "--short", "HEAD"], root);
  const dirty = firstLine("git", ["status", "--porcelain", "--untracked-files=no"], root);
  return {
    cores: cpu.length,
    cpu: cpu[0]?.model.trim() ?? "unknown",
    memory: formatBytes(totalmem()),
    os: `${type()} ${release()}`,
    node: process.version,
    browser: firstLine(CHROMIUM, ["--version"]) ?? `not found (${CHROMIUM})`,
    commit: head ? `${head}${dirty ? " (with uncommitted changes)" : ""}` : "unknown",
    load: `${loadAtStart} at start, ${loadAverage()} at end`,
  };
}

export function machineMarkdown(m: MachineInfo): string {
  return markdownTable(
    ["", ""],
    [
      ["Cores", String(m.cores)],
      ["CPU", m.cpu],
      ["Memory", m.memory],
      ["OS", m.os],
      ["Node", m.node],
      ["Browser", m.browser],
      ["Commit", m.commit],
      ["Load average (1 min)", `${m.load}${Number(m.load.split(" ")[0]) > m.cores ? " — busy machine: expect inflated wall times" : ""}`],
    ],
  );
}
