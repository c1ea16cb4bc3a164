/**
 * One measured run of a page (the app or the floor) in headless Chromium:
 * a fresh browser context, a navigation, then the interactions, each timed by
 * the page harness (bench/browser/harness.ts). The definitions of the figures
 * are in README.md, "Benchmark", and on `RunResult`.
 */
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { harnessScript, type BenchHandle, type FrameRecord } from "./harness";

/** `window` as page functions see it. */
type BenchWindow = Window & { __bench: BenchHandle };
declare const window: BenchWindow;

export const VIEWPORT = { width: 1280, height: 800 } as const;
/** Idle time after each run, so that tearing one page down does not overlap the next run. */
export const PAUSE_MS = 2_000;

export interface RunPlan {
  /** Actors to hover, best first (the first one the pointer actually lands on is used). */
  hoverCandidates: string[];
  /** The actor to search for, and the text typed. */
  searchNode: string;
  searchQuery: string;
  /** The relation families left on by the filter change. */
  families: string[];
  /** The time window applied (whole years). */
  window: [string, string];
  hoverRepeats: number;
  changeRepeats: number;
  layoutSeconds: number;
  /** Navigation and readiness timeout, ms. */
  loadTimeoutMs: number;
}

export interface LayoutResult {
  /** Worker → page messages per second while the layout ran (one per ForceAtlas2 iteration). */
  iterationsPerSecond: number;
  iterations: number;
  /** Longest main-thread task reported by PerformanceObserver("longtask") while it ran; 0 when none reached 50 ms. */
  longestTask: number;
  /** Tasks of 50 ms or more while it ran. */
  longTasks: number;
  /** Max lateness of a 4 ms timer chain while it ran (a bound on the longest task, including the shorter ones). */
  maxLag: number;
}

export interface RunResult {
  label: string;
  kind: "app" | "floor";
  /** navigationStart → end of the first frame that drew the graph, ms. */
  firstFrame: number;
  /** navigationStart → end of the last frame drawn before the page went quiet (no frame for 500 ms), ms. */
  loadSettled: number;
  /**
   * navigationStart → the end of start-up's last main-thread task of 50 ms or more (PerformanceObserver
   * "longtask"), or loadSettled if later: when the page stops being blocked after it has drawn.
   */
  interactive: number;
  /** JS heap used after load and a forced GC (CDP Performance.getMetrics JSHeapUsedSize), bytes. */
  heapUsed: number;
  hoverNode: string | null;
  /** Pointer event (mousemove timeStamp) → end of the frame that presents the highlight, ms. */
  hoverOn: number[];
  hoverOff: number[];
  /** Change (synchronous call) → end of the frame that presents it, ms. */
  filterOn: number[];
  filterOff: number[];
  timeOn: number[];
  timeOff: number[];
  /** Change → the main thread's first idle period after that frame (requestIdleCallback), ms. */
  filterOnIdle: number[];
  timeOnIdle: number[];
  /** First keystroke (keydown timeStamp) in the search box → end of the first frame drawn with the camera at rest on the result, ms. */
  search: number;
  /** Same, from the Enter keydown. */
  searchFromEnter: number;
  layout: LayoutResult | null;
  errors: string[];
}

export interface Target {
  url: string;
  label: string;
}

/** A fresh context and page with the harness installed, errors collected. */
export async function openPage(browser: Browser, errors: string[]): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, serviceWorkers: "block" });
  await context.addInitScript({ content: harnessScript() });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console error: ${m.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

/**
 * Navigates and waits until the page's API is ready, a frame has drawn, nothing has drawn for 500 ms
 * and the main thread has been idle once.
 */
export async function load(
  page: Page,
  url: string,
  timeoutMs: number,
): Promise<{ firstFrame: number; loadSettled: number; interactive: number }> {
  await page.goto(url, { waitUntil: "commit", timeout: timeoutMs });
  await page.waitForFunction(
    () => {
      try {
        return window.__bench.api().ready() && window.__bench.frames.length > 0;
      } catch {
        return false;
      }
    },
    null,
    { timeout: timeoutMs, polling: 50 },
  );
  return page.evaluate(async (timeout) => {
    const B = window.__bench;
    await B.settle(500, timeout);
    const loadSettled = B.frames[B.frames.length - 1]!.end;
    return {
      firstFrame: B.frames[0]!.end,
      loadSettled,
      interactive: B.longTasks.reduce((m, t) => Math.max(m, t.start + t.duration), loadSettled),
    };
  }, timeoutMs);
}

export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  await cdp.send("Performance.disable");
  return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
}

