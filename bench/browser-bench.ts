/**
 * Browser benchmark (#8, parts 3 and 4): the built app and the floor page
 * (bench/floor: sigma + graphology alone) in headless Chromium, on the same
 * graph.json for each corpus size, runs alternated so both see the same
 * machine load. Each app figure is reported as a ratio to the floor's; the
 * floor measured against itself (runs A and B) gives the noise figure.
 *
 * Also, on the curated corpus (graph/corpus), the main-thread work of a
 * hover highlight, a filter change and a time-window change, from a Chrome
 * trace. Definitions: README.md, "Benchmark".
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../tests/e2e/chromium";
import { curatedRun, type CuratedResult } from "./browser/curated";
import { runChildOrThrow } from "./child";
import { measureRun, openPage, load, type RunPlan, type RunResult } from "./browser/measure";
import { profileRun, type ProfileSummary } from "./browser/profile";
import { serveDirectory } from "./browser/server";
import { viteBuild } from "./bundle";
import {
  formatBytes,
  formatMs,
  markdownTable,
  median,
  type BenchContext,
  type BenchSection,
  type BenchSize,
  type SectionResult,
  type Target,
} from "./report";
import { askedText, countsOf, sizeCell, sizeText, SIZE_COLUMN, type CorpusCounts } from "./sizes";

/** Sizes up to this get at least their full number of runs, whatever the budget. */
const SMALL = 10_000;
export const TARGET_RATIO = 1.25;
export const TARGET_FRAME_MS = 16;
export const TARGET_LONG_TASK_MS = 50;
const CURATED_RUNS = 5;
const CHILD_TIMEOUT_MS = 15 * 60_000;

/** Runs (app + floor A + floor B each) per size when --runs does not say. */
export function defaultBrowserRuns(triples: number): number {
  return triples <= SMALL ? 5 : 3;
}

/**
 * With RenderDocument (Chromium's default), each navigation gets a new widget
 * and the old one's compositor is torn down by a task delayed 1 s, which
 * blocks the main thread until the GPU process has finished its queue: in
 * software WebGL, while the new page draws, about 0.9 s. Whichever page is
 * still starting at that moment pays it, which turns a small difference into
 * a 2× one. Keeping the widget across the navigation measures the pages, not
 * that teardown (README, "How runs are made").
 */
export const BENCH_ARGS = ["--disable-features=RenderDocument"];

