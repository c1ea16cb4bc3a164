/**
 * Files from the graph ecosystem in a browser (issue 12): a GEXF from Gephi,
 * a GraphML from NetworkX, a CSV edge list and a Gephi Lite file open through
 * "Open…" and by dropping them on the graph, with the counts the notice and
 * the store agree on; a file whose nodes have a `type` attribute opens
 * without a page error; an undirected file is drawn without arrows; and a CSV
 * export of a hostile label starts with an apostrophe. Screenshots go to
 * test-results/screenshots/.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../unit/export-helpers";
import type { KgWindow } from "./app-handle";
import { canvasRegion, countColoredPixels, launchBrowser, openApp, screenshot, type OpenedApp } from "./browser";
import { dismissNotices, dropFile, exportFile, idle, keepCopy, noticeNamed, openFile, type FileToOpen } from "./file-helpers";
import { settle, squash } from "./graph-helpers";

const fixture = (name: string): FileToOpen => ({
  name,
  text: readFileSync(new URL(`../fixtures/interop/${name}`, import.meta.url), "utf8"),
});

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

/** What the store holds now: where the graph comes from, its actors and relations, and the edge programs in use. */
function loaded() {
  return page.evaluate(() => {
    const kg = (window as unknown as KgWindow).__kg!;
    const st = kg.getState() as { data: { loaded: { source: { name: string } } } };
    const programs = new Set<string>();
    // The program each relation is drawn with (the renderer's decoration, not the data).
    kg.graph.forEachEdge((edge) => programs.add((kg.sigma.getEdgeDisplayData(edge) as { type: string }).type));
    const types: unknown[] = [];
    kg.graph.forEachNode((_, a) => {
      if ("type" in a) types.push(a.type);
    });
    return {
      name: st.data.loaded.source.name,
      order: kg.graph.order,
      size: kg.graph.size,
      programs: [...programs].sort(),
      nodeTypes: types,
    };
  });
}

const cases = [
  { file: fixture("gephi-undirected.gexf"), label: "GEXF 1.3 file", actors: 4, relations: 4, undirected: true },
  { file: fixture("networkx.graphml"), label: "GraphML file", actors: 3, relations: 2, undirected: true },
  { file: fixture("edges-bom.csv"), label: "CSV edge list", actors: 5, relations: 3, undirected: false },
  { file: fixture("gephi-lite-1.0.json"), label: "Gephi Lite 1.0.0 file", actors: 3, relations: 2, undirected: true },
];

async function expectOpened(c: (typeof cases)[number], how: string): Promise<void> {
  const notice = noticeNamed(page, "status", `Opened the ${c.label} “${c.file.name}”`);
  await notice.waitFor({ state: "visible" });
  const text = squash((await notice.textContent()) ?? "");
  expect(text).toContain(`: ${c.actors} actors, ${c.relations} relations.`);
  await idle(page);
  await settle(page);
  const now = await loaded();
  expect([now.name, now.order, now.size]).toEqual([c.file.name, c.actors, c.relations]);
  // Undirected files are drawn with lines, directed ones with arrows.
  expect(now.programs.every((p) => p.endsWith(c.undirected ? "Line" : "Arrow"))).toBe(true);
  const png = await screenshot(page, `interop-${how}-${c.file.name.replace(/\W+/g, "-")}`);
  expect(countColoredPixels(png, { region: await canvasRegion(page) })).toBeGreaterThan(200);
  expect(app.problems).toEqual([]);
}

describe("files from other tools", () => {
  for (const c of cases) {
    it(`opens ${c.file.name} through Open…, then by dropping it, with the counts shown`, async () => {
      await dismissNotices(page);
      await openFile(page, c.file);
      await expectOpened(c, "open");
      await dismissNotices(page);
      const dropped = await dropFile(page, c.file);
      expect(dropped.accepted && dropped.handled).toBe(true);
      await expectOpened(c, "drop");
    });
  }

  it("the file chooser offers every format", async () => {
    const accept = await page.getByLabel("Open a graph file").getAttribute("accept");
    for (const ext of [".gexf", ".graphml", ".xml", ".json", ".csv", ".tsv", ".txt"]) expect(accept).toContain(ext);
  });

  it("a node attribute `type` becomes the kind and takes nothing down; hovering and selecting still work", async () => {
    await dismissNotices(page);
    const file = fixture("reserved-attributes.json");
    await openFile(page, file);
    await noticeNamed(page, "status", `Opened the graphology JSON file “${file.name}”`).waitFor({ state: "visible" });
    await idle(page);
    await settle(page);
    const now = await loaded();
    expect([now.order, now.size]).toEqual([4, 3]);
    expect(now.nodeTypes).toEqual([]);
    const kind = await page.evaluate(() => (window as unknown as KgWindow).__kg!.graph.getNodeAttribute("ada", "kind"));
    expect(kind).toBe("person");
    // Select the actor whose type became its kind: no error, the panel shows it.
    await page.evaluate(() => (window as unknown as KgWindow).__kg!.dispatch({ type: "select", node: "ada" } as { type: string }));
    await settle(page);
    await screenshot(page, "interop-reserved-attributes");
    expect(app.problems).toEqual([]);
  });

  it("a CSV export of hostile labels and quotes: every cell a spreadsheet would run starts with an apostrophe", async () => {
    await dismissNotices(page);
    const hostile = {
      nodes: [
        { key: "h", attributes: { label: '=HYPERLINK("http://example.invalid","click")', kind: "person", x: 0, y: 0 } },
        { key: "s", attributes: { label: "+SUM(1,2)", kind: "country", x: 10, y: 5 } },
      ],
      edges: [
        {
          key: "h|calls|s",
          source: "h",
          target: "s",
          attributes: { relation: "calls", label: "@cmd", evidence: [{ article: "a", quote: "-2+3 said so", date: "2020" }] },
        },
      ],
    };
    await openFile(page, { name: "hostile.json", text: JSON.stringify(hostile), mimeType: "application/json" });
    await noticeNamed(page, "status", "Opened the graphology JSON file “hostile.json”").waitFor({ state: "visible" });
    await idle(page);
    const csv = await exportFile(page, "CSV relations");
    keepCopy("interop-hostile.csv", csv.bytes);
    const rows = parseCsv(csv.text.slice(1));
    const row = rows[1]!;
    expect(row[0]).toBe(`'=HYPERLINK("http://example.invalid","click")`);
    expect(row[1]).toBe("'@cmd");
    expect(row[2]).toBe("'+SUM(1,2)");
    expect(row[7]).toBe("'-2+3 said so");
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(app.problems).toEqual([]);
  });
});
