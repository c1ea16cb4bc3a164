/**
 * Analysis (#16) in the built app, at 1280×800 and on a phone: sizing by
 * betweenness changes the drawn discs (pixels), colouring by community
 * changes the legend, the relation table sorted by date starts with the
 * oldest, a table row selects its actor in the graph (and follows the
 * graph's selection), a search of the quotes for "sanctions" lists quotes
 * containing it and lights their relations; and the statistics, computed in
 * a Web Worker, work under the page's Content-Security-Policy.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KgWindow } from "./app-handle";
import { canvasRegion, launchBrowser, openApp, screenshot, type OpenedApp } from "./browser";
import { discShare, dispatch, drawnNodes, hexToRgb, inside, resetView, settle, state, visibleSets, type DrawnNode } from "./graph-helpers";

/** The app's state as these tests read it, loosely. */
interface Loose {
  view: { selected: string | null; selectedEdge: string | null; filters: { quote: string | null }; appearance: Record<string, unknown> };
  ui: { statistics: { result: { metrics: { nodes: string[]; values: Record<string, Record<string, number>> } } | null } };
}
const loose = (page: Page) => page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as KgWindow).__kg!.getState())) as Loose);

/** Waits until the statistics of the visible graph of now are known. */
async function statisticsReady(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as unknown as KgWindow).__kg!.getState() as { ui: { statistics: { result: unknown; running: unknown } } };
      return s.ui.statistics.result !== null && s.ui.statistics.running === null;
    },
    null,
    { polling: 50, timeout: 30_000 },
  );
  await settle(page);
}

async function openAppearance(page: Page): Promise<void> {
  const summary = page.locator(".appearance-panel summary");
  if ((await page.locator(".appearance-panel[open]").count()) === 0) await summary.click();
}

/** On a phone a selection opens the details as a drawer over the page; a user puts it away (a tap beside it). */
async function putDetailsAway(page: Page): Promise<void> {
  const details = page.getByRole("button", { name: "Details", exact: true });
  if ((await details.count()) > 0 && (await details.getAttribute("aria-expanded")) === "true") {
    await page.locator(".drawer-backdrop").click({ position: { x: 20, y: 20 } });
    await page.getByRole("dialog", { name: "Details" }).waitFor({ state: "hidden" });
  }
}

async function openTab(page: Page, name: string): Promise<void> {
  await putDetailsAway(page);
  const analysis = page.getByRole("button", { name: "Analysis", exact: true });
  if ((await analysis.getAttribute("aria-expanded")) !== "true") await analysis.click();
  const tab = page.getByRole("tab", { name });
  if ((await tab.getAttribute("aria-selected")) !== "true") await tab.click();
}

/** The graph's and the open analysis region's boxes, in page pixels, and the rem in pixels. */
async function graphAndDock(page: Page) {
  return page.evaluate(() => {
    const box = (selector: string) => {
      const r = document.querySelector(selector)!.getBoundingClientRect();
      return { top: r.top + scrollY, bottom: r.bottom + scrollY, height: r.height };
    };
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    return { graph: box(".graph-area"), dock: box(".analysis-dock.open"), rem };
  });
}

/** Radius in px of the disc of `node` as drawn now. */
const radius = (nodes: DrawnNode[], key: string) => nodes.find((n) => n.key === key)!.r;

