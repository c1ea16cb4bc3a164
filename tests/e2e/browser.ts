/**
 * Helpers for end-to-end tests: launch Chromium, open the built app and
 * collect every problem it shows (console errors, page errors, CSP
 * violations, failed or external requests), take screenshots and count the
 * pixels they show.
 *
 *     const browser = await launchBrowser();
 *     const { page, problems } = await openApp(browser, "/?node=russia");
 *     const png = await screenshot(page, "russia-selected");
 *     expect(countColoredPixels(png, { region: await canvasRegion(page) })).toBeGreaterThan(500);
 *     expect(problems).toEqual([]);
 *     await browser.close();
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type JSHandle, type Page, type Response } from "playwright-core";
import { PNG } from "pngjs";
import { inject } from "vitest";
import { GRAPH_SELECTOR, type KgHandle, type KgWindow, type ViewportPoint } from "./app-handle";
import { CHROMIUM_ARGS } from "./chromium";

export const SCREENSHOT_DIR = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

export const DEFAULT_VIEWPORT = { width: 1280, height: 800 } as const;

/** Launches the headless Chromium found by the global setup, with WebGL in software. */
export function launchBrowser(options: { executablePath?: string } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: options.executablePath ?? inject("chromiumPath"),
    headless: true,
    args: [...CHROMIUM_ARGS],
    timeout: 60_000,
  });
}

/** The URL of a path (and query) of the built app, e.g. appURL("/?node=x"). */
export function appURL(pathAndQuery = "/"): string {
  return new URL(pathAndQuery.replace(/^\/+/, ""), inject("baseURL")).href;
}

export interface OpenAppOptions {
  viewport?: { width: number; height: number };
  /** Default 1, so screenshot pixels are CSS pixels. */
  deviceScaleFactor?: number;
  /** Wait until `window.__kg.ready === true` (default true). */
  waitForReady?: boolean;
  /** For the navigation and for readiness, in ms (default 30 s). */
  timeout?: number;
}

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  /** The navigation's response (the HTML page). */
  response: Response | null;
  /**
   * Everything that went wrong so far, one line each, growing while the page
   * lives: console errors, uncaught page errors, CSP violations, failed
   * requests, HTTP errors, and requests to any origin but the app's.
   * A clean page keeps it empty: `expect(problems).toEqual([])`.
   */
  problems: string[];
  /** Closes the page's context (the browser stays open). */
  close(): Promise<void>;
}

/** Reports CSP violations on the console, where `problems` sees them. Runs before any page script. */
const REPORT_CSP_VIOLATIONS = `
  document.addEventListener("securitypolicyviolation", (e) => {
    console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "(inline)") +
      (e.sourceFile ? " at " + e.sourceFile + ":" + e.lineNumber : ""));
  }, true);
`;

/**
 * Opens the built app at `pathAndQuery` in a fresh browser context and, unless
 * told not to, waits until `window.__kg.ready === true`. Problems are collected
 * from before the first request.
 */
