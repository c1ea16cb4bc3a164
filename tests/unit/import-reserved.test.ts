/**
 * Attribute names the renderer gives a meaning to, and names of
 * Object.prototype, read from a file as plain data.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { openGraphFile, type OpenResult } from "../../src/core/import/open-file";
import { RENDERER_RESERVED } from "../../src/core/import/normalize";
import { kindColor, familyColor, OTHER_KIND_COLOR, FAMILY_COLORS } from "../../src/core/palette";

const text = readFileSync(new URL("../fixtures/interop/reserved-attributes.json", import.meta.url), "utf8");
function open(t = text): Extract<OpenResult, { ok: true }> {
  const r = openGraphFile("reserved.json", t, { maxBytes: 1e6 });
  if (!r.ok) throw new Error(r.error);
  return r;
}

describe("reserved attribute names", () => {
  test("no node or edge keeps a name sigma reads to decide how to draw", () => {
    const r = open();
    const g = r.graph;
    for (const name of RENDERER_RESERVED) {
      g.forEachNode((node, a) => expect([node, Object.hasOwn(a, name)]).toEqual([node, false]));
      g.forEachEdge((edge, a) => expect([edge, Object.hasOwn(a, name)]).toEqual([edge, false]));
    }
  });

  test("a node type is the kind when there is no kind; otherwise it is kept as data", () => {
    const r = open();
    const g = r.graph;
    expect(g.getNodeAttribute("ada", "kind")).toBe("person");
    expect(g.getNodeAttributes("acme")).toMatchObject({ kind: "organization", file_type: "company" });
  });

  test("hidden, forceLabel and zIndex are kept under file_…; an exported highlight is dropped", () => {
    const r = open();
    const g = r.graph;
    expect(g.getNodeAttributes("ada")).toMatchObject({ file_hidden: true, file_forceLabel: true, file_zIndex: 99 });
    expect(g.getEdgeAttributes("e1")).toMatchObject({ file_hidden: true, file_zIndex: 2, file_forceLabel: true });
    expect(r.notes).toContain("The highlight saved in the file was not applied to 1 actor.");
    expect(r.notes).toContain("The highlight saved in the file was not applied to 1 relation.");
  });

  test("x, y, size, colour and label are data, checked and scaled", () => {
    const r = open();
    const g = r.graph;
    expect(g.getNodeAttributes("ada")).toMatchObject({ label: "Ada", color: "#123456", x: 1, y: 2, size: 40 });
    expect(g.getNodeAttribute("acme", "size")).toBe(10);
  });

  test("an edge type is its relation, its direction, or a drawing hint that is dropped", () => {
    const r = open();
    const g = r.graph;
    expect(g.getEdgeAttributes("e1")).toMatchObject({ relation: "works-for", label: "works for" });
    expect(g.getEdgeAttributes("e2")).toMatchObject({ relation: "hasOwnProperty", label: "valueOf", directed: true });
    expect(g.getEdgeAttributes("e3")).toMatchObject({ label: "toString", directed: false });
  });

  test("prototype names as keys, kinds, labels and attribute names are plain data", () => {
    const r = open();
    const g = r.graph;
    // sigma keeps node data, and graphology adjacency, in plain objects: ids that every object has are renamed, with a note.
    expect(g.hasNode("__proto__")).toBe(false);
    expect(g.hasNode("constructor")).toBe(false);
    expect(g.getNodeAttribute("_proto_", "label")).toBe("__proto__");
    expect([g.source("e3"), g.target("e3")]).toEqual(["_constructor_", "_proto_"]);
    expect(r.notes).toContain('The actor id "__proto__" is used as "_proto_": the renderer cannot draw an element with that id.');
    expect(r.notes).toContain('The actor id "constructor" is used as "_constructor_": the renderer cannot draw an element with that id.');
    expect(g.getNodeAttributes("_constructor_")).toMatchObject({ label: "toString", kind: "constructor", valueOf: "v", hasOwnProperty: 1 });
    expect(g.getNodeAttribute("_proto_", "kind")).toBe("__proto__");
    const attrs = g.getNodeAttributes("_constructor_") as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(attrs)).toBe(Object.prototype);
    expect(attrs._proto_).toEqual({ polluted: true });
    expect(attrs.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.parse(JSON.stringify(g.export())).nodes).toHaveLength(4);
  });

  test("the app's colours for such kinds and families are strings, not prototype members", () => {
    const r = open();
    const g = r.graph;
    for (const name of ["constructor", "toString", "__proto__", "valueOf", "hasOwnProperty"]) {
      expect(kindColor(name)).toBe(OTHER_KIND_COLOR);
      expect(familyColor(name)).toBe(FAMILY_COLORS.neutral);
    }
    g.forEachNode((_, a) => expect(typeof (a.color ?? kindColor(a.kind))).toBe("string"));
  });
});
