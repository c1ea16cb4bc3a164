/**
 * The curation studio end to end: the dev server of vite.config.ts (the
 * studio's plugin included) on a temporary copy of the mini fixture corpus,
 * driven in headless Chromium. A triple made from a selected passage must
 * reach the triples file on disk (its comments kept, the quote verbatim) and
 * the graph built for the explorer; a change made on disk meanwhile must be
 * refused with a reload offer, not overwritten. A pasted article, an actor
 * made from a name without one and an accepted candidate each reach the
 * corpus as valid YAML (comments kept) and the rebuilt graph, which an
 * explorer open in another tab takes in without a reload.
 */
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { KgWindow } from "./app-handle";
import { launchBrowser, screenshot } from "./browser";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = join(ROOT, "tests/fixtures/mini");
/** A sentence no triple covers yet, added to the copy's first article. */
const NEW_SENTENCE = "Japan imposed sanctions on Russia in March 2014 after the annexation.";
const QUOTE = "Japan imposed sanctions on Russia in March 2014";
const COMMENT = "# Curated by hand: keep this comment.";
/** A name no actor accounts for, alone in its sentence (so no candidate until it is an actor), added to a2. */
const NEW_NAME = "Vladimir Putin";
/** Names the new actor and Kishida with the cue "met" (given to "meets" in the copy): a candidate once the actor exists. */
const CANDIDATE = "Vladimir Putin met Kishida in 2016.";
const ACTORS_COMMENT = "# Actors of the fixture: keep this comment.";
const A2_COMMENT = "# Triples of a2: keep this comment.";
/** A pasted article: page furniture before and after a body of two paragraphs. */
const PASTED = ["Home | World | Share", "Japan and Russia agreed to talk again.", "The talks continue in the autumn.", "Comments (3)"];