export async function openApp(browser: Browser, pathAndQuery = "/", options: OpenAppOptions = {}): Promise<OpenedApp> {
  const timeout = options.timeout ?? 30_000;
  const url = appURL(pathAndQuery);
  const appOrigin = new URL(url).origin;
  const context = await browser.newContext({
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    serviceWorkers: "block",
  });
  await context.addInitScript(REPORT_CSP_VIOLATIONS);
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  const problems: string[] = [];

  // Chromium fetches /favicon.ico by itself when the page links no icon; its
  // 404 is the browser's request, not the app's (an app request that fails is
  // still reported, by "HTTP 404" / "request failed").
  const implicitFavicon = `${appOrigin}/favicon.ico`;
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    const { url: at, lineNumber } = message.location();
    if (at === implicitFavicon && message.text().startsWith("Failed to load resource")) return;
    problems.push(`console error: ${message.text()}${at ? ` (${at}:${lineNumber + 1})` : ""}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on("request", (request) => {
    const target = new URL(request.url());
    if (/^(https?|wss?):$/.test(target.protocol) && target.origin !== appOrigin) {
      problems.push(`external request: ${request.method()} ${request.url()}`);
    }
  });
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "?";
    // The page's own object URLs (a download, the layout worker's script) are revoked when their
    // worker or download is torn down; on a loaded machine that can abort the browser's read of
    // one. Nothing leaves the page and the user sees nothing, so it is not a problem.
    if (request.url().startsWith("blob:") && error.includes("ERR_ABORTED")) return;
    problems.push(`request failed: ${request.method()} ${request.url()}: ${error}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`);
    }
  });

  const response = await page.goto(url, { waitUntil: "load", timeout });
  const opened: OpenedApp = { page, context, response, problems, close: () => context.close() };
  if (options.waitForReady ?? true) await waitForReady(page, problems, timeout);
  return opened;
}

/** Waits until `window.__kg.ready === true`; the error says what the page showed instead. */
export async function waitForReady(page: Page, problems: readonly string[] = [], timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, {
      timeout,
      polling: 50,
    });
  } catch (err) {
    const exposed = await page.evaluate(() => typeof (window as unknown as KgWindow).__kg).catch(() => "unknown (page gone)");
    throw new Error(
      `The app did not become ready (window.__kg.ready === true) within ${timeout} ms ` +
        `at ${page.url()}; typeof window.__kg is ${exposed}.\n` +
        `Problems so far:\n${problems.length ? problems.map((p) => `  ${p}`).join("\n") : "  (none)"}\n` +
        `(${(err as Error).message.split("\n")[0]})`,
      { cause: err },
    );
  }
}

/** A handle on `window.__kg`, e.g. `(await kg(page)).evaluate((kg) => kg.getState())`. */
export async function kg(page: Page): Promise<JSHandle<KgHandle>> {
  const handle = await page.evaluateHandle(() => {
    const value = (window as unknown as KgWindow).__kg;
    if (!value) throw new Error("window.__kg is not set");
    return value;
  });
  return handle;
}

/** Where node `key` is drawn, in CSS px of the viewport (for page.mouse); throws if it is not drawn. */
export async function nodeViewport(page: Page, key: string): Promise<ViewportPoint> {
  const point = await page.evaluate((k) => (window as unknown as KgWindow).__kg!.nodeViewport(k), key);
  if (!point) throw new Error(`Node "${key}" is not drawn (window.__kg.nodeViewport returned null)`);
  return point;
}

/** Resolves after `count` animation frames, so whatever was dispatched has been drawn. */
export async function nextFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left <= 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count,
  );
}

/** Whether the page can create a WebGL context ("webgl2" by default). */
export async function hasWebGL(page: Page, kind: "webgl" | "webgl2" = "webgl2"): Promise<boolean> {
  return page.evaluate((k) => !!document.createElement("canvas").getContext(k), kind);
}

/**
 * Screenshot of the viewport (or `clip`), saved as
 * test-results/screenshots/<name>.png (git-ignored); returns the PNG bytes.
 */
export async function screenshot(page: Page, name: string, options: { clip?: Region; fullPage?: boolean } = {}): Promise<Buffer> {
  const take = () => page.screenshot({ clip: options.clip, fullPage: options.fullPage, animations: "disabled" });
  // On a loaded machine a page opened a moment ago may have no frame yet to capture; one more frame gives it one.
  const png = await take().catch(async (error: unknown) => {
    if (!String(error).includes("Unable to capture screenshot")) throw error;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    return take();
  });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  writeFileSync(`${SCREENSHOT_DIR}${name.replace(/[^\w.-]+/g, "_")}.png`, png);
  return png;
}

/** A rectangle in image pixels (= CSS px at deviceScaleFactor 1). */
export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PixelPredicate = (r: number, g: number, b: number, a: number, x: number, y: number) => boolean;

export function decodePng(png: Buffer | PNG): PNG {
  return png instanceof PNG ? png : PNG.sync.read(png);
}

/** Number of pixels (in `region`, clipped to the image; else all) that satisfy `predicate`. */
export function countPixels(png: Buffer | PNG, predicate: PixelPredicate, region?: Region): number {
  const image = decodePng(png);
  const x0 = Math.max(0, Math.floor(region?.x ?? 0));
  const y0 = Math.max(0, Math.floor(region?.y ?? 0));
  const x1 = Math.min(image.width, Math.ceil(region ? region.x + region.width : image.width));
  const y1 = Math.min(image.height, Math.ceil(region ? region.y + region.height : image.height));
  const { data, width } = image;
  let count = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * width + x) * 4;
      if (predicate(data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!, x, y)) count++;
    }
  }
  return count;
}

/** Chroma (max − min channel, 0…255): 0 for white, black and every grey. */
export function chroma(r: number, g: number, b: number): number {
  return Math.max(r, g, b) - Math.min(r, g, b);
}

/**
 * Number of coloured pixels: neither near-white nor any grey (background,
 * text, borders), i.e. chroma of at least `minChroma` (default 40 of 255)
 * and not transparent.
 */
export function countColoredPixels(png: Buffer | PNG, options: { region?: Region; minChroma?: number } = {}): number {
  const minChroma = options.minChroma ?? 40;
  return countPixels(png, (r, g, b, a) => a > 0 && chroma(r, g, b) >= minChroma, options.region);
}

/** The colour of one pixel, as [r, g, b, a]. */
export function pixelAt(png: Buffer | PNG, x: number, y: number): [number, number, number, number] {
  const image = decodePng(png);
  const i = (Math.floor(y) * image.width + Math.floor(x)) * 4;
  const d = image.data;
  return [d[i]!, d[i + 1]!, d[i + 2]!, d[i + 3]!];
}

/** The bounding box of sigma's container ([data-testid="graph"]) in CSS px of the viewport. */
export async function canvasRegion(page: Page): Promise<Region> {
  const box = await page.locator(GRAPH_SELECTOR).first().boundingBox();
  if (!box) throw new Error(`No visible ${GRAPH_SELECTOR} element (the sigma container) on ${page.url()}`);
  const x = Math.round(box.x);
  const y = Math.round(box.y);
  return { x, y, width: Math.round(box.x + box.width) - x, height: Math.round(box.y + box.height) - y };
}
