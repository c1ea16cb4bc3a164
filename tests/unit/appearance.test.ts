/**
 * The appearance: what it makes of the visible graph (core/appearance.ts),
 * how the reducers and the legend read it, and that it survives the link
 * and the snapshot round trip together with the quote filter.
 */
import { describe, expect, it } from "vitest";
import { firstArticles, looksOf, needsStatistics, sizesFor, UNIFORM_NODE_SIZE } from "../../src/core/appearance";
import { toSnapshot } from "../../src/core/export/snapshot";
import { visibleCopy } from "../../src/core/export/subgraph";
import { visibleSubgraph } from "../../src/core/filters";
import { openGraphFile } from "../../src/core/import/open-file";
import { legendOf } from "../../src/core/legend";
import { graphMetrics } from "../../src/core/metrics";
import { GROUP_COLORS, KIND_COLORS, OTHER_GROUP_COLOR } from "../../src/core/palette";
import { decodeView, encodeView, knownIds } from "../../src/core/url-state";
import { NODE_SIZES } from "../../src/model/graph-file";
import { DEFAULT_APPEARANCE, DEFAULT_VIEW, readView, type ViewState } from "../../src/model/view-state";
import { decorate } from "../../src/sigma/decorate";
import { labelStyleFor, legendOptionsFor, recoloured } from "../../src/sigma/node-looks";
import { edgeReducer, nodeReducer, renderContext } from "../../src/sigma/reducers";
import { NO_HIGHLIGHT } from "../../src/core/highlight";
import { SCHEMES } from "../../src/core/palette";
import { makeGraph } from "./helpers/graphs";

// Two groups joined by one relation: japan–usa–abe and russia–china–putin, japan–russia between them.
const g = makeGraph({
  nodes: [
    ["japan", "country"],
    ["usa", "country"],
    ["abe", "person"],
    ["russia", "country"],
    ["china", "country"],
    ["putin", "person"],
  ],
  edges: [
    ["japan", "supports", "usa", ["a2", "2016"]],
    ["abe", "leads", "japan", ["a2", "2015"]],
    ["abe", "meets", "usa", ["a2", "2017"]],
    ["russia", "supports", "china", ["a1", "2018"], ["a2", "2014"]],
    ["putin", "leads", "russia", ["a1", "2013"]],
    ["putin", "meets", "china", ["a1", "2019"]],
    ["japan", "sanctions", "russia", ["a2", "2022"], ["a1", "2022"]],
  ],
});
g.setAttribute("articles", [
  { id: "a1", title: "Islands", publisher: "P", date: "2019", body: "" },
  { id: "a2", title: "Alliances", publisher: "P", date: "2016", body: "" },
]);
const visible = visibleSubgraph(g, DEFAULT_VIEW);
const metrics = graphMetrics(g, visible, DEFAULT_VIEW);
const options = { view: DEFAULT_VIEW, metrics };
const looks = (a: Partial<typeof DEFAULT_APPEARANCE>, m = metrics) =>
  looksOf(g, visible, { ...DEFAULT_APPEARANCE, ...a }, { ...options, metrics: m });

describe("sizes", () => {
  it("keeps the data's sizes by relations, and needs no statistics for it", () => {
    expect(looks({}).nodeSizes).toBeNull();
    expect(looks({}).sizeLabel).toBeNull();
    expect(needsStatistics(DEFAULT_APPEARANCE)).toBe(false);
  });
  it("sizes by betweenness from the smallest to the largest disc", () => {
    const l = looks({ sizeBy: "betweenness" });
    expect(l.sizeLabel).toBe("betweenness");
    // japan and russia hold the bridge: they are the largest; the others lie on no shortest path.
    expect(l.nodeSizes!.get("japan")).toBe(NODE_SIZES.max);
    expect(l.nodeSizes!.get("russia")).toBe(NODE_SIZES.max);
    expect(l.nodeSizes!.get("abe")).toBe(NODE_SIZES.min);
    expect(needsStatistics({ sizeBy: "betweenness", colorBy: "kind" })).toBe(true);
  });
  it("waits for the statistics, drawing the usual sizes meanwhile", () => {
    const l = looks({ sizeBy: "pagerank" }, null!);
    expect(l.waiting).toBe(true);
    expect(l.nodeSizes).toBeNull();
  });
  it("draws all actors the same size for nothing", () => {
    const l = looks({ sizeBy: "none" });
    expect(new Set(l.nodeSizes!.values())).toEqual(new Set([UNIFORM_NODE_SIZE]));
    expect(l.nodeSizes!.size).toBe(6);
  });
  it("gives area in proportion to the value", () => {
    const s = sizesFor(
      new Map([
        ["a", 0],
        ["b", 1],
        ["c", 4],
      ]),
    );
    const { min, max } = NODE_SIZES;
    expect(s.get("a")).toBe(min);
    expect(s.get("c")).toBe(max);
    expect(s.get("b")).toBeCloseTo(min + (max - min) * 0.5, 10);
  });
});

