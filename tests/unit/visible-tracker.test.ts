/**
 * The incremental visible set (core/visible-tracker.ts) against the full
 * computation (core/filters.ts, visibleSubgraph): any sequence of filter and
 * time-window changes gives the same actors and relations, in the same
 * order, as computing them from scratch; and what it reports as changed is
 * exactly the difference from the previous view.
 */
import fc from "fast-check";
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { visibleSubgraph } from "../../src/core/filters";
import { visibleTracker, type TrackedView } from "../../src/core/visible-tracker";
import type { EdgeAttributes, Evidence, GraphAttributes, NodeAttributes } from "../../src/model/graph-file";
import { DEFAULT_FILTERS } from "../../src/model/view-state";
import { sampleGraph, type TestGraph } from "./helpers/graphs";

const KINDS = ["country", "person", "organization", "event"];
const FAMILY_OF = new Map([
  ["sanctions", "conflict"],
  ["meets", "cooperation"],
  ["supports", "cooperation"],
  ["leads", "neutral"],
] as const);
const RELATIONS = [...FAMILY_OF.keys()];
const ARTICLES = ["a1", "a2", "a3"];
// Years, months and days around a few bounds, leap days, and dates that are not dates.
const DATES = [
  "2012",
  "2013",
  "2013-02",
  "2013-12-31",
  "2014-01-01",
  "2016-02-29",
  "2017",
  "2017-03",
  "2017-03-20",
  "2020-02",
  "2024",
  "20x4",
  "",
];
const BOUNDS = [null, "2013", "2013-06", "2014", "2016-02-29", "2017", "2017-03", "2020", "2024", "1999", "not-a-date"];

interface Spec {
  kinds: number[];
  edges: { s: number; t: number; relation: number; evidence: [number, number][]; date: number | null }[];
}

const specArb: fc.Arbitrary<Spec> = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    kinds: fc.array(fc.nat(KINDS.length - 1), { minLength: n, maxLength: n }),
    edges: fc.array(
      fc.record({
        s: fc.nat(n - 1),
        t: fc.nat(n - 1),
        relation: fc.nat(RELATIONS.length - 1),
        // Mostly evidenced; some relations without evidence, as files from other tools have.
        evidence: fc.oneof(
          {
            weight: 4,
            arbitrary: fc.array(fc.tuple(fc.nat(ARTICLES.length - 1), fc.nat(DATES.length - 1)), { minLength: 1, maxLength: 3 }),
          },
          { weight: 1, arbitrary: fc.constant([] as [number, number][]) },
        ),
        date: fc.option(fc.nat(DATES.length - 1)),
      }),
      { maxLength: 30 },
    ),
  }),
);

/** Quotes for the quote filter to find (or not) words in. */
const QUOTES = ["Talks on the islands", "New sanctions were imposed", "A gas pipeline", "Nothing at all"] as const;

function graphOf(spec: Spec): TestGraph {
  const graph: TestGraph = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  spec.kinds.forEach((k, i) =>
    graph.addNode(`n${i}`, {
      label: `n${i}`,
      kind: KINDS[k]!,
      aliases: [],
      description: "",
      x: i,
      y: i,
      size: 5,
      degree: 0,
      inDegree: 0,
      outDegree: 0,
      community: 0,
    }),
  );
  spec.edges.forEach((e, i) => {
    const relation = RELATIONS[e.relation]!;
    const evidence: Evidence[] = e.evidence.map(([a, d]) => ({
      article: ARTICLES[a]!,
      date: DATES[d]!,
      quote: QUOTES[(a + d) % QUOTES.length]!,
    }));
    graph.addEdgeWithKey(`e${i}`, `n${e.s}`, `n${e.t}`, {
      relation,
      label: relation,
      family: FAMILY_OF.get(relation)!,
      directed: true,
      evidence,
      ...(evidence.length === 0 && e.date !== null ? { date: DATES[e.date]! } : {}),
    } as EdgeAttributes);
  });
  return graph;
}

const subset = <T>(values: readonly T[]) => fc.option(fc.subarray([...values]), { freq: 2 });

const viewArb: fc.Arbitrary<TrackedView> = fc.record({
  filters: fc.record({
    kinds: subset(KINDS),
    families: subset(["cooperation", "conflict", "neutral"] as const),
    relations: subset(RELATIONS),
    articles: subset(ARTICLES),
    keepIsolated: fc.boolean(),
    quote: fc.option(fc.constantFrom("talks", "sanction", "gas"), { freq: 2 }),
  }),
  time: fc.record({ from: fc.constantFrom(...BOUNDS), to: fc.constantFrom(...BOUNDS) }),
});

