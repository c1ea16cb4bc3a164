/**
 * A readable picture (issue #11), checked in what is drawn, at 1280×800 and
 * on a phone: no two labels overlap (actor and relation labels together, read
 * from the label layer's placed boxes, each checked to hold drawn text), none
 * covers another actor's disc, the largest actors are labelled in the first
 * view; in the first view, with each of the five largest actors hovered and
 * selected, a bundle opened by selecting it, Neighbours of Sergei Lavrov and a
 * path. The SVG export's text boxes, measured by the browser, overlap neither
 * each other nor the legend band.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KgWindow } from "./app-handle";
import { canvasRegion, countPixels, launchBrowser, nodeViewport, openApp, screenshot, type OpenedApp, type Region } from "./browser";
import { exportFile, keepCopy } from "./file-helpers";
import { dispatch, resetView, settle } from "./graph-helpers";

interface Label {
  key: string;
  kind: "node" | "edge";
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  focus: boolean;
  forced: boolean;
}

const labelsOf = (page: Page) => page.evaluate(() => (window as unknown as { __kg: { labels(): Label[] } }).__kg.labels());

const overlap = (a: Region, b: Region) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const box = (l: Label): Region => ({ x: l.x, y: l.y, width: l.w, height: l.h });

/** Every pair of drawn labels apart; every label inside the graph area and holding drawn text (dark or light ink). */
async function expectLegible(page: Page, name: string): Promise<Label[]> {
  // On a phone a selection opens the details drawer over the graph; a reader closes it to look at the graph.
  const close = page.getByRole("button", { name: /^Close (details|filters)$/ });
  for (const button of await close.all()) if (await button.isVisible()) await button.click();
  await settle(page, 4);
  const labels = await labelsOf(page);
  const png = await screenshot(page, `legible-${name}`);
  const region = await canvasRegion(page);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) {
      const [a, b] = [labels[i]!, labels[j]!];
      expect(overlap(box(a), box(b)), `${name}: "${a.text}" overlaps "${b.text}"`).toBe(false);
    }
  for (const l of labels) {
    expect(l.x >= region.x - 1 && l.y >= region.y - 1 && l.x + l.w <= region.x + region.width + 1, `${name}: "${l.text}" inside`).toBe(
      true,
    );
    // Pixels in the ink of labels (actors' darker, relations' greyer): the text is really there.
    const inkColor = l.kind === "node" ? [0x1f, 0x29, 0x33] : [0x3e, 0x4c, 0x59];
    const ink = countPixels(png, (r, g, b) => Math.abs(r - inkColor[0]!) + Math.abs(g - inkColor[1]!) + Math.abs(b - inkColor[2]!) < 90, {
      x: Math.round(l.x),
      y: Math.round(l.y),
      width: Math.round(l.w),
      height: Math.round(l.h),
    });
    expect(ink, `${name}: "${l.text}" is drawn where it was placed`).toBeGreaterThan(3);
  }
  // No label over another actor's disc, but for those that must show (the focus, a path's actors, the largest hubs).
  const discs = await page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg!;
    const sigma = kg.sigma as unknown as {
      scaleSize(s: number): number;
      getNodeDisplayData(n: string): { size: number; hidden?: boolean } | undefined;
    };
    const out: { key: string; x: number; y: number; r: number }[] = [];
    kg.graph.forEachNode((key) => {
      const at = kg.nodeViewport(key);
      const d = sigma.getNodeDisplayData(key);
      if (at && d && !d.hidden) out.push({ key, x: at.x, y: at.y, r: sigma.scaleSize(d.size) });
    });
    return out;
  });
  for (const l of labels.filter((l) => !l.forced)) {
    for (const d of discs) {
      if (l.kind === "node" && d.key === l.key) continue;
      const nx = Math.max(l.x, Math.min(d.x, l.x + l.w));
      const ny = Math.max(l.y, Math.min(d.y, l.y + l.h));
      expect((nx - d.x) ** 2 + (ny - d.y) ** 2 >= d.r * d.r - 1, `${name}: "${l.text}" covers ${d.key}`).toBe(true);
    }
  }
  return labels;
}

