/**
 * Filters, time window, links and paths in a browser (issue #6): a window on
 * 2013 shows that year's relations only, the kind and family checkboxes hide
 * and bring back what they name, a copied link reopens the same view in a
 * fresh page, Back and Forward step through the views, a path is drawn and
 * explained (or reported missing), and a mangled link opens anyway with a
 * note of what it ignored. Checks read the pixels as well as the DOM. One
 * browser; one page for most tests, fresh pages only where a link is opened.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KgWindow } from "./app-handle";
import {
  canvasRegion,
  countColoredPixels,
  decodePng,
  launchBrowser,
  nodeViewport,
  openApp,
  screenshot,
  type OpenedApp,
  type Region,
} from "./browser";
import {
  cameraState,
  countColor,
  discShare,
  dispatch,
  drawnNodes,
  hexToRgb,
  resetView,
  sampleRadius,
  settle,
  standalone,
  state,
  visibleSets,
  type DrawnNode,
} from "./graph-helpers";

/** The graph the app serves (dist/, built by the global setup from graph/corpus): what "of N" counts against. */
const SERVED = JSON.parse(readFileSync(fileURLToPath(new URL("../../dist/graph.json", import.meta.url)), "utf8")) as {
  nodes: { attributes: { kind: string } }[];
  edges: unknown[];
};
const ACTORS = SERVED.nodes.length;
const RELATIONS = SERVED.edges.length;
const KINDS = new Set(SERVED.nodes.map((n) => n.attributes.kind)).size;

// The app's palette (src/core/palette.ts), repeated: the tests do not import the app.
const PERSON = hexToRgb("#e07b39");
const CONFLICT = hexToRgb("#d1343b");
const PATH = hexToRgb("#f2b600");
const DIMMED_NODE = hexToRgb("#e3e5e8");

let browser: Browser;
let app: OpenedApp;
let page: Page;
let region: Region;

const reset = () => resetView(page);
const own = (n: DrawnNode) => hexToRgb(n.color);
const details = () => page.getByRole("complementary", { name: "Details" });
const filters = () => page.getByRole("region", { name: "Filters" });

beforeAll(async () => {
  browser = await launchBrowser();
  app = await openApp(browser, "/");
  page = app.page;
  // At 1280 px the filter panel starts closed (the graph keeps most of the screen); these tests use it.
  await openFilters(page);
  region = await canvasRegion(page);
});

afterAll(async () => {
  await browser?.close();
});

/** Opens the filter panel if it is closed. */
async function openFilters(p: Page): Promise<void> {
  const button = p.getByRole("button", { name: "Filters", exact: true });
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await p.getByRole("region", { name: "Filters" }).waitFor();
  await settle(p);
}

/** Types `query` into an actor box and chooses the option that starts with `label`. */
async function chooseActor(box: ReturnType<Page["getByRole"]>, query: string, label: string): Promise<void> {
  await box.click();
  await box.fill(query);
  await page
    .getByRole("listbox")
    .getByRole("option", { name: new RegExp(`^${label}`) })
    .click();
  await expect.poll(() => box.inputValue()).toBe(label);
}

/** Keys of the relations with at least one evidence entry dated in `year`, and their actors: computed here, not by the app. */
function expectedInYear(year: string): Promise<{ nodes: string[]; edges: string[] }> {
  return page.evaluate((y) => {
    const g = (window as unknown as KgWindow).__kg!.graph;
    const edges: string[] = [];
    const nodes = new Set<string>();
    g.forEachEdge((edge, attrs, source, target) => {
      if ((attrs.evidence as { date: string }[]).some((e) => e.date.slice(0, 4) === y)) {
        edges.push(edge);
        nodes.add(source);
        nodes.add(target);
      }
    });
    return { nodes: [...nodes].sort(), edges: edges.sort() };
  }, year);
}

function kindsOf(keys: string[]): Promise<string[]> {
  return page.evaluate((ks) => ks.map((k) => (window as unknown as KgWindow).__kg!.graph.getNodeAttribute(k, "kind") as string), keys);
}

function neighboursOf(node: string): Promise<string[]> {
  return page.evaluate((n) => (window as unknown as KgWindow).__kg!.graph.neighbors(n), node);
}

