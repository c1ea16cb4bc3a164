/**
 * The statistics of the visible graph: pinned on small graphs whose values
 * are known by hand (a star, a path, two cliques joined by a bridge), and on
 * the curated corpus against graphology's own functions run on graphs built
 * here independently.
 */
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import { undirectedDensity } from "graphology-metrics/graph/density";
import modularity from "graphology-metrics/graph/modularity";
import { beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../graph/build/index";
import { visibleSubgraph } from "../../src/core/filters";
import { competitionRanks, computeMetrics, graphMetrics } from "../../src/core/metrics";
import { seededRandom } from "../../src/core/random";
import { metricIndex, metricsInput, ordinal, rankText, type Metrics, type MetricsInput } from "../../src/core/metrics-input";
import { DEFAULT_VIEW } from "../../src/model/view-state";
import type { KGGraph } from "../../src/state/data";
import { REAL_CORPUS } from "./helpers/corpus";
import { makeGraph } from "./helpers/graphs";

/** A graph given as `[source, target, directed?, quotes?]` over actors named by `nodes`. */
function input(nodes: string[], edges: [string, string, boolean?, number?][]): MetricsInput {
  const at = (n: string) => nodes.indexOf(n);
  return {
    nodes,
    sources: Int32Array.from(edges.map((e) => at(e[0]))),
    targets: Int32Array.from(edges.map((e) => at(e[1]))),
    directed: Uint8Array.from(edges.map((e) => (e[2] === false ? 0 : 1))),
    quotes: Int32Array.from(edges.map((e) => e[3] ?? 1)),
  };
}

const value = (m: Metrics, key: keyof Metrics["values"], node: string) => m.values[key][metricIndex(m, node)]!;
const rank = (m: Metrics, key: keyof Metrics["values"], node: string) => m.ranks[key][metricIndex(m, node)]!;

describe("statistics on a star", () => {
  // The centre "c" sends one relation to each of four leaves, quoted 1, 2, 3 and 4 times.
  const m = computeMetrics(
    input(
      ["c", "a", "b", "d", "e"],
      [
        ["c", "a", true, 1],
        ["c", "b", true, 2],
        ["c", "d", true, 3],
        ["c", "e", true, 4],
      ],
    ),
  );

  it("counts relations and quotes, in and out", () => {
    expect(value(m, "degree", "c")).toBe(4);
    expect(value(m, "outDegree", "c")).toBe(4);
    expect(value(m, "inDegree", "c")).toBe(0);
    expect(value(m, "degree", "a")).toBe(1);
    expect(value(m, "inDegree", "a")).toBe(1);
    expect(value(m, "quotes", "c")).toBe(10);
    expect(value(m, "quotesOut", "c")).toBe(10);
    expect(value(m, "quotesIn", "e")).toBe(4);
  });

  it("puts the centre on every shortest path between leaves: betweenness 1, leaves 0", () => {
    expect(value(m, "betweenness", "c")).toBeCloseTo(1, 10);
    for (const leaf of ["a", "b", "d", "e"]) expect(value(m, "betweenness", leaf)).toBe(0);
  });

  it("gives the leaves PageRank from the centre, which has none coming in", () => {
    // The leaves are dangling: their mass is spread evenly, so every actor gets the same share s, and each leaf also
    // a quarter of α·c. With c = s: leaf = c (1 + α/4), and c + 4 leaf = 1 gives c = 1 / (5 + α).
    const c = value(m, "pagerank", "c");
    const leaf = value(m, "pagerank", "a");
    expect(leaf).toBeCloseTo(c * (1 + 0.85 / 4), 6);
    expect(c + 4 * leaf).toBeCloseTo(1, 6);
    expect(c).toBeCloseTo(1 / (5 + 0.85), 6);
  });

  it("ranks: the centre first; the leaves tied", () => {
    expect(rank(m, "degree", "c")).toBe(1);
    expect(rank(m, "betweenness", "a")).toBe(2);
    expect(rank(m, "betweenness", "e")).toBe(2);
    expect(rank(m, "quotes", "e")).toBe(2);
    expect(rank(m, "quotes", "a")).toBe(5);
    expect(rankText(m, "betweenness", metricIndex(m, "c"))).toBe("1st of 5");
    expect(rankText(m, "betweenness", metricIndex(m, "b"))).toBe("tied 2nd of 5");
  });

  it("says what the whole view is", () => {
    expect(m.summary).toMatchObject({ actors: 5, relations: 4, components: 1, largestComponentShare: 1, communities: 1 });
    expect(m.summary.density).toBeCloseTo(4 / 10, 10);
  });
});

describe("statistics on a star of mutual relations", () => {
  const m = computeMetrics(
    input(
      ["c", "a", "b", "d", "e"],
      ["a", "b", "d", "e"].map((leaf) => ["c", leaf, false] as [string, string, boolean]),
    ),
  );
  it("counts a relation without direction in and out for both actors, once in the total", () => {
    expect(value(m, "degree", "c")).toBe(4);
    expect(value(m, "inDegree", "c")).toBe(4);
    expect(value(m, "outDegree", "c")).toBe(4);
    expect(value(m, "inDegree", "a")).toBe(1);
  });
  it("gives the centre PageRank ((1 − α)/N + α)/(1 + α)", () => {
    expect(value(m, "pagerank", "c")).toBeCloseTo((0.15 / 5 + 0.85) / 1.85, 6);
    expect(value(m, "pagerank", "a")).toBeCloseTo((1 - (0.15 / 5 + 0.85) / 1.85) / 4, 6);
  });
});

describe("statistics on a path", () => {
  // a → b → c → d → e
  const m = computeMetrics(
    input(
      ["a", "b", "c", "d", "e"],
      [
        ["a", "b"],
        ["b", "c"],
        ["c", "d"],
        ["d", "e"],
      ],
    ),
  );
  it("has betweenness 3/6, 4/6, 3/6 inside and 0 at the ends", () => {
    expect(value(m, "betweenness", "a")).toBe(0);
    expect(value(m, "betweenness", "b")).toBeCloseTo(0.5, 10);
    expect(value(m, "betweenness", "c")).toBeCloseTo(4 / 6, 10);
    expect(value(m, "betweenness", "d")).toBeCloseTo(0.5, 10);
    expect(value(m, "betweenness", "e")).toBe(0);
    expect(rank(m, "betweenness", "c")).toBe(1);
  });
  it("accumulates PageRank along the direction", () => {
    const pr = ["a", "b", "c", "d", "e"].map((n) => value(m, "pagerank", n));
    for (let i = 1; i < pr.length; i++) expect(pr[i]!).toBeGreaterThan(pr[i - 1]!);
    expect(pr.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
  it("has density 4 of 10 pairs and one component", () => {
    expect(m.summary.density).toBeCloseTo(0.4, 10);
    expect(m.summary.components).toBe(1);
  });
});

describe("a directed path of three", () => {
  it("has the PageRank worked out by hand", () => {
    // a → b → c, c dangling: with s = 1 / (3 + 2α + α²), a = s, b = s(1 + α), c = s(1 + α + α²).
    const m = computeMetrics(
      input(
        ["a", "b", "c"],
        [
          ["a", "b"],
          ["b", "c"],
        ],
      ),
    );
    const a = 0.85;
    const s = 1 / (3 + 2 * a + a * a);
    expect(value(m, "pagerank", "a")).toBeCloseTo(s, 6);
    expect(value(m, "pagerank", "b")).toBeCloseTo(s * (1 + a), 6);
    expect(value(m, "pagerank", "c")).toBeCloseTo(s * (1 + a + a * a), 6);
  });
});

describe("two cliques joined by a bridge", () => {
  const left = ["a1", "a2", "a3", "a4"];
  const right = ["b1", "b2", "b3", "b4"];
  const clique = (ns: string[]) => ns.flatMap((x, i) => ns.slice(i + 1).map((y) => [x, y, false] as [string, string, boolean]));
  const edges = [...clique(left), ...clique(right), ["a1", "b1", false] as [string, string, boolean]];
  const m = computeMetrics(input([...left, ...right], edges));

  it("puts the two bridge ends on every path between the cliques: 12 pairs of 21", () => {
    expect(value(m, "betweenness", "a1")).toBeCloseTo(12 / 21, 10);
    expect(value(m, "betweenness", "b1")).toBeCloseTo(12 / 21, 10);
    for (const n of ["a2", "a3", "a4", "b2", "b3", "b4"]) expect(value(m, "betweenness", n)).toBe(0);
  });

  it("finds the two cliques as the two communities", () => {
    const c = (n: string) => m.community[metricIndex(m, n)];
    expect(m.summary.communities).toBe(2);
    expect(new Set(left.map(c)).size).toBe(1);
    expect(new Set(right.map(c)).size).toBe(1);
    expect(c("a1")).not.toBe(c("b1"));
    // Equal sizes: the community of the first actor in graph order is numbered first.
    expect(c("a1")).toBe(0);
    expect(m.communitySizes).toEqual([4, 4]);
    expect(m.summary.modularity).toBeGreaterThan(0.4);
  });

  it("counts 13 of 28 pairs joined and one component", () => {
    expect(m.summary.density).toBeCloseTo(13 / 28, 10);
    expect(m.summary).toMatchObject({ components: 1, largestComponentShare: 1, relations: 13 });
  });
});

describe("components and isolated actors", () => {
  it("counts each isolated actor as a component and gives the largest one's share", () => {
    const m = computeMetrics(
      input(
        ["a", "b", "c", "d", "e"],
        [
          ["a", "b"],
          ["b", "c"],
        ],
      ),
    );
    expect(m.summary.components).toBe(3);
    expect(m.summary.largestComponentShare).toBeCloseTo(3 / 5, 10);
    expect(m.summary.communities).toBe(3);
    expect(Number.isNaN(computeMetrics(input(["x"], [])).summary.modularity)).toBe(true);
  });

  it("handles an empty view", () => {
    const m = computeMetrics(input([], []));
    expect(m.summary).toMatchObject({ actors: 0, relations: 0, density: 0, components: 0, largestComponentShare: 0, communities: 0 });
  });

  it("counts parallel relations separately but joins their pair once", () => {
    const m = computeMetrics(
      input(
        ["a", "b"],
        [
          ["a", "b"],
          ["a", "b"],
          ["b", "a"],
        ],
      ),
    );
    expect(value(m, "degree", "a")).toBe(3);
    expect(value(m, "outDegree", "a")).toBe(2);
    expect(m.summary.density).toBe(1);
  });
});

describe("helpers", () => {
  it("ranks by competition: equal values share the better rank", () => {
    expect([...competitionRanks(Float64Array.from([5, 9, 5, 1, 9]))]).toEqual([3, 1, 3, 5, 1]);
  });
  it("writes ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "23rd",
      "101st",
      "111th",
    ]);
  });
  it("draws the same numbers from the same seed", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, seededRandom(8))).not.toEqual(xs);
  });
});

