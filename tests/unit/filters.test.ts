import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterCounts, filterValues, visibleSubgraph, type VisibilityView } from "../../src/core/filters";
import { FAMILIES, type Family } from "../../src/model/graph-file";
import { DEFAULT_FILTERS, type Filters } from "../../src/model/view-state";
import { sampleGraph, sorted } from "./helpers/graphs";

const g = sampleGraph();

const view = (filters: Partial<Filters> = {}, more: Partial<Omit<VisibilityView, "filters">> = {}): VisibilityView => ({
  filters: { ...DEFAULT_FILTERS, ...filters },
  time: { from: null, to: null },
  focus: 0,
  selected: null,
  ...more,
});

const visible = (filters: Partial<Filters> = {}, more: Partial<Omit<VisibilityView, "filters">> = {}) => {
  const { nodes, edges } = visibleSubgraph(g, view(filters, more));
  return { nodes: sorted(nodes), edges: sorted(edges) };
};

const E = {
  jSanR: "japan>sanctions>russia",
  jCritR: "japan>criticises>russia",
  uSanR: "usa>sanctions>russia",
  jMeetU: "japan>meets>usa",
  rAnnexC: "russia>annexes>crimea",
  cSupR: "china>supports>russia",
  ukCritR: "ukraine>criticises>russia",
  abeLeadsJ: "abe>leads>japan",
  putinLeadsR: "putin>leads>russia",
  abeMeetP: "abe>meets>putin",
  jG7: "japan>member-of>g7",
  uG7: "usa>member-of>g7",
  uNato: "usa>member-of>nato",
};
const ALL_EDGES = sorted(Object.values(E));
const CONNECTED = sorted(["japan", "russia", "usa", "china", "ukraine", "abe", "putin", "g7", "nato", "crimea"]);

describe("visibleSubgraph: filters", () => {
  it("shows every relation and every connected actor by default", () => {
    expect(visible()).toEqual({ nodes: CONNECTED, edges: ALL_EDGES });
  });

  it("keeps actors without a visible relation only with keepIsolated", () => {
    expect(visible({ keepIsolated: true }).nodes).toEqual(sorted([...CONNECTED, "lonely"]));
    expect(visible({ keepIsolated: true }).edges).toEqual(ALL_EDGES);
  });

  it("hides relations whose either actor's kind is filtered out", () => {
    expect(visible({ kinds: ["country"] })).toEqual({
      nodes: sorted(["japan", "russia", "usa", "china", "ukraine"]),
      edges: sorted([E.jSanR, E.jCritR, E.uSanR, E.jMeetU, E.cSupR, E.ukCritR]),
    });
    expect(visible({ kinds: ["person"] })).toEqual({ nodes: ["abe", "putin"], edges: [E.abeMeetP] });
    expect(visible({ kinds: ["country", "person"] }).edges).toEqual(
      sorted([E.jSanR, E.jCritR, E.uSanR, E.jMeetU, E.cSupR, E.ukCritR, E.abeLeadsJ, E.putinLeadsR, E.abeMeetP]),
    );
  });

  it("keeps isolated actors only of a kind that passes", () => {
    expect(visible({ kinds: ["country"], keepIsolated: true }).nodes).toEqual(
      sorted(["japan", "russia", "usa", "china", "ukraine", "lonely"]),
    );
    expect(visible({ kinds: ["person"], keepIsolated: true }).nodes).toEqual(["abe", "putin"]);
    // Actors whose relations are all filtered out come back as isolated.
    expect(visible({ relations: ["annexes"], keepIsolated: true }).nodes).toEqual(sorted([...CONNECTED, "lonely"]));
    expect(visible({ relations: ["annexes"] }).nodes).toEqual(["crimea", "russia"]);
  });

  it("filters by family and by relation, and needs both to pass", () => {
    expect(visible({ families: ["conflict"] })).toEqual({
      nodes: sorted(["japan", "russia", "usa", "crimea", "ukraine"]),
      edges: sorted([E.jSanR, E.jCritR, E.uSanR, E.rAnnexC, E.ukCritR]),
    });
    expect(visible({ relations: ["meets"] })).toEqual({
      nodes: sorted(["japan", "usa", "abe", "putin"]),
      edges: sorted([E.jMeetU, E.abeMeetP]),
    });
    expect(visible({ families: ["conflict"], relations: ["meets"] })).toEqual({ nodes: [], edges: [] });
    expect(visible({ families: ["cooperation"], relations: ["meets", "sanctions"] }).edges).toEqual(sorted([E.jMeetU, E.abeMeetP]));
  });

  it("shows nothing for an empty list, which differs from null", () => {
    expect(visible({ kinds: [] })).toEqual({ nodes: [], edges: [] });
    expect(visible({ kinds: [], keepIsolated: true })).toEqual({ nodes: [], edges: [] });
    expect(visible({ families: [] }).edges).toEqual([]);
    expect(visible({ families: [], keepIsolated: true }).nodes).toHaveLength(11);
    expect(visible({ articles: [] })).toEqual({ nodes: [], edges: [] });
  });

  it("shows the relations an allowed article gives evidence for", () => {
    expect(visible({ articles: ["a1"] })).toEqual({
      nodes: sorted(["japan", "russia", "abe", "putin", "g7"]),
      edges: sorted([E.jSanR, E.abeLeadsJ, E.abeMeetP, E.jG7]),
    });
    expect(visible({ articles: ["a4"] }).edges).toEqual([]);
  });
});