for (const viewport of [
  { width: 1280, height: 800, name: "desktop" },
  { width: 390, height: 844, name: "phone" },
]) {
  describe(`analysis (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let browser: Browser;
    let app: OpenedApp;
    let page: Page;

    beforeAll(async () => {
      browser = await launchBrowser();
      app = await openApp(browser, "/", { viewport });
      page = app.page;
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("sizes actors by betweenness: the discs drawn change, and the legend says so", async () => {
      await resetView(page);
      await openAppearance(page);
      await settle(page);
      const before = await drawnNodes(page);
      await page.getByLabel("Size actors by").selectOption("betweenness");
      await statisticsReady(page);
      const after = await drawnNodes(page);
      await screenshot(page, `analysis-${viewport.name}-size-betweenness`);
      const s = await loose(page);
      expect(s.view.appearance.sizeBy).toBe("betweenness");
      const m = s.ui.statistics.result!.metrics;
      const between = (k: string) => m.values.betweenness![m.nodes.indexOf(k)]!;
      // The actor with the highest betweenness is drawn largest; those on no shortest path, smallest.
      const top = m.nodes.reduce((a, b) => (between(b) > between(a) ? b : a));
      const zeros = before.filter((n) => between(n.key) === 0).sort((a, b) => b.r - a.r);
      expect(radius(after, top)).toBeCloseTo(Math.max(...after.map((n) => n.r)), 5);
      expect(radius(after, zeros[0]!.key)).toBeCloseTo(Math.min(...after.map((n) => n.r)), 5);
      expect(radius(after, zeros[0]!.key)).toBeLessThan(zeros[0]!.r * 0.8);
      await expect.poll(() => page.locator(".legend").textContent()).toContain("Size: betweenness");
      expect(new URL(page.url()).searchParams.get("size")).toBe("betweenness");

      // In pixels: close in on a large actor that lies on no shortest path and stands apart, and measure its disc
      // by the area of its colour, sized by relations, then by betweenness.
      const region = await canvasRegion(page);
      let measured: { key: string; r0: number; r1: number; drawn0: number; drawn1: number } | null = null;
      for (const candidate of zeros.slice(0, 10)) {
        const at = await page.evaluate((k) => {
          const d = (
            (window as unknown as KgWindow).__kg!.sigma as unknown as { getNodeDisplayData(n: string): { x: number; y: number } }
          ).getNodeDisplayData(k);
          return { x: d.x, y: d.y };
        }, candidate.key);
        await dispatch(page, { type: "setCamera", camera: { x: at.x, y: at.y, ratio: 0.1, angle: 0 } });
        await page.getByLabel("Size actors by").selectOption("relations");
        await settle(page);
        const nodes0 = await drawnNodes(page);
        const n = nodes0.find((x) => x.key === candidate.key)!;
        const apart = nodes0.every((o) => o.key === n.key || Math.hypot(o.x - n.x, o.y - n.y) > o.r + n.r * 1.3 + 3);
        if (!apart || n.r < 5 || !inside(n, region, n.r + 4)) continue;
        const png0 = await screenshot(page, `analysis-${viewport.name}-disc-relations`);
        await page.getByLabel("Size actors by").selectOption("betweenness");
        await settle(page);
        const n1 = (await drawnNodes(page)).find((x) => x.key === candidate.key)!;
        const png1 = await screenshot(page, `analysis-${viewport.name}-disc-betweenness`);
        const drawn = (png: Buffer) => n.r * 1.3 * Math.sqrt(discShare(png, n, n.r * 1.3, hexToRgb(n.color), 24));
        measured = { key: n.key, r0: n.r, r1: n1.r, drawn0: drawn(png0), drawn1: drawn(png1) };
        break;
      }
      expect(measured, "an actor to measure").not.toBeNull();
      const { r0, r1, drawn0, drawn1 } = measured!;
      expect(r1).toBeLessThan(r0 * 0.8);
      expect(Math.abs(drawn0 - r0)).toBeLessThan(Math.max(2, r0 * 0.25));
      expect(Math.abs(drawn1 - r1)).toBeLessThan(Math.max(2, r1 * 0.35));
      expect(drawn1).toBeLessThan(drawn0 * 0.85);
      expect(app.problems).toEqual([]);
    });

    it("colours actors by community: the legend names the communities in the colours drawn", async () => {
      await resetView(page);
      await expect.poll(() => page.locator(".legend").textContent()).toContain("country");
      await openAppearance(page);
      await page.getByLabel("Colour actors by").selectOption("community");
      await statisticsReady(page);
      const legend = page.locator(".legend");
      await expect.poll(() => legend.textContent()).toContain("Actors by community");
      const text = (await legend.textContent())!;
      expect(text).toContain("community 1");
      expect(text).toContain("community 2");
      expect(text).not.toMatch(/\bperson\b/);
      // Each actor is drawn in its community's colour, the one its legend entry shows.
      const nodes = await drawnNodes(page);
      const s = await loose(page);
      expect(s.view.appearance.colorBy).toBe("community");
      const swatch = await legend
        .locator("li", { hasText: /^community 1\b/ })
        .locator(".dot")
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      const community1 = nodes.filter((n) => n.color.toLowerCase() === rgbToHex(swatch));
      expect(community1.length).toBeGreaterThan(1);
      await screenshot(page, `analysis-${viewport.name}-community`);
      await page.getByLabel("Colour actors by").selectOption("kind");
      await expect.poll(() => legend.textContent()).toContain("person");
      expect(app.problems).toEqual([]);
    });

    it("sorts the relation table by date, oldest first", async () => {
      await resetView(page);
      await openTab(page, "Relations table");
      const table = page.getByRole("grid", { name: "Visible relations" });
      await expect.poll(() => table.locator("tbody tr").count()).toBeGreaterThan(3);
      await table.getByRole("button", { name: /^Date/ }).click();
      await expect.poll(() => table.locator("th", { hasText: "Date" }).getAttribute("aria-sort")).toBe("ascending");
      const oldest = await page.evaluate(() => {
        const g = (window as unknown as KgWindow).__kg!.graph;
        return g
          .edges()
          .flatMap((e) => (g.getEdgeAttribute(e, "evidence") as { date: string }[]).map((x) => x.date))
          .sort()[0]!;
      });
      const dates = await table
        .locator("tbody tr")
        .evaluateAll((rows) =>
          rows
            .sort((a, b) => Number(a.getAttribute("aria-rowindex")) - Number(b.getAttribute("aria-rowindex")))
            .map((r) => r.children[4]!.textContent),
        );
      expect(dates[0]).toBe(oldest);
      expect([...dates].sort()).toEqual(dates);
      await screenshot(page, `analysis-${viewport.name}-relations-by-date`);
      // The open region lies under the graph, never over it, and the graph keeps its room (12rem).
      const { graph, dock, rem } = await graphAndDock(page);
      expect(dock.top).toBeGreaterThanOrEqual(graph.bottom - 1);
      expect(graph.height).toBeGreaterThanOrEqual(12 * rem - 1);
      // Again: newest first.
      await table.getByRole("button", { name: /^Date/ }).click();
      await expect.poll(() => table.locator("th", { hasText: "Date" }).getAttribute("aria-sort")).toBe("descending");
      const first = await table.locator('tbody tr[aria-rowindex="2"] td').nth(4).textContent();
      expect(first! > oldest).toBe(true);
      expect(app.problems).toEqual([]);
    });

    it("selects an actor from its table row, and the row follows the graph's selection", async () => {
      await resetView(page);
      await openTab(page, "Actors table");
      const table = page.getByRole("grid", { name: "Visible actors" });
      await page.getByRole("searchbox", { name: "Filter the actors" }).fill("lavrov");
      await expect.poll(() => table.locator("tbody tr").count()).toBe(1);
      await table.locator("tbody tr").first().click();
      await expect.poll(async () => (await state(page)).view.selected).toBe("sergei-lavrov");
      await settle(page);
      await expect.poll(() => page.locator("#details-title").textContent()).toBe("Sergei Lavrov");
      expect(await table.locator('tbody tr[data-key="sergei-lavrov"]').getAttribute("aria-selected")).toBe("true");
      // The actor is lit in the graph: the highlight is its neighbourhood.
      const lit = await page.evaluate(() => {
        const kg = (window as unknown as KgWindow).__kg!;
        // On screen the programs dim what is not lit (src/sigma/programs.ts): the display data carry a lit flag.
        const d = kg.sigma.getNodeDisplayData("sergei-lavrov") as { lit?: number } | undefined;
        return d?.lit === 1;
      });
      expect(lit).toBe(true);
      // The actor panel shows its figures with their ranks.
      await statisticsReady(page);
      await expect.poll(() => page.locator(".actor-stats").textContent()).toMatch(/\d+(st|nd|rd|th) of \d+ by betweenness/);
      await screenshot(page, `analysis-${viewport.name}-row-selects`);
      // Selected in the graph, the actor's row is marked.
      await page.getByRole("searchbox", { name: "Filter the actors" }).fill("");
      await dispatch(page, { type: "select", node: "japan" });
      await expect.poll(() => table.locator('tbody tr[data-key="japan"]').getAttribute("aria-selected")).toBe("true");
      expect(app.problems).toEqual([]);
    });

    it("searches the quotes for 'sanctions': lists the quotes containing it and lights their relations", async () => {
      await resetView(page);
      await openTab(page, "Search quotes");
      await page.getByRole("searchbox", { name: "Search quotes" }).fill("sanctions");
      const results = page.getByRole("list", { name: "Matching quotes, by relation" });
      await expect.poll(() => results.locator(".quote-hit").count()).toBeGreaterThan(2);
      const quotes = await results.locator(".quote-hit q").allTextContents();
      for (const q of quotes) expect(q, q).toMatch(/sanction/i);
      const marks = await results.locator("mark").allTextContents();
      expect(marks.length).toBeGreaterThanOrEqual(quotes.length);
      for (const m of marks) expect(m).toMatch(/^sanction/i);
      const status = (await page.locator(".quote-search .table-count").textContent())!;
      const relations = Number(/in (\d+) relations?/.exec(status)![1]);
      expect(relations).toBeGreaterThan(1);
      await screenshot(page, `analysis-${viewport.name}-quotes`);

      await page.getByRole("button", { name: "Show all matches in the graph" }).click();
      await expect.poll(async () => (await state(page)).view.filters.quote).toBe("sanctions");
      await settle(page);
      const { edges } = await visibleSets(page);
      expect(edges).toHaveLength(relations);
      const quoted = await page.evaluate(
        (list) =>
          list.every((e) =>
            ((window as unknown as KgWindow).__kg!.graph.getEdgeAttribute(e, "evidence") as { quote: string }[]).some((x) =>
              /sanction/i.test(x.quote),
            ),
          ),
        edges,
      );
      expect(quoted).toBe(true);
      // Drawn: each of those relations is on screen and not dimmed.
      const drawn = await page.evaluate((list) => {
        const kg = (window as unknown as KgWindow).__kg!;
        return list.filter((e) => {
          const d = kg.sigma.getEdgeDisplayData(e) as { hidden?: boolean } | undefined;
          return d !== undefined && !d.hidden;
        }).length;
      }, edges);
      expect(drawn).toBeGreaterThan(0);
      expect(new URL(page.url()).searchParams.get("q")).toBe("sanctions");
      await expect.poll(() => page.locator(".quote-filter-chip").textContent()).toContain("sanctions");
      await screenshot(page, `analysis-${viewport.name}-quotes-in-graph`);

      // Choosing a quote selects its relation and opens its evidence.
      const hit = results.locator(".quote-hit").first();
      const relation = await results.locator(".quote-relation").first().textContent();
      await hit.click();
      await expect.poll(async () => (await state(page)).view.selectedEdge).not.toBeNull();
      await expect.poll(() => page.locator("#details-title").textContent()).toBe(relation);
      await expect
        .poll(() => page.locator(".side-panel .evidence blockquote").allTextContents())
        .toEqual(expect.arrayContaining([expect.stringMatching(/sanction/i)]));
      await putDetailsAway(page);
      await page.getByRole("button", { name: "Show all relations again" }).click();
      await expect.poll(async () => (await state(page)).view.filters.quote).toBeNull();
      expect(app.problems).toEqual([]);
    });
  });
}

describe("statistics in a Web Worker under the page's Content-Security-Policy", () => {
  let browser: Browser;
  let app: OpenedApp;
  beforeAll(async () => {
    browser = await launchBrowser();
    app = await openApp(browser, "/?sel=japan");
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("computes them in the worker with progress, and again when a filter changes", async () => {
    const { page } = app;
    await page.evaluate(() => ((window as unknown as KgWindow).__kg as unknown as { workerThreshold(n: number): void }).workerThreshold(0));
    await dispatch(page, { type: "setFilters", filters: { families: ["conflict", "cooperation"] } });
    await statisticsReady(page);
    const worker = await page.evaluate(() => performance.getEntriesByType("resource").some((e) => /metrics-worker/.test(e.name)));
    expect(worker).toBe(true);
    const s = await loose(page);
    const { nodes } = await visibleSets(page);
    expect([...s.ui.statistics.result!.metrics.nodes].sort()).toEqual(nodes);
    await expect.poll(() => page.locator(".actor-stats").textContent()).toMatch(/of \d+ by PageRank/);
    expect(app.problems).toEqual([]);
  });
});

function rgbToHex(css: string): string {
  const [r, g, b] = css.match(/\d+/g)!.map(Number);
  return `#${[r, g, b].map((v) => v!.toString(16).padStart(2, "0")).join("")}`;
}