describe("colours", () => {
  it("colours by community: each community its colour, the largest first", () => {
    const l = looks({ colorBy: "community" });
    expect(l.nodeGroups!.order.map((o) => o.label)).toEqual(["community 1", "community 2"]);
    expect(l.nodeColors!.get("japan")).toBe(l.nodeColors!.get("abe"));
    expect(l.nodeColors!.get("japan")).not.toBe(l.nodeColors!.get("russia"));
    expect(new Set(l.nodeColors!.values())).toEqual(new Set(GROUP_COLORS.slice(0, 2)));
  });
  it("colours actors and relations by the article of their earliest quote shown, articles by date", () => {
    const first = firstArticles(g, visible, DEFAULT_VIEW);
    expect(first.order).toEqual(["a2", "a1"]);
    // russia's earliest quote: a1 of 2013 (putin leads russia).
    expect(first.nodes.get("russia")).toBe("a1");
    // russia supports china: a2's 2014 quote is earlier than a1's 2018.
    expect(first.edges.get("russia>supports>china")).toBe("a2");
    const l = looks({ colorBy: "article", edgeColorBy: "article" });
    expect(l.nodeGroups!.order).toEqual([
      { label: "Alliances", color: GROUP_COLORS[0] },
      { label: "Islands", color: GROUP_COLORS[1] },
    ]);
    expect(l.edgeColors!.get("russia>supports>china")).toBe(l.nodeColors!.get("japan"));
    // Under an article filter, only that article's quotes count.
    const view = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, articles: ["a1"] } };
    expect(firstArticles(g, visibleSubgraph(g, view), view).edges.get("russia>supports>china")).toBe("a1");
  });
  it("colours relations by relation, the commonest first", () => {
    const l = looks({ edgeColorBy: "relation" });
    expect(l.edgeGroups!.order.map((o) => o.label)).toEqual(["leads", "meets", "supports", "imposes sanctions on"]);
    expect(l.edgeColors!.get("japan>sanctions>russia")).toBe(GROUP_COLORS[3]);
  });
  it("puts groups beyond the palette into one grey group", () => {
    const many = makeGraph({
      nodes: Array.from({ length: 30 }, (_, i) => [`n${i}`, "country"] as [string, string]),
      edges: Array.from(
        { length: 15 },
        (_, i) => [`n${2 * i}`, "meets", `n${2 * i + 1}`, ["a", "2020"]] as [string, string, string, [string, string]],
      ),
    });
    const v = visibleSubgraph(many, DEFAULT_VIEW);
    const l = looksOf(
      many,
      v,
      { ...DEFAULT_APPEARANCE, colorBy: "community" },
      { view: DEFAULT_VIEW, metrics: graphMetrics(many, v, DEFAULT_VIEW) },
    );
    expect(l.nodeGroups!.order).toHaveLength(GROUP_COLORS.length + 1);
    expect(l.nodeGroups!.order.at(-1)).toEqual({ label: "other communities", color: OTHER_GROUP_COLOR });
    expect(l.nodeColors!.get("n28")).toBe(OTHER_GROUP_COLOR);
    expect(l.nodeGroups!.of.get("n28")).toBe("other communities");
  });
});