/** A point inside the graph container with no node under it and no control over it. */
async function emptyPoint(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const sigma = window.__bench.api().sigma();
    const box = sigma.getContainer().getBoundingClientRect();
    const candidates = [
      [6, 6],
      [6, box.height - 6],
      [box.width / 2, 6],
      [6, box.height / 2],
      [box.width - 6, box.height - 6],
    ];
    for (const [dx, dy] of candidates) {
      const x = box.left + dx!;
      const y = box.top + dy!;
      const el = document.elementFromPoint(x, y);
      if (!el || !sigma.getContainer().contains(el)) continue;
      if (sigma.getNodeAtPosition?.({ x: dx!, y: dy! }) == null) return { x, y };
    }
    return { x: box.left + 6, y: box.top + 6 };
  });
}

/**
 * A real click (trusted mouse events) at the centre of the first element matching `selector` (and `text`).
 * Found with querySelectorAll, not Playwright's role or text engines: those compute accessible names over the
 * whole DOM, which takes seconds in the app's filter panel at 50 000 triples and would be measured as the page's work.
 */
export async function clickAt(page: Page, selector: string, text?: string): Promise<void> {
  const at = await page.evaluate(
    ({ selector, text }) => {
      const el = [...document.querySelectorAll(selector)].find((e) => text === undefined || e.textContent?.trim() === text);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { selector, text },
  );
  if (!at) throw new Error(`no ${selector}${text ? ` "${text}"` : ""} to click`);
  await page.mouse.click(at.x, at.y);
}

async function arm(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__bench.inputs = [];
    window.__bench.armed = true;
  });
}

/** Moves the pointer to (x, y) and times until the page's hovered actor is `expect` and that change has been presented. */
async function pointerTo(page: Page, x: number, y: number, expect: string | null): Promise<number | { hovered: string | null }> {
  await page.evaluate(() => window.__bench.settle(300, 60_000));
  await arm(page);
  await page.mouse.move(x, y);
  return page.evaluate(async (node) => {
    const B = window.__bench;
    const ok = await B.until(() => B.api().hovered() === node, 60_000);
    B.armed = false;
    if (!ok) return { hovered: B.api().hovered() };
    const input = B.inputs.find((i) => i.type === "mousemove");
    if (!input) return { hovered: B.api().hovered() };
    const frame = await B.frameAfter(input.timeStamp, 120_000);
    return frame ? frame.end - input.timeStamp : { hovered: B.api().hovered() };
  }, expect);
}

async function measureHover(page: Page, plan: RunPlan, result: RunResult): Promise<void> {
  const empty = await emptyPoint(page);
  await page.mouse.move(empty.x, empty.y);
  for (const node of plan.hoverCandidates) {
    const at = await page.evaluate((n) => window.__bench.api().nodeViewport(n), node);
    if (!at) continue;
    const first = await pointerTo(page, at.x, at.y, node);
    if (typeof first !== "number") {
      // Another actor is drawn over this one here: back off and try the next.
      await page.mouse.move(empty.x, empty.y);
      await page.evaluate(() => window.__bench.until(() => window.__bench.api().hovered() === null, 60_000));
      continue;
    }
    result.hoverNode = node;
    result.hoverOn.push(first);
    for (let i = 0; i < plan.hoverRepeats; i++) {
      if (i > 0) {
        const on = await pointerTo(page, at.x, at.y, node);
        if (typeof on === "number") result.hoverOn.push(on);
      }
      const off = await pointerTo(page, empty.x, empty.y, null);
      if (typeof off === "number") result.hoverOff.push(off);
      else result.errors.push(`hover: leaving ${node} left ${off.hovered} hovered`);
    }
    return;
  }
  result.errors.push(`hover: the pointer landed on none of ${plan.hoverCandidates.join(", ")}`);
}

async function measureChange(
  page: Page,
  what: "families" | "time",
  on: unknown,
  off: unknown,
  repeats: number,
): Promise<[number[], number[], number[]]> {
  const ons: number[] = [];
  const offs: number[] = [];
  const idles: number[] = [];
  for (let i = 0; i < repeats; i++) {
    for (const [arg, out, idle] of [
      [on, ons, idles],
      [off, offs, null],
    ] as const) {
      const t = await page.evaluate(
        async ({ what, arg }) => {
          await window.__bench.settle(300, 60_000);
          return window.__bench.change(what, arg);
        },
        { what, arg },
      );
      if (t) {
        out.push(t.frame);
        idle?.push(t.idle);
      }
    }
  }
  return [ons, offs, idles];
}

