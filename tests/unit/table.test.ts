/** The data table's rows, sorting, filtering and CSV (src/core/table.ts). */
import { describe, expect, it } from "vitest";
import { visibleSubgraph } from "../../src/core/filters";
import { graphMetrics } from "../../src/core/metrics";
import {
  ACTOR_COLUMNS,
  actorRows,
  filterRows,
  RELATION_COLUMNS,
  relationRows,
  sortRows,
  tableCsv,
  type Column,
} from "../../src/core/table";
import { DEFAULT_VIEW } from "../../src/model/view-state";
import { makeGraph } from "./helpers/graphs";

const g = makeGraph({
  nodes: [
    ["japan", "country"],
    ["russia", "country"],
    ["abe", "person"],
    ["china", "country"],
    ["=cmd", "organization"],
  ],
  edges: [
    ["japan", "sanctions", "russia", ["a1", "2014-03"], ["a2", "2022"]],
    ["abe", "meets", "russia", ["a1", "2016"]],
    ["china", "supports", "russia", ["a2", "2022-02-24"]],
    ["russia", "criticises", "japan", ["a2", "2013"]],
    ["=cmd", "leads", "china", ["a1", "2019-07"]],
  ],
});
g.setAttribute("articles", [
  { id: "a1", title: "The islands", publisher: "P", date: "2020", body: "" },
  { id: "a2", title: "Sanctions after 2022", publisher: "P", date: "2023", body: "" },
]);
const visible = visibleSubgraph(g, DEFAULT_VIEW);

interface Row {
  name: string;
  n: number | null;
  d: string;
}
const cols: Column<Row>[] = [
  { id: "name", header: "Name", type: "text", value: (r) => r.name },
  { id: "n", header: "N", type: "number", value: (r) => r.n },
  { id: "d", header: "Date", type: "date", value: (r) => r.d },
];
const rows: Row[] = [
  { name: "Émile", n: 3, d: "2017-05" },
  { name: "adam", n: null, d: "2017" },
  { name: "Zoë", n: 10, d: "undated" },
  { name: "item 10", n: 3, d: "2016-12-31" },
  { name: "item 9", n: 1, d: "2018" },
];

describe("sortRows", () => {
  it("sorts text by collation (case, accents, numbers in order)", () => {
    expect(sortRows(rows, cols, { column: "name", descending: false }).map((r) => r.name)).toEqual([
      "adam",
      "Émile",
      "item 9",
      "item 10",
      "Zoë",
    ]);
  });
  it("sorts numbers by value, empty cells last in both directions, ties in their order", () => {
    expect(sortRows(rows, cols, { column: "n", descending: false }).map((r) => r.name)).toEqual([
      "item 9",
      "Émile",
      "item 10",
      "Zoë",
      "adam",
    ]);
    expect(sortRows(rows, cols, { column: "n", descending: true }).map((r) => r.name)).toEqual([
      "Zoë",
      "Émile",
      "item 10",
      "item 9",
      "adam",
    ]);
  });
  it("sorts partial dates oldest first, what is not a date last", () => {
    expect(sortRows(rows, cols, { column: "d", descending: false }).map((r) => r.d)).toEqual([
      "2016-12-31",
      "2017",
      "2017-05",
      "2018",
      "undated",
    ]);
    expect(sortRows(rows, cols, { column: "d", descending: true }).map((r) => r.d)).toEqual([
      "2018",
      "2017-05",
      "2017",
      "2016-12-31",
      "undated",
    ]);
  });
  it("leaves the order for no sort or an unknown column, and never changes its input", () => {
    const before = rows.map((r) => r.name);
    expect(sortRows(rows, cols, null).map((r) => r.name)).toEqual(before);
    expect(sortRows(rows, cols, { column: "nope", descending: true }).map((r) => r.name)).toEqual(before);
    sortRows(rows, cols, { column: "name", descending: true });
    expect(rows.map((r) => r.name)).toEqual(before);
  });
});