describe("the visible graph's input", () => {
  const g = makeGraph({
    nodes: [
      ["japan", "country"],
      ["russia", "country"],
      ["abe", "person"],
      ["lonely", "country"],
    ],
    edges: [
      ["japan", "sanctions", "russia", ["a1", "2014"], ["a2", "2016"], ["a2", "2022"]],
      ["abe", "meets", "russia", ["a1", "2016"]],
    ],
  });
  it("holds only what is visible and counts only the quotes the view shows", () => {
    const view = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, articles: ["a2"] } };
    const visible = visibleSubgraph(g, view);
    const inp = metricsInput(g, visible, view);
    expect(inp.nodes).toEqual(["japan", "russia"]);
    expect([...inp.quotes]).toEqual([2]);
    const time = { ...DEFAULT_VIEW, time: { from: "2015", to: "2017" } };
    const m = graphMetrics(g, visibleSubgraph(g, time), time);
    expect(m.nodes).toEqual(["japan", "russia", "abe"]);
    expect(value(m, "quotes", "russia")).toBe(2);
    expect(value(m, "inDegree", "russia")).toBe(2);
    expect(value(m, "outDegree", "russia")).toBe(1);
  });
  it("counts only the quotes matching a quote filter", () => {
    const view = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, quote: "2022" } };
    const m = graphMetrics(g, visibleSubgraph(g, view), view);
    expect(m.nodes).toEqual(["japan", "russia"]);
    expect(value(m, "quotes", "japan")).toBe(1);
  });
});

