/**
 * The explorer in a browser (issue #5): the first frame draws nodes and edges
 * in their colours, hover and selection light a neighbourhood and dim the
 * rest, search finds and centres an actor, the panel shows evidence and opens
 * it in the article, a relation shows its evidence, the live layout runs,
 * stops and resets, the camera buttons zoom and fit, every toolbar control has
 * a name, and the page fits a phone. Checks read the screen's pixels, not
 * only the DOM. One browser and one page for the desktop tests; each test
 * starts from the default view.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KgWindow, ViewportPoint } from "./app-handle";
import { canvasRegion, countColoredPixels, launchBrowser, nodeViewport, openApp, screenshot, type OpenedApp, type Region } from "./browser";
import {
  blankPoint,
  cameraState,
  countColor,
  discShare,
  dispatch,
  drawnNodes,
  hexToRgb,
  positions,
  resetView,
  sampleRadius,
  settle,
  squash,
  standalone,
  state,
  type DrawnNode,
} from "./graph-helpers";

// The app's palette (src/core/palette.ts), repeated: the tests do not import the app.
const DIMMED_NODE = hexToRgb("#e3e5e8");
const FAMILY = { cooperation: hexToRgb("#2e9e5b"), conflict: hexToRgb("#d1343b"), neutral: hexToRgb("#9aa3ad") };
const PERSON = hexToRgb("#e07b39");

const LAVROV = "sergei-lavrov";
const KISHIDA_LAVROV = "fumio-kishida|meets|sergei-lavrov";

let browser: Browser;
let app: OpenedApp;
let page: Page;
let region: Region;
/** Positions in the graph at load, for "Reset layout". */
let loadPositions: Record<string, [number, number]>;
/** Where japan was drawn on the first frame. */
let loadJapan: ViewportPoint;
let firstFrame: Buffer;

const reset = () => resetView(page);

function neighboursOf(node: string): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as KgWindow).__kg!.graph.neighbors(n), node);
}

/** The colour a node should have at rest, as [r, g, b]. */
const own = (n: DrawnNode) => hexToRgb(n.color);

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, "/");
  page = app.page;
  region = await canvasRegion(page);
  firstFrame = await screenshot(page, "explorer-first-frame");
  loadPositions = await positions(page);
  loadJapan = await nodeViewport(page, "japan");
});

afterAll(async () => {
  await browser?.close();
});