/** `vite build` of bench/floor into outDir. */
export function buildFloor(root: string, outDir: string, minify = true): Promise<void> {
  const args = ["build", "--config", "bench/floor/vite.config.ts", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"];
  if (!minify) args.push("--minify", "false", "--sourcemap");
  return runChildOrThrow(join(root, "node_modules/.bin/vite"), args, root, CHILD_TIMEOUT_MS);
}

/** The app, built as `npm run build` does but without minification and with source maps (for profiles). */
export function buildAppUnminified(root: string, outDir: string): Promise<void> {
  const args = ["build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn", "--minify", "false", "--sourcemap"];
  return runChildOrThrow(join(root, "node_modules/.bin/vite"), args, root, CHILD_TIMEOUT_MS);
}

/** graph.json from a corpus with the real CLI. */
export function buildGraphJson(root: string, corpus: string, out: string): Promise<void> {
  const args = ["graph/build/cli.ts", "--corpus", corpus, "--out", out];
  return runChildOrThrow(join(root, "node_modules/.bin/tsx"), args, root, CHILD_TIMEOUT_MS);
}

interface GraphFileLite {
  attributes: { dateRange: { from: string; to: string } | null };
  nodes: { key: string; attributes: { label: string; degree?: number; x: number; y: number } }[];
  edges: { attributes: { family: string; evidence?: unknown[] } }[];
}

/**
 * What a run does on this graph: hover the actors with the most relations
 * (the heaviest highlight), search for a far-out actor by its full label,
 * filter out the conflict family, narrow time to five years mid-range.
 */
export function planFor(file: GraphFileLite, triples: number): RunPlan {
  const degree = (n: GraphFileLite["nodes"][number]) => n.attributes.degree ?? 0;
  const byDegree = [...file.nodes].sort((a, b) => degree(b) - degree(a) || (a.key < b.key ? -1 : 1));
  const labelCount = new Map<string, number>();
  for (const n of file.nodes) labelCount.set(n.attributes.label.toLowerCase(), (labelCount.get(n.attributes.label.toLowerCase()) ?? 0) + 1);
  const cx = file.nodes.reduce((s, n) => s + n.attributes.x, 0) / file.nodes.length;
  const cy = file.nodes.reduce((s, n) => s + n.attributes.y, 0) / file.nodes.length;
  const hover = byDegree.slice(0, 5).map((n) => n.key);
  const far = file.nodes
    .filter((n) => !hover.includes(n.key) && labelCount.get(n.attributes.label.toLowerCase()) === 1)
    .sort((a, b) => Math.hypot(b.attributes.x - cx, b.attributes.y - cy) - Math.hypot(a.attributes.x - cx, a.attributes.y - cy))[0]!;
  const families = [...new Set(file.edges.map((e) => e.attributes.family))].filter((f) => f !== "conflict").sort();
  const range = file.attributes.dateRange;
  const first = range ? Number(range.from.slice(0, 4)) : 2000;
  const last = range ? Number(range.to.slice(0, 4)) : 2024;
  const mid = Math.floor((first + last) / 2);
  const small = triples <= SMALL;
  return {
    hoverCandidates: hover,
    searchNode: far.key,
    searchQuery: far.attributes.label,
    families,
    window: [String(Math.max(first, mid - 2)), String(Math.min(last, mid + 2))],
    hoverRepeats: small ? 3 : 1,
    changeRepeats: small ? 3 : 1,
    layoutSeconds: 4,
    loadTimeoutMs: 10 * 60_000,
  };
}

// ---------------------------------------------------------------------------
// Figures

type Better = "lower" | "higher";
interface Figure {
  name: string;
  better: Better;
  format: (v: number) => string;
  get: (r: RunResult) => number;
}

const ms = (v: number) => formatMs(v);
const perRun = (values: number[]) => (values.length > 0 ? median(values) : NaN);

export const FIGURES: Figure[] = [
  { name: "First frame", better: "lower", format: ms, get: (r) => r.firstFrame },
  { name: "Interactive (start-up's last long task ends)", better: "lower", format: ms, get: (r) => r.interactive },
  { name: "Hover highlight", better: "lower", format: ms, get: (r) => perRun(r.hoverOn) },
  { name: "Hover cleared", better: "lower", format: ms, get: (r) => perRun(r.hoverOff) },
  { name: "Search → camera settled", better: "lower", format: ms, get: (r) => r.search },
  { name: "Filter change", better: "lower", format: ms, get: (r) => perRun(r.filterOn) },
  { name: "Filter change → main thread idle", better: "lower", format: ms, get: (r) => perRun(r.filterOnIdle) },
  { name: "Time-window change", better: "lower", format: ms, get: (r) => perRun(r.timeOn) },
  { name: "Time-window change → main thread idle", better: "lower", format: ms, get: (r) => perRun(r.timeOnIdle) },
  {
    name: "Layout: FA2 iterations/s",
    better: "higher",
    format: (v) => (Number.isFinite(v) ? v.toFixed(v < 100 ? 1 : 0) : "–"),
    get: (r) => r.layout?.iterationsPerSecond ?? NaN,
  },
  {
    name: "Layout: max event-loop delay",
    better: "lower",
    format: ms,
    get: (r) => r.layout?.maxLag ?? NaN,
  },
  {
    name: "Layout: longest main-thread task",
    better: "lower",
    format: (v) => (!Number.isFinite(v) ? "–" : v === 0 ? "< 50 ms" : formatMs(v)),
    get: (r) => r.layout?.longestTask ?? NaN,
  },
  { name: "JS heap after load", better: "lower", format: formatBytes, get: (r) => r.heapUsed },
];

export interface SizeRuns {
  size: BenchSize;
  /** What its graph.json holds. */
  counts: CorpusCounts;
  /** Per iteration, the app's run and the floor's two. */
  app: RunResult[];
  floorA: RunResult[];
  floorB: RunResult[];
  hoverNodes: string[];
  budgetHit: boolean;
}

const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
const med = (runs: RunResult[], f: Figure) => median(finite(runs.map(f.get)));

function ratio(a: number, b: number): string {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) return "–";
  return `${(a / b).toFixed(2)}×`;
}