async function measureSearch(page: Page, plan: RunPlan, result: RunResult): Promise<void> {
  await clickAt(page, 'input[aria-label="Search actors"]');
  await page.evaluate(() => window.__bench.settle(300, 60_000));
  await arm(page);
  const before = await page.evaluate(() => window.__bench.api().sigma().getCamera().getState());
  await page.keyboard.type(plan.searchQuery);
  await page.keyboard.press("Enter");
  const r = await page.evaluate(
    async ({ node, before }) => {
      const B = window.__bench;
      const selected = await B.until(() => B.api().selected() === node, 60_000);
      B.armed = false;
      const keys = B.inputs.filter((i) => i.type === "keydown");
      const enter = keys.find((k) => k.key === "Enter");
      if (!selected || !enter) return { error: `selected ${B.api().selected()}, ${keys.length} keydowns` };
      // The first frame drawn with the camera at rest somewhere else than before: at the result.
      const moved = (c: FrameRecord["camera"]) =>
        c !== null && Math.abs(c.x - before.x) + Math.abs(c.y - before.y) + Math.abs(c.ratio - before.ratio) > 1e-6;
      const settled = (): FrameRecord | null =>
        B.frames.find((f) => f.firstDraw >= enter.timeStamp && !f.lastDrawAnimated && moved(f.camera)) ?? null;
      await B.until(() => settled() !== null, 120_000);
      const f = settled();
      if (!f) return { error: "the camera never settled" };
      return { fromFirstKey: f.end - keys[0]!.timeStamp, fromEnter: f.end - enter.timeStamp };
    },
    { node: plan.searchNode, before },
  );
  if ("error" in r) {
    result.errors.push(`search: ${r.error}`);
    return;
  }
  result.search = r.fromFirstKey;
  result.searchFromEnter = r.fromEnter;
  // Back to the whole graph, nothing selected.
  await page.evaluate(() => {
    const api = window.__bench.api();
    api.select(null);
    api.sigma().getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  });
}

async function measureLayout(page: Page, plan: RunPlan): Promise<LayoutResult> {
  const before = await page.evaluate(async () => {
    const B = window.__bench;
    await B.settle(300, 60_000);
    B.startLagProbe();
    return { t: performance.now(), n: B.workerMessages.length };
  });
  await clickAt(page, "button", "Run layout");
  await page.waitForTimeout(plan.layoutSeconds * 1000);
  const stopAt = await page.evaluate(() => performance.now());
  await clickAt(page, "button", "Stop layout");
  return page.evaluate(
    ({ t, n, stopAt }) => {
      const B = window.__bench;
      const maxLag = B.stopLagProbe();
      const messages = B.workerMessages.slice(n).filter((m) => m <= stopAt);
      const rate = messages.length > 1 ? ((messages.length - 1) * 1000) / (messages[messages.length - 1]! - messages[0]!) : 0;
      const long = B.longTasks.filter((l) => l.start >= t && l.start <= stopAt);
      return {
        iterationsPerSecond: rate,
        iterations: messages.length,
        longestTask: long.reduce((m, l) => Math.max(m, l.duration), 0),
        longTasks: long.length,
        maxLag,
      };
    },
    { ...before, stopAt },
  );
}

/** One run: load, heap, hover, filter, time window, search, layout. */
export async function measureRun(browser: Browser, target: Target, kind: "app" | "floor", plan: RunPlan): Promise<RunResult> {
  const result: RunResult = {
    label: target.label,
    kind,
    firstFrame: NaN,
    loadSettled: NaN,
    interactive: NaN,
    heapUsed: NaN,
    hoverNode: null,
    hoverOn: [],
    hoverOff: [],
    filterOn: [],
    filterOff: [],
    timeOn: [],
    timeOff: [],
    filterOnIdle: [],
    timeOnIdle: [],
    search: NaN,
    searchFromEnter: NaN,
    layout: null,
    errors: [],
  };
  const { context, page, cdp } = await openPage(browser, result.errors);
  const step = async (what: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      result.errors.push(`${what}: ${(err as Error).message.split("\n")[0]}`);
    }
  };
  try {
    const loaded = await load(page, target.url, plan.loadTimeoutMs);
    result.firstFrame = loaded.firstFrame;
    result.loadSettled = loaded.loadSettled;
    result.interactive = loaded.interactive;
    await step("heap", async () => void (result.heapUsed = await heapAfterGc(cdp)));
    await step("hover", () => measureHover(page, plan, result));
    await step("filter", async () => {
      [result.filterOn, result.filterOff, result.filterOnIdle] = await measureChange(
        page,
        "families",
        plan.families,
        null,
        plan.changeRepeats,
      );
    });
    await step("time", async () => {
      [result.timeOn, result.timeOff, result.timeOnIdle] = await measureChange(page, "time", plan.window, [null, null], plan.changeRepeats);
    });
    await step("search", () => measureSearch(page, plan, result));
    await step("layout", async () => void (result.layout = await measureLayout(page, plan)));
  } catch (err) {
    result.errors.push(`load: ${(err as Error).message.split("\n")[0]}`);
  } finally {
    await context.close().catch(() => undefined);
    // Let the closed page's renderer and GPU resources go before the next run starts.
    await new Promise((r) => setTimeout(r, PAUSE_MS));
  }
  return result;
}
