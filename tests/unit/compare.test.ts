/**
 * Two periods compared (issue 18): which relations and actors are only in
 * A, only in B or in both (core/compare.ts); the comparison as a member of
 * the view (its rule, its link parameter `cmp`, a snapshot's view); its marks
 * on what is drawn (compare-looks.ts through the reducers, on screen and in
 * pictures); and the `comparison` attribute of the data exports.
 */
import { describe, expect, it } from "vitest";
import { actorChanges, comparePeriods, describePeriod, intersectWindows } from "../../src/core/compare";
import { toCsv, COMPARISON_COLUMN } from "../../src/core/export/csv";
import { describeExportedView } from "../../src/core/export/exported-view";
import { toGexf } from "../../src/core/export/gexf";
import { toGraphml } from "../../src/core/export/graphml";
import { visibleCopy } from "../../src/core/export/subgraph";
import { fade, SCHEMES } from "../../src/core/palette";
import { decodeView, encodeView, isHistoryWorthy, knownIds } from "../../src/core/url-state";
import { DEFAULT_VIEW, readView, viewIssues, type ViewState } from "../../src/model/view-state";
import { NO_HIGHLIGHT, highlightOf } from "../../src/core/highlight";
import { COMPARE_WIDTH } from "../../src/sigma/compare-looks";
import { edgeReducer, nodeReducer, renderContext } from "../../src/sigma/reducers";
import { fixtureGraph } from "./export-fixture";

/*
 * The fixture (tests/unit/export-fixture.ts), by evidence date:
 *   japan|sanctions|russia 2014-03 · russia|sanctions|japan 2014-08
 *   japan|courts|russia 2016 · abe|meets|russia 2016-12-15 and 2016-12
 *   kuril: no relation
 */
const graph = fixtureGraph();
const A_2014 = { from: "2014", to: "2014" };
const B_2016 = { from: "2016", to: "2016" };
const view = { filters: DEFAULT_VIEW.filters, time: DEFAULT_VIEW.time, focus: 0 as const, selected: null };

describe("comparePeriods", () => {
  it("marks each relation and actor only-a, only-b or both, and shows what either period shows", () => {
    const c = comparePeriods(graph, view, { a: A_2014, b: B_2016 });
    expect(Object.fromEntries(c.edges)).toEqual({
      "japan|sanctions|russia": "only-a",
      "russia|sanctions|japan": "only-a",
      "japan|courts|russia": "only-b",
      "abe|meets|russia": "only-b",
    });
    expect(Object.fromEntries(c.nodes)).toEqual({ japan: "both", russia: "both", abe: "only-b" });
    expect(c.counts).toEqual({ edges: { "only-a": 2, "only-b": 2, both: 0 }, nodes: { "only-a": 0, "only-b": 1, both: 2 } });
    expect([...c.visible.nodes].sort()).toEqual(["abe", "japan", "russia"]);
    expect(c.visible.edges.size).toBe(4);
  });

  it("a relation with evidence in both periods is in both; overlapping periods share what they cover", () => {
    const c = comparePeriods(graph, view, { a: { from: "2014", to: "2016" }, b: { from: "2016", to: null } });
    expect(c.edges.get("japan|courts|russia")).toBe("both");
    expect(c.edges.get("abe|meets|russia")).toBe("both");
    expect(c.edges.get("japan|sanctions|russia")).toBe("only-a");
    expect(c.nodes.get("abe")).toBe("both");
  });

  it("applies the filters to both periods, and the time window clips both", () => {
    const conflictOnly = comparePeriods(graph, { ...view, filters: { ...view.filters, families: ["conflict"] } }, { a: A_2014, b: B_2016 });
    expect([...conflictOnly.edges.keys()].sort()).toEqual(["japan|sanctions|russia", "russia|sanctions|japan"]);
    const clipped = comparePeriods(graph, { ...view, time: { from: "2014-06", to: null } }, { a: A_2014, b: B_2016 });
    expect(clipped.a).toEqual({ from: "2014-06", to: "2014" });
    expect(clipped.edges.get("russia|sanctions|japan")).toBe("only-a");
    expect(clipped.edges.has("japan|sanctions|russia")).toBe(false);
  });

  it("lists what changed for one actor", () => {
    const c = comparePeriods(graph, view, { a: A_2014, b: B_2016 });
    expect(actorChanges(graph, c, "abe")).toEqual({ "only-a": [], "only-b": ["abe|meets|russia"], both: [] });
    expect(actorChanges(graph, c, "japan")["only-a"].sort()).toEqual(["japan|sanctions|russia", "russia|sanctions|japan"]);
    expect(actorChanges(graph, c, "atlantis")).toEqual({ "only-a": [], "only-b": [], both: [] });
  });
});

