import { MultiGraph } from "graphology";
import { parse } from "graphology-graphml";
import type { AbstractGraph } from "graphology-types";
import { describe, expect, test } from "vitest";
import { toGraphml } from "../../src/core/export/graphml";
import { elements, parseXmlStrict } from "./export-helpers";
import { fixtureGraph } from "./export-fixture";

const NS = "http://graphml.graphdrawing.org/xmlns";
const JSON_ATTRIBUTES = new Set(["aliases", "evidence", "articles", "vocabulary", "dateRange"]);
const decode = (attrs: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, JSON_ATTRIBUTES.has(k) ? JSON.parse(v as string) : v]));

describe("toGraphml", () => {
  test("is well-formed GraphML: typed keys, directed graph, data only for declared keys", () => {
    const doc = parseXmlStrict(toGraphml(fixtureGraph()));
    expect(doc.documentElement.namespaceURI).toBe(NS);
    const keys = elements(doc, NS, "key");
    const ids = keys.map((k) => k.getAttribute("id")!);
    expect(new Set(ids).size).toBe(ids.length);
    for (const k of keys) {
      expect(["graph", "node", "edge"]).toContain(k.getAttribute("for"));
      expect(["boolean", "int", "long", "float", "double", "string"]).toContain(k.getAttribute("attr.type"));
      expect(k.getAttribute("id")).toMatch(/^[A-Za-z0-9._-]+$/);
    }
    const byName = (domain: string, name: string) =>
      keys.find((k) => k.getAttribute("for") === domain && k.getAttribute("attr.name") === name)!;
    // The names tools look for, and sensible types.
    for (const name of ["label", "x", "y", "size", "color", "r", "g", "b"]) expect(byName("node", name).getAttribute("id")).toBe(name);
    expect(byName("node", "x").getAttribute("attr.type")).toBe("double");
    expect(byName("node", "degree").getAttribute("attr.type")).toBe("int");
    expect(byName("edge", "directed").getAttribute("attr.type")).toBe("boolean");
    expect(byName("edge", "evidence").getAttribute("attr.type")).toBe("string");
    expect(byName("graph", "articles").getAttribute("attr.type")).toBe("string");

    const [graph] = elements(doc, NS, "graph");
    expect(graph!.getAttribute("edgedefault")).toBe("directed");
    for (const d of elements(doc, NS, "data")) expect(ids).toContain(d.getAttribute("key"));
    expect(elements(doc, NS, "edge").map((e) => e.getAttribute("id"))).toEqual(fixtureGraph().edges());
  });

  test("graphology-graphml reads back the same nodes, edges and attributes", () => {
    const original = fixtureGraph();
    const back = parse(MultiGraph, toGraphml(original));
    expect(back.type).toBe("directed");
    expect(back.nodes()).toEqual(original.nodes());
    original.forEachNode((node, a) => {
      // Opaque colours come back as #rrggbb through r/g/b; translucent ones as written.
      expect(decode(back.getNodeAttributes(node))).toEqual(a);
    });
    expect(back.edges()).toEqual(original.edges());
    original.forEachEdge((edge, a, source, target) => {
      expect([back.source(edge), back.target(edge)]).toEqual([source, target]);
      expect(decode(back.getEdgeAttributes(edge))).toEqual(a);
    });
    expect(decode(back.getAttributes())).toEqual({ id: "G", ...original.getAttributes() });
  });

  test("text is escaped, CR survives, and characters XML cannot carry are dropped", () => {
    const g = fixtureGraph();
    g.setNodeAttribute("kuril", "label", "a < b & c > \"d\" 'e'\u0002");
    const back = parse(MultiGraph, toGraphml(g));
    expect(back.getNodeAttribute("kuril", "label")).toBe("a < b & c > \"d\" 'e'");
    expect(back.getNodeAttribute("abe", "description")).toBe(g.getNodeAttribute("abe", "description"));
  });

  test("a name with mixed value types is declared as string", () => {
    const g = fixtureGraph() as unknown as AbstractGraph;
    g.setNodeAttribute("japan", "rank", 1);
    g.setNodeAttribute("russia", "rank", "first");
    g.setNodeAttribute("abe", "score", 1);
    g.setNodeAttribute("kuril", "score", 2.5);
    const doc = parseXmlStrict(toGraphml(g));
    const type = (name: string) =>
      elements(doc, NS, "key")
        .find((k) => k.getAttribute("attr.name") === name)!
        .getAttribute("attr.type");
    expect(type("rank")).toBe("string");
    expect(type("score")).toBe("double");
  });
});
