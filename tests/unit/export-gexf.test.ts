import { MultiGraph } from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, test } from "vitest";
import { parseColor } from "../../src/core/export/color";
import { toGexf } from "../../src/core/export/gexf";
import { readGexf } from "../../src/core/import/read-gexf";
import { elements, parseXmlStrict } from "./export-helpers";
import { fixtureGraph } from "./export-fixture";

/** What readGexf found in `text`, by key: the attributes as the file gives them, before the normalisation. */
function fromGexf(text: string) {
  const raw = readGexf(text);
  const nodes = new Map(raw.nodes.map((n) => [n.key, Object.fromEntries(n.attributes)]));
  const edges = new Map(raw.edges.map((e) => [e.key!, Object.fromEntries(e.attributes)]));
  return {
    order: nodes.size,
    getNodeAttributes: (key: string) => nodes.get(key),
    getNodeAttribute: (key: string, name: string) => nodes.get(key)?.[name],
    getEdgeAttributes: (key: string) => edges.get(key),
  };
}

const GEXF = "http://gexf.net/1.3";
const VIZ = "http://gexf.net/1.3/viz";
// GEXF 1.3's attrtype-type enumeration.
const ATTRIBUTE_TYPES = new Set(
  "integer long double float boolean bigdecimal biginteger byte char short liststring listboolean listinteger listlong listfloat listdouble listbyte listshort listbigdecimal listbiginteger listchar string anyURI".split(
    " ",
  ),
);

describe("toGexf: GEXF 1.3 structure", () => {
  const text = toGexf(fixtureGraph(), { lastModified: new Date(2026, 10, 26, 5, 41) });
  const doc = parseXmlStrict(text);
  const root = doc.documentElement;

  test("root, namespaces and version", () => {
    expect(root.localName).toBe("gexf");
    expect(root.namespaceURI).toBe(GEXF);
    expect(root.getAttribute("version")).toBe("1.3");
    expect(root.getAttribute("xmlns:viz")).toBe(VIZ);
  });

  test("meta holds only what the schema allows", () => {
    const [meta] = elements(doc, GEXF, "meta");
    expect(meta!.getAttribute("lastmodifieddate")).toBe("2026-11-26");
    const children = Array.from(meta!.childNodes as unknown as ArrayLike<Node>).filter((n) => n.nodeType === 1) as Element[];
    expect(children.map((c) => c.localName)).toEqual(["creator", "description"]);
    expect(children[1]!.textContent).toBe("Russia–Japan relations");
  });

  test("graph is static and directed; attribute declarations are typed and used correctly", () => {
    const [graph] = elements(doc, GEXF, "graph");
    expect(graph!.getAttribute("defaultedgetype")).toBe("directed");
    expect(graph!.getAttribute("mode")).toBe("static");
    const declared: Record<string, Map<string, string>> = { node: new Map(), edge: new Map() };
    for (const attributes of elements(doc, GEXF, "attributes")) {
      const cls = attributes.getAttribute("class")!;
      expect(["node", "edge"]).toContain(cls);
      for (const a of elements(attributes, GEXF, "attribute")) {
        expect(ATTRIBUTE_TYPES.has(a.getAttribute("type")!)).toBe(true);
        expect(a.getAttribute("title")).toBeTruthy();
        declared[cls]!.set(a.getAttribute("id")!, a.getAttribute("type")!);
      }
    }
    expect(declared.node!.get("degree")).toBe("integer");
    expect(declared.node!.get("aliases")).toBe("string");
    expect(declared.edge!.get("evidence")).toBe("string");
    expect(declared.edge!.get("directed")).toBe("boolean");
    for (const cls of ["node", "edge"] as const) {
      for (const el of elements(doc, GEXF, cls)) {
        for (const v of elements(el, GEXF, "attvalue")) expect(declared[cls]!.has(v.getAttribute("for")!)).toBe(true);
      }
    }
  });

  test("viz elements: r/g/b (a) colours, positions, sizes, thickness", () => {
    const colors = elements(doc, VIZ, "color");
    expect(colors.length).toBe(3 + 2); // three coloured nodes, two coloured edges
    for (const c of colors) {
      expect(c.hasAttribute("hex")).toBe(false);
      for (const ch of ["r", "g", "b"]) {
        const v = Number(c.getAttribute(ch));
        expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
      }
      if (c.hasAttribute("a")) expect(Number(c.getAttribute("a"))).toBeGreaterThanOrEqual(0);
    }
    expect(elements(doc, VIZ, "position")).toHaveLength(4);
    expect(elements(doc, VIZ, "size")).toHaveLength(4);
    expect(elements(doc, VIZ, "thickness")).toHaveLength(1);
    const abe = elements(doc, GEXF, "node").find((n) => n.getAttribute("id") === "abe")!;
    const color = elements(abe, VIZ, "color")[0]!;
    expect([color.getAttribute("r"), color.getAttribute("g"), color.getAttribute("b"), color.getAttribute("a")]).toEqual([
      "224",
      "123",
      "57",
      "0.5",
    ]);
  });

  test("edges carry id, source, target, label and weight", () => {
    const edges = elements(doc, GEXF, "edge");
    expect(edges.map((e) => e.getAttribute("id"))).toEqual(fixtureGraph().edges());
    const meets = edges.find((e) => e.getAttribute("id") === "abe|meets|russia")!;
    expect(meets.getAttribute("source")).toBe("abe");
    expect(meets.getAttribute("target")).toBe("russia");
    expect(meets.getAttribute("label")).toBe("meets");
    expect(meets.getAttribute("weight")).toBe("2");
    // "meets" reads both ways: an undirected edge in a graph whose other edges are directed.
    expect(meets.getAttribute("type")).toBe("undirected");
    const sanctions = edges.find((e) => e.getAttribute("id") === "japan|sanctions|russia")!;
    expect(sanctions.hasAttribute("type")).toBe(false);
  });
});

