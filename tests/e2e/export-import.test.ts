/**
 * Export and import in a browser (issue #7): the Export menu works from the
 * keyboard; PNG exports have the size asked for, a background, a title and
 * the graph in them; the SVG is well-formed and matches the screen; a
 * filtered view exports only what is visible (GEXF, GraphML, CSV), under a
 * file name that says so; a snapshot reopens the same view, an exported GEXF
 * and a hand-written Gephi-like GEXF open and draw (laid out when they have
 * no positions); broken files give an alert and leave the view as it was;
 * dropping a file on the graph opens it like "Open…". Exported images are
 * kept in test-results/screenshots/. One browser, one page; it is reloaded
 * once, for the snapshot round trip.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { elements, parseCsv, parseXmlStrict } from "../unit/export-helpers";
import type { KgWindow, ViewportPoint } from "./app-handle";
import {
  appURL,
  canvasRegion,
  countColoredPixels,
  countPixels,
  launchBrowser,
  nodeViewport,
  openApp,
  pixelAt,
  screenshot,
  waitForReady,
  type OpenedApp,
  type Region,
} from "./browser";
import {
  cameraState,
  discShare,
  dispatch,
  hexToRgb,
  resetView,
  settle,
  squash,
  state,
  visibleSets,
  type RGB,
  type StateView,
} from "./graph-helpers";
import {
  decodeImage,
  dismissNotices,
  dropFile,
  exportFile,
  idle,
  keepCopy,
  noticeNamed,
  openFile,
  slug,
  type Exported,
  type FileToOpen,
} from "./file-helpers";

const SVG_NS = "http://www.w3.org/2000/svg";
const JAPAN_COLOR = hexToRgb("#3b6fb6");
const CSV_HEADER = [
  "subject",
  "relation",
  "object",
  "family",
  "directed",
  "date",
  "article title",
  "quote",
  "publisher",
  "article date",
  "article id",
  "subject id",
  "relation id",
  "object id",
  "edge id",
];
/** `<slug>_<years>_filtered_<YYYY-MM-DDTHHMM>.<ext>` */
const STAMP = String.raw`\d{4}-\d{2}-\d{2}T\d{4}`;

let browser: Browser;
let app: OpenedApp;
let page: Page;
let corpusSlug: string;

/** Files and views that later tests reopen. */
const kept: {
  gexf?: Exported;
  gexfNodes?: string[];
  snapshot?: Exported;
  snapshotView?: { visible: { nodes: string[]; edges: string[] }; view: StateView["view"] };
} = {};

const filters = () => page.getByRole("region", { name: "Filters" });

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, "/");
  page = app.page;
  corpusSlug = slug(await page.evaluate(() => (window as unknown as KgWindow).__kg!.graph.getAttribute("name") as string));
});

afterAll(async () => {
  await browser?.close();
});

/** The renderer's size and where its container is, in CSS px of the page. */
function graphBox(): Promise<{ width: number; height: number; left: number; top: number; boxWidth: number; boxHeight: number }> {
  return page.evaluate(() => {
    const sigma = (window as unknown as KgWindow).__kg!.sigma;
    const { width, height } = sigma.getDimensions();
    const box = sigma.getContainer().getBoundingClientRect();
    return { width, height, left: box.left, top: box.top, boxWidth: box.width, boxHeight: box.height };
  });
}

/** Sets the year window with the year handles and the keyboard, as a user would. */
async function setYears(from: number, to: number): Promise<void> {
  const toSlider = page.getByRole("slider", { name: "To year" });
  const fromSlider = page.getByRole("slider", { name: "From year" });
  const min = Number(await fromSlider.getAttribute("aria-valuemin"));
  const max = Number(await toSlider.getAttribute("aria-valuemax"));
  const now = async (slider: typeof toSlider) => Number(await slider.getAttribute("aria-valuenow"));
  // The handles step from year to year of the axis (long empty runs are jumped over).
  await toSlider.focus();
  await page.keyboard.press("End");
  while ((await now(toSlider)) > to) await page.keyboard.press("ArrowLeft");
  await fromSlider.focus();
  await page.keyboard.press("Home");
  while ((await now(fromSlider)) < from) await page.keyboard.press("ArrowRight");
  await expect
    .poll(() => state(page).then((s) => s.view.time))
    .toEqual({
      from: from <= min ? null : String(from),
      to: to >= max ? null : String(to),
    });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur?.());
}

/** Opens the filter panel if it is closed (at 1280 px it starts closed). */
async function openFilters(): Promise<void> {
  const button = page.getByRole("button", { name: "Filters", exact: true });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await filters().waitFor();
  await settle(page);
}

