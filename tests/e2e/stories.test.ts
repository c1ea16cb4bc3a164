/**
 * Stories, two periods compared, and the embed, in the built app (issue 18):
 * the shipped story plays with Next and the arrow keys, a step's link opens
 * at that step, Esc leaves the story; a comparison marks relations only in
 * A, only in B and in both, on screen and in the GEXF export; the embed view
 * draws inside an <iframe> of another origin and links to the full explorer
 * at the same view; the story's HTML export plays from a file:// URL with
 * the network blocked, and its steps export as PNGs.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DOMParser } from "@xmldom/xmldom";
import type { Browser, Frame, Page } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GRAPH_SELECTOR, type KgWindow } from "./app-handle";
import { appURL, canvasRegion, countColoredPixels, launchBrowser, openApp, screenshot, type OpenedApp } from "./browser";
import { decodeImage, exportFile, keepCopy } from "./file-helpers";
import { drawnNodes, inside, settle, state } from "./graph-helpers";

const STORY = "russia-japan-2013-2024";

interface StoryRecord {
  id: string;
  title: string;
  steps: { caption: string; view: Record<string, unknown>; quotes: { article: string; quote: string }[] }[];
}

let browser: Browser;
const dirs: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The shipped story as graph.json carries it. */
function shippedStory(page: Page | Frame): Promise<StoryRecord> {
  return page.evaluate((id) => {
    const stories = (window as unknown as KgWindow).__kg!.graph.getAttribute("stories") as StoryRecord[];
    return stories.find((s) => s.id === id)!;
  }, STORY);
}

const card = (page: Page | Frame) => page.getByRole("region", { name: /^Story: / });

/** The step the card shows, as "Step n of m". */
async function stepShown(page: Page | Frame): Promise<string> {
  return (await card(page).locator(".story-step").textContent())!.trim();
}

/** Waits for the card to show step `n` and the page to settle on it. */
async function onStep(page: Page, n: number, of: number): Promise<void> {
  await card(page)
    .locator(".story-step", { hasText: `Step ${n} of ${of}` })
    .waitFor();
  await settle(page);
}

/** The view members a step's record sets, as the state holds them. */
function expectViewOf(view: Record<string, unknown>, step: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(step)) {
    if (name === "filters" || name === "appearance") expect(view[name], name).toMatchObject(value as Record<string, unknown>);
    else expect(view[name], name).toEqual(value);
  }
}

/** The address bar, once the app has written the view into it. */
async function address(page: Page): Promise<URL> {
  await page.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true);
  await page.waitForTimeout(50);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return new URL(page.url());
}

describe("the shipped story", () => {
  let app: OpenedApp;

  beforeAll(async () => {
    app = await openApp(browser, "/");
  });
  afterAll(async () => app?.close());

  it("is listed in the overview and plays step by step with Next and the arrow keys, the camera easing between steps", async () => {
    const { page } = app;
    const story = await shippedStory(page);
    expect(story.steps.length).toBeGreaterThanOrEqual(6);
    expect(story.steps.length).toBeLessThanOrEqual(10);
    const n = story.steps.length;
    const list = page.getByRole("region", { name: /^Stories/ });
    await list.getByText(story.title).waitFor();
    await list.getByRole("button", { name: "Play" }).first().click();
    await onStep(page, 1, n);
    expect(await card(page).locator(".story-caption").textContent()).toBe(story.steps[0]!.caption);
    expectViewOf((await state(page)).view, story.steps[0]!.view);
    await screenshot(page, "story-step-1");

    await card(page).getByRole("button", { name: "Next →" }).click();
    // The camera eases to the next step's actors rather than jumping.
    await page.waitForFunction(() => (window as unknown as KgWindow).__kg!.sigma.getCamera().isAnimated(), null, { polling: "raf" });
    await onStep(page, 2, n);
    expect(await card(page).locator(".story-caption").textContent()).toBe(story.steps[1]!.caption);
    expectViewOf((await state(page)).view, story.steps[1]!.view);

    await page.keyboard.press("ArrowRight");
    await onStep(page, 3, n);
    expectViewOf((await state(page)).view, story.steps[2]!.view);
    await page.keyboard.press("ArrowLeft");
    await onStep(page, 2, n);
    await page.keyboard.press("ArrowLeft");
    await onStep(page, 1, n);
    expect(await card(page).getByRole("button", { name: "← Previous" }).isDisabled()).toBe(true);
    // The quotes behind a step are in the card, each with its article.
    await card(page)
      .getByText(/quotes behind this step/)
      .click();
    for (const q of story.steps[0]!.quotes) await card(page).getByText(q.quote.slice(0, 40), { exact: false }).waitFor();

    const url = await address(page);
    expect(url.search).toBe(`?story=${STORY}&step=1`);
    expect(app.problems).toEqual([]);
  });

  it("Esc leaves the story and keeps the view on screen", async () => {
    const { page } = app;
    const story = await shippedStory(page);
    await page.keyboard.press("ArrowRight");
    await onStep(page, 2, story.steps.length);
    const before = (await state(page)).view;
    expect(before.selected).toBe(story.steps[1]!.view.selected);
    await page.keyboard.press("Escape");
    await card(page).waitFor({ state: "detached" });
    const after = await state(page);
    expect(after.view).toEqual(before);
    expect((after as unknown as { story: { playing: unknown } }).story.playing).toBeNull();
    const url = await address(page);
    expect(url.searchParams.get("story")).toBeNull();
    expect(url.searchParams.get("sel")).toBe(before.selected);
    expect(app.problems).toEqual([]);
  });
});