/** Nodes that stand alone on screen and show their own colour in `png`. */
async function clearNodes(png: Buffer, labelled: Iterable<string> = [], boxed: Iterable<string> = []): Promise<DrawnNode[]> {
  return standalone(await drawnNodes(page), region, { labelled, boxed }).filter((n) => discShare(png, n, sampleRadius(n), own(n)) > 0.9);
}

describe("filters, time window, links and paths", () => {
  it("a window on 2013 (set with the keyboard) shows 2013's relations only, on screen too", async () => {
    await reset();
    const before = await screenshot(page, "filters-all-years");
    const clear = await clearNodes(before);

    // To year: 2024 → 2013 with the arrow keys; From year: End goes as far as the To year.
    const to = page.getByRole("slider", { name: "To year" });
    const from = page.getByRole("slider", { name: "From year" });
    await to.focus();
    const last = Number((await to.getAttribute("aria-valuemax")) ?? (await to.getAttribute("max")));
    for (let y = last; y > 2013; y--) await page.keyboard.press("ArrowLeft");
    await from.focus();
    await page.keyboard.press("End");
    await expect.poll(() => state(page).then((s) => s.view.time)).toEqual({ from: "2013", to: "2013" });
    expect(await page.getByRole("region", { name: "Time window" }).locator("output").textContent()).toBe("2013");
    await settle(page);

    const visible = await visibleSets(page);
    expect(visible).toEqual(await expectedInYear("2013"));
    // The 2+2 of November 2013: the ministers' meetings and the country-level relations.
    for (const edge of [
      "fumio-kishida|meets|sergei-lavrov",
      "fumio-kishida|meets|sergei-shoigu",
      "sergei-lavrov|participates-in|japan-russia-2plus2",
      "japan|participates-in|japan-russia-2plus2",
      "russia|participates-in|japan-russia-2plus2",
      "japan|meets|russia",
      "russia|seeks-ties-with|japan",
    ]) {
      expect(visible.edges, edge).toContain(edge);
    }
    // Relations dated 2022 (and the sanctions of 2014/2022/2024) are not in 2013.
    for (const edge of [
      "russia|lists-unfriendly|japan",
      "russia|discontinues-talks|japan",
      "russia|invades|ukraine",
      "japan|sanctions|russia",
    ]) {
      expect(visible.edges, edge).not.toContain(edge);
    }
    expect(visible.nodes).not.toContain("ukraine");
    expect(await page.evaluate(() => (window as unknown as KgWindow).__kg!.nodeViewport("ukraine"))).toBe(null);
    await details()
      .getByText(`${visible.nodes.length} of ${ACTORS} actors and ${visible.edges.length} of ${RELATIONS} relations shown`)
      .waitFor();

    // On screen: actors without a 2013 relation are gone; the camera framed those left, each drawn in its colour.
    const after = await screenshot(page, "filters-2013");
    const gone = clear.filter((n) => !visible.nodes.includes(n.key));
    expect(gone.map((n) => n.key)).toContain("ukraine");
    for (const n of gone) expect(await nodeViewport(page, n.key).catch(() => null), `${n.key} hidden`).toBe(null);
    const drawn = await drawnNodes(page);
    expect(drawn.map((n) => n.key).sort()).toEqual(visible.nodes);
    for (const n of drawn) {
      expect(n.x, `${n.key} framed`).toBeGreaterThan(region.x);
      expect(n.x, `${n.key} framed`).toBeLessThan(region.x + region.width);
      expect(n.y, `${n.key} framed`).toBeGreaterThan(region.y);
      expect(n.y, `${n.key} framed`).toBeLessThan(region.y + region.height);
    }
    const kept = await clearNodes(after);
    expect(kept.length).toBeGreaterThan(0);
    const twoPlusTwo = await nodeViewport(page, "japan-russia-2plus2");
    expect(discShare(after, twoPlusTwo, 3, hexToRgb("#8e5ac8"))).toBeGreaterThan(0.9);

    await page.getByRole("button", { name: "All years" }).click();
    await expect.poll(() => state(page).then((s) => s.view.time)).toEqual({ from: null, to: null });
    expect(app.problems).toEqual([]);
  });

  it("kind and family checkboxes show counts, hide what they untick, and 'Clear all filters' restores", async () => {
    await reset();
    const all = await visibleSets(page);
    const before = await screenshot(page, "filters-none");
    const personPixels = countColor(before, PERSON, region, 8);
    const conflictPixels = countColor(before, CONFLICT, region, 8);
    expect(personPixels).toBeGreaterThan(200);
    expect(conflictPixels).toBeGreaterThan(500);

    // Each kind's count is the number of its actors on screen.
    const kinds = await kindsOf(all.nodes);
    const person = filters().getByRole("checkbox", { name: /^person \d+$/ });
    expect(await person.isChecked()).toBe(true);
    const personCount = kinds.filter((k) => k === "person").length;
    expect(personCount).toBeGreaterThan(5);
    const countOf = (box: typeof person) => box.evaluate((el) => el.closest("label")!.querySelector(".count")!.textContent);
    expect(await countOf(person)).toBe(String(personCount));
    const country = filters().getByRole("checkbox", { name: /^country \d+$/ });
    expect(await countOf(country)).toBe(String(kinds.filter((k) => k === "country").length));

    await person.uncheck();
    await expect.poll(() => state(page).then((s) => s.view.filters.kinds?.includes("person") ?? true)).toBe(false);
    await settle(page);
    const noPersons = await visibleSets(page);
    expect(await kindsOf(noPersons.nodes)).not.toContain("person");
    expect(noPersons.nodes.length).toBeGreaterThan(20);
    expect(await person.isChecked()).toBe(false);
    expect(await countOf(person)).toBe(String(personCount)); // what ticking it would bring back
    await filters()
      .getByRole("group", { name: /Actor kinds/ })
      .getByText(`${KINDS - 1} of ${KINDS}`)
      .waitFor();
    const shot = await screenshot(page, "filters-no-persons");
    expect(countColor(shot, PERSON, region, 8)).toBeLessThan(10);

    // Families: no conflict relation is listed or drawn any more.
    const conflict = filters().getByRole("checkbox", { name: /^conflict \d+$/ });
    await conflict.uncheck();
    await expect.poll(() => state(page).then((s) => s.view.filters.families)).toEqual(["cooperation", "neutral"]);
    await settle(page);
    const families = await page.evaluate(
      (edges) => edges.map((e) => (window as unknown as KgWindow).__kg!.graph.getEdgeAttribute(e, "family") as string),
      (await visibleSets(page)).edges,
    );
    expect(families.length).toBeGreaterThan(20);
    expect(families).not.toContain("conflict");
    const noConflict = await screenshot(page, "filters-no-persons-no-conflict");
    expect(countColor(noConflict, CONFLICT, region, 8)).toBeLessThan(10);

    await filters().getByRole("button", { name: "Clear all filters" }).click();
    await expect.poll(() => state(page).then((s) => s.view.filters.kinds === null && s.view.filters.families === null)).toBe(true);
    await settle(page);
    expect(await visibleSets(page)).toEqual(all);
    expect(await person.isChecked()).toBe(true);
    expect(await conflict.isChecked()).toBe(true);
    expect(await filters().getByRole("button", { name: "Clear all filters" }).isDisabled()).toBe(true);
    const restored = await screenshot(page, "filters-cleared");
    expect(countColor(restored, PERSON, region, 8)).toBeGreaterThan(personPixels * 0.9);
    expect(countColor(restored, CONFLICT, region, 8)).toBeGreaterThan(conflictPixels * 0.9);
    expect(app.problems).toEqual([]);
  });

  it("a copied link opened in a fresh page shows the same actors, selection and camera", async () => {
    await reset();
    await dispatch(page, { type: "select", node: "japan" });
    await filters()
      .getByRole("checkbox", { name: /^document \d+$/ })
      .uncheck();
    await dispatch(page, { type: "setTime", time: { from: "2013", to: "2019" } });
    // A fresh page opens with the filter panel closed (it is not part of the view): close it here too, so both frame the graph alike.
    await page.getByRole("button", { name: "Filters", exact: true }).click();
    await settle(page);
    await page.getByRole("toolbar", { name: "Graph controls" }).getByRole("button", { name: "Zoom in" }).click();
    await settle(page);
    await expect.poll(() => state(page).then((s) => s.view.camera !== null)).toBe(true);
    const original = await state(page);

    // Clipboard access may be refused; then the notice carries the link.
    await app.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(page.url()).origin }).catch(() => {});
    await page.getByRole("button", { name: "Copy link" }).click();
    const notice = page.getByRole("status").filter({ hasText: /Link to this view copied|Copy this link/ });
    await notice.waitFor({ state: "visible" });
    const href = await page.evaluate(() => location.href);
    const text = (await notice.textContent()) ?? "";
    const copied = text.includes("Copy this link:")
      ? /Copy this link: (\S+)/.exec(text)![1]!
      : await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(href);
    const url = new URL(copied);
    expect(url.searchParams.get("sel")).toBe("japan");
    expect(url.searchParams.get("from")).toBe("2013");
    expect(url.searchParams.get("cam")).not.toBe(null);
    // The notice pushes the graph down; dismiss it so both pages frame the graph in the same box.
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await settle(page);
    const first = await screenshot(page, "link-original");

    const second = await openApp(browser, `${url.pathname}${url.search}${url.hash}`);
    try {
      const p = second.page;
      await settle(p);
      const reopened = await state(p);
      expect(reopened.view).toEqual(original.view);
      expect(await visibleSets(p)).toEqual(await visibleSets(page));
      const [a, b] = await Promise.all([cameraState(page), cameraState(p)]);
      expect(Math.abs(a.x - b.x)).toBeLessThan(1e-3);
      expect(Math.abs(a.y - b.y)).toBeLessThan(1e-3);
      expect(Math.abs(a.ratio - b.ratio) / a.ratio).toBeLessThan(1e-3);
      // The legend follows what is shown, so the graph's box is compared with the first page's as it is now.
      const box = await canvasRegion(page);
      expect(await canvasRegion(p)).toEqual(box);
      const [ja, jb] = await Promise.all([nodeViewport(page, "japan"), nodeViewport(p, "japan")]);
      expect(Math.hypot(ja.x - jb.x, ja.y - jb.y)).toBeLessThan(2);
      await p.getByRole("complementary", { name: "Details" }).getByRole("heading", { level: 2, name: "Japan" }).waitFor();

      // The same picture: a country in its colour where the first page draws it (Japan, unless the zoom took it
      // to the edge), and nearly every pixel alike.
      const shot = await screenshot(p, "link-reopened");
      const within = (q: { x: number; y: number }) =>
        q.x > box.x + 8 && q.x < box.x + box.width - 8 && q.y > box.y + 8 && q.y < box.y + box.height - 8;
      let country = jb;
      for (const key of ["japan", "russia", "china", "united-states"]) {
        const [qa, qb] = await Promise.all([nodeViewport(page, key), nodeViewport(p, key)]);
        expect(Math.hypot(qa.x - qb.x, qa.y - qb.y), key).toBeLessThan(2);
        if (within(qb)) {
          country = qb;
          break;
        }
      }
      expect(within(country)).toBe(true);
      expect(discShare(shot, country, 5, hexToRgb("#3b6fb6"))).toBeGreaterThan(0.9);
      expect(differingShare(first, shot, box)).toBeLessThan(0.02);
      expect(second.problems).toEqual([]);
    } finally {
      await second.close();
      await openFilters(page);
    }
    expect(app.problems).toEqual([]);
  });

  it("Back and Forward step through selections and filter changes", async () => {
    await reset();
    const rest = await screenshot(page, "history-rest");
    const japanLit = new Set([...(await neighboursOf("japan")), "japan"]);
    const russiaLit = new Set([...(await neighboursOf("russia")), "russia"]);
    // An actor lit by Russia's selection and dimmed by Japan's.
    const probe = (await clearNodes(rest, [...japanLit, ...russiaLit], ["japan", "russia"])).find(
      // Not a person: the persons are filtered out below, and the probe must stay on screen.
      (n) => russiaLit.has(n.key) && !japanLit.has(n.key) && n.kind !== "person",
    )!;
    expect(probe).toBeDefined();
    // Read where the probe is drawn now: hiding actors reframes the camera.
    const probeColor = async (name: string) => {
      const png = await screenshot(page, name);
      const at = (await drawnNodes(page)).find((n) => n.key === probe.key)!;
      return {
        own: discShare(png, at, sampleRadius(at), own(probe)),
        dimmed: discShare(png, at, sampleRadius(at), DIMMED_NODE, 6),
        persons: countColor(png, PERSON, await canvasRegion(page), 8),
      };
    };

    await dispatch(page, { type: "select", node: "japan" });
    await settle(page);
    await dispatch(page, { type: "select", node: "russia" });
    await settle(page);
    await filters()
      .getByRole("checkbox", { name: /^person \d+$/ })
      .uncheck();
    await expect.poll(() => page.evaluate(() => location.search)).toContain("kinds=");
    await settle(page);
    const filtered = await probeColor("history-3-filtered");
    expect(filtered.persons).toBeLessThan(10);

    const expectStep = async (selected: string, personsHidden: boolean, name: string) => {
      await expect.poll(() => state(page).then((s) => s.view.selected)).toBe(selected);
      expect((await state(page)).view.filters.kinds === null).toBe(!personsHidden);
      await settle(page);
      const seen = await probeColor(name);
      if (personsHidden) expect(seen.persons, name).toBeLessThan(10);
      else expect(seen.persons, name).toBeGreaterThan(50);
      if (selected === "russia") expect(seen.own, `${probe.key} lit (${name})`).toBeGreaterThan(0.9);
      else expect(seen.dimmed, `${probe.key} dimmed (${name})`).toBeGreaterThan(0.9);
      await details()
        .getByRole("heading", { level: 2, name: selected === "russia" ? "Russia" : "Japan" })
        .waitFor();
    };

    await page.goBack();
    await expectStep("russia", false, "history-2-back");
    await page.goBack();
    await expectStep("japan", false, "history-1-back");
    await page.goForward();
    await expectStep("russia", false, "history-2-forward");
    await page.goForward();
    await expectStep("russia", true, "history-3-forward");
    expect(app.problems).toEqual([]);
  });

  it("a path between two actors is drawn and explained with its evidence, or reported missing under a filter", async () => {
    await reset();
    expect(countColor(await screenshot(page, "path-none"), PATH, region, 12)).toBeLessThan(10);

    // "Find a path" is at the top of the details panel: two actor boxes that match as the search does.
    await chooseActor(details().getByRole("combobox", { name: "Path from" }), "modi", "Narendra Modi");
    await chooseActor(details().getByRole("combobox", { name: "Path to" }), "lavrov", "Sergei Lavrov");
    await expect.poll(() => state(page).then((s) => s.view.path)).toEqual({ from: "narendra-modi", to: "sergei-lavrov" });
    await settle(page);
    const path = (await page.evaluate(() =>
      (window as unknown as { __kg: { path(): { nodes: string[]; edges: string[] } | null } }).__kg.path(),
    ))!;
    expect(path).not.toBe(null);
    expect(path.nodes[0]).toBe("narendra-modi");
    expect(path.nodes.at(-1)).toBe("sergei-lavrov");
    expect(path.edges.length).toBe(path.nodes.length - 1);
    expect(path.edges.length).toBeGreaterThanOrEqual(2);

    const shot = await screenshot(page, "path-modi-lavrov");
    expect(countColor(shot, PATH, region, 12)).toBeGreaterThan(150);
    for (const key of path.nodes) {
      const at = await nodeViewport(page, key);
      const color = await page.evaluate((k) => (window as unknown as KgWindow).__kg!.ownColor("node", k)!, key);
      expect(discShare(shot, at, 2, hexToRgb(color)), `${key} on the path keeps its colour`).toBeGreaterThan(0.6);
    }
    expect(countColor(shot, DIMMED_NODE, region, 4)).toBeGreaterThan(500); // the rest recedes
    await details().getByRole("group", { name: "Find a path" }).getByRole("status").getByText(`${path.edges.length} steps`).waitFor();

    const panel = details().locator("section", { has: page.getByRole("heading", { name: "Path: Narendra Modi → Sergei Lavrov" }) });
    await panel.waitFor({ state: "visible" });
    const steps = panel.locator("ol > li");
    expect(await steps.count()).toBe(path.edges.length);
    for (let i = 0; i < path.edges.length; i++) {
      const edge = path.edges[i]!;
      const { evidence, line } = await page.evaluate((e) => {
        const g = (window as unknown as KgWindow).__kg!.graph;
        const label = (n: string) => g.getNodeAttribute(n, "label") as string;
        return {
          evidence: (g.getEdgeAttribute(e, "evidence") as unknown[]).length,
          line: `${label(g.source(e))} ${g.getEdgeAttribute(e, "label") as string} ${label(g.target(e))}`,
        };
      }, edge);
      expect(await steps.nth(i).locator("blockquote").count(), edge).toBe(evidence);
      expect((await steps.nth(i).locator(".relation-line").textContent())?.replace(/\s+/g, " "), edge).toContain(line);
    }

    // Without countries, both actors stay on screen but nothing joins them.
    await filters()
      .getByRole("checkbox", { name: /^country \d+$/ })
      .uncheck();
    await settle(page);
    const visible = await visibleSets(page);
    expect(visible.nodes).toContain("narendra-modi");
    expect(visible.nodes).toContain("sergei-lavrov");
    expect(await page.evaluate(() => (window as unknown as { __kg: { path(): unknown } }).__kg.path())).toBe(null);
    await details()
      .getByText("No path between Narendra Modi and Sergei Lavrov under the current filters and time window.")
      .waitFor({ state: "visible" });
    await details()
      .getByRole("group", { name: "Find a path" })
      .getByText("No path under the current filters.")
      .waitFor({ state: "visible" });
    expect(countColor(await screenshot(page, "path-disconnected"), PATH, region, 12)).toBeLessThan(10);

    // From the panel: "Path from here" on one actor, "Path to here" on another.
    await reset();
    await dispatch(page, { type: "select", node: "shinzo-abe" });
    await details().getByRole("button", { name: "Path from here" }).click();
    await dispatch(page, { type: "select", node: "sergei-shoigu" });
    await details().getByRole("button", { name: "Path to here" }).click();
    await expect.poll(() => state(page).then((s) => s.view.path)).toEqual({ from: "shinzo-abe", to: "sergei-shoigu" });
    await details().getByRole("heading", { name: "Path: Shinzo Abe → Sergei Shoigu" }).waitFor();
    await settle(page);
    expect(countColor(await screenshot(page, "path-panel-buttons"), PATH, region, 12)).toBeGreaterThan(100);
    expect(app.problems).toEqual([]);
  });
});