/** The built graph the plugin wrote. */
interface BuiltGraph {
  attributes?: { articles?: { id: string; title: string }[] };
  nodes?: { key: string }[];
  edges?: { source: string; target: string; attributes?: { relation?: string } }[];
}

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
  let explorer: Page;
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
    appendFileSync(join(corpus, "articles/a2.yaml"), `\n  ${NEW_NAME} spoke afterwards.\n\n  ${CANDIDATE}\n`);
    const relations = join(corpus, "relations.yaml");
    writeFileSync(relations, readFileSync(relations, "utf8").replace("  label: meets\n", "  label: meets\n  cues: [met]\n"));
    const actors = join(corpus, "actors.yaml");
    writeFileSync(actors, `${ACTORS_COMMENT}\n${readFileSync(actors, "utf8")}`);
    const a2 = join(corpus, "triples/a2.yaml");
    writeFileSync(a2, `${A2_COMMENT}\n${readFileSync(a2, "utf8")}`);
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

  /** The graph the plugin last wrote. */
  const built = (): BuiltGraph => JSON.parse(readFileSync(out, "utf8")) as BuiltGraph;

  it("opens the built graph in an explorer in another tab of the same browser", async () => {
    // The graph was built by the triple made above; "{}" before it, which no explorer opens.
    expect(built().edges?.length).toBeGreaterThan(0);
    explorer = await context.newPage();
    explorer.setDefaultTimeout(60_000);
    explorer.on("pageerror", (e) => problems.push(`explorer page error: ${e.message}`));
    explorer.on("console", (m) => {
      if (m.type() === "error") problems.push(`explorer console error: ${m.text()}`);
    });
    await explorer.goto(`${base}/`, { waitUntil: "load" });
    await explorer.waitForFunction(() => (window as unknown as KgWindow).__kg?.ready === true, null, { timeout: 120_000 });
    await screenshot(explorer, "explorer-before-studio-changes");
    expect(await explorer.evaluate(() => (window as unknown as KgWindow).__kg!.graph.hasNode("vladimir-putin"))).toBe(false);
    expect(problems).toEqual([]);
  });

  it("adds a pasted article: body in paragraphs without the page furniture, metadata, articles/<id>.yaml, the graph rebuilt", async () => {
    await page.getByRole("button", { name: "Add an article…" }).click();
    const adding = page.getByRole("region", { name: "Add an article" });
    await adding.getByLabel("Paste the article’s text").fill(PASTED.join("\n\n"));
    await adding.getByRole("button", { name: "Split into paragraphs" }).click();
    const paragraphs = adding.getByTestId("paragraph");
    await expect.poll(() => paragraphs.locator(".paragraph-text").allTextContents()).toEqual(PASTED);
    await paragraphs.nth(1).getByRole("button", { name: "Body starts here" }).click();
    await paragraphs.nth(2).getByRole("button", { name: "Body ends here" }).click();
    await expect.poll(() => adding.locator(".paragraphs li.kept .paragraph-text").allTextContents()).toEqual(PASTED.slice(1, 3));

    const meta = page.getByRole("form", { name: "Article metadata" });
    await meta.getByLabel("Title").fill("Talks to continue");
    await meta.getByLabel("Publisher").fill("Fixture Daily");
    await meta.getByLabel("Date", { exact: true }).fill("2016-05");
    await meta.getByLabel("How the date was inferred").fill("The latest event the text mentions.");
    // The id follows the title.
    await expect.poll(() => meta.getByLabel("Id (the file name)").inputValue()).toBe("talks-to-continue");
    await screenshot(page, "studio-add-article");
    await meta.getByRole("button", { name: "Create article" }).click();
    await expect.poll(() => outcomeOf(meta), { timeout: 30_000 }).toBe("closed");
    await page.getByRole("heading", { name: "Talks to continue" }).waitFor();

    const article = parse(readFileSync(join(corpus, "articles/talks-to-continue.yaml"), "utf8")) as Record<string, string>;
    expect(article).toMatchObject({
      title: "Talks to continue",
      publisher: "Fixture Daily",
      date: "2016-05",
      date_note: "The latest event the text mentions.",
    });
    expect(article.body?.trimEnd()).toBe(PASTED.slice(1, 3).join("\n\n"));
    await expect
      .poll(() => (built().attributes?.articles ?? []).map((a) => a.id))
      .toEqual(expect.arrayContaining(["a1", "a2", "talks-to-continue"]));
    expect(problems).toEqual([]);
  });

  it("creates an actor from a name without one: prefilled form, actors.yaml with its comment kept, the graph rebuilt, the explorer updated", async () => {
    await page
      .getByRole("navigation", { name: "Articles" })
      .getByRole("button", { name: /Sanctions/ })
      .click();
    await page.getByRole("heading", { name: "Sanctions" }).waitFor();
    await page.getByRole("tab", { name: /^Names/ }).click();
    const card = page.getByRole("list", { name: "Names without an actor" }).getByTestId("name").filter({ hasText: NEW_NAME });
    await card.getByRole("button", { name: "New actor…" }).click();
    const form = page.getByRole("form", { name: "New actor" });
    // Prefilled from the name and its sentence.
    await expect.poll(() => form.getByLabel("Label").inputValue()).toBe(NEW_NAME);
    await expect.poll(() => form.getByLabel(/^Id/).inputValue()).toBe("vladimir-putin");
    await expect.poll(() => form.getByLabel("Description").inputValue()).toContain(`${NEW_NAME} spoke afterwards.`);
    await form.getByLabel("Kind").selectOption("person");
    await form.getByLabel("Description").fill("President of Russia.");
    await form.getByLabel("Other names in the articles (comma-separated)").fill("Putin");
    await form.getByLabel(/^Role/).fill("President");
    await form.getByRole("button", { name: "Create actor" }).click();
    await expect.poll(() => outcomeOf(form), { timeout: 30_000 }).toBe("closed");

    const text = readFileSync(join(corpus, "actors.yaml"), "utf8");
    expect(text.startsWith(`${ACTORS_COMMENT}\n`)).toBe(true);
    const actors = parse(text) as Record<string, unknown>[];
    expect(actors).toHaveLength(5);
    expect(actors.at(-1)).toEqual({
      id: "vladimir-putin",
      label: NEW_NAME,
      kind: "person",
      aliases: ["Putin"],
      description: "President of Russia.",
      role: "President",
    });
    await expect.poll(() => (built().nodes ?? []).some((n) => n.key === "vladimir-putin")).toBe(true);
    // The name is an actor now: gone from the list.
    await expect.poll(() => card.count()).toBe(0);
    // The explorer's tab took the new graph in, without a reload, and says so.
    await expect
      .poll(() => explorer.evaluate(() => (window as unknown as KgWindow).__kg!.graph.hasNode("vladimir-putin")), { timeout: 30_000 })
      .toBe(true);
    await expect.poll(() => explorer.getByText(/The curation studio rebuilt the graph: 5 actors/).count()).toBeGreaterThan(0);
    await screenshot(explorer, "explorer-after-new-actor");
    expect(problems).toEqual([]);
  });

  it("accepts a candidate's proposed triple: triples/a2.yaml with its comment kept, the graph rebuilt, the explorer updated", async () => {
    await page.getByRole("tab", { name: /^Candidates/ }).click();
    const card = page.getByRole("list", { name: "Candidates" }).getByTestId("candidate").filter({ hasText: CANDIDATE });
    await expect.poll(() => card.locator(".proposal").textContent()).toMatch(/Vladimir Putin.*meets.*Fumio Kishida.*2016/);
    await screenshot(page, "studio-candidate");
    await card.getByRole("button", { name: "Accept" }).click();
    await expect.poll(() => card.count(), { timeout: 30_000 }).toBe(0);

    const text = readFileSync(join(corpus, "triples/a2.yaml"), "utf8");
    expect(text.startsWith(`${A2_COMMENT}\n`)).toBe(true);
    const triples = (parse(text) as { triples: Record<string, string>[] }).triples;
    expect(triples).toHaveLength(4);
    expect(triples.at(-1)).toEqual({
      subject: "vladimir-putin",
      relation: "meets",
      object: "fumio-kishida",
      date: "2016",
      quote: CANDIDATE,
    });

    const isNew = (e: { source: string; target: string }) => [e.source, e.target].sort().join(" ") === "fumio-kishida vladimir-putin";
    await expect.poll(() => (built().edges ?? []).some((e) => isNew(e) && e.attributes?.relation === "meets")).toBe(true);
    await expect
      .poll(
        () =>
          explorer.evaluate(() => {
            const g = (window as unknown as KgWindow).__kg!.graph;
            return g.hasNode("vladimir-putin") && g.hasNode("fumio-kishida")
              ? g.edges("vladimir-putin", "fumio-kishida").length + g.edges("fumio-kishida", "vladimir-putin").length
              : 0;
          }),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await screenshot(explorer, "explorer-after-accepted-triple");
    expect(problems).toEqual([]);
  });
});
