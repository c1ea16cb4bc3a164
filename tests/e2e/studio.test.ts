/**
 * The curation studio end to end: the dev server of vite.config.ts (the
 * studio's plugin included) on a temporary copy of the mini fixture corpus,
 * driven in headless Chromium. A triple made from a selected passage must
 * reach the triples file on disk (its comments kept, the quote verbatim) and
 * the graph built for the explorer; a change made on disk meanwhile must be
 * refused with a reload offer, not overwritten.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { launchBrowser, screenshot } from "./browser";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = join(ROOT, "tests/fixtures/mini");
/** A sentence no triple covers yet, added to the copy's first article. */
const NEW_SENTENCE = "Japan imposed sanctions on Russia in March 2014 after the annexation.";
const QUOTE = "Japan imposed sanctions on Russia in March 2014";
const COMMENT = "# Curated by hand: keep this comment.";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Selects `text` inside the article's body as a curator would with the mouse, and lets go. */
async function selectInArticle(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const root = document.querySelector(".article-text");
    if (!root) throw new Error("no article text");
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let all = "";
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push(n as Text);
      all += n.textContent ?? "";
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the article`);
    const point = (offset: number): [Text, number] => {
      let seen = 0;
      for (const node of nodes) {
        const len = node.textContent?.length ?? 0;
        if (offset <= seen + len) return [node, offset - seen];
        seen += len;
      }
      throw new Error("offset outside the text");
    };
    const range = document.createRange();
    range.setStart(...point(at));
    range.setEnd(...point(at + wanted.length));
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    root.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, text);
}

/** "closed" once a form was submitted and went away, else what it shows as wrong. */
async function outcomeOf(form: Locator): Promise<string> {
  if ((await form.count()) === 0) return "closed";
  return (await form.getByRole("alert").allTextContents()).join(" | ") || "open";
}

describe("curation studio", () => {
  let dir: string;
  let corpus: string;
  let out: string;
  let server: ViteDevServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let base: string;
  const problems: string[] = [];
  const saved = { corpus: process.env.KG_CURATE_CORPUS, out: process.env.KG_CURATE_OUT };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "kg-studio-e2e-"));
    corpus = join(dir, "corpus");
    out = join(dir, "graph.json");
    cpSync(FIXTURE, corpus, { recursive: true });
    const article = join(corpus, "articles/a1.yaml");
    writeFileSync(article, readFileSync(article, "utf8").replace(/\n*$/, `\n\n  ${NEW_SENTENCE}\n`));
    const triples = join(corpus, "triples/a1.yaml");
    writeFileSync(triples, `${COMMENT}\n${readFileSync(triples, "utf8")}`);
    writeFileSync(out, "{}");

    // The plugin of vite.config.ts reads these (npm run curate sets them the same way).
    process.env.KG_CURATE_CORPUS = corpus;
    process.env.KG_CURATE_OUT = out;
    const port = await freePort();
    server = await createServer({
      configFile: join(ROOT, "vite.config.ts"),
      root: ROOT,
      server: { host: "127.0.0.1", port, strictPort: true },
      logLevel: "warn",
      clearScreen: false,
    });
    await server.listen();
    base = `http://127.0.0.1:${port}`;

    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    page.setDefaultTimeout(60_000);
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !m.text().includes("409")) problems.push(`console error: ${m.text()}`);
    });
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith(base.replace("http", "ws"))) problems.push(`external request: ${r.url()}`);
    });
    await page.goto(`${base}/curate`, { waitUntil: "load" });
    await page.getByRole("heading", { name: "Curation studio" }).waitFor();
    await page.getByRole("heading", { name: "Ministers meet in Tokyo" }).waitFor();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    process.env.KG_CURATE_CORPUS = saved.corpus;
    process.env.KG_CURATE_OUT = saved.out;
    if (saved.corpus === undefined) delete process.env.KG_CURATE_CORPUS;
    if (saved.out === undefined) delete process.env.KG_CURATE_OUT;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the article, its open sentence as a candidate, at 1280×800 and 390×844", async () => {
    await screenshot(page, "studio-1280x800");
    await expect.poll(() => page.locator(".article-text .sentence.s-open").allTextContents()).toEqual([NEW_SENTENCE]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "studio-390x844", { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(problems).toEqual([]);
  });

  it("makes a triple from a selected passage: written to the file with its comment kept, and the graph rebuilt", async () => {
    await selectInArticle(page, QUOTE);
    const form = page.getByRole("form", { name: "New triple from the selection" });
    await form.waitFor();
    await expect.poll(() => form.getByTestId("triple-quote").textContent()).toBe(QUOTE);
    // Subject and object are the sentence's actors, in order; the relation is searched for.
    await expect.poll(() => form.getByRole("combobox", { name: "Subject" }).inputValue()).toMatch(/Japan/);
    await expect.poll(() => form.getByRole("combobox", { name: "Object" }).inputValue()).toMatch(/Russia/);
    await form.getByRole("combobox", { name: "Relation" }).fill("sanction");
    await form.getByRole("option", { name: /imposes sanctions on/ }).click();
    await form.getByLabel("Date").fill("2014-03");
    await form.getByRole("button", { name: "Add triple" }).click();
    await expect.poll(() => outcomeOf(form), { timeout: 30_000 }).toBe("closed");

    const text = readFileSync(join(corpus, "triples/a1.yaml"), "utf8");
    expect(text.startsWith(`${COMMENT}\n`)).toBe(true);
    const triples = (parse(text) as { triples: Record<string, string>[] }).triples;
    expect(triples.at(-1)).toEqual({ subject: "japan", relation: "sanctions", object: "russia", date: "2014-03", quote: QUOTE });
    // The earlier triples are untouched.
    expect(triples).toHaveLength(5);

    await expect
      .poll(() => {
        const graph = JSON.parse(readFileSync(out, "utf8")) as { edges?: { attributes?: { relation?: string } }[] };
        return (graph.edges ?? []).some((e) => e.attributes?.relation === "sanctions");
      })
      .toBe(true);
    await expect.poll(() => page.locator(".article-text .sentence.s-open").count()).toBe(0);
    await screenshot(page, "studio-after-triple");
    expect(problems).toEqual([]);
  });

  it("refuses a change to a file edited on disk meanwhile, keeps the edit, and offers a reload", async () => {
    const file = join(corpus, "triples/a1.yaml");
    const edited = `${readFileSync(file, "utf8")}# An edit made in an editor meanwhile.\n`;
    writeFileSync(file, edited);
    await selectInArticle(page, "Sergei Lavrov met Japanese Foreign Minister Fumio Kishida");
    const form = page.getByRole("form", { name: "New triple from the selection" });
    await form.getByRole("combobox", { name: "Relation" }).fill("meets");
    await form.getByRole("option", { name: /meets/ }).click();
    await form.getByRole("button", { name: "Add triple" }).click();
    const banner = page.locator(".banner.conflict");
    await expect
      .poll(() => banner.textContent())
      .toMatch(/triples\/a1\.yaml changed on disk since the studio read it; nothing was written/);
    expect(readFileSync(file, "utf8")).toBe(edited);
    await banner.getByRole("button", { name: "Reload from disk" }).click();
    await banner.waitFor({ state: "detached" });
    expect(problems).toEqual([]);
  });
});