for (const viewport of [
  { width: 1280, height: 800, name: "desktop" },
  { width: 390, height: 844, name: "phone" },
]) {
  describe(`labels never overlap (${viewport.name} ${viewport.width}×${viewport.height})`, () => {
    let browser: Browser;
    let app: OpenedApp;
    let page: Page;
    let largest: string[];

    beforeAll(async () => {
      browser = await launchBrowser();
      app = await openApp(browser, "/", { viewport });
      page = app.page;
      largest = await page.evaluate(() => {
        const g = (window as unknown as KgWindow).__kg!.graph;
        return g
          .nodes()
          .sort((a, b) => g.degree(b) - g.degree(a))
          .slice(0, 5);
      });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it("in the first view, with the largest actors labelled", async () => {
      await resetView(page);
      const labels = await expectLegible(page, `${viewport.name}-first`);
      const labelled = new Set(labels.filter((l) => l.kind === "node").map((l) => l.key));
      for (const key of largest.slice(0, 2)) expect(labelled.has(key), `${key} labelled`).toBe(true);
      expect(labels.length).toBeGreaterThan(viewport.name === "phone" ? 5 : 15);
      expect(app.problems).toEqual([]);
    });

    it("with each of the five largest actors hovered, then selected", async () => {
      for (const key of largest) {
        await resetView(page);
        const at = await nodeViewport(page, key);
        await page.mouse.move(at.x, at.y);
        await expect
          .poll(() =>
            page
              .evaluate(() => (window as unknown as KgWindow).__kg!.getState() as { ui: { hovered: string | null } })
              .then((s) => s.ui.hovered),
          )
          .toBe(key);
        const hovered = await expectLegible(page, `${viewport.name}-hover-${key}`);
        expect(hovered.find((l) => l.key === key && l.kind === "node")?.focus, `${key}'s own label, in full`).toBe(true);
        await page.mouse.move(1, 1);
        await dispatch(page, { type: "select", node: key });
        const selected = await expectLegible(page, `${viewport.name}-select-${key}`);
        expect(selected.some((l) => l.key === key)).toBe(true);
      }
      expect(app.problems).toEqual([]);
    });

    it("with a bundle opened by selecting it: its relation labelled in full, its two actors labelled", async () => {
      await resetView(page);
      // The bundle between the two largest actors: select one of its relations, as a click on it does.
      const edge = await page.evaluate(([a, b]) => (window as unknown as KgWindow).__kg!.graph.edges(a!, b!)[0]!, largest);
      await dispatch(page, { type: "selectEdge", edge });
      const labels = await expectLegible(page, `${viewport.name}-bundle`);
      const full = await page.evaluate((e) => (window as unknown as KgWindow).__kg!.graph.getEdgeAttribute(e, "label") as string, edge);
      expect(labels.find((l) => l.kind === "edge" && l.key === edge)?.text).toBe(full);
      for (const key of largest.slice(0, 2))
        expect(
          labels.some((l) => l.kind === "node" && l.key === key),
          key,
        ).toBe(true);
      // The bundle is open: its relations are drawn one by one.
      const shown = await page.evaluate(([a, b]) => {
        const kg = (window as unknown as KgWindow).__kg!;
        return kg.graph.edges(a!, b!).filter((e) => !(kg.sigma.getEdgeDisplayData(e) as { hidden?: boolean }).hidden).length;
      }, largest);
      expect(shown).toBeGreaterThan(1);
      expect(app.problems).toEqual([]);
    });

    it("with Neighbours of Sergei Lavrov, framed", async () => {
      await resetView(page);
      await dispatch(page, { type: "select", node: "sergei-lavrov" }, { type: "setFocus", depth: 1 });
      const labels = await expectLegible(page, `${viewport.name}-lavrov-neighbours`);
      const shown = await page.evaluate(
        () => ((window as unknown as KgWindow).__kg as unknown as { visible(): { nodes: string[] } }).visible().nodes,
      );
      // Framed: every neighbour is on screen, and most are labelled.
      const region = await canvasRegion(page);
      for (const key of shown) {
        const at = await nodeViewport(page, key);
        expect(
          at.x > region.x && at.x < region.x + region.width && at.y > region.y && at.y < region.y + region.height,
          `${key} framed`,
        ).toBe(true);
      }
      expect(labels.filter((l) => l.kind === "node").length).toBeGreaterThanOrEqual(
        Math.min(shown.length, viewport.name === "phone" ? 4 : 7),
      );
      expect(app.problems).toEqual([]);
    });

    it("with a path", async () => {
      await resetView(page);
      await dispatch(page, { type: "setPath", from: "narendra-modi", to: "sergei-lavrov" });
      const labels = await expectLegible(page, `${viewport.name}-path`);
      const path = await page.evaluate(
        () => ((window as unknown as KgWindow).__kg as unknown as { path(): { nodes: string[] } }).path().nodes,
      );
      for (const key of path)
        expect(
          labels.some((l) => l.kind === "node" && l.key === key),
          `${key} on the path labelled`,
        ).toBe(true);
      expect(app.problems).toEqual([]);
    });

    if (viewport.name === "desktop") {
      it("in the SVG export: text boxes apart from each other and from the legend band", async () => {
        await resetView(page);
        await dispatch(page, { type: "select", node: "japan" });
        await settle(page);
        const file = await exportFile(page, "SVG image", { title: "Russia and Japan" });
        keepCopy("legible-export.svg", file.bytes);
        const view = await browser.newPage({ viewport: { width: 1280, height: 1200 } });
        try {
          await view.setContent(`<!doctype html><body style="margin:0">${file.text.replace(/^<\?xml[^>]*>/, "")}</body>`);
          const measured = await view.evaluate(() => {
            const rect = (el: Element) => {
              const r = el.getBoundingClientRect();
              return { x: r.left, y: r.top, width: r.width, height: r.height };
            };
            return {
              labels: [...document.querySelectorAll("g.labels text")].map((t) => ({ text: t.textContent ?? "", ...rect(t) })),
              legend: rect(document.querySelector("g.legend")!),
              title: rect(document.querySelector("g.title")!),
              graph: rect(document.querySelector("g.graph")!),
            };
          });
          await screenshot(view, "legible-export-svg");
          expect(measured.labels.length).toBeGreaterThan(10);
          for (let i = 0; i < measured.labels.length; i++) {
            const a = measured.labels[i]!;
            expect(overlap(a, measured.legend), `"${a.text}" over the legend`).toBe(false);
            expect(overlap(a, measured.title), `"${a.text}" over the title`).toBe(false);
            for (let j = i + 1; j < measured.labels.length; j++) {
              const b = measured.labels[j]!;
              expect(overlap(a, b), `"${a.text}" overlaps "${b.text}" in the SVG`).toBe(false);
            }
          }
        } finally {
          await view.close();
        }
        expect(app.problems).toEqual([]);
      });
    }
  });
}