describe("a mangled link", () => {
  it("opens normally with a notice of what it ignored, and draws the graph", async () => {
    const bad = await openApp(browser, "/?sel=nobody&from=20x4&kinds=%E0%A4%A&foo=1#garbage");
    try {
      const p = bad.page;
      const notice = p.getByRole("status").filter({ hasText: "ignored" });
      await notice.waitFor({ state: "visible" });
      // A long notice is cut, its whole text a click away.
      const more = notice.getByRole("button", { name: /^Show all/ });
      if ((await more.count()) > 0) await more.click();
      const text = (await notice.textContent()) ?? "";
      // The notice names every problem of the link (up to eight; core/url-state.ts, describeIgnored).
      for (const part of ["nobody", "20x4", "kinds", "foo", "garbage"]) expect(text, part).toContain(part);

      const s = await state(p);
      expect(s.view.selected).toBe(null);
      expect(s.view.time).toEqual({ from: null, to: null });
      expect(s.view.filters.kinds).toBe(null);
      expect((await visibleSets(p)).nodes).toHaveLength(ACTORS);

      await settle(p);
      const png = await screenshot(p, "link-mangled");
      expect(countColoredPixels(png, { region: await canvasRegion(p) })).toBeGreaterThan(3000);
      const japan = await nodeViewport(p, "japan");
      expect(discShare(png, japan, 5, hexToRgb("#3b6fb6"))).toBeGreaterThan(0.9);
      expect(bad.problems).toEqual([]);
    } finally {
      await bad.close();
    }
  });
});

/** Share of the pixels of `region` that differ (any channel by more than 24) between two screenshots. */
function differingShare(a: Buffer, b: Buffer, region: Region): number {
  const A = decodePng(a);
  const B = decodePng(b);
  let differ = 0;
  let total = 0;
  for (let y = region.y; y < region.y + region.height; y++) {
    for (let x = region.x; x < region.x + region.width; x++) {
      const i = (y * A.width + x) * 4;
      total++;
      if (
        Math.abs(A.data[i]! - B.data[i]!) > 24 ||
        Math.abs(A.data[i + 1]! - B.data[i + 1]!) > 24 ||
        Math.abs(A.data[i + 2]! - B.data[i + 2]!) > 24
      )
        differ++;
    }
  }
  return differ / total;
}
