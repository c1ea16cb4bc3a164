/**
 * Panels and controls that respect an analyst's time (issue #14), at
 * 1280×800 and on a phone (390×844): the evidence panel for a hub, the time
 * bar, paths in plain sight, the keyboard and screen readers (with the axe
 * rules), notices, search, the overview and the defaults; dark mode; and
 * parts of the page that fail alone (error boundaries). Screenshots of each
 * view are saved as test-results/screenshots/panels-*.png.
 */
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KgWindow } from "./app-handle";
import { axeViolations } from "./axe";
import { canvasRegion, countColoredPixels, launchBrowser, openApp, pixelAt, screenshot, type OpenedApp } from "./browser";
import { channelDistance, dispatch, hexToRgb, resetView, settle, state } from "./graph-helpers";

const PHONE = { width: 390, height: 844 };

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const details = (p: Page) => p.getByRole("complementary", { name: "Details" });
const shot = (p: Page, name: string) => screenshot(p, `panels-${name}`);

/** Both boxes on screen, and whether they overlap (by more than a pixel). */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = await Promise.all([a.boundingBox(), b.boundingBox()]);
  if (!x || !y) throw new Error("a box is not on screen");
  return (
    Math.min(x.x + x.width, y.x + y.width) - Math.max(x.x, y.x) > 1 && Math.min(x.y + x.height, y.y + y.height) - Math.max(x.y, y.y) > 1
  );
}

/** Drags the centre of `handle` by `dx` px, in small moves as a hand would. */
async function dragBy(p: Page, handle: Locator, dx: number): Promise<void> {
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await p.mouse.move(x, y);
  await p.mouse.down();
  for (let i = 1; i <= 8; i++) await p.mouse.move(x + (dx * i) / 8, y);
  await p.mouse.up();
}

/** Tab as from the top of a fresh page: the focus starts at the document's start. */
async function tabFromTop(p: Page): Promise<void> {
  await p.evaluate(() => {
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute("tabindex");
  });
  await p.keyboard.press("Tab");
}

const timeOf = async (p: Page) => (await state(p)).view.time;

function neighbours(p: Page, node: string): Promise<string[]> {
  return p.evaluate((n) => (window as unknown as KgWindow).__kg!.graph.neighbors(n), node);
}

/** The evidence list's counts, as its status line says them. */
/** An actor's visible relations, counted in the served graph (the corpus grows; the tests follow it). */
const visibleRelations = (p: Page, node: string) =>
  p.evaluate((n) => {
    const kg = (window as unknown as KgWindow).__kg!;
    const shown = new Set(kg.visible().edges);
    return kg.graph.edges(n).filter((e) => shown.has(e)).length;
  }, node);

const evidenceStatus = (p: Page) => details(p).locator(".evidence-bar [role=status]").textContent();