describe("the legend and the renderer follow the looks", () => {
  const decoration = decorate(g);
  it("names the communities in the legend, with their colours and counts, and what size means", () => {
    const l = looks({ colorBy: "community", sizeBy: "pagerank" });
    const legend = legendOf(
      g,
      visible,
      legendOptionsFor(l, decoration, "relations", () => "#000000"),
    );
    expect(legend.kinds.map((k) => [k.label, k.count])).toEqual([
      ["community 1", 3],
      ["community 2", 3],
    ]);
    expect(legend.kinds[0]!.colors).toEqual([GROUP_COLORS[0]]);
    expect(legend.size).toBe("PageRank");
    const usual = legendOf(
      g,
      visible,
      legendOptionsFor(looks({}), decoration, "relations", () => "#000000"),
    );
    expect(usual.kinds.map((k) => k.label)).toEqual(["country", "person"]);
    expect(usual.size).toBe("number of relations");
  });
  it("draws the actors in the looks' sizes and colours, and the relations in the recoloured decoration", () => {
    const l = looks({ colorBy: "community", sizeBy: "betweenness", edgeColorBy: "relation" });
    const drawn = recoloured(decoration, l.edgeColors);
    expect(recoloured(decoration, l.edgeColors)).toBe(drawn);
    expect(recoloured(decoration, null)).toBe(decoration);
    const ctx = renderContext(drawn, visible, { lit: NO_HIGHLIGHT, selected: null, selectedEdge: null, path: null, looks: l });
    const abe = nodeReducer("abe", g.getNodeAttributes("abe"), ctx);
    expect(abe.size).toBe(NODE_SIZES.min);
    expect(abe.color).toBe(l.nodeColors!.get("abe"));
    expect(abe.color).not.toBe(KIND_COLORS.get("person"));
    const edge = edgeReducer("japan>sanctions>russia", g.getEdgeAttributes("japan>sanctions>russia"), ctx);
    expect(edge.color).toBe(l.edgeColors!.get("japan>sanctions>russia"));
    // Without looks, the data's size and the kind's colour.
    const plain = nodeReducer(
      "abe",
      g.getNodeAttributes("abe"),
      renderContext(decoration, visible, { lit: NO_HIGHLIGHT, selected: null, selectedEdge: null, path: null }),
    );
    expect(plain).toMatchObject({ size: 5, color: KIND_COLORS.get("person") });
  });
  it("scales the labels and passes their density on", () => {
    expect(labelStyleFor({ labelSize: 1, labelDensity: 1 }, { scheme: SCHEMES.light, nodeSize: 13, edgeSize: 11 })).toMatchObject({
      nodeSize: 13,
      edgeSize: 11,
      density: 1,
    });
    expect(labelStyleFor({ labelSize: 1.5, labelDensity: 0.3 }, { scheme: SCHEMES.dark, nodeSize: 13, edgeSize: 11 })).toMatchObject({
      nodeSize: 20,
      edgeSize: 17,
      density: 0.3,
      scheme: SCHEMES.dark,
    });
  });
});

describe("the appearance and the quote filter survive the link and the snapshot", () => {
  const view: ViewState = {
    ...DEFAULT_VIEW,
    filters: { ...DEFAULT_VIEW.filters, quote: "Russia 2022" },
    appearance: {
      bundle: false,
      edgeLabels: "on",
      sizeBy: "betweenness",
      colorBy: "community",
      edgeColorBy: "article",
      labelSize: 1.4,
      labelDensity: 0.3,
    },
  };
  it("through the link", () => {
    const link = encodeView(view);
    expect(link).toContain("q=Russia%202022");
    expect(link).toContain("size=betweenness");
    expect(link).toContain("ncolor=community");
    expect(link).toContain("ecolor=article");
    expect(link).toContain("lsize=1.4");
    expect(link).toContain("ldens=0.3");
    expect(decodeView(link, "", knownIds(g))).toEqual({ view, ignored: [] });
    expect(encodeView({ ...DEFAULT_VIEW, appearance: DEFAULT_APPEARANCE })).toBe("");
  });
  it("refuses values no appearance has, with a note", () => {
    const { view: back, ignored } = decodeView("?size=huge&lsize=9&ldens=-1&ncolor=constructor&q=", "", knownIds(g));
    expect(back).toEqual(DEFAULT_VIEW);
    expect(ignored).toHaveLength(5);
  });
  it("through a snapshot, reopened", () => {
    const shown = visibleSubgraph(g, view);
    const text = toSnapshot(visibleCopy(g, shown, {}, view), view);
    const opened = openGraphFile("view.kgsnap.json", text, { maxBytes: 1e7 });
    if (!opened.ok) throw new Error(opened.error);
    expect(opened.view).toEqual(view);
    expect(new Set(visibleSubgraph(opened.graph as never, opened.view!).edges)).toEqual(new Set(shown.edges));
  });
  it("a saved view with a broken appearance keeps the rest", () => {
    const notes: string[] = [];
    const back = readView({ ...view, appearance: { ...view.appearance, sizeBy: "weight", labelSize: "big" } }, g, notes);
    expect(back.appearance).toEqual({ ...view.appearance, sizeBy: "relations", labelSize: 1 });
    expect(back.filters.quote).toBe("Russia 2022");
    expect(notes.join(" ")).toMatch(/appearance\.sizeBy, appearance\.labelSize/);
  });
});
