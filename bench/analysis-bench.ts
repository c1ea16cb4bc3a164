/**
 * Analysis benchmark (#16): in the built app in headless Chromium, on each
 * corpus, the time to compute the statistics of the whole graph (asked for by
 * sizing actors by betweenness; in a Web Worker above 3 000 actors and
 * relations) and the time of the first search of the quotes (the panel and
 * the index load and build on that first search). App only: the floor has no
 * such features. Definitions: README.md, "Benchmark".
 */
import { copyFileSync, cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../tests/e2e/chromium";
import { buildGraphJson } from "./browser-bench";
import { load, openPage, PAUSE_MS } from "./browser/measure";
import { serveDirectory } from "./browser/server";
import { viteBuild } from "./bundle";
import { formatMs, markdownTable, median, type BenchContext, type BenchSection, type SectionResult } from "./report";
import { askedText, countsOf, sizeCell, SIZE_COLUMN, type CorpusCounts } from "./sizes";

interface AnalysisRun {
  /** Asking for the statistics → the result in the state, ms. */
  statistics: number;
  /** The statistics computed in a worker (true) or the main thread. */
  worker: boolean;
  /** First keystroke of the first quote search → the results listed, ms (loading the panel and building the index included). */
  firstSearch: number;
  /** A second search with the index built, ms. */
  nextSearch: number;
  actors: number;
  relations: number;
  errors: string[];
}

/** A word of the corpus to look for: the longest of the first quote's words (at least 5 letters). */
export function searchWord(file: { edges: { attributes: { evidence?: { quote: string }[] } }[] }): string {
  for (const edge of file.edges) {
    const quote = edge.attributes.evidence?.[0]?.quote;
    if (!quote) continue;
    const word = (quote.match(/\p{L}{5,}/gu) ?? []).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
    if (word) return word;
  }
  return "the";
}

type KgPage = Window & { __kg: { dispatch(a: object): void; getState(): { ui: { statistics: { result: unknown; running: unknown } } } } };

async function timeStatistics(page: Page): Promise<{ ms: number; worker: boolean }> {
  return page.evaluate(async () => {
    const kg = (window as unknown as KgPage).__kg;
    const start = performance.now();
    kg.dispatch({ type: "setAppearance", appearance: { sizeBy: "betweenness" } });
    await new Promise<void>((resolve, reject) => {
      const deadline = start + 10 * 60_000;
      const check = () => {
        const s = kg.getState().ui.statistics;
        if (s.result !== null && s.running === null) resolve();
        else if (performance.now() > deadline) reject(new Error("the statistics never came"));
        else setTimeout(check, 10);
      };
      check();
    });
    const ms = performance.now() - start;
    return { ms, worker: performance.getEntriesByType("resource").some((e) => /metrics-worker/.test(e.name)) };
  });
}

async function timeSearch(page: Page, word: string): Promise<number> {
  const input = page.locator('input[placeholder="Search every quote…"]');
  await input.waitFor({ timeout: 120_000 });
  await input.fill("");
  await page.evaluate(() => ((window as unknown as { __searchStart: number }).__searchStart = performance.now()));
  await input.fill(word);
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const start = (window as unknown as { __searchStart: number }).__searchStart;
        const check = () => {
          const status = document.querySelector(".quote-search .table-count")?.textContent ?? "";
          if (/quotes? in \d/.test(status)) resolve(performance.now() - start);
          else if (performance.now() - start > 10 * 60_000) reject(new Error(`no results: "${status}"`));
          else requestAnimationFrame(check);
        };
        check();
      }),
  );
}