/** Everything "the current view" is: where the graph comes from, its size, the view, what is visible, the camera. */
async function viewNow() {
  const s = await page.evaluate(() => {
    const st = (window as unknown as KgWindow).__kg!.getState() as {
      data: { loaded: { source: { kind: string; name: string }; graph: { order: number; size: number } } };
      view: unknown;
    };
    const loaded = st.data.loaded;
    return { source: loaded.source, order: loaded.graph.order, size: loaded.graph.size, view: JSON.parse(JSON.stringify(st.view)) };
  });
  return { ...s, visible: await visibleSets(page), camera: await cameraState(page) };
}

/** Pixels that look like dark text (the title's #1f2933, anti-aliased), opaque enough to read. */
const dark = (r: number, g: number, b: number, a: number) => a > 200 && r < 110 && g < 110 && b < 120;
const whiteOpaque = (r: number, g: number, b: number, a: number) => a === 255 && r >= 250 && g >= 250 && b >= 250;

/** Where node `key` is drawn, relative to the graph container's top-left, in CSS px. */
async function inContainer(key: string): Promise<ViewportPoint> {
  const [at, box] = await Promise.all([nodeViewport(page, key), graphBox()]);
  return { x: at.x - box.left, y: at.y - box.top };
}

const scaled = (p: ViewportPoint, k: number): ViewportPoint => ({ x: p.x * k, y: p.y * k });

/** A node's radius on screen, in CSS px. */
function radius(key: string): Promise<number> {
  return page.evaluate((k) => {
    const s = (window as unknown as KgWindow).__kg!.sigma;
    return s.scaleSize(s.getNodeDisplayData(k)!.size);
  }, key);
}

/**
 * Runs `read` with the page laid out as it is while an export renders: no
 * notice, and the app's own "Exporting PNG…" (or SVG) progress note, which
 * sits above the graph and so may change its size. The export draws the
 * graph at that size, so that is the screen to compare the picture with.
 */
async function asDuringExport<T>(format: "PNG" | "SVG", read: () => Promise<T>): Promise<T> {
  await dismissNotices(page);
  await dispatch(page, { type: "setBusy", busy: `Exporting ${format}…` });
  await settle(page);
  try {
    return await read();
  } finally {
    await dispatch(page, { type: "setBusy", busy: null });
    await settle(page);
  }
}

/** Sizes measured by the image tests, for the test of the size bug. */
const sizes: { shown?: { width: number; height: number }; png?: { width: number; height: number }; png2x?: number[]; svg?: number[] } = {};