describe("intersectWindows and describePeriod", () => {
  it("keeps the later start and the earlier end, at the precision given", () => {
    expect(intersectWindows({ from: "2014", to: "2020" }, { from: "2016-03", to: null })).toEqual({ from: "2016-03", to: "2020" });
    expect(intersectWindows({ from: null, to: null }, { from: "2013", to: "2016" })).toEqual({ from: "2013", to: "2016" });
    expect(intersectWindows({ from: "2014-05-02", to: "2014-12" }, { from: "2014", to: "2014" })).toEqual({
      from: "2014-05-02",
      to: "2014-12",
    });
  });

  it("says a period in words", () => {
    expect(describePeriod({ from: "2013", to: "2016" })).toBe("2013 to 2016");
    expect(describePeriod({ from: null, to: "2016" })).toBe("up to 2016");
    expect(describePeriod({ from: "2017", to: null })).toBe("from 2017");
    expect(describePeriod({ from: "2017", to: "2017" })).toBe("2017");
    expect(describePeriod({ from: null, to: null })).toBe("all years");
  });
});

describe("the comparison as part of the view", () => {
  const known = knownIds(graph);
  const compared: ViewState = { ...DEFAULT_VIEW, compare: { a: { from: "2013", to: "2016" }, b: { from: "2022", to: null } } };

  it("is written in links as cmp=A,B and read back", () => {
    const link = encodeView(compared);
    expect(link).toBe("?cmp=2013..2016,2022..");
    expect(decodeView(link, "", known)).toEqual({ view: compared, ignored: [] });
    expect(decodeView("?cmp=..2016,2017..", "", known).view.compare).toEqual({
      a: { from: null, to: "2016" },
      b: { from: "2017", to: null },
    });
  });

  it("a malformed cmp is ignored with a note, and a change of periods is a step Back undoes", () => {
    for (const bad of ["2013", "2013..2016", "2013..2016,2022..2024,2025..", "2013..2016,soon..", "2013-13..2016,2022.."])
      expect(decodeView(`?cmp=${bad}`, "", known), bad).toEqual({
        view: DEFAULT_VIEW,
        ignored: [`invalid comparison '${bad}' in cmp`],
      });
    expect(isHistoryWorthy(DEFAULT_VIEW, compared)).toBe(true);
    expect(isHistoryWorthy(compared, { ...compared, compare: { ...compared.compare!, b: { from: "2022", to: null } } })).toBe(false);
  });

  it("a snapshot's view keeps it; an unreadable one is reset with a note", () => {
    const targets = { hasNode: () => true, hasEdge: () => true };
    expect(readView(JSON.parse(JSON.stringify(compared)), targets, []).compare).toEqual(compared.compare);
    expect(readView({ compare: { a: { to: "2016" }, b: { from: "2017" } } }, targets, []).compare).toEqual({
      a: { from: null, to: "2016" },
      b: { from: "2017", to: null },
    });
    const notes: string[] = [];
    expect(readView({ compare: { a: "2013" } }, targets, notes).compare).toBeNull();
    expect(notes).toEqual(["The saved view had unreadable compare; it was reset."]);
  });

  it("a hand-written view (a story step) names each refused or unknown member", () => {
    expect(viewIssues({ compare: { a: { from: "2013" }, b: { from: "2022" } }, time: { from: "2013" } })).toEqual([]);
    expect(viewIssues({ compare: { a: { from: "2013" } }, focus: 3, zoom: 1, filters: { kinds: "country", colour: [] } })).toEqual([
      { path: ["compare"], message: '"compare" must be { a: { from, to }, b: { from, to } } with dates or null, or null' },
      { path: ["focus"], message: '"focus" must be 0, 1 or 2' },
      { path: ["zoom"], message: 'unknown view member "zoom"' },
      { path: ["filters", "kinds"], message: '"filters.kinds" has an invalid value' },
      { path: ["filters", "colour"], message: 'unknown member "filters.colour"' },
    ]);
    expect(viewIssues("japan")).toEqual([{ path: [], message: "a view must be a mapping of view members" }]);
  });

  it("is said in the view a data export records", () => {
    expect(describeExportedView({ ...compared })).toBe("Exported view: comparing 2013 to 2016 (A) with from 2022 (B).");
  });
});

