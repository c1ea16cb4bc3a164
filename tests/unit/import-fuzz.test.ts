/**
 * Hostile graph files for every reader: random attribute names (prototype
 * keys and the renderer's reserved names among them) and values (huge and
 * non-finite numbers, deep nesting, long texts), duplicate keys, invalid XML,
 * truncated and corrupted files. Whatever comes in, openGraphFile returns a
 * valid model or one sentence, and never throws. The seed is fixed
 * (setup-fast-check.ts); KG_PROPERTY_SEED=random explores further.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { FAMILIES } from "../../src/model/graph-file";
import { openGraphFile } from "../../src/core/import/open-file";
import { MAX_COORDINATE, NODE_SIZE_RANGE, RENDERER_RESERVED } from "../../src/core/import/normalize";
import { graphShape, writers } from "./hostile-files";

const RUNS = { numRuns: 150 };
const outcomes = { opened: 0, refused: 0 };

/** The result is a model the app can draw, or one sentence; no prototype was touched. */
function check(text: string): void {
  // A throw fails the property with the file that caused it.
  const result = openGraphFile("fuzz", text, { maxBytes: 1e6 });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  outcomes[result.ok ? "opened" : "refused"]++;
  if (!result.ok) {
    expect(result.error).toMatch(/^[A-Z].*\.$/s);
    expect(result.error).not.toMatch(/\n/);
    return;
  }
  const { graph, notes } = result;
  for (const n of notes) expect(typeof n).toBe("string");
  graph.forEachNode((_, a) => {
    expect(typeof a.label === "string" && a.label !== "").toBe(true);
    expect(typeof a.kind).toBe("string");
    expect(Math.abs(a.x) <= MAX_COORDINATE && Math.abs(a.y) <= MAX_COORDINATE).toBe(true);
    expect(a.size >= NODE_SIZE_RANGE[0] && a.size <= NODE_SIZE_RANGE[1]).toBe(true);
    expect(a.color === undefined || typeof a.color === "string").toBe(true);
    for (const r of RENDERER_RESERVED) expect(Object.hasOwn(a, r)).toBe(false);
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
  });
  graph.forEachEdge((_, a) => {
    expect(typeof a.directed).toBe("boolean");
    expect(FAMILIES).toContain(a.family);
    expect(Array.isArray(a.evidence)).toBe(true);
    expect(Number.isFinite(a.weight) && a.weight > 0).toBe(true);
    for (const r of RENDERER_RESERVED) expect(Object.hasOwn(a, r)).toBe(false);
  });
  expect(graph.hasNode("__proto__") || graph.hasEdge("__proto__")).toBe(false);
  expect(Array.isArray(graph.getAttribute("articles"))).toBe(true);
  expect(() => JSON.stringify(graph.export())).not.toThrow();
}

describe.each(Object.keys(writers))("hostile %s files", (format) => {
  const write = writers[format]!;

  test("random names and values: a valid model or a message", () => {
    const before = outcomes.opened;
    fc.assert(
      fc.property(graphShape, (g) => check(write(g))),
      RUNS,
    );
    // The property is about models too, not only about refusals.
    expect(outcomes.opened - before).toBeGreaterThan(RUNS.numRuns / 10);
  });

  test("truncated or corrupted anywhere: a valid model or a message", () => {
    fc.assert(
      fc.property(
        graphShape,
        fc.nat(),
        fc.nat(),
        fc.constantFrom("<", ">", "&", '"', "{", "]", ",", "\u0000", "</graph>", "<!--", "\uFEFF"),
        (g, a, b, junk) => {
          const text = write(g);
          check(text.slice(0, a % (text.length + 1)));
          const at = b % (text.length + 1);
          check(text.slice(0, at) + junk + text.slice(at));
        },
      ),
      RUNS,
    );
  });
});

describe("hostile structure", () => {
  test("deep nesting in JSON and XML", () => {
    for (const depth of [100, 5000, 100_000]) {
      check(`{"nodes":[{"key":"a","attributes":{"label":"A","deep":${"[".repeat(depth)}${"]".repeat(depth)}}}]}`);
      check(`<gexf><graph><nodes>${"<node id='x'>".repeat(Math.min(depth, 20_000))}</nodes></graph></gexf>`);
      check(`<graphml><graph>${"<node id='n'><graph>".repeat(Math.min(depth, 20_000))}</graph></graphml>`);
    }
  });

  test("duplicate keys, ids and edges", () => {
    check('{"nodes":[{"key":"a","attributes":{"label":"A","label":"B","x":1,"x":1e308}}],"nodes":[]}');
    check('<gexf><graph><nodes><node id="a"/><node id="a"/></nodes></graph></gexf>');
    check('<graphml><graph><node id="a"/><edge id="e" source="a" target="a"/><edge id="e" source="a" target="a"/></graph></graphml>');
    check("source,target,source\na,b,c\n");
  });

  test("coordinates of ±1e308, NaN or all equal are replaced, with a note", () => {
    const nodes = (xy: [unknown, unknown][]) =>
      JSON.stringify({ nodes: xy.map(([x, y], i) => ({ key: `n${i}`, attributes: { label: `N${i}`, x, y } })) });
    for (const xy of [
      [
        [1e308, 1e308],
        [-1e308, -1e308],
      ],
      [
        [5, 5],
        [5, 5],
        [5, 5],
      ],
      [
        ["NaN", 1],
        [2, 3],
      ],
    ] as [unknown, unknown][][]) {
      const r = openGraphFile("c.json", nodes(xy), { maxBytes: 1e6 });
      if (!r.ok) throw new Error(r.error);
      expect(r.needsLayout).toBe(true);
      expect(r.notes.join(" ")).toMatch(/same position|cannot be drawn/);
      const points = new Set(r.graph.mapNodes((_, a) => `${a.x},${a.y}`));
      expect(points.size).toBe(xy.length);
      r.graph.forEachNode((_, a) => expect(Math.abs(a.x) < 1e6 && Math.abs(a.y) < 1e6).toBe(true));
    }
    const gexf =
      '<gexf xmlns:viz="v"><graph><nodes><node id="a"><viz:position x="1e308" y="-1e308"/></node><node id="b"><viz:position x="NaN" y="2"/></node></nodes></graph></gexf>';
    const r = openGraphFile("c.gexf", gexf, { maxBytes: 1e6 });
    expect(r.ok && r.needsLayout && r.notes.some((n) => n.includes("2 actors had positions that cannot be drawn"))).toBe(true);
  });

  test("texts are bounded", () => {
    const long = "x".repeat(100_000);
    const r = openGraphFile("l.json", JSON.stringify({ nodes: [{ key: "a", attributes: { label: long, kind: long, note: long } }] }), {
      maxBytes: 1e6,
    });
    if (!r.ok) throw new Error(r.error);
    const a = r.graph.getNodeAttributes("a") as unknown as Record<string, string>;
    expect(a.label!.length).toBe(500);
    expect(a.kind!.length).toBe(500);
    expect(a.note!.length).toBe(20_000);
    expect(r.notes).toContain("2 texts longer than 500 characters were cut.");
    expect(r.notes).toContain("1 text longer than 20,000 characters was cut.");
  });
});