describe("filterRows", () => {
  it("keeps rows where every word appears in some cell, case and accents ignored", () => {
    expect(filterRows(rows, cols, "emile").map((r) => r.name)).toEqual(["Émile"]);
    expect(filterRows(rows, cols, "ITEM 2018").map((r) => r.name)).toEqual(["item 9"]);
    expect(filterRows(rows, cols, "item 2019")).toEqual([]);
    expect(filterRows(rows, cols, "  ")).toHaveLength(rows.length);
  });
});

describe("the relation table", () => {
  const relations = relationRows(g, visible, DEFAULT_VIEW);
  it("has one row per visible relation with its subject, object, date, quotes and articles", () => {
    expect(relations).toHaveLength(5);
    const sanctions = relations.find((r) => r.key === "japan>sanctions>russia")!;
    expect(sanctions).toMatchObject({
      subject: "japan",
      relation: "imposes sanctions on",
      object: "russia",
      family: "conflict",
      date: "2014-03",
      quotes: 2,
      articles: ["The islands", "Sanctions after 2022"],
    });
  });
  it("sorted by date puts the oldest first", () => {
    const sorted = sortRows(relations, RELATION_COLUMNS, { column: "date", descending: false });
    expect(sorted.map((r) => r.date)).toEqual(["2013", "2014-03", "2016", "2019-07", "2022-02-24"]);
  });
  it("counts and dates only what the view shows", () => {
    const view = { ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, articles: ["a2"] } };
    const shown = relationRows(g, visibleSubgraph(g, view), view);
    expect(shown.find((r) => r.key === "japan>sanctions>russia")).toMatchObject({
      date: "2022",
      quotes: 1,
      articles: ["Sanctions after 2022"],
    });
  });
  it("filters by any cell", () => {
    expect(filterRows(relations, RELATION_COLUMNS, "islands abe").map((r) => r.key)).toEqual(["abe>meets>russia"]);
  });
});

describe("the actor table", () => {
  it("has the statistics once they are known, and sorts by them", () => {
    expect(actorRows(g, visible, null).every((r) => r.metrics === null)).toBe(true);
    const m = graphMetrics(g, visible, DEFAULT_VIEW);
    const actors = actorRows(g, visible, m);
    const byRelations = sortRows(actors, ACTOR_COLUMNS, { column: "degree", descending: true });
    expect(byRelations[0]!.key).toBe("russia");
    expect(byRelations[0]!.metrics!.degree).toBe(4);
    const byBetweenness = sortRows(actors, ACTOR_COLUMNS, { column: "betweenness", descending: true });
    expect(byBetweenness[0]!.key).toBe("russia");
    expect(actors.find((r) => r.key === "russia")!.community).toBeGreaterThanOrEqual(1);
  });
});

describe("tableCsv", () => {
  it("writes the rows as shown, with the CSV export's spreadsheet-safe quoting", () => {
    const m = graphMetrics(g, visible, DEFAULT_VIEW);
    const actors = sortRows(actorRows(g, visible, m), ACTOR_COLUMNS, { column: "label", descending: false });
    const csv = tableCsv(actors, ACTOR_COLUMNS);
    expect(csv.startsWith("\uFEFFActor,Kind,Relations,")).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines).toHaveLength(actors.length + 2);
    expect(lines.at(-1)).toBe("");
    // A label that a spreadsheet would run as a formula is written as text.
    expect(lines[1]!.startsWith("'=cmd,organization,1,")).toBe(true);
    const rel = tableCsv(relationRows(g, visible, DEFAULT_VIEW), RELATION_COLUMNS);
    expect(rel).toContain(",The islands; Sanctions after 2022\r\n");
    expect(rel.split("\r\n")[0]).toBe("\uFEFFSubject,Relation,Object,Family,Date,Quotes,Articles");
  });
});