async function analysisRun(browser: Browser, url: string, word: string): Promise<AnalysisRun> {
  const run: AnalysisRun = { statistics: NaN, worker: false, firstSearch: NaN, nextSearch: NaN, actors: 0, relations: 0, errors: [] };
  const { context, page } = await openPage(browser, run.errors);
  try {
    await load(page, url, 10 * 60_000);
    const counts = await page.evaluate(() => {
      const g = (window as unknown as { __kg: { graph: { order: number; size: number } } }).__kg.graph;
      return { actors: g.order, relations: g.size };
    });
    Object.assign(run, counts);
    const stats = await timeStatistics(page);
    run.statistics = stats.ms;
    run.worker = stats.worker;
    await page.evaluate(() => (window as unknown as KgPage).__kg.dispatch({ type: "openAnalysis", tab: "quotes" }));
    run.firstSearch = await timeSearch(page, word);
    run.nextSearch = await timeSearch(page, word.slice(0, -1));
  } catch (err) {
    run.errors.push((err as Error).message.split("\n")[0]!);
  } finally {
    await context.close().catch(() => undefined);
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return run;
}

export async function runAnalysis(ctx: BenchContext): Promise<SectionResult> {
  const dir = join(ctx.scratch, "analysis");
  const dist = join(dir, "app-dist");
  const site = join(dir, "site");
  mkdirSync(site, { recursive: true });
  ctx.log("analysis: vite build of the app …");
  await viteBuild(ctx.root, dist);
  const words = new Map<string, string>();
  const counts = new Map<string, CorpusCounts>();
  for (const size of ctx.sizes) {
    const out = join(dir, `graph-${size.id}.json`);
    ctx.log(`analysis: graph.json for ${askedText(size)} …`);
    await buildGraphJson(ctx.root, ctx.corpora.get(size.id)!, out);
    const file = JSON.parse(readFileSync(out, "utf8")) as Parameters<typeof searchWord>[0] & Parameters<typeof countsOf>[0];
    words.set(size.id, searchWord(file));
    counts.set(size.id, countsOf(file));
    cpSync(dist, join(site, size.id), { recursive: true });
    copyFileSync(out, join(site, size.id, "graph.json"));
  }
  const server = await serveDirectory(site);
  const browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: [...CHROMIUM_ARGS], timeout: 60_000 });
  const results = new Map<string, AnalysisRun[]>();
  try {
    for (const size of ctx.sizes) {
      const runs: AnalysisRun[] = [];
      for (let i = 0; i < (ctx.runs ?? 3); i++) {
        const r = await analysisRun(browser, `${server.url}${size.id}/`, words.get(size.id)!);
        runs.push(r);
        ctx.log(
          `analysis ${askedText(size)}: run ${i + 1}: statistics ${formatMs(r.statistics)}${r.worker ? " (worker)" : ""}, ` +
            `first search ${formatMs(r.firstSearch)}, next ${formatMs(r.nextSearch)}${r.errors.length ? ` — ${r.errors[0]}` : ""}`,
        );
      }
      results.set(size.id, runs);
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  const med = (runs: AnalysisRun[], key: "statistics" | "firstSearch" | "nextSearch") =>
    median(runs.map((r) => r[key]).filter((v) => Number.isFinite(v)));
  const rows = ctx.sizes.map((size) => {
    const runs = results.get(size.id) ?? [];
    return [
      sizeCell(size, counts.get(size.id)),
      formatMs(med(runs, "statistics")),
      runs.some((r) => r.worker) ? "worker" : "main thread",
      formatMs(med(runs, "firstSearch")),
      formatMs(med(runs, "nextSearch")),
      `“${words.get(size.id)}”`,
      String(runs.length),
    ];
  });
  const errors = [...results.values()].flat().flatMap((r) => r.errors);
  const markdown = [
    "## Analysis",
    "",
    "The built app in headless Chromium (1280×800, WebGL in software), a fresh context per run. Statistics: from asking for them " +
      "(sizing actors by betweenness) to the result in the state, for the whole graph — relations and quotes per actor, betweenness, PageRank, " +
      "Louvain, components. First search: from typing a word of the corpus in “Search quotes” to the results listed, loading the panel's code " +
      "and building the index included; next search: a second query on the built index. Medians.",
    "",
    markdownTable([SIZE_COLUMN, "Statistics", "Where", "First quote search", "Next quote search", "Word", "Runs"], rows, [
      "r",
      "r",
      "l",
      "r",
      "r",
      "l",
      "r",
    ]),
    ...(errors.length ? ["", "Problems: " + [...new Set(errors)].slice(0, 10).join("; ")] : []),
  ].join("\n");
  return { markdown, targets: [] };
}

export const analysisSection: BenchSection = { id: "analysis", title: "Analysis", run: runAnalysis };
