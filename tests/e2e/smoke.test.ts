/**
 * Smoke test of the built app and of the e2e harness itself: the page is
 * served, carries the strict CSP, loads without a single problem or outside
 * request, and the launched Chromium has working WebGL whose pixels reach a
 * screenshot. Once the app exposes `window.__kg`, it also waits for it to be
 * ready and checks that the graph is drawn.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { KgWindow } from "./app-handle";
import {
  canvasRegion,
  countColoredPixels,
  countPixels,
  hasWebGL,
  launchBrowser,
  openApp,
  screenshot,
  waitForReady,
  type OpenedApp,
} from "./browser";

/** The directives of a CSP string, e.g. { "default-src": ["'self'"], … }. */
function parseCsp(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = values;
  }
  return directives;
}

describe("built app", () => {
  let browser: Browser;
  let app: OpenedApp;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Whatever page is there: wait for __kg only if the app exposes it.
    app = await openApp(browser, "/", { waitForReady: false });
    await app.page.waitForLoadState("networkidle");
    if (await app.page.evaluate(() => (window as unknown as KgWindow).__kg !== undefined)) {
      await waitForReady(app.page, app.problems);
    }
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("is served with HTTP 200 and a strict Content-Security-Policy meta", async () => {
    expect(app.response?.status()).toBe(200);
    const response = await fetch(inject("baseURL"));
    expect(response.status).toBe(200);
    const html = await response.text();
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, "index.html has a Content-Security-Policy meta").not.toBeNull();
    const csp = parseCsp(meta![1]!);
    expect(csp["default-src"]).toEqual(["'self'"]);
    // The dev server's relaxations must not leak into the build.
    expect(csp["script-src"]).not.toContain("'unsafe-inline'");
    expect(csp["script-src"]).not.toContain("'unsafe-eval'");
    expect(csp["style-src"]).not.toContain("'unsafe-inline'");
  });

  it("loads without console errors, CSP violations, failed or external requests", () => {
    expect(app.problems).toEqual([]);
  });

  it("has WebGL in the launched browser, and its pixels reach screenshots", async () => {
    const { page } = app;
    expect(await hasWebGL(page, "webgl2")).toBe(true);
    expect(await hasWebGL(page, "webgl")).toBe(true);

    const png = await screenshot(page, "smoke-app");
    // Something is drawn: not a blank page.
    expect(countPixels(png, (r, g, b) => r + g + b < 600)).toBeGreaterThan(0);
    if (await page.evaluate(() => (window as unknown as KgWindow).__kg?.ready === true)) {
      expect(countColoredPixels(png, { region: await canvasRegion(page) })).toBeGreaterThan(200);
    }

    // A WebGL-cleared square appears, pure red, in a screenshot.
    const box = { x: 20, y: 30, width: 100, height: 80 };
    await page.evaluate((b) => {
      const canvas = document.createElement("canvas");
      canvas.id = "smoke-webgl-probe";
      canvas.width = b.width;
      canvas.height = b.height;
      canvas.style.cssText = `position:fixed;left:${b.x}px;top:${b.y}px;width:${b.width}px;height:${b.height}px;z-index:2147483647`;
      const gl = canvas.getContext("webgl2")!;
      gl.clearColor(1, 0, 0, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      document.body.append(canvas);
    }, box);
    const probe = await screenshot(page, "smoke-webgl-probe");
    const red = countPixels(probe, (r, g, b) => r > 240 && g < 15 && b < 15, box);
    expect(red).toBe(box.width * box.height);
    expect(countColoredPixels(probe, { region: box })).toBe(box.width * box.height);
    await page.evaluate(() => document.getElementById("smoke-webgl-probe")?.remove());
  });

  it("enforces the CSP and reports its violations as problems", async () => {
    // Runs last: it adds a problem to the page's list on purpose.
    const { page, problems } = app;
    const before = problems.length;
    const ran = await page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__inlineScriptRan = true";
      document.head.append(script);
      return new Promise<boolean>((resolve) =>
        setTimeout(() => resolve((window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true), 50),
      );
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.slice(before).some((p) => p.startsWith("console error: CSP violation: script-src"))).toBe(true);
  });
});

describe("a graph.json that fails the schema check", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("is drawn, then replaced by an alert that names the file and the place", async () => {
    // The built file with one actor's degree turned into text: the app can draw it, the check cannot pass it.
    const file = (await (await fetch(new URL("graph.json", inject("baseURL")))).json()) as {
      nodes: { attributes: Record<string, unknown> }[];
    };
    file.nodes[0]!.attributes.degree = "many";
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    try {
      await context.route("**/graph.json", (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(file) }));
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(new URL("/", inject("baseURL")).href);
      // The notices' live region is an (empty) alert too; the message takes the graph's place.
      const alert = page.locator(".graph-area.placeholder[role=alert]");
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/^\.\/graph\.json does not match the graph format at nodes\.0\.attributes\.degree: /);
      expect(await page.locator('[data-testid="graph"]').count()).toBe(0);
      const shot = await screenshot(page, "smoke-bad-graph-json");
      // Where the graph was, only the grey message: none of the actors' colours.
      const box = (await alert.boundingBox())!;
      const region = { x: Math.round(box.x), y: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) };
      expect(region.width * region.height).toBeGreaterThan(100_000);
      expect(countColoredPixels(shot, { region })).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
