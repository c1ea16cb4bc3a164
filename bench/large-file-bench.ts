/**
 * Large-file benchmark (#17, part 6): a 200 000-actor GEXF 1.3 file
 * (bench/large-file/gexf.ts) opened in the built app through its "Open…" file
 * input, in headless Chromium (the browser section's flags, 1280×800,
 * software WebGL). Two files: one with a position for every actor, opened and
 * then hovered; one without, which the app asks to lay out ("Lay it out") and
 * lays out in a worker. Long tasks come from the page harness's
 * PerformanceObserver("longtask"), installed before any page script; frames
 * from its WebGL draw hooks (bench/browser/harness.ts). A step that takes
 * longer than STEP_TIMEOUT_MS, or a page that crashes, is reported as "did
 * not finish", not as a failure of the bench. Definitions: README.md,
 * "Benchmark".
 */
import { copyFileSync, cpSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../tests/e2e/chromium";
import { BENCH_ARGS, buildGraphJson } from "./browser-bench";
import type { BenchHandle } from "./browser/harness";
import { clickAt, load, openPage, PAUSE_MS } from "./browser/measure";
import { serveDirectory } from "./browser/server";
import { viteBuild } from "./bundle";
import { largeGexf } from "./large-file/gexf";
import {
  formatBytes,
  formatCount,
  formatMs,
  markdownTable,
  median,
  type BenchContext,
  type BenchSection,
  type SectionResult,
  type Target,
} from "./report";

export const LARGE_NODES = 200_000;
export const TARGET_TASK_MS = 200;
export const TARGET_HOVER_MS = 1_000;
/** A step (opening, laying out, a hover) that takes longer is given up: "did not finish". */
export const STEP_TIMEOUT_MS = 10 * 60_000;
const SEED = 1;

type Variant = "positions" | "layout";

export interface LargeFileRun {
  variant: Variant;
  /** The graph as the app opened it. */
  actors: number;
  relations: number;
  /** Choosing the file (its input's change event) → the question "Lay out “…”?" shown, ms (layout variant). */
  question: number;
  /** Choosing the file → the "Opened the GEXF 1.3 file …" notice, ms. */
  notice: number;
  /** Choosing the file → end of the first frame drawn after that notice, ms. */
  firstFrame: number;
  /** Longest main-thread task from choosing the file to that first frame (waiting for the click on "Lay it out" left out), ms. */
  longestOpen: number;
  /** Clicking "Lay it out" → the "Opened" notice, ms (layout variant). */
  layout: number;
  /** Longest main-thread task from clicking "Lay it out" to the "Opened" notice, ms. */
  longestLayout: number;
  /** Main-thread tasks of 50 ms or more from choosing the file to the first frame, and their total time over 50 ms each. */
  longTasks: number;
  blocking: number;
  /** Pointer moved onto an actor → end of the frame that presents its highlight, ms. */
  hover: number;
  /** Longest main-thread task in that time, ms. */
  longestHover: number;
  hoverNode: string | null;
  /** Why a step did not finish, if one did not: "did not finish (…)". */
  unfinished: string | null;
  errors: string[];
}

/** What the page records besides the harness: installed before any page script, like it. */
interface LargeHandle {
  change: number;
  click: number;
  dialog: number;
  /** When the layout's progress note reached 100%. */
  laidOut: number;
  notice: number;
  noticeText: string;
}
type LargeWindow = Window & {
  __bench: BenchHandle;
  __large: LargeHandle;
  __kg: { graph: { order: number; size: number; forEachNode(cb: (n: string, a: { degree?: number }) => void): void } };
};
declare const window: LargeWindow;

function pageRecorder(): void {
  const w = window as unknown as { __large?: LargeHandle };
  if (w.__large) return;
  const L: LargeHandle = { change: NaN, click: NaN, dialog: NaN, laidOut: NaN, notice: NaN, noticeText: "" };
  w.__large = L;
  // Capture phase on window: before the app's own (React's) handlers see the event.
  window.addEventListener(
    "change",
    (e) => {
      if (e.target instanceof HTMLInputElement && e.target.type === "file") L.change = performance.now();
    },
    true,
  );
  window.addEventListener(
    "click",
    (e) => {
      const button = e.target instanceof Element ? e.target.closest("button") : null;
      if (button?.textContent?.trim() === "Lay it out") L.click = performance.now();
    },
    true,
  );
  // The question and the notice, when React puts them in the document (mutation callbacks run right after the commit).
  const check = () => {
    if (Number.isNaN(L.change)) return;
    if (Number.isNaN(L.dialog) && [...document.querySelectorAll('[role="dialog"]')].some((d) => /Lay out “/.test(d.textContent ?? ""))) {
      L.dialog = performance.now();
    }
    // The layout's end: its progress note reaches 100% (the graph then crosses to the page and is drawn).
    if (!Number.isNaN(L.click) && Number.isNaN(L.laidOut) && /Laying out .*100%/.test(document.querySelector(".busy")?.textContent ?? "")) {
      L.laidOut = performance.now();
    }
    if (Number.isNaN(L.notice)) {
      const p = [...document.querySelectorAll(".notices p")].find((n) =>
        /^(Opened the|Could not open|Did not open)/.test(n.textContent ?? ""),
      );
      if (p) {
        L.notice = performance.now();
        L.noticeText = p.textContent ?? "";
      }
    }
  };
  const start = () =>
    new MutationObserver(check).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  if (document.documentElement) start();
  else document.addEventListener("readystatechange", start, { once: true });
}

function recorderScript(): string {
  return `globalThis.__name = globalThis.__name || ((f) => f);\n(${pageRecorder.toString()})();`;
}

class Unfinished extends Error {}

/** `promise`, or an Unfinished error when it takes longer than `ms` or the page crashes first. */
function within<T>(promise: Promise<T>, ms: number, what: string, crashed: Promise<never>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unfinished(`did not finish (${what}: over ${formatMs(ms)})`)), ms);
  });
  return Promise.race([promise, timeout, crashed]).finally(() => clearTimeout(timer));
}