export function browserTable(sizes: SizeRuns[]): string {
  const rows: string[][] = [];
  for (const f of FIGURES) {
    for (const s of sizes) {
      const floor = [...s.floorA, ...s.floorB];
      const app = med(s.app, f);
      const fl = med(floor, f);
      const a = med(s.floorA, f);
      const b = med(s.floorB, f);
      rows.push([
        f.name,
        sizeCell(s.size, s.counts),
        f.format(app),
        f.format(fl),
        ratio(app, fl),
        ratio(a, b),
        `${finite(s.app.map(f.get)).length}/${finite(floor.map(f.get)).length}`,
      ]);
    }
  }
  return markdownTable(["Figure", SIZE_COLUMN, "App", "Floor", "App ÷ floor", "Noise: floor A ÷ B", "Runs (app/floor)"], rows, [
    "l",
    "r",
    "r",
    "r",
    "r",
    "r",
    "r",
  ]);
}

function curatedTable(c: CuratedSummary): string {
  const rows = c.changes.map((ch) => [
    ch.name,
    formatMs(ch.app.sync),
    formatMs(ch.floor.sync),
    formatMs(ch.app.busy),
    formatMs(ch.floor.busy),
    formatMs(ch.app.busyToIdle),
    formatMs(ch.floor.busyToIdle),
    ratio(ch.app.busyToIdle, ch.floor.busyToIdle),
  ]);
  return markdownTable(
    [
      "Change",
      "JS, app",
      "JS, floor",
      "Work to frame, app",
      "Work to frame, floor",
      "All work, app",
      "All work, floor",
      "App ÷ floor (all work)",
    ],
    rows,
    ["l", "r", "r", "r", "r", "r", "r", "r"],
  );
}

type CuratedFigures = Record<"sync" | "busy" | "frame" | "busyToIdle", number>;

export interface CuratedSummary {
  triples: string;
  runs: number;
  changes: { name: string; app: CuratedFigures; floor: CuratedFigures }[];
}

function summarizeCurated(app: CuratedResult[], floor: CuratedResult[]): CuratedSummary["changes"] {
  const names = [...new Set([...app, ...floor].flatMap((r) => r.changes.map((c) => c.name)))];
  const pick = (results: CuratedResult[], name: string, key: keyof CuratedFigures) =>
    median(finite(results.flatMap((r) => r.changes.filter((c) => c.name === name).map((c) => c[key]))));
  const figures = (results: CuratedResult[], name: string): CuratedFigures => ({
    sync: pick(results, name, "sync"),
    busy: pick(results, name, "busy"),
    frame: pick(results, name, "frame"),
    busyToIdle: pick(results, name, "busyToIdle"),
  });
  return names.map((name) => ({ name, app: figures(app, name), floor: figures(floor, name) }));
}

