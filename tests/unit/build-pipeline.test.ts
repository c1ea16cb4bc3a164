/**
 * The build pipeline end to end: the mini fixture built in-process and by the
 * CLI, the shape and content of the file it writes, determinism, the CLI's
 * flags, and the real corpus.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MultiDirectedGraph } from "graphology";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph, exportGraph } from "../../graph/build/index";
import { CorpusError } from "../../graph/build/problems";
import { serializeGraph } from "../../graph/build/write";
import { type EdgeAttributes, type GraphAttributes, type NodeAttributes } from "../../src/model/graph-file";
import { graphFileSchema, type GraphFile } from "../../src/model/graph-file-schema";
import {
  MINI,
  REAL_CORPUS,
  SENTINEL,
  buildWithCli,
  copyCorpus,
  freshOut,
  makeTempDir,
  problemLines,
  removeTempDirs,
  reportedPath,
  runCli,
  sentinelOut,
  strayFiles,
} from "./helpers/corpus";

afterAll(removeTempDirs);

type Graph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

describe("the mini fixture", () => {
  let file: GraphFile;
  let graph: Graph;

  beforeAll(() => {
    const result = buildGraph(MINI);
    expect(result.warnings).toEqual([]);
    // Through the JSON text, as the app reads it.
    file = graphFileSchema.parse(JSON.parse(serializeGraph(exportGraph(result.graph))));
    graph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
    graph.import(file);
  });

  it("parses with graphFileSchema and imports into a MultiDirectedGraph", () => {
    expect(file.options).toEqual({ type: "directed", multi: true, allowSelfLoops: false });
    expect(graph.type).toBe("directed");
    expect(graph.multi).toBe(true);
    expect(graph.order).toBe(4);
    // 7 triples; the two statements of "Lavrov meets Kishida" make one edge.
    expect(graph.size).toBe(6);
  });

  it("gives every actor its attributes", () => {
    expect(graph.nodes().sort()).toEqual(["fumio-kishida", "japan", "russia", "sergei-lavrov"]);
    const japan = graph.getNodeAttributes("japan");
    expect(japan).toMatchObject({
      label: "Japan",
      kind: "country",
      aliases: ["Tokyo", "Japanese government"],
      description: "Island state in East Asia.",
    });
    expect(japan.role).toBeUndefined();
    expect(graph.getNodeAttributes("sergei-lavrov")).toMatchObject({
      label: "Sergei Lavrov",
      kind: "person",
      aliases: ["Lavrov"],
      role: "Foreign Minister",
      affiliation: "russia",
    });
    // Degrees over the assembled edges (an undirected relation counts once, from the lower id).
    const degrees = Object.fromEntries(graph.mapNodes((node, a) => [node, [a.degree, a.inDegree, a.outDegree]] as const));
    expect(degrees).toEqual({
      japan: [4, 2, 2],
      russia: [4, 3, 1],
      "sergei-lavrov": [2, 1, 1],
      "fumio-kishida": [2, 0, 2],
    });
    graph.forEachNode((node, a) => {
      expect(a.degree, node).toBe(graph.degree(node));
      expect(Number.isFinite(a.x) && Number.isFinite(a.y), node).toBe(true);
      expect(Number.isInteger(a.community) && a.community >= 0, node).toBe(true);
      expect(Array.isArray(a.aliases), node).toBe(true);
    });
    // Sizes grow with degree: 6 + 30·√(degree / max degree), in the units of positions.
    expect(graph.getNodeAttribute("japan", "size")).toBe(36);
    expect(graph.getNodeAttribute("sergei-lavrov", "size")).toBe(27.21);
    // The layout spreads the nodes out.
    const positions = new Set(graph.mapNodes((_, a) => `${a.x},${a.y}`));
    expect(positions.size).toBe(4);
  });

  it("merges one subject-relation-object stated in two articles into one edge with two evidence entries", () => {
    // a1: "sergei-lavrov meets fumio-kishida"; a2: "fumio-kishida meets sergei-lavrov".
    const meets = graph.edges("fumio-kishida", "sergei-lavrov"); // either direction
    expect(meets).toEqual(["fumio-kishida|meets|sergei-lavrov"]);
    expect(graph.outEdges("sergei-lavrov", "fumio-kishida")).toEqual([]);
    const edge = graph.getEdgeAttributes(meets[0]!);
    expect(graph.source(meets[0]!)).toBe("fumio-kishida");
    expect(graph.target(meets[0]!)).toBe("sergei-lavrov");
    expect(edge).toMatchObject({ relation: "meets", label: "meets", family: "cooperation", directed: false, date: "2013-11-02" });
    expect(edge.evidence).toEqual([
      {
        article: "a1",
        quote: "Russian Foreign Minister Sergei Lavrov met Japanese Foreign Minister Fumio Kishida.",
        date: "2013-11-02",
      },
      { article: "a2", quote: "Lavrov and Kishida had met before, in 2013.", date: "2013-11-02" },
    ]);
  });

  it("weighs each edge by its number of evidence entries", () => {
    graph.forEachEdge((key, a) => expect(a.weight, key).toBe(a.evidence.length));
    expect(graph.getEdgeAttribute("fumio-kishida|meets|sergei-lavrov", "weight")).toBe(2);
    expect(graph.getEdgeAttribute("japan|sanctions|russia", "weight")).toBe(1);
  });

  it("keeps directed relations as stated and undirected ones once, from the lower id", () => {
    expect(graph.hasEdge("japan|meets|russia")).toBe(true); // stated as "russia meets japan"
    expect(graph.hasEdge("russia|lists-as-unfriendly|japan")).toBe(true);
    expect(graph.getEdgeAttributes("russia|lists-as-unfriendly|japan").evidence).toEqual([
      // The quote as normalised: straight quotation marks.
      { article: "a2", quote: 'Russia reacted by including Japan in a list of "unfriendly" countries.', date: "2022" },
    ]);
  });

  it("lists the articles, the vocabulary and the date range in the graph attributes", () => {
    const attrs = graph.getAttributes();
    expect(attrs.name).toBe("Mini fixture");
    expect(attrs.articles.map((a) => a.id)).toEqual(["a1", "a2"]);
    expect(attrs.articles[0]).toMatchObject({
      title: "Ministers meet in Tokyo",
      publisher: "Fixture Press",
      author: "A. Writer",
      date: "2013-11-04",
      dateNote: "Dateline of the article.",
    });
    expect(attrs.articles[0]!.body).toContain("Russia and Japan held their first 2+2 meeting");
    expect(attrs.articles[1]).not.toHaveProperty("author");
    expect(attrs.articles[1]!.date).toBe("2022");
    expect(attrs.vocabulary).toEqual([
      { id: "meets", label: "meets", family: "cooperation", directed: false },
      { id: "sanctions", label: "imposes sanctions on", family: "conflict", directed: true },
      { id: "lists-as-unfriendly", label: "lists as unfriendly", family: "conflict", directed: true },
      { id: "minister-of", label: "is a minister of", family: "neutral", directed: true },
    ]);
    expect(attrs.dateRange).toEqual({ from: "2013-11", to: "2022-02-25" });
  });
});

describe("the CLI", () => {
  it("writes identical bytes twice, the same as the in-process build, from anywhere (--corpus, --out)", async () => {
    const out1 = freshOut();
    const out2 = join(makeTempDir("kg-out-"), "nested", "dir", "graph.json");
    const first = await buildWithCli("tests/fixtures/mini", out1);
    expect(first.code, first.stderr).toBe(0);
    // The same corpus copied elsewhere: its path must not leak into the output.
    const second = await buildWithCli(copyCorpus(), out2);
    expect(second.code, second.stderr).toBe(0);
    const bytes1 = readFileSync(out1);
    const bytes2 = readFileSync(out2);
    expect(bytes1.equals(bytes2)).toBe(true);
    expect(bytes1.toString("utf8")).toBe(serializeGraph(exportGraph(buildGraph(MINI).graph)));
    expect(first.stderr).toMatch(/graph: 4 actors, 6 relations \(7 triples\), 2 articles, 0 warnings/);
    expect(strayFiles(out1)).toEqual([]);
  });

  it("replaces the previous output on success", async () => {
    const out = sentinelOut();
    const result = await buildWithCli(MINI, out);
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).not.toBe(SENTINEL);
    expect(graphFileSchema.safeParse(JSON.parse(text)).success).toBe(true);
    expect(strayFiles(out)).toEqual([]);
  });

  it("--help prints the usage and exits 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run graph -- \[--corpus DIR\] \[--out FILE\]/);
    for (const flag of ["--corpus DIR", "--out FILE", "--seed N", "--help"]) expect(result.stdout).toContain(flag);
  });

  it("an unknown flag exits 2 with the usage, and writes nothing", async () => {
    const out = sentinelOut();
    const result = await runCli(["--corpus", MINI, "--out", out, "--corpsu", "x"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--corpsu");
    expect(result.stderr).toContain("Usage: npm run graph");
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
  });

  it("a corpus directory that does not exist is an error, and nothing is written", async () => {
    const out = sentinelOut();
    const parent = makeTempDir();
    const result = await buildWithCli(join(parent, "no-such-corpus"), out);
    expect(result.code).toBe(1);
    // One problem, one line: not one per file the corpus should hold.
    expect(problemLines(result.stderr)).toEqual([`${reportedPath(parent, "no-such-corpus")}: corpus directory not found`]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(readFileSync(out, "utf8")).toBe(SENTINEL);
  });
});

describe("the seed", () => {
  it("the same seed gives the same graph; another seed only moves nodes", () => {
    const a = exportGraph(buildGraph(MINI, { seed: 7 }).graph);
    const b = exportGraph(buildGraph(MINI, { seed: 7 }).graph);
    const c = exportGraph(buildGraph(MINI, { seed: 8 }).graph);
    expect(serializeGraph(a)).toBe(serializeGraph(b));
    const strip = (g: GraphFile) => ({
      ...g,
      nodes: g.nodes.map(({ key, attributes: { x: _x, y: _y, community: _c, ...rest } }) => ({ key, attributes: rest })),
    });
    expect(strip(c)).toEqual(strip(a));
  });
});

describe("the real corpus", () => {
  const present = existsSync(join(REAL_CORPUS, "actors.yaml"));

  it.skipIf(!present)("graph/corpus builds without errors into a valid graph file", () => {
    let result;
    try {
      result = buildGraph(REAL_CORPUS);
    } catch (err) {
      // Show every problem, not just that there were some.
      if (err instanceof CorpusError) expect.fail(`graph/corpus has errors:\n${err.message}`);
      throw err;
    }
    const file = graphFileSchema.parse(JSON.parse(serializeGraph(exportGraph(result.graph))));
    expect(file.nodes.length).toBeGreaterThan(0);
    expect(file.attributes.articles.length).toBe(result.corpus.articles.length);
    for (const edge of file.edges) {
      expect(edge.attributes.weight).toBe(edge.attributes.evidence.length);
      for (const e of edge.attributes.evidence) {
        const article = file.attributes.articles.find((a) => a.id === e.article);
        expect(article, `${edge.key}: article ${e.article}`).toBeDefined();
      }
    }
  });
});
