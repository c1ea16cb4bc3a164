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