describe("visibleSubgraph: time window", () => {
  it("takes a year as the whole year, bounds included", () => {
    expect(visible({}, { time: { from: "2014", to: "2014" } })).toEqual({
      nodes: sorted(["japan", "russia", "usa", "crimea"]),
      edges: sorted([E.jSanR, E.uSanR, E.rAnnexC]),
    });
    expect(visible({}, { time: { from: "2022", to: null } }).edges).toEqual(sorted([E.jSanR, E.jCritR, E.cSupR]));
    expect(visible({}, { time: { from: null, to: "2000" } }).edges).toEqual([E.putinLeadsR]);
  });

  it("keeps a relation dated only to the year in a window on one month of it", () => {
    // ukraine criticises russia is dated "2017"; usa joins nato "2017-02".
    expect(visible({}, { time: { from: "2017-03", to: "2017-03" } }).edges).toEqual([E.ukCritR]);
    expect(visible({}, { time: { from: "2017-02", to: "2017-02" } }).edges).toEqual(sorted([E.ukCritR, E.uNato]));
  });

  it("hides a relation whose evidence falls on both sides of the window but not in it", () => {
    // abe meets putin: 2016-05-06 and 2016-12-15.
    expect(visible({}, { time: { from: "2016-06", to: "2016-11" } }).edges).toEqual([]);
    expect(visible({}, { time: { from: "2016-06", to: "2016-12" } }).edges).toEqual([E.abeMeetP]);
    expect(visible({}, { time: { from: "2016-05-06", to: "2016-05-06" } }).edges).toEqual([E.abeMeetP]);
  });

  it("needs one evidence entry to pass both the article filter and the window", () => {
    // japan sanctions russia: a1 in 2014-03, a2 in 2022-02-25.
    const in2014 = { time: { from: "2014", to: "2014" } };
    expect(visible({ articles: ["a1"] }, in2014).edges).toEqual([E.jSanR]);
    expect(visible({ articles: ["a2"] }, in2014).edges).toEqual(sorted([E.uSanR, E.rAnnexC]));
    expect(visible({ articles: ["a2"] }, { time: { from: "2022", to: null } }).edges).toEqual(sorted([E.jSanR, E.jCritR]));
  });

  it("composes the window with kinds and families", () => {
    expect(visible({ kinds: ["country"], families: ["conflict"] }, { time: { from: "2014", to: "2017" } })).toEqual({
      nodes: sorted(["japan", "russia", "usa", "ukraine"]),
      edges: sorted([E.jSanR, E.uSanR, E.ukCritR]),
    });
  });
});