describe("at 1280×800", () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp(browser, "/");
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it("starts with the filters closed where they would leave the graph less than 60% of the screen, open where not", async () => {
    const filtersButton = page.getByRole("button", { name: "Filters", exact: true });
    expect(await filtersButton.getAttribute("aria-expanded")).toBe("false");
    const graph = await canvasRegion(page);
    expect(graph.width / 1280).toBeGreaterThan(0.6);
    await shot(page, "desktop-first-view");
    expect(await axeViolations(page)).toEqual([]);

    const wide = await openApp(browser, "/", { viewport: { width: 1700, height: 900 } });
    try {
      expect(await wide.page.getByRole("button", { name: "Filters", exact: true }).getAttribute("aria-expanded")).toBe("true");
      const region = await canvasRegion(wide.page);
      expect(region.width / 1700).toBeGreaterThanOrEqual(0.59);
      expect(wide.problems).toEqual([]);
    } finally {
      await wide.close();
    }

    // Opened, the filter panel passes the axe rules too, and closes again.
    await filtersButton.click();
    await page.getByRole("region", { name: "Filters" }).waitFor();
    await settle(page);
    await shot(page, "desktop-filters-open");
    expect(await axeViolations(page)).toEqual([]);
    await filtersButton.click();
    await page.getByRole("region", { name: "Filters" }).waitFor({ state: "detached" });
    expect(app.problems).toEqual([]);
  });

  it("the overview's dates agree with the title, unknown metadata is left out, and the article list follows the article filter", async () => {
    await resetView(page);
    const panel = details(page);
    const title = (await panel.getByRole("heading", { level: 2 }).textContent()) ?? "";
    expect(title).toContain("2013–2024");
    const summary = (await panel.locator("article.details > p").first().textContent()) ?? "";
    expect(summary).toContain("dated 2013–2024");
    expect(summary).toContain("4 earlier, from 1951");
    expect(summary).not.toMatch(/2024-11-05/);
    const list = panel.locator(".article-list");
    await list.waitFor();
    expect(await list.locator("li").count()).toBe(5);
    expect((await list.textContent())?.toLowerCase()).not.toContain("unknown");
    // A publisher that is known is still shown.
    expect(await list.textContent()).toContain("Mainichi");

    const one = await page.evaluate(
      () => ((window as unknown as KgWindow).__kg!.graph.getAttribute("articles") as { id: string }[])[0]!.id,
    );
    await dispatch(page, { type: "setFilters", filters: { articles: [one] } });
    await expect.poll(() => list.locator("li").count()).toBe(1);
    expect(await panel.getByRole("heading", { level: 3, name: /Articles \(1 of 5/ }).count()).toBe(1);
    await shot(page, "desktop-overview-article-filter");
    await resetView(page);
    expect(app.problems).toEqual([]);
  });

  it("the evidence panel groups, counts, collapses, sorts and remembers; a shared quote is shown once with its relations", async () => {
    await resetView(page);
    await dispatch(page, { type: "select", node: "shinzo-abe" });
    const panel = details(page);
    await panel.getByRole("heading", { level: 2, name: "Shinzo Abe" }).waitFor();
    await panel.getByRole("button", { name: "Open all" }).click();
    // The quote that supports five "rebuffs" relations appears once, listing the five.
    const shared = panel.locator(".quote-card", { hasText: "ignored by Britain, France, Germany, Italy" });
    await expect.poll(() => shared.count()).toBe(1);
    expect(await shared.locator(".supports > li").count()).toBe(5);
    expect(await shared.getByRole("button", { name: /^Show in graph: / }).count()).toBe(5);
    await shot(page, "desktop-evidence-abe");

    // Japan: a hub, whose groups start closed, with their counts.
    await dispatch(page, { type: "select", node: "japan" });
    await panel.getByRole("heading", { level: 2, name: "Japan" }).waitFor();
    const japan = await visibleRelations(page, "japan");
    expect(japan).toBeGreaterThan(50);
    expect(await panel.getByRole("heading", { level: 3, name: /visible relations? ·/ }).textContent()).toMatch(
      new RegExp(`^${japan} visible relations · \\d+ quotes$`),
    );
    const toggles = panel.locator(".group-toggle");
    const groups = await toggles.count();
    expect(groups).toBeGreaterThan(10);
    expect(await panel.locator(".quote-card").count()).toBe(0);
    const first = toggles.first();
    expect(await first.getAttribute("aria-expanded")).toBe("false");
    expect(await first.textContent()).toMatch(/\d+ relations? · \d+ quotes?/);
    await first.click();
    expect(await first.getAttribute("aria-expanded")).toBe("true");
    await expect.poll(() => panel.locator(".quote-card").count()).toBeGreaterThan(0);
    await first.click();
    await expect.poll(() => panel.locator(".quote-card").count()).toBe(0);

    // Open all: a long list, virtualised: far fewer quotes in the page than there are.
    await panel.getByRole("button", { name: "Open all" }).click();
    await expect.poll(() => panel.locator(".quote-card").count()).toBeGreaterThan(3);
    await panel.locator(".evidence-rows.virtual").waitFor();
    const rendered = await panel.locator("blockquote").count();
    const total = await page.evaluate(() => {
      const g = (window as unknown as KgWindow).__kg!.graph;
      const quotes = new Set<string>();
      g.forEachEdge("japan", (_e, a) => {
        for (const ev of a.evidence as { article: string; quote: string }[]) quotes.add(`${ev.article}|${ev.quote}`);
      });
      return quotes.size;
    });
    expect(total).toBeGreaterThan(100);
    expect(rendered).toBeLessThan(total / 2);
    // Scrolling the panel brings later rows in.
    const firstCardText = await panel.locator(".quote-card").first().textContent();
    await expect
      .poll(async () => {
        await panel.evaluate((el) => el.scrollTo(0, el.scrollHeight));
        return panel.locator(".quote-card").first().textContent();
      })
      .not.toBe(firstCardText);
    await shot(page, "desktop-evidence-japan-open");
    await panel.evaluate((el) => (el.scrollTop = 0));

    // Grouped by article, sorted by number of quotes: the choice is kept across a reload.
    await panel.getByRole("combobox", { name: "Group by" }).selectOption("article");
    await panel.getByRole("combobox", { name: "Sort by" }).selectOption("quotes");
    await panel.getByRole("button", { name: "Close all" }).click();
    const counts = await toggles.evaluateAll((els) => els.map((el) => Number(/(\d+) quotes?/.exec(el.textContent ?? "")![1])));
    expect(counts.length).toBeLessThanOrEqual(5);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const again = await app.context.newPage();
    await again.goto(page.url());
    await settle(again);
    const later = details(again);
    await later.getByRole("heading", { level: 2, name: "Japan" }).waitFor();
    expect(await later.getByRole("combobox", { name: "Group by" }).inputValue()).toBe("article");
    expect(await later.getByRole("combobox", { name: "Sort by" }).inputValue()).toBe("quotes");
    await again.close();
    await panel.getByRole("combobox", { name: "Group by" }).selectOption("relation");
    await panel.getByRole("combobox", { name: "Sort by" }).selectOption("date");
    expect(await axeViolations(page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it("'find in these quotes' narrows Japan's list and marks the word", async () => {
    await resetView(page);
    await dispatch(page, { type: "select", node: "japan" });
    const panel = details(page);
    await panel.getByRole("heading", { level: 2, name: "Japan" }).waitFor();
    const before = await panel.locator(".group-toggle").count();
    const box = panel.getByRole("searchbox", { name: "Find in these quotes" });
    await box.fill("SANCTION");
    await expect.poll(() => evidenceStatus(page)).toMatch(/contain “SANCTION”/);
    const status = (await evidenceStatus(page)) ?? "";
    const [, quotes, , relations] = /(\d+) quotes? of (\d+) and (\d+) relations? of/.exec(status)!.map(Number);
    expect(quotes).toBeGreaterThan(0);
    expect(relations).toBeLessThan(74);
    expect(await panel.locator(".group-toggle").count()).toBeLessThan(before);
    // Narrowed, every group is open and every quote shown has the word marked, whatever its case.
    expect(await panel.locator("blockquote").count()).toBe(quotes);
    const marks = await panel.locator("blockquote mark").allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(quotes!);
    for (const m of marks) expect(m.toLowerCase()).toBe("sanction");
    for (const text of await panel.locator("blockquote").allTextContents()) expect(text.toLowerCase()).toContain("sanction");
    await shot(page, "desktop-evidence-find");
    // Escape empties the box; the selection stays until the next Escape.
    await box.press("Escape");
    expect(await box.inputValue()).toBe("");
    expect((await state(page)).view.selected).toBe("japan");
    await box.fill("kremlinology");
    await expect.poll(() => evidenceStatus(page)).toBe("No quote contains “kremlinology”.");
    await box.fill("");
    expect(app.problems).toEqual([]);
  });

  it("plurals are right: 1 relation, 2 relations", async () => {
    await resetView(page);
    await dispatch(page, { type: "select", node: "crimea" });
    const panel = details(page);
    await panel.getByRole("heading", { level: 2, name: "Crimea" }).waitFor();
    expect(await panel.getByRole("heading", { level: 3, name: /visible relations? ·/ }).textContent()).toMatch(
      /^1 visible relation · 1 quote$/,
    );
    expect(await panel.locator(".group-toggle").first().textContent()).toContain("1 relation · 1 quote");
    expect(await panel.textContent()).not.toMatch(/\b1 (relations|quotes|groups)\b/);
    expect(app.problems).toEqual([]);
  });

  it("the time bar: a readable compressed axis, a filled window, handles that never trap each other (from=2024&to=2024)", async () => {
    const linked = await openApp(browser, "/?from=2024&to=2024");
    try {
      const p = linked.page;
      const bar = p.getByRole("region", { name: "Time window" });
      const from = bar.getByRole("slider", { name: "From year" });
      const to = bar.getByRole("slider", { name: "To year" });
      expect([await from.getAttribute("aria-valuenow"), await to.getAttribute("aria-valuenow")]).toEqual(["2024", "2024"]);
      // The two handles of a one-year window stand apart, with the filled window between them.
      expect(await overlap(from, to)).toBe(false);
      const windowBox = (await bar.locator(".time-window").boundingBox())!;
      expect(windowBox.width).toBeGreaterThan(5);
      // The axis: labelled years, the first where the relations start, 2013 in the left third, gaps marked.
      const labels = await bar.locator(".tick.labelled").allTextContents();
      expect(labels[0]).toBe("1951");
      expect(labels).toEqual(expect.arrayContaining(["1951", "2013", "2024"]));
      expect(labels.length).toBeGreaterThanOrEqual(6);
      expect(await bar.locator(".gap-mark").count()).toBe(2);
      const track = (await bar.locator(".time-track").boundingBox())!;
      const tick2013 = (await bar.locator(".tick", { hasText: /^2013$/ }).boundingBox())!;
      expect((tick2013.x - track.x) / track.width).toBeLessThan(0.34);
      await shot(p, "desktop-time-2024");

      // Dragging "from" to the left works although both sit on 2024…
      await dragBy(p, from, -120);
      await expect.poll(() => timeOf(p).then((t) => Number(t.from))).toBeLessThan(2024);
      expect((await timeOf(p)).to).toBe(null);
      // …and so does dragging "to" to the left, past "from": it pushes it along.
      const start = Number((await timeOf(p)).from);
      await dragBy(p, to, -(track.width * 0.6));
      await expect.poll(() => timeOf(p).then((t) => (t.to === null ? 2024 : Number(t.to)))).toBeLessThan(start);
      const pushed = await timeOf(p);
      expect(Number(pushed.from)).toBeLessThanOrEqual(Number(pushed.to));
      // The keyboard: back to 2024–2024, then each handle moves away from the other.
      await to.focus();
      await p.keyboard.press("End");
      await from.focus();
      await p.keyboard.press("End");
      await expect.poll(() => timeOf(p)).toEqual({ from: "2024", to: null });
      await p.keyboard.press("ArrowLeft");
      await expect.poll(() => timeOf(p)).toEqual({ from: "2023", to: null });
      await to.focus();
      await p.keyboard.press("ArrowLeft");
      await p.keyboard.press("ArrowLeft");
      // "to" pushed "from" from 2023 to 2022.
      await expect.poll(() => timeOf(p)).toEqual({ from: "2022", to: "2022" });

      // The filled window drags as a whole: both ends move by the same years.
      await dispatch(p, { type: "setTime", time: { from: "2015", to: "2017" } });
      await settle(p);
      await dragBy(p, bar.locator(".time-window"), 2 * ((await bar.locator(".time-track").boundingBox())!.width / 16));
      await expect.poll(() => timeOf(p).then((t) => t.from)).not.toBe("2015");
      const slid = await timeOf(p);
      expect(Number(slid.to) - Number(slid.from)).toBe(2);
      expect(Number(slid.from)).toBeGreaterThan(2015);
      expect(linked.problems).toEqual([]);
    } finally {
      await linked.close();
    }
  });

  it("Play from the start reaches 2013 within two steps, at the chosen pace, and Pause keeps the button's width", async () => {
    await resetView(page);
    const bar = page.getByRole("region", { name: "Time window" });
    await bar.getByRole("combobox", { name: "Pace" }).selectOption("500");
    const play = bar.getByRole("button", { name: "Play year by year" });
    const width = (await play.boundingBox())!.width;
    // Every window the playback shows, in order.
    await page.evaluate(() => {
      const kg = (window as unknown as KgWindow).__kg!;
      const seen: string[] = [];
      (window as unknown as { __windows: string[] }).__windows = seen;
      const timer = setInterval(() => {
        const t = (kg.getState() as { view: { time: { from: string | null; to: string | null } } }).view.time;
        const w = `${t.from}-${t.to}`;
        if (seen.at(-1) !== w) seen.push(w);
        if (seen.length > 40) clearInterval(timer);
      }, 20);
    });
    await play.click();
    const pause = bar.getByRole("button", { name: "Pause playback" });
    await pause.waitFor();
    expect(Math.abs((await pause.boundingBox())!.width - width)).toBeLessThan(1);
    const windows = () => page.evaluate(() => (window as unknown as { __windows: string[] }).__windows);
    await expect.poll(windows, { timeout: 20_000 }).toContain("2013-2013");
    await pause.click();
    const seen = await windows();
    const steps = seen.slice(seen.indexOf("null-null") + 1);
    // The first window is the first year with relations; two steps later it is 2013.
    expect(steps.slice(0, 3)).toEqual(["null-1951", "1956-1956", "2013-2013"]);
    await shot(page, "desktop-time-playing");
    await bar.getByRole("combobox", { name: "Pace" }).selectOption("1000");
    await resetView(page);
    expect(app.problems).toEqual([]);
  });

  it("'Find a path' is two actor boxes in the details panel, seen without opening the filters", async () => {
    await resetView(page);
    expect(await page.getByRole("button", { name: "Filters", exact: true }).getAttribute("aria-expanded")).toBe("false");
    const picker = details(page).getByRole("group", { name: "Find a path" });
    const fromBox = picker.getByRole("combobox", { name: "Path from" });
    const toBox = picker.getByRole("combobox", { name: "Path to" });
    expect(await fromBox.isVisible()).toBe(true);
    // The same matching as the search: spacing and punctuation fold.
    await fromBox.fill("two plus two");
    await page
      .getByRole("listbox")
      .getByRole("option", { name: /^Japan-Russia 2\+2/ })
      .click();
    await toBox.fill("shoigu");
    await page.keyboard.press("Enter");
    await expect.poll(() => state(page).then((s) => s.view.path)).toEqual({ from: "japan-russia-2plus2", to: "sergei-shoigu" });
    expect(await fromBox.inputValue()).toBe("Japan-Russia 2+2");
    await picker
      .getByRole("status")
      .getByText(/^\d+ steps?$/)
      .waitFor();
    await details(page)
      .getByRole("heading", { name: /^Path: Japan-Russia 2\+2 → Sergei Shoigu/ })
      .waitFor();
    // No horizontal scroll in the panel.
    expect(await details(page).evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await shot(page, "desktop-path");
    await picker.getByRole("button", { name: "Swap" }).click();
    await expect.poll(() => state(page).then((s) => s.view.path)).toEqual({ from: "sergei-shoigu", to: "japan-russia-2plus2" });
    await picker.getByRole("button", { name: "Clear path" }).click();
    await expect.poll(() => state(page).then((s) => s.view.path)).toEqual({ from: null, to: null });
    // Clearing removed the button that had the focus: the focus went to the panel, not the page.
    expect(await page.evaluate(() => document.activeElement !== document.body && document.activeElement !== null)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it("search folds spacing and punctuation; Escape clears the text, a second Escape the selection", async () => {
    await resetView(page);
    const box = page.getByRole("combobox", { name: "Search actors" });
    for (const query of ["two plus two", "two-plus-two", "2+2", "2 plus 2"]) {
      await box.fill(query);
      const first = page.getByRole("listbox").getByRole("option").first();
      await expect.poll(() => first.textContent(), { message: query }).toMatch(/^Japan-Russia 2\+2/);
    }
    await page.keyboard.press("Enter");
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe("japan-russia-2plus2");
    await page.keyboard.press("Escape");
    expect(await box.inputValue()).toBe("");
    expect((await state(page)).view.selected).toBe("japan-russia-2plus2");
    await page.keyboard.press("Escape");
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe(null);
    expect(app.problems).toEqual([]);
  });

  it("the keyboard alone: a skip link to the graph, arrow keys between neighbours (announced), Enter selects, ? lists the keys", async () => {
    // As on a fresh page: the first Tab from the top.
    await tabFromTop(page);
    const skip = page.getByRole("link", { name: "Skip to the graph" });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    await shot(page, "desktop-skip-link");
    await page.keyboard.press("Enter");
    const graph = page.locator("#graph");
    await expect.poll(() => graph.evaluate((el) => el === document.activeElement)).toBe(true);
    const announced = page.locator("#graph [role=status]");

    // Nothing selected: the first arrow starts at the best-connected actor.
    const russia = await visibleRelations(page, "russia");
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => announced.textContent()).toBe(`Russia, country, ${russia} relations. Enter selects.`);
    await page.keyboard.press("Enter");
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe("russia");
    await expect.poll(() => announced.textContent()).toBe(`Selected Russia, country, ${russia} relations.`);

    // With Russia selected, the arrows go to its neighbours only.
    const near = new Set([...(await neighbours(page, "russia")), "russia"]);
    const visited = new Set<string>();
    for (const key of ["ArrowLeft", "ArrowDown", "ArrowRight", "ArrowUp", "ArrowLeft"]) {
      await page.keyboard.press(key);
      const hovered = (await state(page)).ui.hovered;
      if (hovered) visited.add(hovered);
    }
    expect(visited.size).toBeGreaterThan(1);
    for (const v of visited) expect(near.has(v), v).toBe(true);
    const chosen = (await state(page)).ui.hovered!;
    expect(await announced.textContent()).toMatch(/, \d+ relations?\. Enter selects\.$/);
    await shot(page, "desktop-keyboard-neighbour");
    await page.keyboard.press("Enter");
    await expect.poll(() => state(page).then((s) => s.view.selected)).toBe(chosen);
    expect(await graph.evaluate((el) => el === document.activeElement)).toBe(true);

    // "?" lists the shortcuts; Escape closes the list and the focus comes back.
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Skip to the graph");
    await shot(page, "desktop-shortcuts");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(await graph.evaluate((el) => el === document.activeElement)).toBe(true);
    expect((await state(page)).view.selected).toBe(chosen);

    // The second skip link goes to the details, past the header.
    await tabFromTop(page);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to the details");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("details");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("#details"))).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it("the Export menu answers Home and End", async () => {
    await resetView(page);
    await page.getByRole("button", { name: "Export", exact: true }).click();
    const menu = page.getByRole("menu", { name: "Export formats" });
    await menu.waitFor();
    const focused = () => page.evaluate(() => document.activeElement?.querySelector("span")?.textContent);
    await page.keyboard.press("End");
    expect(await focused()).toBe("CSV relations");
    await page.keyboard.press("Home");
    expect(await focused()).toBe("PNG image…");
    await page.keyboard.press("Escape");
    await menu.waitFor({ state: "detached" });
    expect(app.problems).toEqual([]);
  });

  it("notices: a status goes away by itself, an alert stays with its close button, repeats merge, long ones are cut, none covers a control", async () => {
    await resetView(page);
    await dispatch(page, { type: "notify", role: "status", text: "Saved." }, { type: "notify", role: "alert", text: "Could not open x." });
    await dispatch(page, { type: "notify", role: "status", text: "Saved." });
    const notices = page.locator(".notices");
    const status = notices.getByRole("status").locator("p.notice", { hasText: "Saved." });
    await status.waitFor();
    expect(await status.count()).toBe(1);
    expect(await status.textContent()).toContain("×2");
    const alert = notices.getByRole("alert").locator("p.notice", { hasText: "Could not open x." });
    expect(await alert.getByRole("button", { name: "Dismiss" }).count()).toBe(1);
    // A notice of 100 000 characters (a hostile link) stays small, the whole a click away.
    await dispatch(page, { type: "notify", role: "status", text: `Some parts of the link were ignored: ${"sel=japan&".repeat(10_000)}` });
    const long = notices.locator("p.notice", { hasText: "Some parts of the link" });
    await long.waitFor();
    expect((await long.boundingBox())!.height).toBeLessThan(150);
    expect(await long.getByRole("button", { name: /^Show all/ }).count()).toBe(1);
    await shot(page, "desktop-notices");
    // No control of the page under a notice.
    const boxes = await page.evaluate(() => {
      const notes = [...document.querySelectorAll(".notices .notice")].map((n) => n.getBoundingClientRect());
      const controls = [...document.querySelectorAll("button, input, select, [role=slider], a[href]")]
        .filter((el) => !el.closest(".notices"))
        .map((el) => ({ name: el.getAttribute("aria-label") ?? el.textContent, r: el.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
      return controls
        .filter(({ r }) =>
          notes.some(
            (n) => Math.min(n.right, r.right) - Math.max(n.left, r.left) > 1 && Math.min(n.bottom, r.bottom) - Math.max(n.top, r.top) > 1,
          ),
        )
        .map(({ name }) => name);
    });
    expect(boxes).toEqual([]);
    await long.getByRole("button", { name: "Dismiss" }).click();
    // While the focus is on a notice it stays; elsewhere, the status note goes by itself, the alert stays until closed.
    expect(await page.evaluate(() => !!document.activeElement?.closest(".notices"))).toBe(true);
    await page.locator("#graph").focus();

    // The status note goes by itself; the alert stays until closed.
    await status.waitFor({ state: "detached", timeout: 30_000 });
    expect(await alert.count()).toBe(1);
    await alert.getByRole("button", { name: "Dismiss" }).click();
    await alert.waitFor({ state: "detached" });
    // Focus did not fall to the page's body.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
    expect(app.problems).toEqual([]);
  });

  it("an article open in the reader passes the axe rules", async () => {
    await resetView(page);
    await dispatch(page, { type: "select", node: "sergei-lavrov" });
    await details(page).getByRole("button", { name: "Read in article" }).first().click();
    await page.getByRole("dialog").waitFor();
    await shot(page, "desktop-reader");
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    expect(app.problems).toEqual([]);
  });
});

describe("on a phone (390×844)", () => {
  let app: OpenedApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp(browser, "/", { viewport: PHONE });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it("the toolbar sits above the graph, never over it, and nothing scrolls sideways", async () => {
    const toolbar = page.getByRole("toolbar", { name: "Graph controls" });
    const tools = (await toolbar.boundingBox())!;
    const sigma = (await page.locator(".graph-area .sigma").boundingBox())!;
    expect(tools.y + tools.height).toBeLessThanOrEqual(sigma.y + 1);
    expect(tools.height).toBeLessThan(50); // one row
    expect(sigma.height).toBeGreaterThan(400);
    const header = (await page.locator(".app-header").boundingBox())!;
    expect(header.y + header.height).toBeLessThanOrEqual(tools.y);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth <= window.innerWidth + 1)).toBe(true);
    // A notice on a phone covers no control either: it sits below the toolbar's strip.
    await dispatch(page, { type: "notify", role: "alert", text: "Could not open “a-file-with-a-long-name.gexf”: it is not a graph file." });
    const notice = page.locator(".notices p.notice");
    await notice.waitFor();
    const noticeBox = (await notice.boundingBox())!;
    expect(noticeBox.y).toBeGreaterThanOrEqual(tools.y + tools.height);
    expect(noticeBox.x + noticeBox.width).toBeLessThanOrEqual(390);
    await shot(page, "phone-notice");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await notice.waitFor({ state: "detached" });
    const png = await shot(page, "phone-first-view");
    expect(countColoredPixels(png, { region: { x: sigma.x, y: sigma.y, width: sigma.width, height: sigma.height } })).toBeGreaterThan(1000);
    expect(await axeViolations(page)).toEqual([]);
    expect(app.problems).toEqual([]);
  });

  it("the filter drawer closes by its button, by Escape, by a tap outside and by Back", async () => {
    await resetView(page);
    const open = page.getByRole("button", { name: "Filters", exact: true });
    const drawer = page.getByRole("dialog", { name: "Filters" });
    const opened = async () => {
      await open.click();
      await drawer.waitFor();
      expect(await page.getByRole("region", { name: "Filters" }).isVisible()).toBe(true);
    };

    await opened();
    // The drawer does not cover the button that opened it… it is modal: its close button is in view and focused.
    const close = drawer.getByRole("button", { name: "Close filters" });
    expect(await close.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = (await close.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await shot(page, "phone-filters-drawer");
    expect(await axeViolations(page)).toEqual([]);
    await close.click();
    await drawer.waitFor({ state: "detached" });
    expect(await open.evaluate((el) => el === document.activeElement)).toBe(true);

    await opened();
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });

    await opened();
    const drawerBox = (await drawer.boundingBox())!;
    await page.mouse.click(Math.min(385, drawerBox.x + drawerBox.width + 20), 500);
    await drawer.waitFor({ state: "detached" });

    const url = page.url();
    await opened();
    await page.goBack();
    await drawer.waitFor({ state: "detached" });
    // Back closed the drawer and stayed on the page, with the same view.
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => typeof (window as unknown as KgWindow).__kg)).toBe("object");
    expect((await state(page)).view.selected).toBe(null);
    expect(app.problems).toEqual([]);
  });

  it("a selection opens the details drawer; 'Show in graph' brings the graph back into view", async () => {
    await resetView(page);
    await dispatch(page, { type: "select", node: "sergei-lavrov" });
    const drawer = page.getByRole("dialog", { name: "Details" });
    await drawer.waitFor();
    await details(page).getByRole("heading", { level: 2, name: "Sergei Lavrov" }).waitFor();
    const paths = details(page).getByRole("group", { name: "Find a path" });
    expect(await paths.isVisible()).toBe(true);
    await shot(page, "phone-details-drawer");
    expect(await axeViolations(page)).toEqual([]);
    await details(page)
      .getByRole("button", { name: /^Show in graph: / })
      .first()
      .click();
    await drawer.waitFor({ state: "detached" });
    await expect.poll(() => state(page).then((s) => s.view.selectedEdge)).not.toBe(null);
    // The graph is in view and nothing lies over its middle.
    const sigma = (await page.locator(".graph-area .sigma").boundingBox())!;
    expect(sigma.y).toBeGreaterThanOrEqual(0);
    expect(sigma.y + sigma.height).toBeLessThanOrEqual(844);
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, {
      x: sigma.x + sigma.width / 2,
      y: sigma.y + sigma.height / 2,
    });
    expect(onTop).toBe("CANVAS");
    await shot(page, "phone-show-in-graph");

    // The details drawer closes by Escape and by a tap on the graph above it, too.
    await page.getByRole("button", { name: "Details", exact: true }).click();
    await drawer.waitFor();
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Details", exact: true }).click();
    await drawer.waitFor();
    await page.mouse.click(200, 150);
    await drawer.waitFor({ state: "detached" });
    expect(app.problems).toEqual([]);
  });

  it("the evidence filter narrows Japan's list on a phone too", async () => {
    await resetView(page);
    await dispatch(page, { type: "select", node: "japan" });
    const drawer = page.getByRole("dialog", { name: "Details" });
    await drawer.waitFor();
    const box = details(page).getByRole("searchbox", { name: "Find in these quotes" });
    await box.scrollIntoViewIfNeeded();
    await box.fill("north korea");
    const japan = await visibleRelations(page, "japan");
    await expect
      .poll(() => evidenceStatus(page))
      .toMatch(new RegExp(`^\\d+ quotes? of \\d+ and \\d+ relations? of ${japan} contain “north korea”\\.$`));
    expect(await details(page).locator("blockquote mark").count()).toBeGreaterThan(0);
    await shot(page, "phone-evidence-find");
    await page.keyboard.press("Escape"); // empties the box
    await page.keyboard.press("Escape"); // closes the drawer
    await drawer.waitFor({ state: "detached" });
    expect(app.problems).toEqual([]);
  });

  it("the time bar fits and its handles move from a link with from=2024&to=2024", async () => {
    const linked = await openApp(browser, "/?from=2024&to=2024", { viewport: PHONE });
    try {
      const p = linked.page;
      const bar = p.getByRole("region", { name: "Time window" });
      const barBox = (await bar.boundingBox())!;
      expect(barBox.x + barBox.width).toBeLessThanOrEqual(391);
      const from = bar.getByRole("slider", { name: "From year" });
      const to = bar.getByRole("slider", { name: "To year" });
      expect(await overlap(from, to)).toBe(false);
      await shot(p, "phone-time-2024");
      await dragBy(p, from, -100);
      await expect.poll(() => timeOf(p).then((t) => Number(t.from))).toBeLessThan(2024);
      await dragBy(p, to, -150);
      await expect.poll(() => timeOf(p).then((t) => t.to)).not.toBe(null);
      expect(linked.problems).toEqual([]);
    } finally {
      await linked.close();
    }
  });

  it("Play from the start reaches 2013 within two steps on a phone", async () => {
    await resetView(page);
    const bar = page.getByRole("region", { name: "Time window" });
    await bar.getByRole("combobox", { name: "Pace" }).selectOption("500");
    await bar.getByRole("button", { name: "Play year by year" }).click();
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const t = await timeOf(page);
          const w = `${t.from}-${t.to}`;
          if (seen.at(-1) !== w) seen.push(w);
          return w;
        },
        { timeout: 20_000, interval: 40 },
      )
      .toBe("2013-2013");
    await bar.getByRole("button", { name: "Pause playback" }).click();
    expect(seen.indexOf("2013-2013") - seen.indexOf("null-1951")).toBeLessThanOrEqual(2);
    await bar.getByRole("combobox", { name: "Pace" }).selectOption("1000");
    expect(app.problems).toEqual([]);
  });
});

describe("dark mode", () => {
  it("follows the system's scheme, has a toggle remembered in this browser, and the panels read well", async () => {
    const app = await openApp(browser, "/?sel=japan");
    try {
      const p = app.page;
      const scheme = () =>
        p.evaluate(() => [
          document.documentElement.dataset.scheme,
          ((window as unknown as KgWindow).__kg!.getState() as { ui: { scheme: string } }).ui.scheme,
        ]);
      expect(await scheme()).toEqual(["light", "light"]);
      // The system turns dark: the page and the store follow.
      await p.emulateMedia({ colorScheme: "dark" });
      await expect.poll(scheme).toEqual(["dark", "dark"]);
      await settle(p);
      const dark = await shot(p, "desktop-dark-japan");
      const panel = (await details(p).boundingBox())!;
      const bg = pixelAt(dark, panel.x + panel.width - 6, panel.y + panel.height - 6);
      expect(bg[0] + bg[1] + bg[2]).toBeLessThan(150);
      expect(await axeViolations(p)).toEqual([]);
      // The family colours stay distinct from each other and from the dark background.
      const families = ["#2e9e5b", "#d1343b", "#9aa3ad"].map(hexToRgb);
      for (const f of families) expect(channelDistance([...bg.slice(0, 3)], f)).toBeGreaterThan(60);

      // The toggle: light although the system is dark, kept across a reload; back to dark forgets the choice.
      const toggle = p.getByRole("button", { name: "Dark mode" });
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
      await toggle.click();
      await expect.poll(scheme).toEqual(["light", "light"]);
      expect(await p.evaluate(() => localStorage.getItem("kg-explorer.preferences"))).toContain('"scheme":"light"');
      // Not in the link: whoever opens it reads in their own scheme.
      expect(p.url()).not.toContain("scheme");
      await p.reload();
      await settle(p);
      expect(await scheme()).toEqual(["light", "light"]);
      await p.getByRole("button", { name: "Dark mode" }).click();
      await expect.poll(scheme).toEqual(["dark", "dark"]);
      expect(await p.evaluate(() => localStorage.getItem("kg-explorer.preferences"))).toContain('"scheme":null');
      expect(app.problems).toEqual([]);
    } finally {
      await app.close();
    }

    const phone = await openApp(browser, "/", { viewport: PHONE });
    try {
      const p = phone.page;
      await p.emulateMedia({ colorScheme: "dark" });
      await expect.poll(() => p.evaluate(() => document.documentElement.dataset.scheme)).toBe("dark");
      await settle(p);
      await shot(p, "phone-dark-first-view");
      await p.getByRole("button", { name: "Filters", exact: true }).click();
      await p.getByRole("dialog", { name: "Filters" }).waitFor();
      await shot(p, "phone-dark-filters");
      expect(await axeViolations(p)).toEqual([]);
      expect(phone.problems).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

describe("a part that fails", () => {
  it("shows a message in its place while the rest of the page and the view stay, and recovers on the next selection", async () => {
    const app = await openApp(browser, "/");
    try {
      const p = app.page;
      // An actor whose other names are not a list, as a hostile file could bring past every check.
      await p.evaluate(() => {
        const kg = (window as unknown as KgWindow).__kg!;
        const graph = kg.graph.copy();
        graph.setNodeAttribute("japan", "aliases", { length: 1 });
        const positions = new Map(graph.mapNodes((n, a) => [n, { x: a.x as number, y: a.y as number }] as const));
        kg.dispatch({
          type: "loaded",
          data: { graph, source: { kind: "file", name: "hostile.json" }, initialPositions: positions },
        } as never);
      });
      await settle(p);
      await dispatch(p, { type: "select", node: "japan" });
      const message = details(p).getByRole("alert").filter({ hasText: "The details panel could not be shown." });
      await message.waitFor();
      // The page is still there: the header, the path finder, the graph drawn, the view kept.
      expect(await p.getByRole("combobox", { name: "Search actors" }).isVisible()).toBe(true);
      expect(await details(p).getByRole("group", { name: "Find a path" }).isVisible()).toBe(true);
      expect((await state(p)).view.selected).toBe("japan");
      const png = await shot(p, "desktop-panel-error");
      expect(countColoredPixels(png, { region: await canvasRegion(p) })).toBeGreaterThan(3000);
      await dispatch(p, { type: "select", node: "russia" });
      await details(p).getByRole("heading", { level: 2, name: "Russia" }).waitFor();
      expect(await message.count()).toBe(0);

      // A graph the renderer cannot draw: the graph's place says so, the panels stay.
      await p.evaluate(() => {
        const kg = (window as unknown as KgWindow).__kg!;
        const graph = kg.graph.copy();
        graph.setNodeAttribute("japan", "x", "far away");
        kg.dispatch({
          type: "loaded",
          data: { graph, source: { kind: "file", name: "broken.json" }, initialPositions: new Map() },
        } as never);
      });
      const graphError = p.getByRole("alert").filter({ hasText: "The graph could not be shown." });
      await graphError.waitFor();
      expect(await details(p).isVisible()).toBe(true);
      await shot(p, "desktop-graph-error");
      // Problems here are the errors the boundaries caught and reported on the console, nothing else.
      expect(app.problems.filter((line) => !/could not|is not a function|invalid|Coordinates|Sigma/i.test(line))).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it("says which relations have no date and what the time window does with them", async () => {
    const app = await openApp(browser, "/");
    try {
      const p = app.page;
      await p.evaluate(() => {
        const kg = (window as unknown as KgWindow).__kg!;
        const graph = kg.graph.copy();
        const attrs = graph.getEdgeAttributes(graph.edges()[0]!);
        graph.addEdgeWithKey("undated", "japan", "russia", { ...attrs, evidence: [] });
        const positions = new Map(graph.mapNodes((n, a) => [n, { x: a.x as number, y: a.y as number }] as const));
        kg.dispatch({
          type: "loaded",
          data: { graph, source: { kind: "file", name: "undated.json" }, initialPositions: positions },
        } as never);
      });
      await settle(p);
      const rule = p.getByRole("region", { name: "Time window" }).locator(".time-rule");
      await expect.poll(() => rule.textContent()).toContain("1 relation without a date: shown with all years only.");
      await dispatch(p, { type: "setTime", time: { from: "2015", to: "2017" } });
      await expect.poll(() => rule.textContent()).toContain("1 relation without a date hidden while a window is set.");
      expect(
        await p.evaluate(() =>
          ((window as unknown as KgWindow).__kg as unknown as { visible(): { edges: string[] } }).visible().edges.includes("undated"),
        ),
      ).toBe(false);
      await shot(p, "desktop-time-undated");
      expect(app.problems).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