const blankRun = (variant: Variant): LargeFileRun => ({
  variant,
  actors: NaN,
  relations: NaN,
  question: NaN,
  notice: NaN,
  firstFrame: NaN,
  longestOpen: NaN,
  layout: NaN,
  longestLayout: NaN,
  longTasks: NaN,
  blocking: NaN,
  hover: NaN,
  longestHover: NaN,
  hoverNode: null,
  unfinished: null,
  errors: [],
});

/** Pointer onto the drawn actor with the most relations (or the next one drawn), timed like the browser section's hover. */
async function measureHover(page: Page, run: LargeFileRun, crashed: Promise<never>, log: (m: string) => void): Promise<void> {
  // Nothing drawn for 500 ms, or a minute at most: a page this large may keep drawing.
  await within(
    page.evaluate(() => window.__bench.quiet(500, 60_000)),
    STEP_TIMEOUT_MS,
    "settling before the hover",
    crashed,
  );
  const at = await page.evaluate(() => {
    const api = window.__bench.api();
    const box = api.sigma().getContainer().getBoundingClientRect();
    const nodes: [string, number][] = [];
    window.__kg.graph.forEachNode((n, a) => nodes.push([n, a.degree ?? 0]));
    nodes.sort((a, b) => b[1] - a[1]);
    for (const [node] of nodes.slice(0, 50)) {
      const p = api.nodeViewport(node);
      if (p && p.x > box.left + 8 && p.x < box.right - 8 && p.y > box.top + 8 && p.y < box.bottom - 8) return { node, ...p };
    }
    return null;
  });
  if (!at) {
    run.errors.push("hover: none of the 50 actors with the most relations is drawn inside the graph area");
    return;
  }
  // From outside the graph (nothing hovered) onto the actor.
  await page.mouse.move(2, 2);
  await page.evaluate(() => {
    window.__bench.inputs = [];
    window.__bench.armed = true;
  });
  const started = performance.now();
  await within(page.mouse.move(at.x, at.y), STEP_TIMEOUT_MS, "the hover", crashed);
  const r = await within(
    page.evaluate(async (timeout) => {
      const B = window.__bench;
      const ok = await B.until(() => B.api().hovered() !== null, timeout);
      B.armed = false;
      const input = B.inputs.find((i) => i.type === "mousemove");
      if (!ok || !input) return { error: `nothing hovered (${B.inputs.length} input events)` };
      const frame = await B.frameAfter(input.timeStamp, timeout);
      if (!frame) return { error: "no frame drew the highlight" };
      // Long-task entries arrive after their task; give the observer a moment.
      await new Promise((done) => setTimeout(done, 500));
      const longest = B.longTasks
        .filter((t) => t.start + t.duration >= input.timeStamp && t.start <= frame.end)
        .reduce((m, t) => Math.max(m, t.duration), 0);
      return { ms: frame.end - input.timeStamp, longest, node: B.api().hovered() };
    }, STEP_TIMEOUT_MS),
    Math.max(1_000, STEP_TIMEOUT_MS - (performance.now() - started)),
    "the hover",
    crashed,
  );
  if ("error" in r) {
    run.errors.push(`hover: ${r.error}`);
    return;
  }
  run.hover = r.ms;
  run.longestHover = r.longest;
  run.hoverNode = r.node;
  log(`large file: hover on ${r.node} (aimed at ${at.node}): ${formatMs(r.ms)}, longest task ${formatMs(r.longest)}`);
}