describe("explorer (desktop 1280×800)", () => {
  it("draws nodes in their colours and edges in their family colours on the first frame", async () => {
    // Many coloured pixels in the graph area, not a blank canvas.
    expect(countColoredPixels(firstFrame, { region })).toBeGreaterThan(5000);

    // Japan, a big node, is drawn in the colour its graph attributes give it.
    const japanColor = await page.evaluate(() => (window as unknown as KgWindow).__kg!.ownColor("node", "japan")!);
    expect(japanColor).toBe("#3b6fb6");
    expect(discShare(firstFrame, loadJapan, 5, hexToRgb(japanColor))).toBeGreaterThan(0.9);

    // Most nodes that stand alone show their own colour at their centre (a label may cover a few).
    const alone = standalone(await drawnNodes(page), region);
    expect(alone.length).toBeGreaterThan(10);
    const right = alone.filter((n) => discShare(firstFrame, n, sampleRadius(n), own(n)) > 0.8);
    expect(right.length / alone.length).toBeGreaterThan(0.8);

    // Relations are drawn in their family colours.
    expect(countColor(firstFrame, FAMILY.cooperation, region, 8)).toBeGreaterThan(500);
    expect(countColor(firstFrame, FAMILY.conflict, region, 8)).toBeGreaterThan(500);
    expect(countColor(firstFrame, FAMILY.neutral, region, 6)).toBeGreaterThan(100);
    expect(app.problems).toEqual([]);
  });

  it("hover dims the actors that are not neighbours, and leaving restores them", async () => {
    await reset();
    const rest = await screenshot(page, "explorer-rest");
    const nodes = await drawnNodes(page);
    const japan = nodes.find((n) => n.key === "japan")!;
    const lit = new Set([...(await neighboursOf("japan")), "japan"]);
    // Nodes whose centre shows their colour at rest and where no lit label or the hover box will be drawn.
    const clear = standalone(nodes, region, { labelled: lit, boxed: ["japan"] }).filter(
      (n) => discShare(rest, n, sampleRadius(n), own(n)) > 0.9,
    );
    const others = clear.filter((n) => !lit.has(n.key)).slice(0, 3);
    const neighbours = clear.filter((n) => lit.has(n.key) && n.key !== "japan").slice(0, 3);
    expect(others.length).toBeGreaterThan(0);
    expect(neighbours.length).toBeGreaterThan(0);

    await page.mouse.move(japan.x, japan.y);
    await expect.poll(() => state(page).then((s) => s.ui.hovered)).toBe("japan");
    await settle(page);
    const hovered = await screenshot(page, "explorer-hover-japan");
    for (const n of others) {
      expect(discShare(hovered, n, sampleRadius(n), DIMMED_NODE, 6), `${n.key} is dimmed`).toBeGreaterThan(0.9);
      expect(discShare(hovered, n, sampleRadius(n), own(n)), `${n.key} lost its colour`).toBe(0);
    }
    for (const n of neighbours) {
      expect(discShare(hovered, n, sampleRadius(n), own(n)), `neighbour ${n.key} keeps its colour`).toBeGreaterThan(0.9);
    }
    expect(discShare(hovered, japan, 5, own(japan))).toBeGreaterThan(0.9);
    // Most of the graph is dimmed now.
    expect(countColor(hovered, DIMMED_NODE, region, 4)).toBeGreaterThan(countColor(rest, DIMMED_NODE, region, 4) + 500);

    await page.mouse.move(...xy(blankPoint(rest, region, nodes)));
    await expect.poll(() => state(page).then((s) => s.ui.hovered)).toBe(null);
    await settle(page);
    const after = await screenshot(page, "explorer-hover-left");
    for (const n of others) expect(discShare(after, n, sampleRadius(n), own(n)), `${n.key} restored`).toBeGreaterThan(0.9);
    expect(app.problems).toEqual([]);
  });

  it("a click selects and the highlight stays when the pointer moves on; Escape and a background click clear it", async () => {
    await reset();
    const rest = await screenshot(page, "explorer-rest-2");
    const nodes = await drawnNodes(page);
    const japan = nodes.find((n) => n.key === "japan")!;
    const lit = new Set([...(await neighboursOf("japan")), "japan"]);
    const other = standalone(nodes, region, { labelled: lit, boxed: ["japan"] }).find(
      (n) => !lit.has(n.key) && discShare(rest, n, sampleRadius(n), own(n)) > 0.9,
    )!;
    expect(other).toBeDefined();
    const dimmed = async (name: string) => discShare(await screenshot(page, name), other, sampleRadius(other), DIMMED_NODE, 6);

    await page.mouse.click(japan.x, japan.y);
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe("japan");
    await settle(page);
    // Background in both states: selecting Japan opens its bundles into curves.
    const blank = blankPoint([rest, await screenshot(page, "explorer-selected")], region, nodes);
    await page.mouse.move(...xy(blank));
    await expect.poll(() => state(page).then((s) => s.ui.hovered)).toBe(null);
    await settle(page);
    expect((await state(page)).view.selected).toBe("japan");
    expect(await dimmed("explorer-selected-pointer-away")).toBeGreaterThan(0.9);
    await expect
      .poll(() => page.getByRole("complementary", { name: "Details" }).getByRole("heading", { level: 2 }).first().textContent())
      .toBe("Japan");

    await page.keyboard.press("Escape");
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe(null);
    await settle(page);
    expect(await dimmed("explorer-escape")).toBe(0);

    await page.mouse.click(japan.x, japan.y);
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe("japan");
    await settle(page);
    expect(await dimmed("explorer-selected-again")).toBeGreaterThan(0.9);
    await page.mouse.click(blank.x, blank.y);
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe(null);
    await settle(page);
    expect(await dimmed("explorer-background-click")).toBe(0);
    expect(app.problems).toEqual([]);
  });

  it("search: '/' focuses it, a query lists matches, Enter selects the actor and centres it", async () => {
    await reset();
    await page.keyboard.press("/");
    const box = page.getByRole("combobox", { name: "Search actors" });
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await box.inputValue()).toBe(""); // the "/" was not typed into it

    await page.keyboard.type("lavrov");
    const list = page.getByRole("listbox");
    await list.waitFor({ state: "visible" });
    const options = list.getByRole("option");
    expect(await options.count()).toBeGreaterThan(0);
    expect(await options.first().isVisible()).toBe(true);
    expect((await options.allTextContents()).some((t) => t.startsWith("Sergei Lavrov"))).toBe(true);
    await page.keyboard.press("ArrowDown");
    expect(await list.locator('[role="option"][aria-selected="true"]').textContent()).toContain("Sergei Lavrov");
    await page.keyboard.press("Enter");

    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe(LAVROV);
    const details = page.getByRole("complementary", { name: "Details" });
    await details.getByRole("heading", { level: 2, name: "Sergei Lavrov" }).waitFor({ state: "visible" });
    expect(await list.isVisible()).toBe(false);

    // The camera glides to him: once it stops, he is near the middle of the graph area, drawn in his colour.
    await settle(page);
    const at = await nodeViewport(page, LAVROV);
    expect(Math.abs(at.x - (region.x + region.width / 2))).toBeLessThan(0.15 * region.width);
    expect(Math.abs(at.y - (region.y + region.height / 2))).toBeLessThan(0.15 * region.height);
    const centred = await screenshot(page, "explorer-search-lavrov");
    expect(discShare(centred, at, 3, PERSON)).toBeGreaterThan(0.9);

    // Case and diacritics do not matter.
    for (const query of ["KISHIDA", "Kíšhidá"]) {
      await box.fill("");
      await box.pressSequentially(query);
      await list.waitFor({ state: "visible" });
      const texts = await list.getByRole("option").allTextContents();
      expect(
        texts.some((t) => t.startsWith("Fumio Kishida")),
        `${query}: ${texts.join(" | ")}`,
      ).toBe(true);
    }
    await screenshot(page, "explorer-search-diacritics");
    await box.fill("");
    expect(app.problems).toEqual([]);
  });

  it("the panel shows a quote, and 'Read in article' opens the article with the quote highlighted in view", async () => {
    await reset();
    await dispatch(page, { type: "select", node: LAVROV });
    const details = page.getByRole("complementary", { name: "Details" });
    const figure = details.getByRole("figure").first();
    const quote = figure.locator("blockquote");
    await quote.waitFor({ state: "visible" });
    const quoteText = squash((await quote.textContent()) ?? "");
    expect(quoteText.length).toBeGreaterThan(20);

    // The article the quote comes from, per the graph.
    const title = await page.evaluate((q) => {
      const g = (window as unknown as KgWindow).__kg!.graph;
      const norm = (s: string) => s.replace(/\s+/g, " ").trim();
      let article: string | undefined;
      g.forEachEdge((_e, a) => {
        for (const ev of a.evidence as { article: string; quote: string }[]) if (!article && norm(ev.quote) === q) article = ev.article;
      });
      return (g.getAttribute("articles") as { id: string; title: string }[]).find((a) => a.id === article)?.title ?? null;
    }, quoteText);
    expect(title).not.toBeNull();

    const opener = figure.getByRole("button", { name: "Read in article" });
    await opener.click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor({ state: "visible" });
    expect(await dialog.getByRole("heading", { level: 2 }).textContent()).toBe(title);
    const mark = dialog.locator("mark");
    expect(await mark.count()).toBe(1);
    // The same words; a quote is verbatim up to the typography of quotes, dashes and spaces (graph/README.md).
    const typography = (t: string) => squash(t).replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, "-");
    expect(typography((await mark.textContent()) ?? "")).toBe(typography(quoteText));

    // The mark is scrolled into the visible part of the article text (and of the window).
    await page.waitForTimeout(100);
    const [markBox, bodyBox] = await Promise.all([mark.boundingBox(), dialog.getByLabel("Article text").boundingBox()]);
    expect(markBox && bodyBox).toBeTruthy();
    expect(markBox!.y).toBeGreaterThanOrEqual(bodyBox!.y - 1);
    expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(bodyBox!.y + bodyBox!.height + 1);
    expect(markBox!.y + markBox!.height).toBeLessThanOrEqual(800);
    // …and shows as a highlight on screen.
    const shot = await screenshot(page, "explorer-reader");
    const highlight = countColor(shot, hexToRgb("#ffe27a"), markBox!, 10);
    expect(highlight / (markBox!.width * markBox!.height)).toBeGreaterThan(0.3);

    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    const s = await state(page);
    expect(s.ui.reader).toBe(null);
    expect(s.view.selected).toBe(LAVROV); // Escape closed the reader only
    expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it("'Show in graph' and a click on an edge show that relation's evidence", async () => {
    await reset();
    await dispatch(page, { type: "select", node: LAVROV });
    const details = page.getByRole("complementary", { name: "Details" });
    // The relation is listed with each of its quotes; any of its buttons shows it.
    // Its accessible name starts with what the button says (the axe rule label-content-name-mismatch).
    await details.getByRole("button", { name: "Show in graph: Sergei Lavrov meets / holds talks with Fumio Kishida" }).first().click();
    await expect.poll(() => state(page).then((s) => s.view.selectedEdge)).toBe(KISHIDA_LAVROV);
    const expected = await edgeSummary(KISHIDA_LAVROV);
    expect(expected.heading).toBe("Fumio Kishida meets / holds talks with Sergei Lavrov");
    await details.getByRole("heading", { level: 2, name: expected.heading }).waitFor({ state: "visible" });
    expect(await details.getByRole("heading", { level: 3, name: `Evidence (${expected.evidence})` }).count()).toBe(1);
    expect(await details.locator("blockquote").count()).toBe(expected.evidence);

    // A click on a drawn edge: find a pixel of some edge, away from the nodes, that sigma's picking attributes to it.
    await reset();
    const shot = await screenshot(page, "explorer-edges");
    const nodes = await drawnNodes(page);
    const target = await edgePoint(shot, nodes);
    await page.mouse.move(target.x, target.y);
    await page.mouse.click(target.x, target.y);
    await expect.poll(() => state(page).then((s) => s.view.selectedEdge)).toBe(target.edge);
    const summary = await edgeSummary(target.edge);
    await details.getByRole("heading", { level: 2, name: summary.heading }).waitFor({ state: "visible" });
    expect(await details.getByRole("heading", { level: 3, name: `Evidence (${summary.evidence})` }).count()).toBe(1);
    expect(await details.locator("blockquote").count()).toBe(summary.evidence);
    await screenshot(page, "explorer-edge-clicked");
    expect(app.problems).toEqual([]);
  });

  it("the layout runs without freezing the page, stops, and resets to the positions at load", async () => {
    await reset();
    const before = await positions(page);
    const toolbar = page.getByRole("toolbar", { name: "Graph controls" });
    const started = Date.now();
    await toolbar.getByRole("button", { name: "Run layout" }).click();
    await expect.poll(() => state(page).then((s) => s.ui.layoutRunning)).toBe(true);
    expect(await toolbar.getByRole("button", { name: "Stop layout" }).getAttribute("aria-pressed")).toBe("true");

    // While it runs, the page answers at once and the search box takes typing.
    const trips: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      await page.evaluate(() => 1);
      trips.push(performance.now() - t);
    }
    const box = page.getByRole("combobox", { name: "Search actors" });
    const t = performance.now();
    await box.pressSequentially("shoigu");
    const typing = performance.now() - t;
    expect(await box.inputValue()).toBe("shoigu");
    await box.fill("");
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
    console.log(
      `layout running: evaluate round trips ${trips.map((x) => x.toFixed(0)).join(", ")} ms; typing 6 keys ${typing.toFixed(0)} ms`,
    );
    expect(Math.max(...trips)).toBeLessThan(1000);
    expect(trips.sort((a, b) => a - b)[2]!).toBeLessThan(250);
    expect(typing).toBeLessThan(3000);

    await page.waitForTimeout(Math.max(0, 1500 - (Date.now() - started)));
    const during = await positions(page);
    const moved = Object.keys(before).filter((k) => Math.hypot(during[k]![0] - before[k]![0], during[k]![1] - before[k]![1]) > 1e-3);
    expect(moved.length).toBeGreaterThan(Object.keys(before).length / 2);
    const running = await screenshot(page, "explorer-layout-running");
    expect(countColoredPixels(running, { region })).toBeGreaterThan(3000);

    await toolbar.getByRole("button", { name: "Stop layout" }).click();
    await expect.poll(() => state(page).then((s) => s.ui.layoutRunning)).toBe(false);
    await toolbar.getByRole("button", { name: "Run layout" }).waitFor();
    await settle(page);
    const stopped = await positions(page);
    await page.waitForTimeout(600);
    expect(await positions(page)).toEqual(stopped);

    await toolbar.getByRole("button", { name: "Reset layout" }).click();
    await expect.poll(() => positions(page)).toEqual(loadPositions);
    await settle(page);
    // Drawn where it was at load, in its colour.
    const japan = await nodeViewport(page, "japan");
    expect(Math.hypot(japan.x - loadJapan.x, japan.y - loadJapan.y)).toBeLessThan(1);
    const resetShot = await screenshot(page, "explorer-layout-reset");
    expect(discShare(resetShot, japan, 5, hexToRgb("#3b6fb6"))).toBeGreaterThan(0.9);
    expect(app.problems).toEqual([]);
  });

  it("Zoom in, Zoom out and Fit to screen change and restore the camera", async () => {
    await reset();
    const toolbar = page.getByRole("toolbar", { name: "Graph controls" });
    // At rest the camera frames what is shown (every actor), and the view holds no camera of its own.
    const start = await cameraState(page);
    expect((await state(page)).view.camera).toBe(null);
    const japanDistance = async () => {
      const [a, b] = await Promise.all([nodeViewport(page, "japan"), nodeViewport(page, "russia")]);
      return Math.hypot(a.x - b.x, a.y - b.y);
    };
    const d0 = await japanDistance();

    await toolbar.getByRole("button", { name: "Zoom in" }).click();
    await settle(page);
    const zoomed = await cameraState(page);
    expect(zoomed.ratio).toBeLessThan(start.ratio * 0.9);
    expect(await japanDistance()).toBeGreaterThan(d0 * 1.1);
    // The link-worthy camera follows, debounced.
    await expect.poll(() => state(page).then((s) => s.view.camera?.ratio ?? null)).toBeCloseTo(zoomed.ratio, 3);
    const at = await nodeViewport(page, "japan");
    const zoomShot = await screenshot(page, "explorer-zoomed-in");
    if (at.y > region.y + 70 && at.y < region.y + region.height - 20) {
      expect(discShare(zoomShot, at, 5, hexToRgb("#3b6fb6"))).toBeGreaterThan(0.9);
    }

    await toolbar.getByRole("button", { name: "Zoom out" }).click();
    await settle(page);
    expect((await cameraState(page)).ratio).toBeCloseTo(start.ratio, 3);
    await toolbar.getByRole("button", { name: "Zoom out" }).click();
    await settle(page);
    expect((await cameraState(page)).ratio).toBeGreaterThan(start.ratio * 1.1);
    expect(await japanDistance()).toBeLessThan(d0 * 0.9);

    await toolbar.getByRole("button", { name: "Fit to screen" }).click();
    await settle(page);
    const fit = await cameraState(page);
    expect(fit.ratio).toBeCloseTo(start.ratio, 3);
    expect(fit.x).toBeCloseTo(start.x, 3);
    expect(fit.y).toBeCloseTo(start.y, 3);
    await expect.poll(() => state(page).then((s) => s.view.camera)).toBe(null);
    const japan = await nodeViewport(page, "japan");
    expect(Math.hypot(japan.x - loadJapan.x, japan.y - loadJapan.y)).toBeLessThan(1);
    const fitShot = await screenshot(page, "explorer-fit");
    expect(discShare(fitShot, japan, 5, hexToRgb("#3b6fb6"))).toBeGreaterThan(0.9);
    expect(app.problems).toEqual([]);
  });

  it("every toolbar control has an accessible name and works from the keyboard", async () => {
    await reset();
    const toolbar = page.getByRole("toolbar", { name: "Graph controls" });
    const buttons = toolbar.getByRole("button");
    const count = await buttons.count();
    expect(count).toBeGreaterThanOrEqual(6);
    // Each control's accessible name, as assistive technology reads it.
    const snapshot = await toolbar.ariaSnapshot();
    const controls = snapshot.split("\n").filter((l) => /^\s*- (button|checkbox|slider|combobox|link|radio|switch)\b/.test(l));
    expect(controls).toHaveLength(count);
    for (const line of controls) expect(line, "a control without a name").toMatch(/- \w+ "[^"]+"/);
    for (const name of ["Zoom in", "Zoom out", "Fit to screen", "Fullscreen", "Run layout", "Reset layout"]) {
      expect(await toolbar.getByRole("button", { name, exact: true }).count(), name).toBe(1);
    }

    // Tab walks through the toolbar in order; Enter on "Zoom in" zooms.
    await toolbar.getByRole("button", { name: "Zoom in" }).focus();
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      names.push(
        await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent ?? ""),
      );
      await page.keyboard.press("Tab");
    }
    expect(names).toEqual(["Zoom in", "Zoom out", "Fit to screen", "Fullscreen", "Run layout", "Reset layout"]);
    const framed = await cameraState(page);
    await toolbar.getByRole("button", { name: "Zoom in" }).focus();
    await page.keyboard.press("Enter");
    await settle(page);
    expect((await cameraState(page)).ratio).toBeLessThan(framed.ratio * 0.9);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter"); // Fit to screen
    await settle(page);
    expect((await cameraState(page)).ratio).toBeCloseTo(framed.ratio, 3);
    expect(app.problems).toEqual([]);
  });

  it("saves the README screenshot: Japan selected, nothing hovered", async () => {
    await reset();
    await dispatch(page, { type: "select", node: "japan" });
    await settle(page, 4);
    const png = await screenshot(page, "readme-explorer");
    const japan = await nodeViewport(page, "japan");
    expect(discShare(png, japan, 5, hexToRgb("#3b6fb6"))).toBeGreaterThan(0.9);
    expect(countColor(png, DIMMED_NODE, region, 4)).toBeGreaterThan(500);
    expect(countColoredPixels(png, { region })).toBeGreaterThan(3000);
    expect(app.problems).toEqual([]);
  });
});

