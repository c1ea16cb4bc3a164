/**
 * Small knowledge graphs for unit tests, shaped like the graph the app loads
 * from public/graph.json (src/graph-file.ts), written as compactly as a test
 * can read them.
 */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, RelationDef } from "../../../src/model/graph-file";

export type TestGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const VOCABULARY: RelationDef[] = [
  { id: "sanctions", label: "imposes sanctions on", family: "conflict", directed: true },
  { id: "criticises", label: "criticises", family: "conflict", directed: true },
  { id: "annexes", label: "annexes", family: "conflict", directed: true },
  { id: "meets", label: "meets", family: "cooperation", directed: false },
  { id: "supports", label: "supports", family: "cooperation", directed: true },
  { id: "leads", label: "leads", family: "neutral", directed: true },
  { id: "member-of", label: "is a member of", family: "neutral", directed: true },
  // In the vocabulary but used by no triple: filter counts must still list it.
  { id: "mediates", label: "mediates between", family: "neutral", directed: true },
];

/** `[article, date]` pairs; the quote is made up from them. */
export type EvidenceSpec = [article: string, date: string];

/** `[subject, relation, object, ...evidence]`, with an optional explicit key as `{ key }` last. */
export type EdgeSpec = [string, string, string, ...(EvidenceSpec | { key: string })[]];

export interface GraphSpec {
  /** `[key, kind]`, or `[key, kind, x, y]` when positions matter. */
  nodes: ([string, string] | [string, string, number, number])[];
  edges: EdgeSpec[];
  /** Article ids beyond those the evidence uses (defaults to those). */
  articles?: string[];
}

/**
 * Builds the graph. Edge keys default to `subject>relation>object`; an
 * undirected relation is stored once with subject < object, as the build does.
 */
export function makeGraph(spec: GraphSpec): TestGraph {
  const graph: TestGraph = new MultiDirectedGraph();
  spec.nodes.forEach(([key, kind, x, y], i) => {
    graph.addNode(key, {
      label: key.replace(/-/g, " "),
      kind,
      aliases: [],
      description: `${key} (${kind})`,
      x: x ?? i,
      y: y ?? -i,
      size: 5,
      degree: 0,
      inDegree: 0,
      outDegree: 0,
      community: 0,
    });
  });
  const articles = new Set(spec.articles ?? []);
  for (const [subject, relation, object, ...rest] of spec.edges) {
    const def = VOCABULARY.find((r) => r.id === relation);
    if (!def) throw new Error(`makeGraph: relation ${relation} is not in the test vocabulary`);
    const keyed = rest.find((r): r is { key: string } => !Array.isArray(r));
    const evidence = rest
      .filter((r): r is EvidenceSpec => Array.isArray(r))
      .map(([article, date]) => ({ article, date, quote: `${subject} ${relation} ${object} (${article}, ${date})` }));
    for (const e of evidence) articles.add(e.article);
    const [source, target] = !def.directed && object < subject ? [object, subject] : [subject, object];
    const sorted = [...evidence].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    graph.addEdgeWithKey(keyed?.key ?? `${source}>${relation}>${target}`, source, target, {
      relation,
      label: def.label,
      family: def.family,
      directed: def.directed,
      date: sorted[0]?.date ?? "2000",
      evidence,
      weight: Math.max(1, evidence.length),
    });
  }
  graph.forEachNode((node) =>
    graph.mergeNodeAttributes(node, {
      degree: graph.degree(node),
      inDegree: graph.inDegree(node),
      outDegree: graph.outDegree(node),
    }),
  );
  graph.replaceAttributes({
    name: "test",
    articles: [...articles].sort().map((id) => ({ id, title: `Article ${id}`, publisher: "Test", date: "2020", body: "" })),
    vocabulary: VOCABULARY,
    dateRange: null,
  });
  return graph;
}

/**
 * A dozen actors around the war in Ukraine, enough for every filter to bite:
 *
 *   japan ─sanctions→ russia ←sanctions─ usa        abe ─leads→ japan
 *   japan ─criticises→ russia                        putin ─leads→ russia
 *   japan ─meets─ usa                                abe ─meets─ putin
 *   russia ─annexes→ crimea                          japan, usa ─member-of→ g7
 *   china ─supports→ russia                          usa ─member-of→ nato
 *   ukraine ─criticises→ russia                      lonely: no relation
 */
export function sampleGraph(): TestGraph {
  return makeGraph({
    nodes: [
      ["japan", "country"],
      ["russia", "country"],
      ["usa", "country"],
      ["china", "country"],
      ["ukraine", "country"],
      ["abe", "person"],
      ["putin", "person"],
      ["g7", "grouping"],
      ["nato", "organization"],
      ["crimea", "territory"],
      ["lonely", "country"],
    ],
    edges: [
      ["japan", "sanctions", "russia", ["a1", "2014-03"], ["a2", "2022-02-25"]],
      ["japan", "criticises", "russia", ["a2", "2022-03"]],
      ["usa", "sanctions", "russia", ["a2", "2014"]],
      ["japan", "meets", "usa", ["a3", "2015-06-07"]],
      ["russia", "annexes", "crimea", ["a2", "2014-03-18"]],
      ["china", "supports", "russia", ["a3", "2022"]],
      ["ukraine", "criticises", "russia", ["a3", "2017"]],
      ["abe", "leads", "japan", ["a1", "2012-12"]],
      ["putin", "leads", "russia", ["a2", "2000"]],
      ["putin", "meets", "abe", ["a1", "2016-05-06"], ["a1", "2016-12-15"]],
      ["japan", "member-of", "g7", ["a1", "2015"]],
      ["usa", "member-of", "g7", ["a3", "2015"]],
      ["usa", "member-of", "nato", ["a3", "2017-02"]],
    ],
    articles: ["a4"],
  });
}

/** Sorted copy of a set or list, for order-insensitive assertions. */
export const sorted = (items: Iterable<string>): string[] => [...items].sort();