/** One fresh page: the app, then the file chosen through "Open…", laid out if asked, then (with positions) a hover. */
export async function largeFileRun(
  browser: Browser,
  url: string,
  file: string,
  variant: Variant,
  log: (m: string) => void,
): Promise<LargeFileRun> {
  const run = blankRun(variant);
  const { context, page } = await openPage(browser, run.errors);
  let onCrash: (e: Error) => void = () => undefined;
  const crashed = new Promise<never>((_, reject) => (onCrash = reject));
  crashed.catch(() => undefined);
  page.on("crash", () => onCrash(new Unfinished("did not finish (the page crashed)")));
  try {
    await page.addInitScript({ content: recorderScript() });
    await load(page, url, 5 * 60_000);
    await page.evaluate(() => window.__bench.settle(500, 60_000));
    log(`large file (${variant}): the app is loaded; choosing the file …`);
    const input = page.locator('input[type="file"][aria-label="Open a graph file"]');
    await input.setInputFiles(file, { timeout: STEP_TIMEOUT_MS });
    log(`large file (${variant}): file chosen; waiting for the app …`);
    // Functions, not strings: the app's Content Security Policy forbids eval.
    const wait = (what: string, until: "question" | "notice") =>
      within(
        page
          .waitForFunction(
            (u) => !Number.isNaN(window.__large.notice) || (u === "question" && !Number.isNaN(window.__large.dialog)),
            until,
            { timeout: 0, polling: 250 },
          )
          .then(() => undefined),
        STEP_TIMEOUT_MS,
        what,
        crashed,
      );
    if (variant === "layout") {
      await wait("opening, until the layout question", "question");
      const asked = await page.evaluate(() => Number.isNaN(window.__large.notice));
      if (asked) {
        await clickAt(page, '[role="dialog"] button', "Lay it out");
        log("large file (layout): “Lay it out” clicked; laying out …");
      } else run.errors.push("the app laid it out without asking (a file below its threshold)");
    }
    await wait(variant === "layout" ? "laying out, until the “Opened” notice" : "opening, until the “Opened” notice", "notice");
    // The times to the notice first, so they are kept even if no frame follows in time.
    const opened = await within(
      page.evaluate(() => {
        const L = window.__large;
        return {
          text: L.noticeText,
          change: L.change,
          // The page waited for the answer to its question; that wait is the bench's, not the app's.
          answerWait: Number.isNaN(L.click) ? 0 : L.click - L.dialog,
          question: L.dialog - L.change,
          notice: L.notice - L.change,
          layout: L.notice - L.click,
          // From the notice ("…: 200,000 actors, 300,000 relations."): the page's handle may still be the old graph's.
          actors: Number(/([\d,]+) actors?, /.exec(L.noticeText)?.[1]?.replace(/,/g, "") ?? NaN),
          relations: Number(/([\d,]+) relations?\./.exec(L.noticeText)?.[1]?.replace(/,/g, "") ?? NaN),
        };
      }),
      STEP_TIMEOUT_MS,
      "reading the notice",
      crashed,
    );
    if (!opened.text.startsWith("Opened the")) throw new Error(`the app said: "${opened.text}"`);
    Object.assign(run, {
      actors: opened.actors,
      relations: opened.relations,
      question: opened.question,
      notice: opened.notice - opened.answerWait,
      layout: opened.layout,
    });
    log(`large file (${variant}): “Opened” notice after ${formatMs(run.notice)}; waiting for the first frame …`);
    const frameEnd = await within(
      page.evaluate(async (timeout) => (await window.__bench.frameAfter(window.__large.notice, timeout))?.end ?? NaN, STEP_TIMEOUT_MS),
      STEP_TIMEOUT_MS,
      "the first frame after the notice",
      crashed,
    );
    run.firstFrame = frameEnd - opened.change - opened.answerWait;
    const tasks = await within(
      page.evaluate(async (end) => {
        // Long-task entries arrive after their task ends; give the observer a moment (not an idle period: a page drawing 200 000 actors may have none).
        await new Promise((done) => setTimeout(done, 500));
        const B = window.__bench;
        const L = window.__large;
        const during = (from: number, to: number) => B.longTasks.filter((t) => t.start + t.duration >= from && t.start <= to);
        const longest = (list: { duration: number }[]) => list.reduce((m, t) => Math.max(m, t.duration), 0);
        // While the question waits for its answer the page is idle; that wait is not the app's work.
        const open = Number.isNaN(L.click) ? during(L.change, end) : [...during(L.change, L.dialog), ...during(L.click, end)];
        return {
          longestOpen: longest(open),
          // Tasks that start while the worker lays out; building and drawing the graph after it are the opening's.
          longestLayout: Number.isNaN(L.click) ? NaN : longest(during(L.click, Number.isNaN(L.laidOut) ? L.notice : L.laidOut)),
          longTasks: open.length,
          blocking: open.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
        };
      }, frameEnd),
      STEP_TIMEOUT_MS,
      "reading the long tasks",
      crashed,
    );
    Object.assign(run, tasks);
    log(
      `large file (${variant}): opened ${formatCount(run.actors)} actors, ${formatCount(run.relations)} relations; ` +
        `notice ${formatMs(run.notice)}, first frame ${formatMs(run.firstFrame)}, longest task ${formatMs(run.longestOpen)}` +
        (variant === "layout"
          ? `; question ${formatMs(run.question)}, layout ${formatMs(run.layout)}, longest task in it ${formatMs(run.longestLayout)}`
          : ""),
    );
    if (variant === "positions") await measureHover(page, run, crashed, log);
  } catch (err) {
    if (err instanceof Unfinished) run.unfinished = err.message;
    else run.errors.push((err as Error).message.split("\n")[0]!);
    log(`large file (${variant}): ${run.unfinished ?? run.errors[run.errors.length - 1]}`);
  } finally {
    // A page blocked for minutes may not close in time; do not wait for it forever.
    await Promise.race([context.close().catch(() => undefined), new Promise((done) => setTimeout(done, 60_000))]);
    await new Promise((done) => setTimeout(done, PAUSE_MS));
  }
  return run;
}

