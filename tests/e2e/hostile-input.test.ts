/**
 * Hostile input in one browser page (issue 13): a few hundred generated graph
 * files (the readers' property-test generators, tests/unit/hostile-files.ts,
 * written in every format, some cut short or with junk inserted) opened one
 * after the other, and as many generated links followed, without a reload.
 * Nothing may throw on the page or log an error, the page never goes blank,
 * a refused file leaves the graph as it was, and the notices stay small. The
 * seed is fixed, so a failure names a file that fails again.
 */
import fc from "fast-check";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphShape, PROTOTYPE, writers } from "../unit/hostile-files";
import type { KgWindow } from "./app-handle";
import { launchBrowser, openApp, screenshot, type OpenedApp } from "./browser";
import { openFile } from "./file-helpers";

const SEED = 20261202;
const FILES_PER_FORMAT = 25;
const LINKS = 200;

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

interface Seen {
  source: unknown;
  lastNotice: number;
  notices: { id: number; role: string; text: string }[];
  order: number;
}

const seen = (): Promise<Seen> =>
  page.evaluate(() => {
    const s = (window as unknown as KgWindow).__kg!.getState() as {
      data: { loaded: { source: unknown; graph: { order: number } } | null };
      ui: { notices: { id: number; role: string; text: string }[] };
    };
    return {
      source: s.data.loaded?.source ?? null,
      lastNotice: Math.max(0, ...s.ui.notices.map((n) => n.id)),
      notices: s.ui.notices,
      order: s.data.loaded?.graph.order ?? -1,
    };
  });

/** The page is still an explorer: its header, a graph area, and no notice taller than a third of the screen. */
async function expectAlive(where: string): Promise<void> {
  const shape = await page.evaluate(() => ({
    header: document.querySelector(".app-header")?.getBoundingClientRect().height ?? 0,
    graph: document.querySelector(".graph-area")?.getBoundingClientRect().height ?? 0,
    tallest: Math.max(0, ...[...document.querySelectorAll(".notices .notice")].map((n) => n.getBoundingClientRect().height)),
  }));
  expect(shape.header, where).toBeGreaterThan(20);
  expect(shape.graph, where).toBeGreaterThan(100);
  expect(shape.tallest, where).toBeLessThan(800 / 3);
  expect(app.problems, where).toEqual([]);
}

const FORMAT_FILE = {
  graphology: "json",
  snapshot: "json",
  gephiLite: "json",
  sigma: "json",
  gexf: "gexf",
  graphml: "graphml",
  csv: "csv",
};

describe("hostile input in one page", () => {
  it("hostile files: each opens or is refused with a message, a refused one keeps the graph, the page stays", async () => {
    const junk = ["<", ">", "&", '"', "{", "]", ",", "\u0000", "</graph>", "<!--", "\uFEFF"];
    let refused = 0;
    let opened = 0;
    for (const [format, write] of Object.entries(writers)) {
      const shapes = fc.sample(fc.tuple(graphShape, fc.nat(), fc.constantFrom(...junk)), { seed: SEED, numRuns: FILES_PER_FORMAT });
      for (const [i, [shape, at, bad]] of shapes.entries()) {
        const whole = write(shape);
        // One in three is damaged: cut short or with junk put in.
        const cut = at % (whole.length + 1);
        const text = i % 3 === 1 ? whole.slice(0, cut) : i % 3 === 2 ? whole.slice(0, cut) + bad + whole.slice(cut) : whole;
        const name = `hostile-${format}-${i}.${FORMAT_FILE[format as keyof typeof FORMAT_FILE]}`;
        const before = await seen();
        await openFile(page, { name, text });
        await page.waitForFunction(
          (last) => {
            const s = (window as unknown as KgWindow).__kg!.getState() as { ui: { busy: string | null; notices: { id: number }[] } };
            return s.ui.busy === null && s.ui.notices.some((n) => n.id > last);
          },
          before.lastNotice,
          { polling: 20, timeout: 20_000 },
        );
        const after = await seen();
        const news = after.notices.filter((n) => n.id > before.lastNotice);
        const alert = news.find((n) => n.role === "alert");
        if (alert) {
          refused++;
          expect(alert.text, name).toMatch(
            new RegExp(`^Could not open “${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}”: .+ The current view is unchanged\\.$`, "s"),
          );
          expect(after.source, name).toEqual(before.source);
          expect(after.order, name).toBe(before.order);
        } else {
          opened++;
          expect(after.source, name).toEqual({ kind: "file", name });
        }
        await expectAlive(name);
      }
    }
    // The run tries both paths often.
    expect(refused).toBeGreaterThan(20);
    expect(opened).toBeGreaterThan(20);
    await screenshot(page, "hostile-files-last");
  }, 600_000);

  it("hostile links: followed without a reload, each leaves a drawn page and small notices", async () => {
    await page.goto(new URL("/", page.url()).href);
    await page.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, { timeout: 30_000 });
    const huge = ["1e308", "-1e308", "NaN", "Infinity", "1e-320", "9".repeat(400), ""];
    const word = fc.oneof(fc.constantFrom(...PROTOTYPE, "japan", "russia", "", "%", "%00", "<b>"), fc.string({ maxLength: 12 }));
    const part = fc.oneof(
      fc
        .tuple(fc.constantFrom("sel", "edge", "from", "to", "story", "q", "kinds", "fam", "rel", "art"), word)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
      fc.array(fc.constantFrom(...huge), { minLength: 4, maxLength: 4 }).map((v) => `cam=${v.join(",")}`),
      fc
        .tuple(fc.constantFrom("t", "cmp", "focus", "step", "size", "ncolor", "lsize"), word)
        .map(([k, v]) => `${k}=${encodeURIComponent(v)}`),
      fc.nat({ max: 3000 }).map((n) => "sel=japan&".repeat(n)),
      word.map((w) => encodeURIComponent(w)),
    );
    const links = fc.sample(fc.array(part, { maxLength: 6 }), { seed: SEED, numRuns: LINKS });
    for (const [i, parts] of links.entries()) {
      const query = parts.join("&");
      await page.evaluate((q) => {
        history.pushState(null, "", `/?${q}`);
        dispatchEvent(new PopStateEvent("popstate"));
      }, query);
      await page.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, { timeout: 30_000 });
      const where = `link ${i}: ?${query.slice(0, 200)}`;
      await expectAlive(where);
      const s = await seen();
      expect(s.order, where).toBeGreaterThan(0);
      for (const n of s.notices) expect(n.text.length, where).toBeLessThan(2000);
    }
    await screenshot(page, "hostile-links-last");
  }, 600_000);
});