describe("every step of the shipped story", () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width}×${viewport.height} draws its actors in the graph area and none under the caption card`, async () => {
      const { page, problems, close } = await openApp(browser, `/?story=${STORY}&step=1`, { viewport });
      try {
        const story = await shippedStory(page);
        const n = story.steps.length;
        for (let i = 1; i <= n; i++) {
          await onStep(page, i, n);
          await screenshot(page, `story-${viewport.width}-step-${i}`);
          const area = (await page.locator(GRAPH_SELECTOR).boundingBox())!;
          const box = (await card(page).boundingBox())!;
          const drawn = await drawnNodes(page);
          expect(drawn.length, `step ${i} draws actors`).toBeGreaterThan(0);
          const inArea = drawn.filter((d) => inside(d, area));
          const covered = drawn.filter((d) => inside(d, box, -d.r)).map((d) => d.key);
          // The step's actor, when it has one, is on screen; no actor is hidden by the card.
          const selected = story.steps[i - 1]!.view.selected as string | undefined;
          if (selected)
            expect(
              inArea.map((d) => d.key),
              `step ${i}`,
            ).toContain(selected);
          expect(inArea.length, `step ${i}: actors in the graph area`).toBe(drawn.length);
          expect(covered, `step ${i}: actors under the card`).toEqual([]);
          if (i < n) await card(page).getByRole("button", { name: "Next →" }).click();
        }
        expect(problems).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe("a step's link", () => {
  it("opens at that step in a fresh page, and Back returns to it after Next", async () => {
    const { page, problems, close } = await openApp(browser, `/?story=${STORY}&step=4`);
    try {
      const story = await shippedStory(page);
      await onStep(page, 4, story.steps.length);
      expect(await card(page).locator(".story-caption").textContent()).toBe(story.steps[3]!.caption);
      expectViewOf((await state(page)).view, story.steps[3]!.view);
      expect((await state(page)).ui.notices).toEqual([]);
      await page.keyboard.press("ArrowRight");
      await onStep(page, 5, story.steps.length);
      expect((await address(page)).search).toBe(`?story=${STORY}&step=5`);
      await page.goBack();
      await onStep(page, 4, story.steps.length);
      expectViewOf((await state(page)).view, story.steps[3]!.view);
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("with an unknown story or step says so and opens what it can", async () => {
    const { page, problems, close } = await openApp(browser, `/?story=${STORY}&step=99`);
    try {
      await onStep(page, 1, (await shippedStory(page)).steps.length);
      const notes = (await state(page)).ui.notices.map((n) => n.text).join(" ");
      expect(notes).toContain("invalid step '99' in step");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

/**
 * An edge's drawn width: at several points of its middle stretch (on its
 * curve, as @sigma/edge-curve draws it: a quadratic whose control point is
 * the middle moved by curvature × (dy, −dx)), the run of not-near-white
 * pixels across it that holds the point (so a neighbour a few pixels away
 * does not count), the median of those; and the colour at its middle.
 */
async function widthAcross(page: Page, edge: string): Promise<{ width: number; centre: number[] }> {
  const { s, t, k } = await page.evaluate((key) => {
    const kg = (window as unknown as KgWindow).__kg!;
    const graph = kg.graph;
    const data = kg.sigma.getEdgeDisplayData(key) as { curvature?: number } | undefined;
    return { s: kg.nodeViewport(graph.source(key))!, t: kg.nodeViewport(graph.target(key))!, k: data?.curvature ?? 0 };
  }, edge);
  const png = PNG.sync.read(await page.screenshot());
  const c = { x: (s.x + t.x) / 2 + k * (t.y - s.y), y: (s.y + t.y) / 2 - k * (t.x - s.x) };
  const at = (u: number) => ({
    x: (1 - u) ** 2 * s.x + 2 * u * (1 - u) * c.x + u ** 2 * t.x,
    y: (1 - u) ** 2 * s.y + 2 * u * (1 - u) * c.y + u ** 2 * t.y,
  });
  const pixel = (x: number, y: number) => {
    const i = (Math.round(y) * png.width + Math.round(x)) * 4;
    return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
  };
  const inked = (x: number, y: number) => Math.min(...pixel(x, y)) < 235;
  const widths: number[] = [];
  for (const u of [0.4, 0.45, 0.5, 0.55, 0.6]) {
    const p = at(u);
    const dx = 2 * (1 - u) * (c.x - s.x) + 2 * u * (t.x - c.x);
    const dy = 2 * (1 - u) * (c.y - s.y) + 2 * u * (t.y - c.y);
    const len = Math.hypot(dx, dy);
    const [nx, ny] = [-dy / len, dx / len];
    if (!inked(p.x, p.y)) continue;
    let width = 0.25;
    for (const side of [1, -1]) for (let d = 0.25; d <= 20 && inked(p.x + side * nx * d, p.y + side * ny * d); d += 0.25) width += 0.25;
    widths.push(width);
  }
  widths.sort((p, q) => p - q);
  const middle = at(0.5);
  return { width: widths[Math.floor(widths.length / 2)] ?? 0, centre: pixel(middle.x, middle.y) };
}

describe("comparing 2013–2016 with 2022–2024", () => {
  const PERIODS = "cmp=2013..2016,2022..2024";
  // From the corpus: the 2+2's host in 2013 and 2017 (only A), Russia's "unfriendly" list of 2022 (only B), Japan's sanctions of 2014 and 2022 (both).
  const ONLY_A = "japan|hosts|japan-russia-2plus2";
  const ONLY_B = "russia|lists-unfriendly|japan";
  const BOTH = "japan|sanctions|russia";

  it("marks known relations only-A, only-B and both", async () => {
    const { page, problems, close } = await openApp(browser, `/?${PERIODS}`);
    try {
      const marks = await page.evaluate(() => (window as unknown as KgWindow & { __kg: { comparison(): unknown } }).__kg.comparison());
      expect(marks).toMatchObject({ edges: { [ONLY_A]: "only-a", [ONLY_B]: "only-b", [BOTH]: "both" } });
      const legend = page.getByRole("list", { name: "What the marks mean" });
      await legend.getByText("only in A").waitFor();
      await screenshot(page, "compare-2013-2016-2022-2024");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });

  it("draws them in pixels: only in A thinner and faded, only in B thicker, in both as without the comparison", async () => {
    // One relation type at a time, so the relation measured has no neighbour under its middle.
    const cases: [relation: string, edge: string, mark: "only-a" | "only-b" | "both"][] = [
      ["hosts", ONLY_A, "only-a"],
      ["lists-unfriendly", ONLY_B, "only-b"],
      ["sanctions", BOTH, "both"],
    ];
    for (const [relation, edge, mark] of cases) {
      const plain = await openApp(browser, `/?rel=${relation}&cam=0.5,0.5,1,0`);
      const compared = await openApp(browser, `/?rel=${relation}&${PERIODS}&cam=0.5,0.5,1,0`);
      try {
        const before = await widthAcross(plain.page, edge);
        const after = await widthAcross(compared.page, edge);
        await screenshot(compared.page, `compare-${relation}`);
        expect(before.width, `${relation}: drawn without the comparison`).toBeGreaterThan(1);
        const ratio = after.width / before.width;
        if (mark === "only-a") {
          expect(ratio, `${relation} ${mark}`).toBeLessThan(0.8);
          // Faded: the middle is lighter than the relation's own colour.
          expect(
            after.centre.reduce((n, c) => n + c, 0),
            `${relation} faded`,
          ).toBeGreaterThan(before.centre.reduce((n, c) => n + c, 0) + 60);
        } else if (mark === "only-b") expect(ratio, `${relation} ${mark}`).toBeGreaterThan(1.35);
        else {
          expect(ratio, `${relation} ${mark}`).toBeGreaterThan(0.8);
          expect(ratio, `${relation} ${mark}`).toBeLessThan(1.25);
        }
        expect([...plain.problems, ...compared.problems]).toEqual([]);
      } finally {
        await plain.close();
        await compared.close();
      }
    }
  });

  it("the GEXF export carries comparison = only-a, only-b or both on every relation, and the side panel lists what changed", async () => {
    const { page, problems, close } = await openApp(browser, `/?${PERIODS}&sel=japan`);
    try {
      const changes = page.getByRole("region", { name: "What changed for Japan" });
      await changes.getByRole("heading", { name: /^New in B/ }).waitFor();
      await changes.getByRole("button", { name: "Russia lists as unfriendly Japan" }).waitFor();
      const gexf = await exportFile(page, "GEXF");
      keepCopy("compare.gexf", gexf.bytes);
      const doc = new DOMParser().parseFromString(gexf.text, "text/xml");
      const attribute = [...Array.from(doc.getElementsByTagName("attribute"))].find(
        (a) => a.getAttribute("title") === "comparison" && (a.parentNode as Element).getAttribute("class") === "edge",
      );
      expect(attribute, "an edge attribute named comparison").toBeDefined();
      const id = attribute!.getAttribute("id");
      const markOf = new Map<string, string>();
      for (const edge of Array.from(doc.getElementsByTagName("edge"))) {
        const value = Array.from(edge.getElementsByTagName("attvalue")).find((v) => v.getAttribute("for") === id);
        markOf.set(edge.getAttribute("id")!, value?.getAttribute("value") ?? "(none)");
      }
      expect(markOf.get(ONLY_A)).toBe("only-a");
      expect(markOf.get(ONLY_B)).toBe("only-b");
      expect(markOf.get(BOTH)).toBe("both");
      expect(new Set(markOf.values())).toEqual(new Set(["only-a", "only-b", "both"]));
      expect(gexf.text).toContain("comparing 2013 to 2016 (A) with 2022 to 2024 (B)");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** A page of another origin (a tiny server on 127.0.0.1) that embeds `src` in an <iframe>. */
async function hostPage(src: string): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html><html><head><title>Someone else's page</title></head><body>
<h1>An article with an embedded graph</h1>
<iframe id="kg" src="${src.replace(/"/g, "&quot;")}" title="Russia and Japan" width="900" height="620" style="border:0"></iframe>
</body></html>`;
  const server = createServer((request, response) => {
    if (request.url === "/" || request.url === "/index.html") response.writeHead(200, { "content-type": "text/html" }).end(html);
    // The browser asks for the host page's icon by itself; that page has none.
    else if (request.url === "/favicon.ico") response.writeHead(204).end();
    else response.writeHead(404).end();
  });
  server.requestTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}/`, server };
}

describe("the embed", () => {
  it("draws inside an <iframe> of a page on another port, asks nothing of any other origin, and its link opens the full explorer at the same view", async () => {
    const src = appURL(`/?story=${STORY}&step=4&embed=1`);
    const host = await hostPage(src);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      const foreign: string[] = [];
      const origins = new Set([new URL(host.url).origin, new URL(src).origin]);
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      context.on("request", (r) => {
        const url = new URL(r.url());
        if (!/^https?:$/.test(url.protocol)) return;
        if (!origins.has(url.origin)) foreign.push(r.url());
        // What the embedded page asks for comes from its own origin only.
        const fromFrame = !r.isNavigationRequest() && r.frame().parentFrame() !== null;
        if (fromFrame && url.origin !== new URL(src).origin) foreign.push(`from the frame: ${r.url()}`);
      });
      await page.goto(host.url);
      const frame = page.frames().find((f) => f.url().startsWith(new URL(src).origin)) ?? (await (await page.$("#kg"))!.contentFrame())!;
      await frame.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, { polling: 50 });
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const story = await shippedStory(frame);
      expect(await stepShown(frame)).toBe(`Step 4 of ${story.steps.length}`);
      expect(await frame.locator(".app-header").count()).toBe(0);
      await frame.getByRole("region", { name: "Legend" }).waitFor();
      await frame.getByRole("region", { name: "Time window" }).waitFor();
      const box = (await page.locator("#kg").boundingBox())!;
      const png = await screenshot(page, "embed-in-iframe");
      expect(countColoredPixels(png, { region: { x: box.x, y: box.y, width: box.width, height: box.height * 0.6 } })).toBeGreaterThan(500);

      // Move on in the embed, then open the explorer: the same view, the same step, no embed.
      await frame.getByRole("button", { name: "Next →" }).click();
      await card(frame)
        .locator(".story-step", { hasText: `Step 5 of ${story.steps.length}` })
        .waitFor();
      const embedded = await frame.evaluate(() => (window as unknown as KgWindow).__kg!.getState() as { view: unknown });
      const [full] = await Promise.all([context.waitForEvent("page"), frame.getByRole("link", { name: "Open in the explorer" }).click()]);
      await full.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, { polling: 50 });
      const opened = new URL(full.url());
      expect(opened.origin).toBe(new URL(src).origin);
      expect(opened.searchParams.get("embed")).toBeNull();
      expect(opened.searchParams.get("story")).toBe(STORY);
      expect(opened.searchParams.get("step")).toBe("5");
      const fullState = await full.evaluate(() => (window as unknown as KgWindow).__kg!.getState() as { view: unknown });
      expect(fullState.view).toEqual(embedded.view);
      await full.locator(".app-header").waitFor();
      expect(await stepShown(full)).toBe(`Step 5 of ${story.steps.length}`);
      expect(errors).toEqual([]);
      expect(foreign).toEqual([]);
    } finally {
      await context.close();
      await new Promise((resolve) => host.server.close(resolve));
    }
  });

  it("Copy embed code gives an <iframe> of this view with embed=1", async () => {
    const { page, problems, close, context } = await openApp(browser, `/?sel=japan&from=2014`);
    try {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(appURL("/")).origin });
      await page.getByRole("button", { name: "Copy embed code" }).click();
      await page.locator(".notices p", { hasText: "Embed code for this view copied." }).waitFor();
      const code = await page.evaluate(() => navigator.clipboard.readText());
      const src = /<iframe src="([^"]+)"/.exec(code)?.[1]?.replace(/&amp;/g, "&");
      expect(src).toBeDefined();
      const url = new URL(src!);
      expect(url.origin).toBe(new URL(appURL("/")).origin);
      expect(url.searchParams.get("sel")).toBe("japan");
      expect(url.searchParams.get("from")).toBe("2014");
      expect(url.searchParams.get("embed")).toBe("1");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe("the story's exports", () => {
  it("the story as one HTML file plays from a file:// URL with the network blocked", async () => {
    const { page, problems, close } = await openApp(browser, "/");
    let html: string;
    try {
      const list = page.getByRole("region", { name: /^Stories/ });
      const [download] = await Promise.all([page.waitForEvent("download"), list.getByRole("button", { name: "Story as HTML" }).click()]);
      expect(download.suggestedFilename()).toBe(`${STORY}.html`);
      html = (await import("node:fs")).readFileSync(await download.path(), "utf8");
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
    const dir = mkdtempSync(join(tmpdir(), "kg-story-"));
    dirs.push(dir);
    const file = join(dir, `${STORY}.html`);
    writeFileSync(file, html);
    keepCopy(`${STORY}.html`, html);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, offline: true });
    const asked: string[] = [];
    const errors: string[] = [];
    // Nothing but the file itself may load: every other request is refused and noted.
    await context.route("**/*", (route) => {
      if (route.request().url().startsWith("file:")) return route.continue();
      asked.push(route.request().url());
      return route.abort();
    });
    try {
      const offline = await context.newPage();
      offline.on("request", (r) => {
        if (!/^(file|data|blob):/.test(r.url())) asked.push(r.url());
      });
      offline.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      offline.on("pageerror", (e) => errors.push(e.message));
      await offline.goto(pathToFileURL(file).href);
      await offline.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, { polling: 50 });
      const story = await shippedStory(offline);
      await onStep(offline, 1, story.steps.length);
      expect(await card(offline).locator(".story-caption").textContent()).toBe(story.steps[0]!.caption);
      await card(offline).getByRole("button", { name: "Next →" }).click();
      await onStep(offline, 2, story.steps.length);
      await offline.keyboard.press("ArrowRight");
      await onStep(offline, 3, story.steps.length);
      expect(await card(offline).locator(".story-caption").textContent()).toBe(story.steps[2]!.caption);
      const png = await screenshot(offline, "story-html-offline");
      expect(countColoredPixels(png, { region: await canvasRegion(offline) })).toBeGreaterThan(500);
      // Esc leaves the story; the file offers it again.
      await offline.keyboard.press("Escape");
      await offline.getByRole("button", { name: `▶ ${story.title}` }).click();
      await onStep(offline, 1, story.steps.length);
      expect(errors).toEqual([]);
      expect(asked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("every step as a PNG, in one .zip", async () => {
    const { page, problems, close } = await openApp(browser, "/");
    try {
      const story = await shippedStory(page);
      const list = page.getByRole("region", { name: /^Stories/ });
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        list.getByRole("button", { name: "Steps as PNG" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`${STORY}-steps.zip`);
      const zip = (await import("node:fs")).readFileSync(await download.path());
      const entries = readStoredZip(zip);
      expect(entries.map((e) => e.name)).toEqual(story.steps.map((_, i) => `${STORY}-step-${String(i + 1).padStart(2, "0")}.png`));
      const first = decodeImage(entries[0]!.bytes);
      const last = decodeImage(entries.at(-1)!.bytes);
      expect(first.width).toBeGreaterThan(500);
      // Each picture is its own step: the first and the last differ.
      expect(Buffer.compare(entries[0]!.bytes, entries.at(-1)!.bytes)).not.toBe(0);
      expect(countColoredPixels(first)).toBeGreaterThan(500);
      expect(countColoredPixels(last)).toBeGreaterThan(500);
      // The picture has no card over it: no empty band where the card was on screen.
      for (const entry of entries) {
        const image = decodeImage(entry.bytes);
        expect(longestBlankRun(image) / image.height, `${entry.name}: the longest empty band`).toBeLessThan(0.2);
        keepCopy(entry.name, entry.bytes);
      }
      expect(problems).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** The most rows in a row of a picture with nothing drawn on them (transparent or near white). */
function longestBlankRun(image: PNG): number {
  let longest = 0;
  let run = 0;
  for (let y = 0; y < image.height; y++) {
    let blank = true;
    for (let x = 0; x < image.width && blank; x++) {
      const i = (y * image.width + x) * 4;
      const d = image.data;
      blank = d[i + 3]! < 16 || (d[i]! > 240 && d[i + 1]! > 240 && d[i + 2]! > 240);
    }
    run = blank ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/** The entries of a ZIP whose files are stored (method 0), read from its central directory. */
function readStoredZip(zip: Buffer): { name: string; bytes: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out: { name: string; bytes: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    expect(zip.readUInt16LE(at + 10)).toBe(0);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const offset = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    const local = 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    out.push({ name, bytes: zip.subarray(offset + local, offset + local + size) });
    at += 46 + nameLength;
  }
  return out;
}