export function browserTargets(sizes: SizeRuns[], curated: CuratedSummary | null): Target[] {
  const out: Target[] = [];
  const byName = (name: string) => FIGURES.find((f) => f.name === name)!;
  for (const name of ["First frame", "Hover highlight"]) {
    const f = byName(name);
    for (const s of sizes) {
      const app = med(s.app, f);
      const fl = med([...s.floorA, ...s.floorB], f);
      const r = app / fl;
      out.push({
        what: `Browser, ${sizeText(s.size, s.counts)}: app ${name.toLowerCase()} ÷ floor`,
        target: `≤ ${TARGET_RATIO}×`,
        measured: Number.isFinite(r) ? `${r.toFixed(2)}× (${f.format(app)} vs ${f.format(fl)})` : "not measured",
        met: Number.isFinite(r) ? r <= TARGET_RATIO : undefined,
      });
    }
  }
  for (const name of ["Hover highlight", "Filter change"]) {
    const c = curated?.changes.find((x) => x.name === name);
    out.push({
      what: `Browser, curated corpus: app ${name.toLowerCase()}, all main-thread work`,
      target: `< ${TARGET_FRAME_MS} ms`,
      measured:
        c && Number.isFinite(c.app.busyToIdle)
          ? `${formatMs(c.app.busyToIdle)} (to the frame ${formatMs(c.app.busy)}, JS ${formatMs(c.app.sync)}; floor ${formatMs(c.floor.busyToIdle)})`
          : "not measured",
      met: c && Number.isFinite(c.app.busyToIdle) ? c.app.busyToIdle < TARGET_FRAME_MS : undefined,
    });
  }
  const lt = byName("Layout: longest main-thread task");
  for (const s of sizes) {
    const values = finite(s.app.map(lt.get));
    const worst = values.length > 0 ? Math.max(...values) : NaN;
    out.push({
      what: `Browser, ${sizeText(s.size, s.counts)}: longest main-thread task while the layout runs (app, worst run)`,
      target: `< ${TARGET_LONG_TASK_MS} ms`,
      measured: lt.format(worst),
      met: Number.isFinite(worst) ? worst < TARGET_LONG_TASK_MS : undefined,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------
// The section

interface Site {
  root: string;
  url: string;
}

function stage(site: Site, appDist: string, floorDist: string, id: string, graphJson: string): void {
  for (const [kind, dist] of [
    ["app", appDist],
    ["floor", floorDist],
  ] as const) {
    const dir = join(site.root, `${kind}-${id}`);
    cpSync(dist, dir, { recursive: true });
    copyFileSync(graphJson, join(dir, "graph.json"));
  }
}

function errorsOf(runs: RunResult[]): string[] {
  return runs.flatMap((r) => r.errors.map((e) => `${r.label}: ${e}`));
}

export async function runBrowser(ctx: BenchContext): Promise<SectionResult> {
  const b = join(ctx.scratch, "browser");
  const appDist = join(b, "app-dist");
  const floorDist = join(b, "floor-dist");
  const site: Site = { root: join(b, "site"), url: "" };
  mkdirSync(site.root, { recursive: true });

  ctx.log("browser: vite build of the app and of the floor …");
  await viteBuild(ctx.root, appDist);
  await buildFloor(ctx.root, floorDist);
  if (ctx.profile) {
    await buildAppUnminified(ctx.root, join(b, "app-prof-dist"));
    await buildFloor(ctx.root, join(b, "floor-prof-dist"), false);
  }

  const files = new Map<string, GraphFileLite>();
  const ids: [string, string][] = [
    ["curated", join(ctx.root, "graph", "corpus")],
    ...ctx.sizes.map((s) => [s.id, ctx.corpora.get(s.id)!] as [string, string]),
  ];
  for (const [id, corpus] of ids) {
    const out = join(b, `graph-${id}.json`);
    const asked = ctx.sizes.find((s) => s.id === id);
    ctx.log(`browser: graph.json for ${asked ? askedText(asked) : "the curated corpus"} …`);
    await buildGraphJson(ctx.root, corpus, out);
    files.set(id, JSON.parse(readFileSync(out, "utf8")) as GraphFileLite);
    stage(site, appDist, floorDist, id, out);
    if (ctx.profile) stage(site, join(b, "app-prof-dist"), join(b, "floor-prof-dist"), `prof-${id}`, out);
    ctx.log(`browser: graph.json ${formatBytes(statSync(out).size)}`);
  }

  const server = await serveDirectory(site.root);
  site.url = server.url;
  const executablePath = findChromium();
  const browser: Browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, ...BENCH_ARGS],
    timeout: 60_000,
  });
  const version = browser.version();
  const sizes: SizeRuns[] = [];
  let curated: CuratedSummary | null;
  const curatedErrors: string[] = [];
  const profiles: ProfileSummary[] = [];
  try {
    // The app's graph area at this viewport: the floor's container is given the same size.
    const box = await appGraphBox(browser, `${site.url}app-curated/`);
    const floorQuery = `?w=${Math.round(box.width)}&h=${Math.round(box.height)}`;
    ctx.log(`browser: ${version}; app graph area ${Math.round(box.width)}×${Math.round(box.height)} px; warming up …`);
    // One unmeasured load of each page: the GPU process compiles and caches the shaders once.
    await warmUp(browser, [`${site.url}app-${ids[1]?.[0] ?? "curated"}/`, `${site.url}floor-${ids[1]?.[0] ?? "curated"}/${floorQuery}`]);

    // Curated corpus: main-thread work per change.
    const cfile = files.get("curated")!;
    const cplan = planFor(cfile, 0);
    const capp: CuratedResult[] = [];
    const cfloor: CuratedResult[] = [];
    for (let i = 0; i < CURATED_RUNS; i++) {
      for (const kind of i % 2 === 0 ? (["app", "floor"] as const) : (["floor", "app"] as const)) {
        const url = `${site.url}${kind}-curated/${kind === "floor" ? floorQuery : ""}`;
        const r = await curatedRun(browser, url, cplan);
        curatedErrors.push(...r.errors.map((e) => `curated ${kind}: ${e}`));
        (kind === "app" ? capp : cfloor).push(r);
      }
      ctx.log(`browser: curated run ${i + 1}/${CURATED_RUNS}`);
    }
    curated = {
      triples: String(cfile.edges.length),
      runs: CURATED_RUNS,
      changes: summarizeCurated(capp, cfloor),
    };

    for (const size of ctx.sizes) {
      const id = size.id;
      const file = files.get(id)!;
      const plan = planFor(file, size.scale);
      const runs = ctx.runs ?? defaultBrowserRuns(size.scale);
      const budgetMs = (ctx.browserBudgetSeconds ?? 900) * 1000;
      const minRuns = size.scale <= SMALL ? runs : 1;
      const res: SizeRuns = { size, counts: countsOf(file), app: [], floorA: [], floorB: [], hoverNodes: [], budgetHit: false };
      const name = askedText(size);
      const started = performance.now();
      let last = 0;
      for (let i = 0; i < runs; i++) {
        const elapsed = performance.now() - started;
        if (i >= minRuns && elapsed + last > budgetMs) {
          res.budgetHit = true;
          break;
        }
        const t = performance.now();
        const order = (["app", "floorA", "floorB"] as const).map((_, k, all) => all[(k + i) % 3]!);
        for (const label of order) {
          const kind = label === "app" ? "app" : "floor";
          const url = `${site.url}${kind}-${id}/${kind === "floor" ? floorQuery : ""}`;
          const r = await measureRun(browser, { url, label }, kind, plan);
          res[label].push(r);
          if (r.hoverNode) res.hoverNodes.push(r.hoverNode);
          ctx.log(
            `browser ${name}: run ${i + 1}/${runs} ${label}: first frame ${formatMs(r.firstFrame)}, hover ${formatMs(perRun(r.hoverOn))}, ` +
              `filter ${formatMs(perRun(r.filterOn))}, time ${formatMs(perRun(r.timeOn))}, search ${formatMs(r.search)}, ` +
              `FA2 ${r.layout ? r.layout.iterationsPerSecond.toFixed(0) : "–"} it/s, longest task ${r.layout ? formatMs(r.layout.longestTask) : "–"}, ` +
              `heap ${formatBytes(r.heapUsed)}${r.errors.length ? ` — ${r.errors.length} problem(s): ${r.errors[0]}` : ""}`,
          );
        }
        last = performance.now() - t;
      }
      sizes.push(res);
      if (ctx.profile) {
        ctx.log(`browser ${name}: profiling the app and the floor …`);
        for (const kind of ["app", "floor"] as const) {
          const url = `${site.url}${kind}-prof-${id}/${kind === "floor" ? floorQuery : ""}`;
          profiles.push(
            await profileRun(browser, url, kind, { id, name: sizeText(size, res.counts) }, plan, join(ctx.root, "bench", "results")),
          );
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }

  const markdown = browserMarkdown(
    sizes,
    curated,
    version,
    executablePath,
    [...curatedErrors, ...sizes.flatMap((s) => errorsOf([...s.app, ...s.floorA, ...s.floorB]))],
    profiles,
    ctx,
  );
  return { markdown, targets: browserTargets(sizes, curated) };
}

async function appGraphBox(browser: Browser, url: string): Promise<{ width: number; height: number }> {
  const errors: string[] = [];
  const { context, page } = await openPage(browser, errors);
  try {
    await load(page, url, 120_000);
    return await page.evaluate(() => {
      const r = document.querySelector('[data-testid="graph"]')!.getBoundingClientRect();
      return { width: r.width, height: r.height };
    });
  } finally {
    await context.close();
  }
}

async function warmUp(browser: Browser, urls: string[]): Promise<void> {
  for (const url of urls) {
    const { context, page } = await openPage(browser, []);
    try {
      await load(page, url, 10 * 60_000);
    } finally {
      await context.close();
    }
  }
}

function browserMarkdown(
  sizes: SizeRuns[],
  curated: CuratedSummary | null,
  version: string,
  executablePath: string,
  errors: string[],
  profiles: ProfileSummary[],
  ctx: BenchContext,
): string {
  const hoverNodes = sizes.map((s) => `${askedText(s.size)}: ${[...new Set(s.hoverNodes)].join(", ") || "none"}`).join("; ");
  const budget = sizes.filter((s) => s.budgetHit).map((s) => askedText(s.size));
  return [
    "## Browser",
    "",
    `Headless ${version} (${executablePath}), WebGL in software (SwiftShader), viewport 1280×800 at device pixel ratio 1, on a machine with ${cpus().length} cores. ` +
      "The built app and the floor (bench/floor: the same graph.json drawn by sigma and graphology alone, with the app's edge programs, settings and reducer pattern) " +
      "load the same graph.json from a local static server; each run is a fresh browser context. Runs alternate app, floor A, floor B (rotating which goes first), " +
      "so all three see the same machine load; the floor's figure is the median over A and B together, and the noise figure is floor A ÷ floor B. " +
      "One unmeasured load of each page first warms the browser (the GPU process compiles and caches the shaders). " +
      'Medians over runs; within a run, hover, filter and time-window figures are the median of their repeats. Definitions: README.md, "Benchmark".',
    "",
    browserTable(sizes),
    "",
    `Hovered actor (the one with the most relations the pointer landed on): ${hoverNodes}.` +
      (budget.length > 0
        ? ` The time budget (${ctx.browserBudgetSeconds ?? 900} s per size) cut the runs short at ${budget.join("; ")}.`
        : ""),
    "",
    ...(curated
      ? [
          "### Main-thread work on the curated corpus",
          "",
          `graph/corpus (${curated.triples} relations), ${curated.runs} runs of each page, alternated; each change three times per run. ` +
            "JS: the synchronous call that applies the change (the app's dispatch with its store listeners and sigma's render; the floor's handler and sigma's render). " +
            "Work to frame: the renderer main thread's busy time (Chrome trace, top-level tasks) from that call until the frame that presents the change has been committed — " +
            "JS, React's render, style, layout, paint and the frame's commit. All work: the same, until the main thread's first idle period after that frame " +
            "(requestIdleCallback), so deferred renders and effects the change caused are included. Medians.",
          "",
          curatedTable(curated),
          "",
        ]
      : []),
    ...(profiles.length > 0 ? ["### Profiles", "", ...profiles.map((p) => p.markdown), ""] : []),
    ...(errors.length > 0
      ? [
          "<details><summary>Problems during the runs</summary>",
          "",
          ...[...new Set(errors)].slice(0, 40).map((e) => `- ${e}`),
          "",
          "</details>",
        ]
      : []),
  ].join("\n");
}

export const browserSection: BenchSection = {
  id: "browser",
  title: "Browser",
  run: runBrowser,
};