describe("export", () => {
  it("the Export menu works from the keyboard, and each item names its format", async () => {
    await resetView(page);
    const button = page.getByRole("button", { name: "Export", exact: true });
    const menu = page.getByRole("menu", { name: "Export formats" });
    const focusedItem = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return el?.getAttribute("role") === "menuitem" ? (el.querySelector("span")?.textContent ?? "") : `(${el?.tagName ?? "nothing"})`;
      });
    const onButton = () => button.evaluate((el) => el === document.activeElement);

    expect(await button.getAttribute("aria-haspopup")).toBe("menu");
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    await button.focus();
    await page.keyboard.press("Enter");
    await menu.waitFor({ state: "visible" });
    expect(await button.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(focusedItem).toBe("PNG image…");

    // Names as assistive technology reads them: each mentions its format.
    const names = (await menu.ariaSnapshot())
      .split("\n")
      .map((line) => /- menuitem "([^"]+)"/.exec(line)?.[1])
      .filter((n): n is string => !!n);
    expect(names).toHaveLength(6);
    ["PNG", "SVG", "GEXF", "GraphML", "JSON", "CSV"].forEach((format, i) =>
      expect(names[i], format).toMatch(new RegExp(`\\b${format}\\b`)),
    );

    await page.keyboard.press("ArrowDown");
    expect(await focusedItem()).toBe("SVG image…");
    await page.keyboard.press("ArrowDown");
    expect(await focusedItem()).toBe("GEXF");
    await page.keyboard.press("ArrowUp");
    expect(await focusedItem()).toBe("SVG image…");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp"); // wraps round to the last item
    expect(await focusedItem()).toBe("CSV relations");
    await page.keyboard.press("ArrowDown"); // and back to the first
    expect(await focusedItem()).toBe("PNG image…");

    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    expect(await onButton()).toBe(true);
    expect(await button.getAttribute("aria-expanded")).toBe("false");
    expect((await state(page)).view.selected).toBe(null); // nothing else took the Escape

    // ArrowDown on the button opens the menu too; Enter on an image item opens its options, Escape returns to the button.
    await page.keyboard.press("ArrowDown");
    await menu.waitFor({ state: "visible" });
    await expect.poll(focusedItem).toBe("PNG image…");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog", { name: "Export SVG" });
    await dialog.waitFor({ state: "visible" });
    expect(await menu.count()).toBe(0);
    expect(await dialog.getByRole("textbox", { name: "Title" }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await onButton()).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it("PNG: 2× is twice the graph's size, white by default, transparent on request; title, legend and sources in bands of their own; 1× is the graph's size", async () => {
    await resetView(page);
    await dismissNotices(page);
    const shown = await graphBox();
    // The renderer's size is its container's CSS size (deviceScaleFactor 1).
    expect(shown.width).toBe(Math.round(shown.boxWidth));
    expect(shown.height).toBe(Math.round(shown.boxHeight));
    const screen = await screenshot(page, "export-png-screen");
    const onScreen = countColoredPixels(screen, { region: await canvasRegion(page) });
    expect(onScreen).toBeGreaterThan(3000);

    // Without title, legend or sources the picture is the graph alone.
    const bare = { legend: false, source: false };
    const plain = await exportFile(page, "PNG image", { scale: 2, ...bare });
    keepCopy("export-png-2x-white.png", plain.bytes);
    expect(plain.name).toMatch(new RegExp(`^${corpusSlug}_${STAMP}\\.png$`)); // not filtered: no "filtered", no years
    await noticeNamed(page, "status", `Exported ${plain.name}.`).waitFor();
    // The graph as the export saw it (see asDuringExport).
    const during = await asDuringExport("PNG", async () => ({
      box: await graphBox(),
      japan: await inContainer("japan"),
      r: await radius("japan"),
    }));
    sizes.shown = shown;
    sizes.png = during.box;
    expect(during.box.width).toBe(shown.width);
    expect(during.box.height).toBeGreaterThan(shown.height - 60);
    const png = decodeImage(plain.bytes);
    sizes.png2x = [png.width, png.height];
    expect([png.width, png.height]).toEqual([2 * during.box.width, 2 * during.box.height]);
    // Not blank: about four times the coloured pixels of the screen (twice the resolution each way).
    const colored = countColoredPixels(png);
    expect(colored).toBeGreaterThan(2.5 * onScreen);
    // White background: the top-right corner (the overlays are on the left) and most of the picture.
    expect(pixelAt(png, png.width - 2, 1)).toEqual([255, 255, 255, 255]);
    expect(countPixels(png, whiteOpaque) / (png.width * png.height)).toBeGreaterThan(0.5);
    // The graph as sigma draws it: Japan's disc at twice its place, in its colour.
    expect(discShare(plain.bytes, scaled(during.japan, 2), 2 * during.r * 0.8, JAPAN_COLOR)).toBeGreaterThan(0.9);

    const clear = await exportFile(page, "PNG image", { scale: 2, background: "transparent", ...bare });
    keepCopy("export-png-2x-transparent.png", clear.bytes);
    const transparent = decodeImage(clear.bytes);
    expect([transparent.width, transparent.height]).toEqual([png.width, png.height]);
    expect(pixelAt(transparent, transparent.width - 2, 1)[3]).toBe(0);
    expect(countPixels(transparent, (_r, _g, _b, a) => a === 0) / (png.width * png.height)).toBeGreaterThan(0.5);
    expect(countColoredPixels(transparent)).toBeGreaterThan(0.9 * colored);
    expect(discShare(clear.bytes, scaled(during.japan, 2), 2 * during.r * 0.8, JAPAN_COLOR)).toBeGreaterThan(0.9);

    // A title gets a band above the graph: the picture grows by it, and the graph below is the same.
    const titled = await exportFile(page, "PNG image", { scale: 2, title: "Russia and Japan: talks", ...bare });
    keepCopy("export-png-2x-title.png", titled.bytes);
    const withTitle = decodeImage(titled.bytes);
    expect(withTitle.width).toBe(png.width);
    const band = withTitle.height - png.height;
    expect(band).toBeGreaterThan(2 * 20);
    expect(countPixels(withTitle, dark, { x: 0, y: 0, width: png.width, height: band }), "dark letters in the title band").toBeGreaterThan(
      800,
    );
    expect(
      discShare(titled.bytes, { x: 2 * during.japan.x, y: 2 * during.japan.y + band }, 2 * during.r * 0.8, JAPAN_COLOR),
    ).toBeGreaterThan(0.9);

    // The legend and the sources get a band below the graph.
    const full = await exportFile(page, "PNG image", { scale: 2 });
    keepCopy("export-png-2x-legend.png", full.bytes);
    const withLegend = decodeImage(full.bytes);
    expect(withLegend.width).toBe(png.width);
    expect(withLegend.height).toBeGreaterThan(png.height + 2 * 30);
    const below: Region = { x: 0, y: png.height, width: png.width, height: withLegend.height - png.height };
    expect(countPixels(withLegend, dark, below), "legend and sources below the graph").toBeGreaterThan(800);
    expect(discShare(full.bytes, scaled(during.japan, 2), 2 * during.r * 0.8, JAPAN_COLOR)).toBeGreaterThan(0.9);

    const once = await exportFile(page, "PNG image", { scale: 1, ...bare });
    keepCopy("export-png-1x.png", once.bytes);
    const small = decodeImage(once.bytes);
    expect([small.width, small.height]).toEqual([during.box.width, during.box.height]);
    expect(countColoredPixels(small)).toBeGreaterThan(0.6 * onScreen);
    expect(discShare(once.bytes, during.japan, during.r * 0.8, JAPAN_COLOR)).toBeGreaterThan(0.9);
    expect(app.problems).toEqual([]);
  });

  it("SVG: well-formed, one circle per visible actor where the screen draws it, the screen's labels as text, the graph's size", async () => {
    await resetView(page);
    const visible = await visibleSets(page);
    const file = await exportFile(page, "SVG image", { legend: false, source: false });
    keepCopy("export.svg", file.bytes);
    expect(file.name).toMatch(new RegExp(`^${corpusSlug}_${STAMP}\\.svg$`));
    // The screen as the export saw it (see asDuringExport).
    const { box, labelled, drawnAt } = await asDuringExport("SVG", async () => ({
      box: await graphBox(),
      labelled: await page.evaluate(() =>
        (window as unknown as { __kg: { labels(): { key: string; kind: string }[] } }).__kg
          .labels()
          .filter((l) => l.kind === "node")
          .map((l) => l.key)
          .sort(),
      ),
      drawnAt: await page.evaluate(() => {
        const kg = (window as unknown as KgWindow).__kg!;
        const rect = kg.sigma.getContainer().getBoundingClientRect();
        const out: Record<string, [number, number]> = {};
        kg.graph.forEachNode((key) => {
          const at = kg.nodeViewport(key);
          if (at) out[key] = [at.x - rect.left, at.y - rect.top];
        });
        return out;
      }),
    }));

    const doc = parseXmlStrict(file.text);
    const svg = doc.documentElement;
    expect(svg.namespaceURI).toBe(SVG_NS);
    expect(svg.localName).toBe("svg");
    sizes.svg = [Number(svg.getAttribute("width")), Number(svg.getAttribute("height"))];
    expect(sizes.svg).toEqual([box.width, box.height]);
    expect(svg.getAttribute("viewBox")!.split(/\s+/).map(Number)).toEqual([0, 0, box.width, box.height]);

    const circles = elements(doc, SVG_NS, "circle").filter((c) => c.hasAttribute("data-node"));
    expect(circles.map((c) => c.getAttribute("data-node")!).sort()).toEqual(visible.nodes);
    let worst = 0;
    let worstKey = "";
    for (const c of circles) {
      const key = c.getAttribute("data-node")!;
      const [x, y] = drawnAt[key]!;
      const off = Math.hypot(Number(c.getAttribute("cx")) - x, Number(c.getAttribute("cy")) - y);
      if (off > worst) [worst, worstKey] = [off, key];
    }
    expect(worst, `${worstKey} is ${worst.toFixed(2)} px from where the screen draws it`).toBeLessThan(2);

    const labels = elements(doc, SVG_NS, "text").filter((t) => t.hasAttribute("data-label"));
    expect(labels.length).toBeGreaterThan(3);
    // The labels on screen, as text.
    expect(labels.map((t) => t.getAttribute("data-label")!).sort()).toEqual(labelled);
    const nameOf = await page.evaluate(
      (keys) => keys.map((k) => (window as unknown as KgWindow).__kg!.graph.getNodeAttribute(k, "label") as string),
      labelled,
    );
    // Each label's text is its actor's, or that shortened at a word with an ellipsis.
    const byKey = new Map(labels.map((t) => [t.getAttribute("data-label")!, squash(t.textContent ?? "")]));
    labelled.forEach((key, i) => {
      const shown = byKey.get(key)!;
      if (shown.endsWith("…")) expect(nameOf[i]!.startsWith(`${shown.slice(0, -1)} `), shown).toBe(true);
      else expect(shown).toBe(nameOf[i]);
    });
    // Edges as paths, a closed bundle as one; a white background.
    const drawnEdges = elements(doc, SVG_NS, "path").filter((p) => p.hasAttribute("data-edge")).length;
    expect(drawnEdges).toBeLessThan(visible.edges.length);
    expect(drawnEdges).toBeGreaterThan(visible.edges.length / 3);
    expect(elements(doc, SVG_NS, "rect").some((r) => r.getAttribute("fill") === "#ffffff" && r.getAttribute("width") === "100%")).toBe(
      true,
    );
    expect(app.problems).toEqual([]);
  });

  // The "Exporting…" progress note once took room above the graph, so the picture came out shorter than the screen.
  it("PNG and SVG have the graph's size as shown when Download is pressed", () => {
    expect(sizes.shown, "the PNG test ran").toBeDefined();
    expect(sizes.png2x).toEqual([2 * sizes.shown!.width, 2 * sizes.shown!.height]);
    expect(sizes.svg).toEqual([sizes.shown!.width, sizes.shown!.height]);
  });

  it("a filtered view exports only what is visible: GEXF, GraphML and CSV, under a name that says 'filtered'", async () => {
    await resetView(page);
    await dismissNotices(page);
    await openFilters();
    await filters()
      .getByRole("checkbox", { name: /^person \d+$/ })
      .uncheck();
    await setYears(2015, 2019);
    await settle(page);
    const s = await state(page);
    expect(s.view.filters.kinds).not.toBeNull();
    expect(s.view.filters.kinds).not.toContain("person");
    const visible = await visibleSets(page);
    const all = await page.evaluate(() => (window as unknown as KgWindow).__kg!.graph.order);
    expect(visible.nodes.length).toBeGreaterThan(5);
    expect(visible.nodes.length).toBeLessThan(all);
    const facts = await page.evaluate((edges) => {
      const g = (window as unknown as KgWindow).__kg!.graph;
      const kinds = new Set<string>();
      g.forEachNode((n, a) => {
        if ((window as unknown as KgWindow).__kg!.nodeViewport(n)) kinds.add(a.kind as string);
      });
      // The quotes the view shows: those dated inside the 2015–2019 window (issue 12: no others in the file).
      const quotes: Record<string, string[]> = {};
      const inWindow = (date: string) => Number(date.slice(0, 4)) >= 2015 && Number(date.slice(0, 4)) <= 2019;
      for (const e of edges)
        quotes[e] = (g.getEdgeAttribute(e, "evidence") as { quote: string; date: string }[])
          .filter((ev) => inWindow(ev.date))
          .map((ev) => ev.quote)
          .sort();
      return { kinds: [...kinds], quotes };
    }, visible.edges);
    expect(facts.kinds).not.toContain("person");
    const years = "2015-2019";
    const named = (ext: string) => new RegExp(`^${corpusSlug}_${years}_filtered_${STAMP}\\.${ext}$`);

    // GEXF: exactly the visible actors and relations.
    const gexf = await exportFile(page, "GEXF");
    keepCopy("export-filtered.gexf", gexf.bytes);
    expect(gexf.name).toMatch(named("gexf"));
    const gdoc = parseXmlStrict(gexf.text);
    expect(gdoc.documentElement.localName).toBe("gexf");
    const gNodes = Array.from(gdoc.getElementsByTagName("node") as unknown as ArrayLike<Element>).map((n) => n.getAttribute("id")!);
    const gEdges = Array.from(gdoc.getElementsByTagName("edge") as unknown as ArrayLike<Element>).map((e) => e.getAttribute("id")!);
    expect(gNodes.sort()).toEqual(visible.nodes);
    expect(gEdges.length).toBe(visible.edges.length);
    expect(gEdges.sort()).toEqual(visible.edges);
    kept.gexf = gexf;
    kept.gexfNodes = visible.nodes;

    // GraphML: the same sets.
    const graphml = await exportFile(page, "GraphML");
    expect(graphml.name).toMatch(named("graphml"));
    const mdoc = parseXmlStrict(graphml.text);
    const mNodes = Array.from(mdoc.getElementsByTagName("node") as unknown as ArrayLike<Element>).map((n) => n.getAttribute("id")!);
    const mEdges = Array.from(mdoc.getElementsByTagName("edge") as unknown as ArrayLike<Element>).map((e) => e.getAttribute("id")!);
    expect(mNodes.sort()).toEqual(visible.nodes);
    expect(mEdges.sort()).toEqual(visible.edges);

    // CSV: a header, then one row per evidence entry of the visible relations, the quotes intact.
    const csv = await exportFile(page, "CSV relations");
    keepCopy("export-filtered.csv", csv.bytes);
    expect(csv.name).toMatch(named("csv"));
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = parseCsv(csv.text.slice(1));
    expect(rows[0]).toEqual(CSV_HEADER);
    const body = rows.slice(1);
    const expectedRows = Object.values(facts.quotes).reduce((n, q) => n + q.length, 0);
    expect(body.length).toBe(expectedRows);
    for (const row of body) expect(row).toHaveLength(CSV_HEADER.length);
    const byEdge: Record<string, string[]> = {};
    for (const row of body) (byEdge[row[14]!] ??= []).push(row[7]!);
    expect(Object.keys(byEdge).sort()).toEqual(visible.edges);
    for (const edge of visible.edges) expect(byEdge[edge]!.sort(), edge).toEqual(facts.quotes[edge]);
    // The quotes that needed quoting in the file (commas, quotation marks) came back whole.
    const quoted = body.map((r) => r[7]!);
    expect(quoted.some((q) => q.includes('"'))).toBe(true);
    expect(quoted.some((q) => q.includes(","))).toBe(true);
    // The triple columns name the relation's ends.
    const labels = await page.evaluate(
      (ids) => ids.map((id) => (window as unknown as KgWindow).__kg!.graph.getNodeAttribute(id, "label") as string),
      body.map((r) => r[11]!),
    );
    body.forEach((row, i) => expect(row[0]).toBe(labels[i]));
    expect(app.problems).toEqual([]);
  });
});

describe("import", () => {
  it("broken files give an alert naming the problem, and the view stays exactly as it was", async () => {
    // The filtered view of the previous test, with an actor selected.
    await dispatch(page, { type: "select", node: "japan" });
    await settle(page);
    await dismissNotices(page);
    const before = await viewNow();
    expect(before.source.kind).toBe("built");
    expect(before.view.selected).toBe("japan");
    expect(before.view.time).toEqual({ from: "2015", to: "2019" });
    await page.evaluate(() => {
      (window as unknown as { __dataBefore: unknown }).__dataBefore = (
        (window as unknown as KgWindow).__kg!.getState() as { data: { loaded: unknown } }
      ).data.loaded;
    });

    const graphJson = await page.evaluate(() => fetch("./graph.json").then((r) => r.text()));
    const cases: { file: FileToOpen; problem: RegExp }[] = [
      {
        file: { name: "cut-short.json", text: graphJson.slice(0, Math.floor(graphJson.length * 0.4)), mimeType: "application/json" },
        problem: /truncated/i,
      },
      {
        file: { name: "notes.txt", text: "Meeting notes\nNothing here is a graph.\n", mimeType: "text/plain" },
        problem: /not a format this app reads/,
      },
      {
        file: { name: "settings.json", text: JSON.stringify({ theme: "dark", items: [1, 2, 3] }), mimeType: "application/json" },
        problem: /not a graph.*"nodes"/,
      },
      {
        file: {
          name: "dangling.gexf",
          text: gexfText({
            nodes: [
              { id: "a", label: "A", x: 0, y: 0 },
              { id: "b", label: "B", x: 10, y: 0 },
            ],
            edges: [
              ["a", "b"],
              ["b", "ghost"],
            ],
          }),
          mimeType: "application/xml",
        },
        problem: /missing node 'ghost'/,
      },
    ];
    for (const { file, problem } of cases) {
      await openFile(page, file);
      const alert = noticeNamed(page, "alert", `Could not open “${file.name}”`);
      await alert.waitFor({ state: "visible" });
      // A long alert is cut, its whole text a click away.
      const more = alert.getByRole("button", { name: /^Show all/ });
      if ((await more.count()) > 0) await more.click();
      const text = squash((await alert.textContent()) ?? "");
      expect(text, file.name).toMatch(problem);
      expect(text).toContain("The current view is unchanged.");
      await idle(page);
      await settle(page);
      const after = await viewNow();
      expect(after, file.name).toEqual(before);
      expect(
        await page.evaluate(
          () =>
            ((window as unknown as KgWindow).__kg!.getState() as { data: { loaded: unknown } }).data.loaded ===
            (window as unknown as { __dataBefore: unknown }).__dataBefore,
        ),
        `${file.name}: the loaded graph was replaced`,
      ).toBe(true);
    }
    await screenshot(page, "import-broken-files");
    expect(app.problems).toEqual([]);
  });

  it("a snapshot reopens in a fresh page with the same visible actors and relations, selection, filters and time window", async () => {
    await resetView(page);
    await dismissNotices(page);
    await openFilters();
    await filters()
      .getByRole("checkbox", { name: /^document \d+$/ })
      .uncheck();
    await filters()
      .getByRole("checkbox", { name: /^conflict \d+$/ })
      .uncheck();
    await setYears(2017, 2024);
    await dispatch(page, { type: "select", node: "japan" });
    await settle(page);
    const before = { visible: await visibleSets(page), view: (await state(page)).view };
    expect(before.view.filters.families).not.toBeNull();
    expect(before.view.filters.families).not.toContain("conflict");
    expect(before.view.filters.kinds).not.toContain("document");

    const snap = await exportFile(page, "JSON snapshot");
    keepCopy("export-snapshot.json", snap.bytes);
    expect(snap.name).toMatch(new RegExp(`^${corpusSlug}_from-2017_filtered_${STAMP}\\.json$`));
    const parsed = JSON.parse(snap.text) as { format: string; version: number; graph: { nodes: { key: string }[] }; view: unknown };
    expect(parsed.format).toBe("kg-explorer-snapshot");
    expect(parsed.version).toBe(1);
    expect(parsed.graph.nodes.map((n) => n.key).sort()).toEqual(before.visible.nodes);
    kept.snapshot = snap;
    kept.snapshotView = before;

    // A fresh page: the built graph, nothing selected or filtered.
    await page.goto(appURL("/"), { waitUntil: "load" });
    await waitForReady(page, app.problems);
    const fresh = await state(page);
    expect(fresh.view.selected).toBe(null);
    expect(fresh.view.filters.kinds).toBe(null);
    expect((await visibleSets(page)).nodes).not.toEqual(before.visible.nodes);

    await openFile(page, { name: snap.name, text: snap.text, mimeType: "application/json" });
    await noticeNamed(page, "status", `Opened the snapshot “${snap.name}”`).waitFor();
    await settle(page);
    await expectSnapshotView(snap.name);
    expect(app.problems).toEqual([]);
  });

  it("the exported GEXF opens, with the same actors", async () => {
    const gexf = kept.gexf!;
    expect(gexf, "the filtered export test ran").toBeDefined();
    await dismissNotices(page);
    await openFile(page, { name: gexf.name, text: gexf.text, mimeType: "application/xml" });
    await noticeNamed(page, "status", `Opened the GEXF 1.3 file “${gexf.name}”`).waitFor();
    await settle(page);
    const s = await viewNow();
    expect(s.source).toEqual({ kind: "file", name: gexf.name });
    expect(s.visible.nodes).toEqual(kept.gexfNodes);
    expect(s.order).toBe(kept.gexfNodes!.length);
    expect(s.view.selected).toBe(null);
    const png = await screenshot(page, "import-exported-gexf");
    const region = await canvasRegion(page);
    expect(countColoredPixels(png, { region })).toBeGreaterThan(1500);
    expect(discShare(png, await nodeViewport(page, "japan"), 4, JAPAN_COLOR)).toBeGreaterThan(0.9);
    expect(app.problems).toEqual([]);
  });

  it("a Gephi-like GEXF opens and draws in its own colours and places; one without positions is laid out", async () => {
    const placed = [
      { id: "n0", label: "Alpha", x: -300, y: -150, size: 12, color: [214, 39, 40] as RGB },
      { id: "n1", label: "Beta", x: 300, y: -100, size: 12, color: [44, 160, 44] as RGB },
      { id: "n2", label: "Gamma", x: 0, y: 250, size: 12, color: [31, 119, 180] as RGB },
    ];
    const edges: [string, string][] = [
      ["n0", "n1"],
      ["n1", "n2"],
    ];
    for (const withPositions of [true, false]) {
      const name = withPositions ? "gephi-placed.gexf" : "gephi-unplaced.gexf";
      const nodes = placed.map((n) => (withPositions ? n : { ...n, x: undefined, y: undefined }));
      await dismissNotices(page);
      await openFile(page, { name, text: gexfText({ nodes, edges, gephi: true }), mimeType: "application/xml" });
      const notice = noticeNamed(page, "status", `Opened the GEXF 1.3 file “${name}”`);
      await notice.waitFor();
      expect(squash((await notice.textContent()) ?? "")).toContain("3 actors, 2 relations");
      if (!withPositions) expect(squash((await notice.textContent()) ?? "")).toMatch(/no positions/);
      await settle(page);
      const s = await viewNow();
      expect(s.source).toEqual({ kind: "file", name });
      expect(s.visible).toEqual({ nodes: ["n0", "n1", "n2"], edges: expect.any(Array) });
      expect(s.visible.edges).toHaveLength(2);

      const graphAt = await page.evaluate(() => {
        const out: Record<string, [number, number]> = {};
        (window as unknown as KgWindow).__kg!.graph.forEachNode((k, a) => (out[k] = [a.x as number, a.y as number]));
        return out;
      });
      if (withPositions) {
        for (const n of placed) expect(graphAt[n.id], n.id).toEqual([n.x, n.y]);
      } else {
        // Laid out: not all on the importer's starting spiral any more, and apart from each other.
        const spiral = placed.map((_, i) => {
          const angle = i * Math.PI * (3 - Math.sqrt(5));
          const radius = 20 * Math.sqrt(i + 0.5);
          return [radius * Math.cos(angle), radius * Math.sin(angle)];
        });
        const moved = placed.filter((n, i) => Math.hypot(graphAt[n.id]![0] - spiral[i]![0]!, graphAt[n.id]![1] - spiral[i]![1]!) > 1);
        expect(moved.length, JSON.stringify(graphAt)).toBeGreaterThan(0);
        for (const v of Object.values(graphAt)) expect(v.every(Number.isFinite)).toBe(true);
      }

      // Drawn apart, each in the colour the file gives it (where no control of the page covers it).
      const png = await screenshot(page, `import-${name}`);
      const at = await Promise.all(placed.map((n) => nodeViewport(page, n.id)));
      for (let i = 0; i < at.length; i++) {
        for (let j = i + 1; j < at.length; j++) expect(Math.hypot(at[i]!.x - at[j]!.x, at[i]!.y - at[j]!.y)).toBeGreaterThan(40);
      }
      const r = await radius("n0");
      const uncovered = await page.evaluate(
        ({ points, r }) => {
          const graph = document.querySelector('[data-testid="graph"]')!;
          const free = (x: number, y: number) => {
            const el = document.elementFromPoint(x, y);
            return !!el && graph.contains(el) && el.tagName === "CANVAS";
          };
          return points.map((p) =>
            [
              [0, 0],
              [r, 0],
              [-r, 0],
              [0, r],
              [0, -r],
            ].every(([dx, dy]) => free(p.x + dx! * 0.9, p.y + dy! * 0.9)),
          );
        },
        { points: at, r },
      );
      expect(uncovered.filter(Boolean).length, "nodes not under a control").toBeGreaterThanOrEqual(2);
      placed.forEach((n, i) => {
        if (uncovered[i])
          expect(discShare(png, at[i]!, Math.max(2, r * 0.5), n.color, 12), `${n.label} in its colour`).toBeGreaterThan(0.8);
      });
    }
    expect(app.problems).toEqual([]);
  });

  // A progress note once took the grid row meant for the graph, leaving a blank band above a small graph.
  it("with a small graph open, the graph still starts right below the header", async () => {
    expect(await page.evaluate(() => (window as unknown as KgWindow).__kg!.graph.order)).toBe(3); // the GEXF above
    await dismissNotices(page);
    const gap = await page.evaluate(
      () =>
        document.querySelector(".app-main")!.getBoundingClientRect().top -
        document.querySelector(".app-header")!.getBoundingClientRect().bottom,
    );
    await screenshot(page, "import-small-graph-layout");
    expect(gap, "px of blank band between the header and the graph").toBeLessThanOrEqual(1);
  });

  it("dropping a file on the graph opens it like Open…, and a dropped broken file changes nothing", async () => {
    const snap = kept.snapshot!;
    expect(snap, "the snapshot test ran").toBeDefined();
    await dismissNotices(page);
    const dropped = await dropFile(page, { name: snap.name, text: snap.text, mimeType: "application/json" });
    expect(dropped).toEqual({ accepted: true, handled: true, target: expect.stringContaining("inside .graph-column") });
    await noticeNamed(page, "status", `Opened the snapshot “${snap.name}”`).waitFor();
    await settle(page);
    await expectSnapshotView(snap.name);

    await dismissNotices(page);
    const before = await viewNow();
    const bad = await dropFile(page, { name: "dropped.txt", text: "not a graph", mimeType: "text/plain" });
    expect(bad.handled).toBe(true);
    await noticeNamed(page, "alert", "Could not open “dropped.txt”").waitFor();
    await idle(page);
    expect(await viewNow()).toEqual(before);
    expect(app.problems).toEqual([]);
  });
});

/** The page shows the snapshot saved in the round-trip test: same sets and view, drawn. */
async function expectSnapshotView(name: string): Promise<void> {
  const expected = kept.snapshotView!;
  const s = await state(page);
  const source = await page.evaluate(
    () => ((window as unknown as KgWindow).__kg!.getState() as { data: { loaded: { source: unknown } } }).data.loaded.source,
  );
  expect(source).toEqual({ kind: "file", name });
  expect(await visibleSets(page)).toEqual(expected.visible);
  expect(s.view.selected).toBe(expected.view.selected);
  expect(s.view.filters).toEqual(expected.view.filters);
  expect(s.view.time).toEqual(expected.view.time);
  await page.getByRole("complementary", { name: "Details" }).getByRole("heading", { level: 2, name: "Japan" }).waitFor();
  const png = await screenshot(page, `import-snapshot-${name}`);
  const region = await canvasRegion(page);
  expect(countColoredPixels(png, { region })).toBeGreaterThan(1500);
  expect(discShare(png, await nodeViewport(page, "japan"), 4, JAPAN_COLOR)).toBeGreaterThan(0.9);
}

/**
 * A GEXF 1.3 file written by hand, the way Gephi writes one: viz sizes,
 * positions and colours, a modularity class, no attribute of ours. Nodes
 * without x/y get no <viz:position>.
 */
function gexfText(graph: {
  nodes: { id: string; label: string; x?: number; y?: number; size?: number; color?: RGB }[];
  edges: [string, string][];
  gephi?: boolean;
}): string {
  const node = (n: (typeof graph.nodes)[number], i: number) =>
    [
      `      <node id="${n.id}" label="${n.label}">`,
      graph.gephi ? `        <attvalues><attvalue for="modularity_class" value="${i % 2}"/></attvalues>` : "",
      n.size !== undefined ? `        <viz:size value="${n.size}.0"/>` : "",
      n.x !== undefined ? `        <viz:position x="${n.x}.0" y="${n.y}.0" z="0.0"/>` : "",
      n.color ? `        <viz:color r="${n.color[0]}" g="${n.color[1]}" b="${n.color[2]}" a="1.0"/>` : "",
      "      </node>",
    ]
      .filter(Boolean)
      .join("\n");
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">',
    '  <meta lastmodifieddate="2024-05-02">',
    "    <creator>Gephi 0.10.1</creator>",
    "    <description></description>",
    "  </meta>",
    '  <graph defaultedgetype="directed" mode="static">',
    graph.gephi
      ? '    <attributes class="node" mode="static">\n      <attribute id="modularity_class" title="Modularity Class" type="integer"/>\n    </attributes>'
      : "",
    "    <nodes>",
    ...graph.nodes.map(node),
    "    </nodes>",
    "    <edges>",
    ...graph.edges.map(([s, t], i) => `      <edge id="${i}" source="${s}" target="${t}" weight="1.0"/>`),
    "    </edges>",
    "  </graph>",
    "</gexf>",
    "",
  ]
    .filter(Boolean)
    .join("\n");
}