// ---------------------------------------------------------------------------
// Report

const finite = (xs: number[]) => xs.filter((x) => Number.isFinite(x));
const med = (runs: LargeFileRun[], key: keyof LargeFileRun) => median(finite(runs.map((r) => r[key] as number)));
const worst = (runs: LargeFileRun[], key: keyof LargeFileRun) => {
  const v = finite(runs.map((r) => r[key] as number));
  return v.length > 0 ? Math.max(...v) : NaN;
};
const unfinishedOf = (runs: LargeFileRun[]) => runs.find((r) => r.unfinished)?.unfinished ?? null;

/** A longest task: 0 means none reached the 50 ms that PerformanceObserver("longtask") reports. */
const taskMs = (v: number) => (v === 0 ? "none ≥ 50 ms" : formatMs(v));

/** A figure, or why it is missing: the step that did not finish. */
function shown(value: number, runs: LargeFileRun[], format: (v: number) => string = formatMs): string {
  if (Number.isFinite(value)) return format(value);
  return unfinishedOf(runs) ?? "–";
}

export interface LargeFileFile {
  variant: Variant;
  bytes: number;
  nodes: number;
  edges: number;
}

export function largeFileMarkdown(files: LargeFileFile[], runs: Map<Variant, LargeFileRun[]>, version: string): string {
  const p = runs.get("positions") ?? [];
  const l = runs.get("layout") ?? [];
  const both = (f: (rs: LargeFileRun[], v: Variant) => string) => [f(p, "positions"), f(l, "layout")];
  const fileOf = (v: Variant) => files.find((f) => f.variant === v);
  const rows: string[][] = [
    [
      "File",
      ...both(
        (_, v) =>
          `${formatBytes(fileOf(v)?.bytes ?? NaN)} GEXF 1.3, ${formatCount(fileOf(v)?.nodes ?? NaN)} actors, ${formatCount(fileOf(v)?.edges ?? NaN)} relations`,
      ),
    ],
    [
      "Opened as (actors / relations)",
      ...both((rs) =>
        Number.isFinite(med(rs, "actors")) ? `${formatCount(med(rs, "actors"))} / ${formatCount(med(rs, "relations"))}` : shown(NaN, rs),
      ),
    ],
    ["Choosing the file → question “Lay out …?”", "–", shown(med(l, "question"), l)],
    ["“Lay it out” → “Opened” notice (layout in a worker)", "–", shown(med(l, "layout"), l)],
    ["Choosing the file → “Opened” notice", ...both((rs) => shown(med(rs, "notice"), rs))],
    ["Choosing the file → first frame", ...both((rs) => shown(med(rs, "firstFrame"), rs))],
    ["Longest main-thread task, choosing the file → first frame", ...both((rs) => shown(worst(rs, "longestOpen"), rs, taskMs))],
    ["Longest main-thread task while the layout runs", "–", shown(worst(l, "longestLayout"), l, taskMs)],
    [
      "Main-thread tasks ≥ 50 ms until the first frame (count; time over 50 ms)",
      ...both((rs) =>
        Number.isFinite(med(rs, "longTasks")) ? `${med(rs, "longTasks")}; ${formatMs(med(rs, "blocking"))}` : shown(NaN, rs),
      ),
    ],
    ["Hover: pointer onto an actor → highlight frame", shown(med(p, "hover"), p), "–"],
    ["Hover: longest main-thread task", shown(worst(p, "longestHover"), p, taskMs), "–"],
    ["Runs", String(p.length), String(l.length)],
  ];
  const problems = [...runs.values()].flat().flatMap((r) => r.errors.map((e) => `${r.variant}: ${e}`));
  const hovered = [...new Set(p.map((r) => r.hoverNode).filter((n) => n !== null))];
  return [
    "## Large file",
    "",
    `Headless ${version}, the browser section's flags, 1280×800 at device pixel ratio 1, WebGL in software. The built app (with the curated graph) ` +
      `in a fresh context per run; a ${formatCount(LARGE_NODES)}-actor GEXF 1.3 file (\`bench/large-file/gexf.ts\`, seed ${SEED}: clusters of about 200 actors ` +
      "with a hub each, 1.5 relations per actor, a kind per actor) is chosen through “Open…” (the hidden file input, as the end-to-end tests do). " +
      "With positions: every actor has a `viz:position`; then the pointer moves from outside the graph onto the drawn actor with the most relations. " +
      "Without positions: the app asks “Lay out …?”, the bench clicks “Lay it out”, the app lays it out in a worker with a progress note. " +
      "Times start at the file input's change event; the first frame is the end of the first frame drawn after the “Opened” notice " +
      '(without positions, the wait for the click is left out). Long tasks: PerformanceObserver("longtask"), installed before any page script. ' +
      `A step taking over ${formatMs(STEP_TIMEOUT_MS)}, or a crashed page, reads “did not finish”. Medians over runs; longest tasks: the worst run.`,
    "",
    markdownTable(["Figure", "With positions", "Without positions (laid out by the app)"], rows, ["l", "r", "r"]),
    ...(hovered.length > 0 ? ["", `Hovered actor: ${hovered.join(", ")}.`] : []),
    ...(problems.length > 0 ? ["", "Problems: " + [...new Set(problems)].slice(0, 10).join("; ")] : []),
  ].join("\n");
}