describe("explorer on a phone (390×844)", () => {
  it("loads without horizontal scrolling, draws the graph and has the details panel", async () => {
    const phone = await openApp(browser, "/", { viewport: { width: 390, height: 844 } });
    try {
      const p = phone.page;
      const { scrollWidth, innerWidth } = await p.evaluate(() => ({
        scrollWidth: document.scrollingElement!.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth + 1);
      const graph = await canvasRegion(p);
      expect(graph.width).toBeLessThanOrEqual(390);
      const png = await screenshot(p, "explorer-phone");
      expect(countColoredPixels(png, { region: graph })).toBeGreaterThan(1000);
      // On a phone the details are a drawer over the graph, opened by "Details" (or by a selection).
      const details = p.getByRole("complementary", { name: "Details" });
      expect(await details.count()).toBe(0);
      await p.getByRole("button", { name: "Details", exact: true }).click();
      await details.waitFor({ state: "visible" });
      const box = await details.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(391);
      expect(box!.y + box!.height).toBeLessThanOrEqual(845);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

const xy = (p: ViewportPoint): [number, number] => [p.x, p.y];

/** The heading the panel gives a relation and its number of evidence entries, from the graph. */
function edgeSummary(edge: string): Promise<{ heading: string; evidence: number }> {
  return page.evaluate((e) => {
    const g = (window as unknown as KgWindow).__kg!.graph;
    const label = (n: string) => g.getNodeAttribute(n, "label") as string;
    const a = g.getEdgeAttributes(e);
    return { heading: `${label(g.source(e))} ${a.label} ${label(g.target(e))}`, evidence: (a.evidence as unknown[]).length };
  }, edge);
}

/**
 * A viewport point on a drawn edge, away from every node, where sigma's edge
 * picking (its private `getEdgeAtPoint`, the one its click events use) finds
 * the same edge in a small square around it and the screenshot shows that
 * edge's family colour.
 */
async function edgePoint(shot: Buffer, nodes: DrawnNode[]): Promise<ViewportPoint & { edge: string }> {
  const candidates = await page.evaluate(
    ({ region, nodes }) => {
      const kg = (window as unknown as KgWindow).__kg!;
      const sigma = kg.sigma as unknown as { getEdgeAtPoint(x: number, y: number): string | null };
      const found: { x: number; y: number; edge: string; color: string }[] = [];
      for (let y = region.y + 80; y < region.y + region.height - 20; y += 5) {
        for (let x = region.x + 20; x < region.x + region.width - 20; x += 5) {
          if (nodes.some((n) => Math.hypot(n.x - x, n.y - y) < n.r + 12)) continue;
          const edge = sigma.getEdgeAtPoint(x - region.x, y - region.y);
          if (!edge) continue;
          let same = true;
          for (const [dx, dy] of [
            [-2, 0],
            [2, 0],
            [0, -2],
            [0, 2],
          ] as const) {
            if (sigma.getEdgeAtPoint(x + dx - region.x, y + dy - region.y) !== edge) same = false;
          }
          if (same) found.push({ x, y, edge, color: kg.ownColor("edge", edge)! });
        }
      }
      return found;
    },
    { region, nodes },
  );
  const hit = candidates.find((c) => discShare(shot, c, 1.5, hexToRgb(c.color), 10) > 0.8);
  if (!hit) throw new Error(`No clickable edge point found among ${candidates.length} picked points`);
  return hit;
}
