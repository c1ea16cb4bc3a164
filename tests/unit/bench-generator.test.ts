/**
 * Keeps the benchmark from rotting: the generator's smallest corpus goes
 * through the real build, and the report helpers still parse what Vite
 * writes. No timing assertions.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { firstLoadFromHtml, firstLoadFromManifest } from "../../bench/bundle";
import { generateCorpus, renderCorpus } from "../../bench/generate";
import { markdownTable, median } from "../../bench/report";
import { countsOf, parseSize, parseSizes, sizeCell } from "../../bench/sizes";
import { buildGraph, exportGraph } from "../../graph/build/index";
import { serializeGraph } from "../../graph/build/write";

const TRIPLES = 300;
const scratch = mkdtempSync(join(tmpdir(), "kg-bench-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let count = 0;
function build(seed: number, triples = TRIPLES) {
  const dir = join(scratch, `corpus-${++count}`);
  const info = generateCorpus(dir, { triples, seed });
  const result = buildGraph(dir, { seed: 7 });
  return { dir, info, result, json: serializeGraph(exportGraph(result.graph)) };
}

describe("bench corpus generator", () => {
  const first = build(1);

  it("writes a corpus in the real format that builds without errors or warnings", () => {
    expect(readdirSync(first.dir).sort()).toEqual(["actors.yaml", "articles", "corpus.yaml", "relations.yaml", "triples"]);
    expect(readdirSync(join(first.dir, "articles"))).toHaveLength(first.info.articles);
    expect(readdirSync(join(first.dir, "triples"))).toHaveLength(first.info.articles);
    // buildGraph throws on any error, including a quote that is not in its article's body.
    expect(first.result.warnings).toEqual([]);
    expect(first.result.corpus.triples).toHaveLength(first.info.triples);
    expect(first.result.corpus.actors).toHaveLength(first.info.actors);
    expect(first.result.corpus.relations.length).toBeGreaterThanOrEqual(15);
  });

  it("hits the requested size with the intended proportions", () => {
    for (const triples of [TRIPLES, 1_000, 2_345]) {
      const { info } = renderCorpus({ triples, seed: 3 });
      expect(Math.abs(info.triples - triples) / triples).toBeLessThanOrEqual(0.03);
      expect(info.actors).toBeCloseTo(triples / 10, -1);
      expect(info.articles / (triples / 20)).toBeGreaterThan(0.8);
      expect(info.articles / (triples / 20)).toBeLessThan(1.25);
    }
  });

  it("quotes are sentences (or parts of sentences) of their article's body", () => {
    const bodies = new Map(first.result.corpus.articles.map((a) => [a.id, a.body]));
    for (const t of first.result.corpus.triples.slice(0, 100)) {
      const body = bodies
        .get(t.article)!
        .replace(/[\u201c\u201d]/g, '"')
        .replace(/\u2013/g, "-");
      expect(body).toContain(t.quote);
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const again = build(1);
    expect(again.json).toBe(first.json);
    const files = renderCorpus({ triples: TRIPLES, seed: 1 }).files;
    expect(files.get("actors.yaml")).toBe(readFileSync(join(first.dir, "actors.yaml"), "utf8"));
    const other = build(2);
    expect(other.json).not.toBe(first.json);
  });

  it("has a realistic shape: hubs, parallel evidence, parallel edges, mixed dates, all kinds of relations", () => {
    const g = first.result.graph;
    const degrees = g.mapNodes((_, a) => a.degree);
    expect(Math.max(...degrees)).toBeGreaterThanOrEqual(4 * median(degrees));

    const evidence = g.mapEdges((_, a) => a.evidence.length);
    expect(Math.max(...evidence)).toBeGreaterThanOrEqual(2);
    expect(evidence.filter((n) => n >= 2).length).toBeGreaterThan(g.size * 0.1);

    const pairs = new Map<string, number>();
    g.forEachEdge((_, __, s, t) => {
      const key = s < t ? `${s}|${t}` : `${t}|${s}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    });
    expect([...pairs.values()].some((n) => n >= 2)).toBe(true);

    const dates = first.result.corpus.triples.map((t) => t.date);
    for (const length of [4, 7, 10]) expect(dates.some((d) => d.length === length)).toBe(true);
    expect(dates.every((d) => d >= "2000" && d < "2025")).toBe(true);
    const years = new Set(dates.map((d) => d.slice(0, 4)));
    expect(years.size).toBeGreaterThanOrEqual(10);

    const families = new Set(g.mapEdges((_, a) => a.family));
    expect([...families].sort()).toEqual(["conflict", "cooperation", "neutral"]);
    expect(g.someEdge((_, a) => !a.directed)).toBe(true);
    expect(first.result.corpus.actors.some((a) => a.aliases.length > 0)).toBe(true);
  });

  it("asked for actors and relations, writes exactly that many of each, the same bytes for the same seed", () => {
    const dir = join(scratch, `corpus-${++count}`);
    const info = generateCorpus(dir, { actors: 60, relations: 200, seed: 4 });
    const result = buildGraph(dir, { seed: 7 });
    expect(result.warnings).toEqual([]);
    expect(result.graph.order).toBe(60);
    expect(result.graph.size).toBe(200);
    expect(info).toMatchObject({ actors: 60, edges: 200, triples: result.corpus.triples.length });
    // Restatements: more triples than relations.
    expect(info.triples).toBeGreaterThan(200);
    const again = renderCorpus({ actors: 60, relations: 200, seed: 4 }).files;
    for (const [path, text] of again) expect(readFileSync(join(dir, path), "utf8")).toBe(text);
    expect(() => renderCorpus({ actors: 60, relations: 60 * 21, seed: 1 })).toThrow(/more than 20 per actor/);
  });

  it("refuses to write into a non-empty directory", () => {
    expect(() => generateCorpus(first.dir, { triples: 10, seed: 1 })).toThrow(/not empty/);
  });
});

describe("bench report helpers", () => {
  it("median and tables", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(markdownTable(["a", "b"], [["1", "x|y"]], ["l", "r"])).toBe("| a | b |\n| :--- | ---: |\n| 1 | x\\|y |");
  });

  it("finds what the first page load fetches in a built index.html and manifest", () => {
    const html = `<!doctype html><html><head>
      <script type="module" crossorigin src="./assets/index-abc.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-def.js">
      <link rel="stylesheet" crossorigin href="./assets/index-123.css">
      <link rel="icon" href="./favicon.svg">
      <!-- <script src="./assets/commented.js"></script> -->
      </head><body><div id="root"></div></body></html>`;
    expect(firstLoadFromHtml(html)).toEqual({
      scripts: ["assets/index-abc.js", "assets/vendor-def.js"],
      styles: ["assets/index-123.css"],
    });
    const manifest = {
      "index.html": {
        file: "assets/index-abc.js",
        isEntry: true,
        imports: ["_vendor.js"],
        dynamicImports: ["src/lazy.ts"],
        css: ["assets/index-123.css"],
      },
      "_vendor.js": { file: "assets/vendor-def.js" },
      "src/lazy.ts": { file: "assets/lazy-999.js", imports: ["_vendor.js"] },
    };
    expect(firstLoadFromManifest(manifest)).toEqual({
      scripts: ["assets/index-abc.js", "assets/vendor-def.js"],
      styles: ["assets/index-123.css"],
    });
  });
});

describe("bench sizes", () => {
  it("reads triple counts and actors-and-relations sizes, and refuses anything else", () => {
    expect(parseSize("10_000")).toMatchObject({ id: "10000", triples: 10_000, scale: 10_000 });
    expect(parseSize("10000a50000r")).toMatchObject({ id: "10000a50000r", actors: 10_000, relations: 50_000 });
    expect(parseSizes("50000,1000,10000a50000r,1000").map((s) => s.id)).toEqual(["1000", "50000", "10000a50000r"]);
    for (const bad of ["", "0", "10k", "10000a", "4a10r", "1.5"]) expect(() => parseSize(bad)).toThrow(/a size is a number of triples/);
  });

  it("names a size by what its graph holds", () => {
    const counts = countsOf({
      nodes: [{}, {}, {}],
      edges: [{ attributes: { evidence: [{}, {}] } }, { attributes: { evidence: [{}] } }],
    });
    expect(counts).toEqual({ triples: 3, actors: 3, relations: 2 });
    expect(sizeCell(parseSize("3"), counts)).toBe("3 / 3 / 2");
  });
});