describe("toGexf: content read back", () => {
  test("graphology-gexf reads the same nodes, edges, positions, colours, sizes and attributes", () => {
    const original = fixtureGraph();
    const back = parse(MultiGraph, toGexf(original));
    expect(back.type).toBe("mixed");
    expect(back.nodes()).toEqual(original.nodes());
    original.forEachNode((node, a) => {
      const b = back.getNodeAttributes(node);
      expect(b.label).toBe(a.label);
      expect([b.x, b.y, b.size]).toEqual([a.x, a.y, a.size]);
      expect(b.color === undefined ? null : parseColor(b.color)).toEqual(a.color === undefined ? null : parseColor(a.color));
      expect(b.kind).toBe(a.kind);
      expect(JSON.parse(b.aliases)).toEqual(a.aliases);
      expect(b.description ?? "").toBe(a.description);
      expect(b.role).toBe(a.role);
      expect(b.affiliation).toBe(a.affiliation);
      expect([b.degree, b.inDegree, b.outDegree, b.community]).toEqual([a.degree, a.inDegree, a.outDegree, a.community]);
    });
    expect(back.edges()).toEqual(original.edges());
    original.forEachEdge((edge, a, source, target) => {
      const b = back.getEdgeAttributes(edge);
      expect([back.source(edge), back.target(edge)]).toEqual([source, target]);
      expect(back.isDirected(edge)).toBe(a.directed);
      expect(b.label).toBe(a.label);
      expect(b.relation).toBe(a.relation);
      expect(b.family).toBe(a.family);
      expect(b.directed).toBe(a.directed);
      expect(b.date).toBe(a.date);
      expect(b.weight).toBe(a.weight);
      expect(JSON.parse(b.evidence)).toEqual(a.evidence);
      expect(b.thickness).toBe(a.size);
    });
  });

  test("fromGexf undoes every convention: attributes come back equal", () => {
    const original = fixtureGraph();
    const back = fromGexf(toGexf(original));
    const dropEmpty = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== ""));
    original.forEachNode((node, a) => expect(back.getNodeAttributes(node)).toEqual(dropEmpty(a)));
    original.forEachEdge((edge, a) => expect(back.getEdgeAttributes(edge)).toEqual(a));
  });

  test("text XML cannot carry is dropped, the rest survives", () => {
    const g = fixtureGraph();
    g.setNodeAttribute("kuril", "label", "Kuril\u0001 Islands\uFFFF");
    g.setNodeAttribute("kuril", "description", "tab\there, bell\u0007");
    const text = toGexf(g);
    parseXmlStrict(text);
    const back = fromGexf(text);
    expect(back.getNodeAttribute("kuril", "label")).toBe("Kuril Islands");
    expect(back.getNodeAttribute("kuril", "description")).toBe("tab\there, bell");
  });

  test("highlighted and other extra attributes are exported; unknown colour spellings are left out", () => {
    const g = fixtureGraph();
    g.setNodeAttribute("japan", "highlighted", true);
    g.setNodeAttribute("russia", "color", "rebeccapurple");
    const back = fromGexf(toGexf(g));
    expect(back.getNodeAttribute("japan", "highlighted")).toBe(true);
    expect(back.getNodeAttribute("russia", "color")).toBeUndefined();
  });

  test("an empty graph is still a valid document", () => {
    const g = fixtureGraph();
    g.clear();
    const doc = parseXmlStrict(toGexf(g));
    expect(elements(doc, GEXF, "nodes")).toHaveLength(1);
    expect(fromGexf(toGexf(g)).order).toBe(0);
  });
});