export function largeFileTargets(runs: Map<Variant, LargeFileRun[]>): Target[] {
  const p = runs.get("positions") ?? [];
  const l = runs.get("layout") ?? [];
  const what = `Large file, ${formatCount(LARGE_NODES)} actors`;
  const task = (label: string, rs: LargeFileRun[], key: keyof LargeFileRun): Target => {
    const v = worst(rs, key);
    return {
      what: `${what}: ${label}`,
      target: `no task over ${formatMs(TARGET_TASK_MS)}`,
      measured: Number.isFinite(v) ? (v === 0 ? taskMs(v) : `longest ${formatMs(v)}`) : rs.length === 0 ? "not run" : shown(NaN, rs),
      met: Number.isFinite(v) ? v <= TARGET_TASK_MS : undefined,
    };
  };
  const hover = med(p, "hover");
  return [
    task("opening with positions, longest main-thread task to the first frame", p, "longestOpen"),
    task("without positions, longest main-thread task while the layout runs", l, "longestLayout"),
    task("hover, longest main-thread task", p, "longestHover"),
    {
      what: `${what}: hover highlight, software WebGL`,
      target: `< ${formatMs(TARGET_HOVER_MS)}`,
      measured: p.length === 0 ? "not run" : shown(hover, p),
      // A hover that did not finish in the step's time missed the target too.
      met: Number.isFinite(hover) ? hover < TARGET_HOVER_MS : unfinishedOf(p) ? false : undefined,
    },
  ];
}