/** A change of one or two parts of the view at a time, as a user makes them, or a whole new view (a link). */
const stepArb = (views: fc.Arbitrary<TrackedView>) =>
  fc.oneof(
    views.map((v) => (_: TrackedView) => v),
    views.map((v) => (prev: TrackedView) => ({ ...prev, time: v.time })),
    views.map((v) => (prev: TrackedView) => ({ ...prev, time: { ...prev.time, to: v.time.to } })),
    views.map((v) => (prev: TrackedView) => ({ ...prev, filters: { ...prev.filters, kinds: v.filters.kinds } })),
    views.map((v) => (prev: TrackedView) => ({ ...prev, filters: { ...prev.filters, relations: v.filters.relations } })),
    views.map((v) => (prev: TrackedView) => ({ ...prev, filters: { ...prev.filters, articles: v.filters.articles } })),
    views.map((v) => (prev: TrackedView) => ({ ...prev, filters: { ...prev.filters, quote: v.filters.quote } })),
    views.map((v) => (prev: TrackedView) => ({ ...prev, filters: { ...prev.filters, families: v.filters.families } })),
    views.map((v) => (prev: TrackedView) => ({ ...prev, filters: { ...prev.filters, keepIsolated: v.filters.keepIsolated } })),
  );

const full = (graph: TestGraph, view: TrackedView) => visibleSubgraph(graph, { ...view, focus: 0, selected: null });
const difference = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  [...new Set([...a, ...b])].filter((x) => a.has(x) !== b.has(x)).sort();

function checkSequence(graph: TestGraph, steps: ((prev: TrackedView) => TrackedView)[]) {
  const tracker = visibleTracker(graph);
  let view: TrackedView = { filters: DEFAULT_FILTERS, time: { from: null, to: null } };
  let before = tracker.update(view).visible;
  expect([...before.nodes]).toEqual([...full(graph, view).nodes]);
  for (const step of steps) {
    view = step(view);
    const { visible, changed } = tracker.update(view);
    const expected = full(graph, view);
    // The same members in the same (graph) order as the full computation.
    expect([...visible.nodes]).toEqual([...expected.nodes]);
    expect([...visible.edges]).toEqual([...expected.edges]);
    if (changed) {
      expect([...changed.nodes].sort()).toEqual(difference(before.nodes, visible.nodes));
      expect([...changed.edges].sort()).toEqual(difference(before.edges, visible.edges));
      if (changed.nodes.length === 0 && changed.edges.length === 0) expect(visible).toBe(before);
    }
    before = visible;
  }
}

describe("the incremental visible set", () => {
  it("equals the full computation after any sequence of filter and time changes (random graphs)", () => {
    fc.assert(
      fc.property(specArb, fc.array(stepArb(viewArb), { maxLength: 12 }), (spec, steps) => checkSequence(graphOf(spec), steps)),
      { numRuns: 400 },
    );
  });

  it("equals the full computation on the sample graph, with its kinds and articles", () => {
    const g = sampleGraph();
    const kinds = [...new Set(g.mapNodes((_, a) => a.kind))];
    const articles = [...new Set(g.mapEdges((_, a) => a.evidence.map((e) => e.article)).flat())];
    const relations = [...new Set(g.mapEdges((_, a) => a.relation))];
    const views = fc.record({
      filters: fc.record({
        kinds: subset(kinds),
        families: subset(["cooperation", "conflict", "neutral"] as const),
        relations: subset(relations),
        articles: subset(articles),
        keepIsolated: fc.boolean(),
        quote: fc.option(fc.constantFrom("sanctions", "islands", "summit"), { freq: 2 }),
      }),
      time: fc.record({ from: fc.constantFrom(...BOUNDS), to: fc.constantFrom(...BOUNDS) }),
    });
    fc.assert(
      fc.property(fc.array(stepArb(views), { maxLength: 20 }), (steps) => checkSequence(g, steps)),
      { numRuns: 200 },
    );
  });

  it("tests again only what a narrow change can affect, and reports it", () => {
    const g = sampleGraph();
    const tracker = visibleTracker(g);
    const all = tracker.update({ filters: DEFAULT_FILTERS, time: { from: null, to: null } }).visible;
    // Unticking one relation hides its relations and the actors left without any, nothing else.
    const sanctions = g.filterEdges((_, a) => a.relation === "sanctions");
    const relations = [...new Set(g.mapEdges((_, a) => a.relation))].filter((r) => r !== "sanctions");
    const { visible, changed } = tracker.update({ filters: { ...DEFAULT_FILTERS, relations }, time: { from: null, to: null } });
    expect(changed).not.toBe(null);
    expect([...changed!.edges].sort()).toEqual([...sanctions].sort());
    expect(visible.edges.size).toBe(all.edges.size - sanctions.length);
    // The same view again: nothing to do, the same sets.
    const again = tracker.update({ filters: { ...DEFAULT_FILTERS, relations }, time: { from: null, to: null } });
    expect(again.visible).toBe(visible);
    expect(again.changed).toEqual({ nodes: [], edges: [] });
  });
});