describe("visibleSubgraph: relations without evidence (files from other tools)", () => {
  const bare = sampleGraph();
  bare.setEdgeAttribute(E.jMeetU, "evidence", []);
  const shown = (filters: Partial<Filters> = {}, more: Partial<Omit<VisibilityView, "filters">> = {}) =>
    visibleSubgraph(bare, view(filters, more)).edges.has(E.jMeetU);

  it("are shown when neither an article filter nor a time window applies", () => {
    expect(shown()).toBe(true);
    expect(shown({ families: ["cooperation"] })).toBe(true);
  });

  it("are hidden by an article filter, which they cannot satisfy", () => {
    expect(shown({ articles: [] })).toBe(false);
  });

  it("are tested by the time window on their own date (a GEXF spell, a CSV date), and hidden by it without one", () => {
    bare.setEdgeAttribute(E.jMeetU, "date", "2010");
    expect(shown({}, { time: { from: "2013", to: null } })).toBe(false);
    bare.setEdgeAttribute(E.jMeetU, "date", "2016-05");
    expect(shown({}, { time: { from: "2013", to: "2016" } })).toBe(true);
    expect(shown({}, { time: { from: "2017", to: null } })).toBe(false);
    bare.setEdgeAttribute(E.jMeetU, "date", "undated");
    expect(shown({}, { time: { from: "2013", to: null } })).toBe(false);
  });
});

describe("visibleSubgraph: focus", () => {
  it("keeps the selected actor's neighbours and the relations among them at depth 1", () => {
    expect(visible({}, { focus: 1, selected: "russia" })).toEqual({
      nodes: sorted(["russia", "japan", "usa", "china", "ukraine", "putin", "crimea"]),
      // japan meets usa joins two neighbours, so it stays.
      edges: sorted([E.jSanR, E.jCritR, E.uSanR, E.jMeetU, E.rAnnexC, E.cSupR, E.ukCritR, E.putinLeadsR]),
    });
    expect(visible({}, { focus: 1, selected: "g7" })).toEqual({
      nodes: ["g7", "japan", "usa"],
      edges: sorted([E.jG7, E.uG7, E.jMeetU]),
    });
  });

  it("reaches two hops at depth 2", () => {
    expect(visible({}, { focus: 2, selected: "crimea" })).toEqual(visible({}, { focus: 1, selected: "russia" }));
    expect(visible({}, { focus: 2, selected: "russia" })).toEqual({ nodes: CONNECTED, edges: ALL_EDGES });
    expect(visible({}, { focus: 2, selected: "g7" }).nodes).toEqual(sorted(["g7", "japan", "usa", "abe", "russia", "nato"]));
  });

  it("hops only over visible relations", () => {
    expect(visible({ families: ["conflict"] }, { focus: 1, selected: "japan" })).toEqual({
      nodes: ["japan", "russia"],
      edges: sorted([E.jSanR, E.jCritR]),
    });
    expect(visible({}, { focus: 1, selected: "japan", time: { from: "2015", to: "2015" } })).toEqual({
      nodes: sorted(["japan", "usa", "g7"]),
      edges: sorted([E.jMeetU, E.jG7, E.uG7]),
    });
  });

  it("has no effect at depth 0, without a selection, or when the selection is hidden", () => {
    expect(visible({}, { focus: 0, selected: "crimea" })).toEqual(visible());
    expect(visible({}, { focus: 2, selected: null })).toEqual(visible());
    expect(visible({ kinds: ["country"] }, { focus: 1, selected: "abe" })).toEqual(visible({ kinds: ["country"] }));
    expect(visible({}, { focus: 1, selected: "atlantis" })).toEqual(visible());
  });

  it("drops isolated actors except a selected isolated one", () => {
    expect(visible({ keepIsolated: true }, { focus: 2, selected: "russia" }).nodes).not.toContain("lonely");
    expect(visible({ keepIsolated: true }, { focus: 2, selected: "lonely" })).toEqual({ nodes: ["lonely"], edges: [] });
  });
});