export async function runLargeFile(ctx: BenchContext): Promise<SectionResult> {
  const dir = join(ctx.scratch, "large-file");
  const dist = join(dir, "app-dist");
  const site = join(dir, "site");
  mkdirSync(site, { recursive: true });
  ctx.log("large file: vite build of the app and the curated graph.json …");
  await viteBuild(ctx.root, dist);
  const graphJson = join(dir, "graph.json");
  await buildGraphJson(ctx.root, join(ctx.root, "graph", "corpus"), graphJson);
  cpSync(dist, join(site, "app"), { recursive: true });
  copyFileSync(graphJson, join(site, "app", "graph.json"));

  const files: LargeFileFile[] = [];
  const paths = new Map<Variant, string>();
  for (const variant of ["positions", "layout"] as const) {
    const gexf = largeGexf({ nodes: LARGE_NODES, positions: variant === "positions", seed: SEED });
    const path = join(dir, `actors-${LARGE_NODES}-${variant === "positions" ? "placed" : "unplaced"}.gexf`);
    writeFileSync(path, gexf.text);
    paths.set(variant, path);
    files.push({ variant, bytes: statSync(path).size, nodes: gexf.nodes, edges: gexf.edges });
    ctx.log(
      `large file: ${path}: ${formatBytes(statSync(path).size)}, ${formatCount(gexf.nodes)} actors, ${formatCount(gexf.edges)} relations`,
    );
  }

  const server = await serveDirectory(site);
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...BENCH_ARGS],
    timeout: 60_000,
  });
  const version = browser.version();
  const runs = new Map<Variant, LargeFileRun[]>([
    ["positions", []],
    ["layout", []],
  ]);
  try {
    const count = ctx.runs ?? 1;
    for (let i = 0; i < count; i++) {
      for (const variant of ["positions", "layout"] as const) {
        const done = runs.get(variant)!;
        // A file that did not finish once will not finish the next time either.
        if (done.some((r) => r.unfinished)) continue;
        ctx.log(`large file: run ${i + 1}/${count}, ${variant === "positions" ? "with positions" : "without positions"} …`);
        done.push(await largeFileRun(browser, `${server.url}app/`, paths.get(variant)!, variant, ctx.log));
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  return { markdown: largeFileMarkdown(files, runs, version), targets: largeFileTargets(runs) };
}

export const largeFileSection: BenchSection = { id: "large-file", title: "Large file", run: runLargeFile };
