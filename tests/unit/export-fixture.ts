/** A small graph in the shape of public/graph.json, with the awkward text exporters must survive. */
import { MultiDirectedGraph } from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../src/model/graph-file";
import { DEFAULT_VIEW, type ViewState } from "../../src/model/view-state";

export type FixtureGraph = MultiDirectedGraph<NodeAttributes & { highlighted?: boolean }, EdgeAttributes, GraphAttributes>;

const node = (label: string, kind: string, x: number, y: number, extra: Partial<NodeAttributes> = {}): NodeAttributes => ({
  label,
  kind,
  aliases: [],
  description: "",
  x,
  y,
  size: 6,
  degree: 0,
  inDegree: 0,
  outDegree: 0,
  community: 0,
  ...extra,
});

export function fixtureGraph(): FixtureGraph {
  const graph: FixtureGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({
    name: "Russia–Japan relations",
    articles: [
      { id: "a1", title: 'Talks on the "Northern Territories", again', publisher: "Kyodo", date: "2016-12-15", body: "Body one." },
      { id: "a2", title: "Sanctions & <consequences>", publisher: "TASS", author: "I. Ivanova", date: "2014-03", body: "Body two." },
      { id: "a3", title: "Never cited", publisher: "NHK", date: "2015", body: "Body three." },
    ],
    vocabulary: [
      { id: "meets", label: "meets", family: "neutral", directed: false },
      { id: "sanctions", label: "imposes sanctions on", family: "conflict", directed: true },
      { id: "courts", label: "courts", family: "cooperation", directed: true },
    ],
    dateRange: { from: "2014-03", to: "2016-12-15" },
  });
  graph.addNode(
    "japan",
    node("Japan", "country", -120.5, 40.25, { aliases: ["Nippon", 'the "Land" of, the rising sun'], color: "#3b6fb6", size: 12.5 }),
  );
  graph.addNode("russia", node("Russia", "country", 130, -20, { aliases: ["Russian Federation"], color: "#3b6fb6", size: 14 }));
  graph.addNode(
    "abe",
    node('Shinzō Abe <PM> & "friend"', "person", 0, 95.75, {
      role: "Prime Minister",
      affiliation: "japan",
      description: "Line one,\nline two; with \"quotes\" & 'apostrophes'\r\nand CRLF.",
      color: "rgba(224,123,57,0.5)",
      community: 2,
    }),
  );
  graph.addNode("kuril", node("Kuril Islands", "territory", 10, -80, { size: 4 }));

  graph.addDirectedEdgeWithKey("abe|meets|russia", "abe", "russia", {
    relation: "meets",
    label: "meets",
    family: "neutral",
    directed: false,
    date: "2016-12",
    evidence: [
      { article: "a1", quote: 'Abe said: "We talked, at length,\nabout the islands."', date: "2016-12-15" },
      { article: "a2", quote: "A second, shorter quote", date: "2016-12" },
    ],
    weight: 2,
    color: "#9aa3ad",
    size: 2,
  });
  graph.addDirectedEdgeWithKey("japan|sanctions|russia", "japan", "russia", {
    relation: "sanctions",
    label: "imposes sanctions on",
    family: "conflict",
    directed: true,
    date: "2014-03",
    evidence: [{ article: "a2", quote: 'Tokyo joined the G7 sanctions; "reluctantly".', date: "2014-03" }],
    weight: 1,
    color: "#d1343b",
  });
  // A parallel edge and an opposite one, so curves and keys are exercised.
  graph.addDirectedEdgeWithKey("japan|courts|russia", "japan", "russia", {
    relation: "courts",
    label: "courts",
    family: "cooperation",
    directed: true,
    date: "2016",
    evidence: [{ article: "a1", quote: "Economic cooperation plan", date: "2016" }],
    weight: 1,
  });
  graph.addDirectedEdgeWithKey("russia|sanctions|japan", "russia", "japan", {
    relation: "sanctions",
    label: "imposes sanctions on",
    family: "conflict",
    directed: true,
    date: "2014-08",
    evidence: [{ article: "a2", quote: "Moscow responded in kind", date: "2014-08" }],
    weight: 1,
  });
  graph.forEachNode((n) =>
    graph.mergeNodeAttributes(n, { degree: graph.degree(n), inDegree: graph.inDegree(n), outDegree: graph.outDegree(n) }),
  );
  return graph;
}

/** A view that sets every member, referring to the fixture's actors and relations. */
export const SAVED_VIEW: ViewState = {
  ...DEFAULT_VIEW,
  selected: "abe",
  selectedEdge: "abe|meets|russia",
  filters: {
    kinds: ["country", "person"],
    families: ["conflict", "neutral"],
    relations: null,
    articles: ["a1", "a2"],
    keepIsolated: true,
    quote: null,
  },
  time: { from: "2014-03", to: "2016" },
  focus: 1,
  path: { from: "japan", to: "abe" },
  camera: { x: 0.4, y: 0.6, ratio: 0.8, angle: 0 },
};