describe("statistics of the curated corpus, against graphology's own functions", () => {
  let graph: KGGraph;
  let m: Metrics;
  let pairs: Graph;
  let arcs: Graph;
  beforeAll(() => {
    graph = buildGraph(REAL_CORPUS, { iterations: 5 }).graph;
    const visible = visibleSubgraph(graph, DEFAULT_VIEW);
    m = graphMetrics(graph, visible, DEFAULT_VIEW);
    // Built here from the graph itself: who is joined to whom (undirected, once per pair), and each direction with its count.
    pairs = new Graph({ type: "undirected" });
    arcs = new Graph({ type: "directed" });
    graph.forEachNode((n) => {
      pairs.addNode(n);
      arcs.addNode(n);
    });
    graph.forEachEdge((_e, a, s, t) => {
      if (s === t) return;
      pairs.mergeEdge(s, t);
      const arc = (x: string, y: string) => arcs.updateEdge(x, y, (w) => ({ weight: ((w.weight as number) ?? 0) + 1 }));
      arc(s, t);
      if (!a.directed) arc(t, s);
      pairs.updateEdge(s, t, (w) => ({ weight: ((w.weight as number) ?? 0) + 1 }));
    });
  });

  it("covers every actor, with the degrees graphology counts", () => {
    expect(m.nodes).toEqual(graph.nodes());
    graph.forEachNode((n) => {
      expect(value(m, "degree", n)).toBe(graph.degree(n));
      expect(value(m, "degree", n)).toBe(graph.getNodeAttribute(n, "degree"));
      const mutual = graph.edges(n).filter((e) => !graph.getEdgeAttribute(e, "directed")).length;
      const inDirected = graph.inEdges(n).filter((e) => graph.getEdgeAttribute(e, "directed")).length;
      expect(value(m, "inDegree", n)).toBe(inDirected + mutual);
      const quotes = graph.edges(n).reduce((sum, e) => sum + graph.getEdgeAttribute(e, "evidence").length, 0);
      expect(value(m, "quotes", n)).toBe(quotes);
    });
  });

  it("has graphology-metrics' betweenness and PageRank", () => {
    const between = betweennessCentrality(pairs, { getEdgeWeight: null });
    const rank = pagerank(arcs, { getEdgeWeight: "weight", maxIterations: 1000, tolerance: 1e-9 });
    graph.forEachNode((n) => {
      expect(value(m, "betweenness", n)).toBeCloseTo(between[n]!, 10);
      expect(value(m, "pagerank", n)).toBeCloseTo(rank[n]!, 8);
    });
  });

  it("finds communities whose modularity graphology computes as reported, the same on every run", () => {
    const community = (n: string) => m.community[metricIndex(m, n)]!;
    const q = modularity(pairs, { getNodeCommunity: community, getEdgeWeight: "weight" });
    expect(m.summary.modularity).toBeCloseTo(q, 8);
    expect(q).toBeGreaterThan(0.2);
    // A Louvain of graphology's own on the same graph and seed finds as many groups.
    const theirs = louvain.detailed(pairs, { getEdgeWeight: "weight", rng: seededRandom(1) });
    expect(m.summary.communities).toBe(theirs.count);
    const again = graphMetrics(graph, visibleSubgraph(graph, DEFAULT_VIEW), DEFAULT_VIEW);
    expect([...again.community]).toEqual([...m.community]);
  });

  it("has graphology's density, and its components found by walking the graph", () => {
    expect(m.summary.density).toBeCloseTo(undirectedDensity(pairs), 10);
    const seen = new Set<string>();
    let components = 0;
    let largest = 0;
    for (const start of pairs.nodes()) {
      if (seen.has(start)) continue;
      components++;
      let size = 0;
      const queue = [start];
      seen.add(start);
      while (queue.length) {
        const n = queue.pop()!;
        size++;
        pairs.forEachNeighbor(n, (x) => {
          if (!seen.has(x)) {
            seen.add(x);
            queue.push(x);
          }
        });
      }
      largest = Math.max(largest, size);
    }
    expect(m.summary.components).toBe(components);
    expect(m.summary.largestComponentShare).toBeCloseTo(largest / graph.order, 10);
    expect(m.summary).toMatchObject({ actors: graph.order, relations: graph.size });
  });
});
