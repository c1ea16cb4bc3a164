/**
 * A file too large to lay out in a moment (issue 13: big inputs degrade, never
 * freeze): a graph of 12 000 actors without positions. The app asks before
 * laying it out; Cancel keeps the current view; the layout runs in a worker
 * with its progress shown (the page keeps updating it) and a Cancel that
 * keeps the view too; when it ends, the graph opens laid out. Screenshots go
 * to test-results/screenshots/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KgWindow } from "./app-handle";
import { launchBrowser, openApp, screenshot, type OpenedApp } from "./browser";
import { dismissNotices, idle, noticeNamed, openFile } from "./file-helpers";
import { settle } from "./graph-helpers";

const ACTORS = 12_000;

/** A graphology JSON file of a ring with chords, no positions, in a stable order. */
function bigGraph(): string {
  const nodes = Array.from({ length: ACTORS }, (_, i) => ({ key: `n${i}`, attributes: { label: `Actor ${i}` } }));
  const edges: { source: string; target: string }[] = [];
  for (let i = 0; i < ACTORS; i++) {
    edges.push({ source: `n${i}`, target: `n${(i + 1) % ACTORS}` });
    if (i % 3 === 0) edges.push({ source: `n${i}`, target: `n${(i * 7 + 11) % ACTORS}` });
  }
  return JSON.stringify({ attributes: {}, options: { type: "undirected", multi: false }, nodes, edges });
}

let browser: Browser;
let app: OpenedApp;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, "/");
  page = app.page;
});

afterAll(async () => {
  await browser?.close();
});

const source = () =>
  page.evaluate(() => ((window as unknown as KgWindow).__kg!.getState() as { data: { loaded: { source: unknown } } }).data.loaded.source);

describe("a graph too large to lay out at once", () => {
  const file = { name: "big.json", text: bigGraph(), mimeType: "application/json" };

  it("is laid out only when the reader says so, in a worker, with progress and a Cancel that keeps the view", async () => {
    const before = await source();
    expect(before).toMatchObject({ kind: "built" });
    const question = page.getByRole("dialog", { name: "Lay out “big.json”?" });

    // Asked first, with the size said; Cancel (or Escape) keeps the view.
    await openFile(page, file);
    await question.waitFor();
    expect(await question.textContent()).toContain("12,000 actors");
    await screenshot(page, "large-file-question");
    await question.getByRole("button", { name: "Cancel" }).click();
    await noticeNamed(page, "status", "Did not open “big.json”").waitFor();
    expect(await source()).toEqual(before);
    await dismissNotices(page);

    // Laid out in a worker: the progress moves (the page is free to update it), and Cancel stops it.
    await openFile(page, file);
    await question.getByRole("button", { name: "Lay it out" }).click();
    const progress = page.locator(".busy").getByText(/Laying out big\.json… \d+%/);
    await progress.waitFor();
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const text = (await page.locator(".busy").textContent()) ?? "";
          const percent = /(\d+)%/.exec(text)?.[1];
          if (percent) seen.add(percent);
          return seen.size;
        },
        { timeout: 60_000, interval: 100 },
      )
      .toBeGreaterThan(1);
    await screenshot(page, "large-file-progress");
    await page.locator(".busy").getByRole("button", { name: "Cancel" }).click();
    await noticeNamed(page, "status", "Did not open “big.json”").waitFor();
    await idle(page);
    expect(await source()).toEqual(before);
    expect(app.problems).toEqual([]);
    await dismissNotices(page);

    // Let it finish: the graph opens laid out: actors linked in the ring sit far closer than actors taken at random.
    await openFile(page, file);
    await question.getByRole("button", { name: "Lay it out" }).click();
    await noticeNamed(page, "status", "Opened the graphology JSON file “big.json”").waitFor({ timeout: 240_000 });
    await settle(page);
    expect(await source()).toEqual({ kind: "file", name: "big.json" });
    const distances = await page.evaluate((n) => {
      const graph = (window as unknown as KgWindow).__kg!.graph;
      const at = (i: number) => graph.getNodeAttributes(`n${i}`) as { x: number; y: number };
      const apart = (i: number, j: number) => Math.hypot(at(i).x - at(j).x, at(i).y - at(j).y);
      let linked = 0;
      let random = 0;
      for (let i = 0; i < n; i += 7) {
        linked += apart(i, (i + 1) % n);
        random += apart(i, (i * 4001 + 17) % n);
      }
      return { order: graph.order, linked, random };
    }, ACTORS);
    expect(distances.order).toBe(ACTORS);
    expect(distances.linked * 3).toBeLessThan(distances.random);
    await screenshot(page, "large-file-opened");
    expect(app.problems).toEqual([]);
  }, 400_000);
});
