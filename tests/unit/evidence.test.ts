import { describe, expect, it } from "vitest";
import { evidenceGroups } from "../../src/core/evidence";
import { makeGraph, sampleGraph, type TestGraph } from "./helpers/graphs";

/** Japan's relations with one quote shared by three of them, as "ignored by Britain, France, …" is in the corpus. */
function withSharedQuote(): TestGraph {
  const graph = makeGraph({
    nodes: [
      ["japan", "country"],
      ["britain", "country"],
      ["france", "country"],
      ["germany", "country"],
      ["russia", "country"],
    ],
    edges: [
      ["britain", "criticises", "japan", ["a1", "2015"]],
      ["france", "criticises", "japan", ["a1", "2015"]],
      ["germany", "criticises", "japan", ["a1", "2015"]],
      ["japan", "sanctions", "russia", ["a2", "2014-03"], ["a3", "2022-02-25"]],
      ["japan", "meets", "russia", ["a2", "2013-11-02"]],
    ],
  });
  const shared = { article: "a1", date: "2015", quote: "Japan was criticised by Britain, France and Germany" };
  for (const other of ["britain", "france", "germany"]) graph.setEdgeAttribute(`${other}>criticises>japan`, "evidence", [shared]);
  return graph;
}

const texts = (view: ReturnType<typeof evidenceGroups>) =>
  view.groups.map((g) => [
    g.label,
    g.relationCount,
    g.cards.map((c) => [c.quotes.map((q) => q.quote), c.relations.map((r) => r.otherLabel)]),
  ]);

describe("evidenceGroups", () => {
  it("shows a quote that supports several relations once, with each relation it supports", () => {
    const view = evidenceGroups(withSharedQuote(), "japan");
    const criticised = view.groups.find((g) => g.key === "relation:criticises:in")!;
    expect(criticised.relationCount).toBe(3);
    expect(criticised.quoteCount).toBe(1);
    expect(criticised.cards).toHaveLength(1);
    expect(criticised.cards[0]!.relations.map((r) => r.other)).toEqual(["britain", "france", "germany"]);
    expect(view.totalRelations).toBe(5);
    // Five relations, four distinct quotes.
    expect(view.totalQuotes).toBe(4);
    expect(view.quoteCount).toBe(4);
  });

  it("shows a relation with several quotes of its own once, with its quotes", () => {
    const view = evidenceGroups(withSharedQuote(), "japan");
    const sanctions = view.groups.find((g) => g.key === "relation:sanctions:out")!;
    expect(sanctions.cards).toHaveLength(1);
    expect(sanctions.cards[0]!.relations.map((r) => r.edge)).toEqual(["japan>sanctions>russia"]);
    expect(sanctions.cards[0]!.quotes).toHaveLength(2);
    expect(sanctions.quoteCount).toBe(2);
  });

  it("groups by relation (incoming apart), by the other actor, or by article", () => {
    const graph = withSharedQuote();
    expect(evidenceGroups(graph, "japan", { groupBy: "relation" }).groups.map((g) => g.key)).toEqual([
      "relation:meets:out",
      "relation:sanctions:out",
      "relation:criticises:in",
    ]);
    const byActor = evidenceGroups(graph, "japan", { groupBy: "actor" });
    expect(byActor.groups.map((g) => g.other)).toEqual(["russia", "britain", "france", "germany"]);
    expect(byActor.groups[0]!.relationCount).toBe(2);
    expect(byActor.groups[0]!.quoteCount).toBe(3);
    const byArticle = evidenceGroups(graph, "japan", { groupBy: "article" });
    expect(byArticle.groups.map((g) => [g.article, g.label, g.relationCount, g.quoteCount])).toEqual([
      ["a2", "Article a2", 2, 2],
      ["a1", "Article a1", 3, 1],
      ["a3", "Article a3", 1, 1],
    ]);
  });

  it("sorts groups and quotes by date, or by number of quotes", () => {
    const graph = withSharedQuote();
    const byDate = evidenceGroups(graph, "japan", { groupBy: "actor", sort: "date" });
    // Russia: "meets" with one quote, "sanctions" with two of its own (one card), in date order.
    expect(byDate.groups[0]!.cards.map((c) => [c.date, c.quotes.map((q) => q.date)])).toEqual([
      ["2013-11-02", ["2013-11-02"]],
      ["2014-03", ["2014-03", "2022-02-25"]],
    ]);
    const byQuotes = evidenceGroups(graph, "japan", { groupBy: "relation", sort: "quotes" });
    expect(byQuotes.groups.map((g) => [g.key, g.quoteCount])).toEqual([
      ["relation:sanctions:out", 2],
      ["relation:criticises:in", 1],
      ["relation:meets:out", 1],
    ]);
  });

  it("narrows to the quotes containing a word, whatever its case and accents, and counts what is left", () => {
    const graph = withSharedQuote();
    graph.setEdgeAttribute("japan>meets>russia", "evidence", [
      { article: "a2", date: "2013-11-02", quote: "Kishida and Lavrov met in Tōkyō" },
    ]);
    const view = evidenceGroups(graph, "japan", { query: "TOKYO" });
    expect(texts(view)).toEqual([["meets", 1, [[["Kishida and Lavrov met in Tōkyō"], ["russia"]]]]]);
    expect(view.relationCount).toBe(1);
    expect(view.quoteCount).toBe(1);
    expect(view.totalRelations).toBe(5);
    expect(evidenceGroups(graph, "japan", { query: "  " }).relationCount).toBe(5);
    expect(evidenceGroups(graph, "japan", { query: "kremlin" }).groups).toEqual([]);
  });

  it("lists only the visible relations", () => {
    const graph = sampleGraph();
    const view = evidenceGroups(graph, "japan", { visibleEdges: new Set(["japan>sanctions>russia", "abe>leads>japan"]) });
    expect(view.groups.flatMap((g) => g.cards.flatMap((c) => c.relations.map((r) => r.edge)))).toEqual(
      expect.arrayContaining(["japan>sanctions>russia", "abe>leads>japan"]),
    );
    expect(view.totalRelations).toBe(2);
  });

  it("keeps a relation without evidence (a file from another tool) as a card without a quote, unless a word is looked for", () => {
    const graph = sampleGraph();
    graph.setEdgeAttribute("japan>meets>usa", "evidence", []);
    for (const groupBy of ["relation", "actor", "article"] as const) {
      const card = evidenceGroups(graph, "japan", { groupBy })
        .groups.flatMap((g) => g.cards)
        .find((c) => c.relations.some((r) => r.edge === "japan>meets>usa"));
      expect(card, groupBy).toMatchObject({ quotes: [] });
    }
    expect(evidenceGroups(graph, "japan", { groupBy: "article" }).groups.some((g) => g.label === "Without evidence")).toBe(true);
    expect(
      evidenceGroups(graph, "japan", { query: "japan" })
        .groups.flatMap((g) => g.cards)
        .every((c) => c.quotes.length > 0),
    ).toBe(true);
  });

  it("an article named in evidence but missing from the graph is grouped under its id; 'unknown' titles too", () => {
    const graph = sampleGraph();
    graph.setAttribute("articles", [{ id: "a1", title: "unknown", publisher: "unknown", date: "2020", body: "" }]);
    const labels = evidenceGroups(graph, "japan", { groupBy: "article" }).groups.map((g) => g.label);
    expect(labels).toEqual(expect.arrayContaining(["a1", "a2", "a3"]));
  });
});