describe("the marks on what is drawn", () => {
  const everything = { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
  const comparison = comparePeriods(graph, view, { a: A_2014, b: B_2016 });
  const look = { type: "straightArrow", curvature: 0, color: "#d1343b", size: 4 };
  const decoration = { edges: new Map(graph.edges().map((e) => [e, look])) };
  const ctx = (gpuDim: boolean, selected: string | null = null) =>
    renderContext(decoration, comparison.visible, {
      lit: selected ? highlightOf(graph, everything, { selected }) : NO_HIGHLIGHT,
      selected,
      selectedEdge: null,
      path: null,
      gpuDim,
      compare: comparison,
    });

  for (const gpuDim of [true, false]) {
    it(`${gpuDim ? "on screen" : "in a picture"}: only in A thinner and faded, only in B thicker in its own colour, in both as usual`, () => {
      const onlyA = edgeReducer("japan|sanctions|russia", { label: "x" }, ctx(gpuDim));
      const onlyB = edgeReducer("japan|courts|russia", { label: "x" }, ctx(gpuDim));
      expect(onlyA.size).toBeCloseTo(4 * COMPARE_WIDTH["only-a"]);
      expect(onlyA.color).toBe(fade("#d1343b", SCHEMES.light.background, 0.62));
      expect(onlyB.size).toBeCloseTo(4 * COMPARE_WIDTH["only-b"]);
      expect(onlyB.color).toBe("#d1343b");
      expect(onlyB.zIndex!).toBeGreaterThan(onlyA.zIndex!);
      const without = renderContext(decoration, comparison.visible, {
        lit: NO_HIGHLIGHT,
        selected: null,
        selectedEdge: null,
        path: null,
        gpuDim,
      });
      const both = comparePeriods(graph, view, { a: { from: "2014", to: "2016" }, b: { from: "2016", to: null } });
      expect(edgeReducer("japan|courts|russia", { label: "x" }, { ...without, compare: both })).toEqual(
        edgeReducer("japan|courts|russia", { label: "x" }, without),
      );
    });
  }

  it("actors: only in A faded; only in B ringed in a picture (highlighted), unless a highlight dims it", () => {
    const attrs = (n: string) => graph.getNodeAttributes(n);
    const withOnlyA = comparePeriods(graph, view, { a: { from: "2016", to: "2016" }, b: A_2014 });
    const faded = nodeReducer(
      "abe",
      { ...attrs("abe"), color: "#e07b39" },
      { ...ctx(true), compare: withOnlyA, visible: withOnlyA.visible },
    );
    expect(faded.color).toBe(fade("#e07b39", SCHEMES.light.background, 0.62));
    // A colour fade cannot mix (a file's rgba()) recedes to the dimmed colour instead.
    expect(nodeReducer("abe", attrs("abe"), { ...ctx(true), compare: withOnlyA, visible: withOnlyA.visible }).color).toBe(
      SCHEMES.light.dimmedNode,
    );
    expect(nodeReducer("abe", attrs("abe"), ctx(false)).highlighted).toBe(true);
    expect(nodeReducer("abe", attrs("abe"), ctx(true)).highlighted).toBeUndefined();
    expect(nodeReducer("japan", attrs("japan"), ctx(false)).highlighted).toBe(false);
    // With Japan selected, abe (not Japan's neighbour) is dimmed, and not ringed.
    expect(nodeReducer("abe", attrs("abe"), ctx(false, "japan")).highlighted).toBeUndefined();
  });
});

describe("data exports carry the comparison", () => {
  it("as a comparison attribute of each relation (GEXF, GraphML) and a comparison column (CSV)", () => {
    const comparison = comparePeriods(graph, view, { a: A_2014, b: B_2016 });
    const copy = visibleCopy(graph, comparison.visible, {}, { ...DEFAULT_VIEW, compare: { a: A_2014, b: B_2016 } });
    copy.forEachEdge((edge) => copy.setEdgeAttribute(edge, "comparison" as never, comparison.edges.get(edge) as never));
    const gexf = toGexf(copy);
    expect(gexf).toMatch(/<attribute id="([^"]+)" title="comparison" type="string"\/>/);
    const id = /<attribute id="([^"]+)" title="comparison"/.exec(gexf)![1];
    expect(gexf).toMatch(new RegExp(`<edge id="japan\\|courts\\|russia"[^]*?<attvalue for="${id}" value="only-b"/>`));
    expect(gexf).toContain("comparing 2014 (A) with 2016 (B)");
    const graphml = toGraphml(copy);
    expect(graphml).toMatch(/<key id="e_comparison" for="edge" attr.name="comparison" attr.type="string"\/>/);
    expect(graphml).toContain('<data key="e_comparison">only-a</data>');
    const csv = toCsv(copy).split("\r\n");
    const header = csv[0]!.split(",");
    expect(header.at(-1)).toBe(COMPARISON_COLUMN);
    expect(csv.filter((row) => row.includes("japan|sanctions|russia"))[0]!.endsWith(",only-a")).toBe(true);
    expect(toCsv(visibleCopy(graph, comparison.visible)).split("\r\n")[0]).not.toContain(COMPARISON_COLUMN);
  });

  it("a copy never carries the graph's stories (their views name what it may not hold)", () => {
    const g = fixtureGraph();
    g.setAttribute("stories", [{ id: "s", title: "S", steps: [] }]);
    expect(visibleCopy(g, { nodes: new Set(["japan"]), edges: new Set() }).getAttributes()).not.toHaveProperty("stories");
  });
});