describe("visibleSubgraph: purity", () => {
  it("never changes the graph, positions included", () => {
    const before = JSON.stringify(g.export());
    visibleSubgraph(g, view({ kinds: ["person"], keepIsolated: true }, { focus: 2, selected: "abe", time: { from: "2016", to: null } }));
    filterCounts(g, view({ families: ["neutral"] }, { focus: 1, selected: "g7" }));
    expect(JSON.stringify(g.export())).toBe(before);
  });

  it("returns nodes in graph order", () => {
    expect([...visibleSubgraph(g, view({ kinds: ["country"], keepIsolated: true })).nodes]).toEqual([
      "japan",
      "russia",
      "usa",
      "china",
      "ukraine",
      "lonely",
    ]);
  });
});

const entries = <K, V>(map: Map<K, V>) => [...map.entries()];

describe("filterCounts", () => {
  it("lists every value of the graph, in a stable order, zeros included", () => {
    const counts = filterCounts(g, view());
    expect([...counts.kinds.keys()]).toEqual(["country", "person", "organization", "grouping", "territory"]);
    expect([...counts.families.keys()]).toEqual(["cooperation", "conflict", "neutral"]);
    expect([...counts.relations.keys()]).toEqual([
      "sanctions",
      "criticises",
      "annexes",
      "meets",
      "supports",
      "leads",
      "member-of",
      "mediates",
    ]);
    expect([...counts.articles.keys()]).toEqual(["a1", "a2", "a3", "a4"]);
    expect(filterValues(g).articles).toEqual(["a1", "a2", "a3", "a4"]);
  });

  it("counts what is on screen when no filter is set", () => {
    const counts = filterCounts(g, view());
    expect(entries(counts.kinds)).toEqual([
      ["country", 5],
      ["person", 2],
      ["organization", 1],
      ["grouping", 1],
      ["territory", 1],
    ]);
    expect(entries(counts.families)).toEqual([
      ["cooperation", 3],
      ["conflict", 5],
      ["neutral", 5],
    ]);
    expect(entries(counts.relations)).toEqual([
      ["sanctions", 2],
      ["criticises", 2],
      ["annexes", 1],
      ["meets", 2],
      ["supports", 1],
      ["leads", 2],
      ["member-of", 3],
      ["mediates", 0],
    ]);
    expect(entries(counts.articles)).toEqual([
      ["a1", 4],
      ["a2", 5],
      ["a3", 5],
      ["a4", 0],
    ]);
    expect(filterCounts(g, view({ keepIsolated: true })).kinds.get("country")).toBe(6);
  });

  it("gives an unticked value what ticking it would show, under the other filters", () => {
    const counts = filterCounts(g, view({ families: ["conflict"] }));
    expect(entries(counts.families)).toEqual([
      ["cooperation", 3],
      ["conflict", 5],
      ["neutral", 5],
    ]);
    // Other filters see only the conflict relations.
    expect(entries(counts.relations)).toEqual([
      ["sanctions", 2],
      ["criticises", 2],
      ["annexes", 1],
      ["meets", 0],
      ["supports", 0],
      ["leads", 0],
      ["member-of", 0],
      ["mediates", 0],
    ]);
    expect(entries(counts.kinds)).toEqual([
      ["country", 4],
      ["person", 0],
      ["organization", 0],
      ["grouping", 0],
      ["territory", 1],
    ]);
    expect(entries(counts.articles)).toEqual([
      ["a1", 1],
      ["a2", 4],
      ["a3", 1],
      ["a4", 0],
    ]);
  });

  it("counts for a kind the actors ticking it would reveal, with relations among them", () => {
    const countries = filterCounts(g, view({ kinds: ["country"] }));
    expect(entries(countries.kinds)).toEqual([
      ["country", 5],
      ["person", 2],
      ["organization", 1],
      ["grouping", 1],
      ["territory", 1],
    ]);
    expect(entries(countries.families)).toEqual([
      ["cooperation", 2],
      ["conflict", 4],
      ["neutral", 0],
    ]);
    // crimea alone shows nothing; ticking "person" shows abe meeting putin.
    const territory = filterCounts(g, view({ kinds: ["territory"] }));
    expect(entries(territory.kinds)).toEqual([
      ["country", 5],
      ["person", 2],
      ["organization", 0],
      ["grouping", 0],
      ["territory", 0],
    ]);
  });

  it("counts for an article its relations with evidence inside the time window", () => {
    const counts = filterCounts(g, view({ articles: ["a1"] }, { time: { from: "2014", to: "2015" } }));
    // a1: japan sanctions russia (2014-03), japan in g7 (2015). a2's 2022 entry for the sanctions does not count.
    expect(entries(counts.articles)).toEqual([
      ["a1", 2],
      ["a2", 2],
      ["a3", 2],
      ["a4", 0],
    ]);
    expect(counts.families.get("conflict")).toBe(1);
    expect(counts.families.get("neutral")).toBe(1);
  });

  it("follows the focus", () => {
    const counts = filterCounts(g, view({ families: ["neutral"] }, { focus: 1, selected: "g7" }));
    expect(entries(counts.families)).toEqual([
      ["cooperation", 1],
      ["conflict", 0],
      ["neutral", 2],
    ]);
    expect(entries(counts.kinds)).toEqual([
      ["country", 2],
      ["person", 0],
      ["organization", 0],
      ["grouping", 1],
      ["territory", 0],
    ]);
  });

  it("matches the definition for any view: items of the value with the value ticked", () => {
    const values = filterValues(g);
    const subset = <T extends string>(list: readonly T[]) => fc.option(fc.subarray([...list]), { nil: null });
    const date = fc.option(fc.constantFrom("2000", "2014", "2014-03", "2015-06-07", "2016-12", "2017", "2022-02"), { nil: null });
    const arbView = fc.record({
      filters: fc.record({
        kinds: subset(values.kinds),
        families: subset<Family>(FAMILIES),
        relations: subset(values.relations),
        articles: subset(values.articles),
        keepIsolated: fc.boolean(),
        quote: fc.constantFrom(null, "sanctions", "meets russia", "a1 2016"),
      }),
      time: fc.record({ from: date, to: date }),
      focus: fc.constantFrom(0 as const, 1 as const, 2 as const),
      selected: fc.option(fc.constantFrom(...g.nodes()), { nil: null }),
    });
    fc.assert(
      fc.property(arbView, (v) => {
        const counts = filterCounts(g, v);
        const withValue = (key: keyof typeof values, value: string) => {
          const list = v.filters[key];
          return visibleSubgraph(g, { ...v, filters: { ...v.filters, [key]: list === null ? null : [...list, value] } });
        };
        for (const kind of values.kinds) {
          const shown = [...withValue("kinds", kind).nodes].filter((n) => g.getNodeAttribute(n, "kind") === kind);
          expect(counts.kinds.get(kind)).toBe(shown.length);
        }
        for (const family of values.families) {
          const shown = [...withValue("families", family).edges].filter((e) => g.getEdgeAttribute(e, "family") === family);
          expect(counts.families.get(family)).toBe(shown.length);
        }
        for (const relation of values.relations) {
          const shown = [...withValue("relations", relation).edges].filter((e) => g.getEdgeAttribute(e, "relation") === relation);
          expect(counts.relations.get(relation)).toBe(shown.length);
        }
        // A ticked value counts exactly what is on screen.
        const now = visibleSubgraph(g, v);
        for (const family of v.filters.families ?? []) {
          expect(counts.families.get(family)).toBe([...now.edges].filter((e) => g.getEdgeAttribute(e, "family") === family).length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
