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

const RUNS = { numRuns: 150 };
const PROTOTYPE = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "prototype"];
const MODEL = [
  "label",
  "kind",
  "x",
  "y",
  "size",
  "color",
  "aliases",
  "description",
  "community",
  "relation",
  "family",
  "directed",
  "date",
  "evidence",
  "weight",
  "articles",
  "vocabulary",
  "dateRange",
  "name",
];

const name = fc.oneof(fc.constantFrom(...PROTOTYPE, ...RENDERER_RESERVED, ...MODEL), fc.string({ maxLength: 12 }));
const huge = fc.constantFrom(1e308, -1e308, Number.MAX_VALUE, -Number.MAX_VALUE, 1e12 + 1, 5e-324, 0, -0, 2 ** 53);
const scalar = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(...PROTOTYPE),
  huge,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const deep = fc.nat({ max: 60 }).map((n) => {
  let v: unknown = "bottom";
  for (let i = 0; i < n; i++) v = i % 2 ? [v] : { nested: v };
  return v;
});
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
);
const bag = fc.array(fc.tuple(name, value), { maxLength: 6 });
const key = fc.oneof(fc.constantFrom("a", "b", "c", ...PROTOTYPE), fc.string({ maxLength: 4 }));

/** A value as a file would spell it: numbers and booleans as they print, the rest as JSON. */
const asText = (v: unknown): string =>
  typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : (JSON.stringify(v) ?? "");

/** A bag as JSON object text, duplicate keys kept as written (JSON.parse keeps the last). */
const objectText = (entries: [string, unknown][]) =>
  `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? "null"}`).join(",")}}`;
const xmlAttr = (v: unknown) =>
  asText(v)
    .replace(/[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/"/g, "&quot;");

/** Mostly well-formed enough to open (labelled nodes, edges between them), so the model is checked as often as the refusals. */
const labelled = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) }, { weight: 1, arbitrary: scalar }), bag)
  .map(([label, rest]): [string, unknown][] => [["label", label], ...rest]);
const graphShape = fc
  .record({
    nodes: fc.uniqueArray(fc.tuple(key, fc.oneof({ weight: 5, arbitrary: labelled }, { weight: 1, arbitrary: bag })), {
      maxLength: 5,
      selector: ([k]) => k,
    }),
    edges: fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.nat() }, { weight: 1, arbitrary: key }), fc.nat(), bag, fc.boolean()), {
      maxLength: 5,
    }),
    graph: bag,
  })
  .map(({ nodes, edges, graph }) => ({
    nodes,
    graph,
    edges: edges.map(([s, t, a, u]): [string, string, [string, unknown][], boolean] => {
      const end = (e: string | number) => (typeof e === "string" || nodes.length === 0 ? String(e) : nodes[e % nodes.length]![0]);
      return [end(s), end(t), a, u];
    }),
  }));
type Shape = {
  nodes: [string, [string, unknown][]][];
  edges: [string, string, [string, unknown][], boolean][];
  graph: [string, unknown][];
};

const writers: Record<string, (g: Shape) => string> = {
  graphology: (g) =>
    `{"options":{"type":"mixed"},"attributes":${objectText(g.graph)},"nodes":[${g.nodes
      .map(([k, a]) => `{"key":${JSON.stringify(k)},"attributes":${objectText(a)}}`)
      .join(",")}],"edges":[${g.edges
      .map(
        ([s, t, a, u]) => `{"source":${JSON.stringify(s)},"target":${JSON.stringify(t)},"undirected":${u},"attributes":${objectText(a)}}`,
      )
      .join(",")}]}`,
  snapshot: (g) => `{"format":"kg-explorer-snapshot","version":1,"graph":${writers.graphology!(g)},"view":${objectText(g.graph)}}`,
  gephiLite: (g) =>
    `{"type":"gephi-lite","version":"1.0.0","graphDataset":{"nodeData":{${g.nodes.map(([k, a]) => `${JSON.stringify(k)}:${objectText(a)}`).join(",")}},"layout":${objectText(g.graph)},"fullGraph":{"options":{"type":"undirected"},"nodes":[${g.nodes
      .map(([k]) => `{"key":${JSON.stringify(k)}}`)
      .join(
        ",",
      )}],"edges":[${g.edges.map(([s, t], i) => `{"key":"e${i}","source":${JSON.stringify(s)},"target":${JSON.stringify(t)}}`).join(",")}]}}}`,
  sigma: (g) =>
    `{"nodes":[${g.nodes.map(([k, a]) => objectText([["key", k], ...a])).join(",")}],"edges":[${g.edges.map(([s, t]) => JSON.stringify([s, t])).join(",")}],"clusters":[${objectText(g.graph)}]}`,
  gexf: (g) =>
    `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3"><graph defaultedgetype="undirected" mode="dynamic" timeformat="date"><attributes class="node">${g.nodes
      .flatMap(([, a]) =>
        a.map(
          ([n], i) =>
            `<attribute id="${xmlAttr(n)}" title="${xmlAttr(n)}" type="${["integer", "double", "boolean", "string", "liststring"][i % 5]}"/>`,
        ),
      )
      .join("")}</attributes><nodes>${g.nodes
      .map(
        ([k, a]) =>
          `<node id="${xmlAttr(k)}" start="${xmlAttr(a[0]?.[1] ?? "")}"><attvalues>${a.map(([n, v]) => `<attvalue for="${xmlAttr(n)}" value="${xmlAttr(v)}"/>`).join("")}</attvalues><viz:position x="${xmlAttr(a[1]?.[1] ?? 0)}" y="${xmlAttr(a[2]?.[1] ?? 0)}"/><viz:size value="${xmlAttr(a[3]?.[1] ?? 1)}"/><viz:color r="${xmlAttr(a[4]?.[1] ?? 1)}" g="2" b="3"/></node>`,
      )
      .join("")}</nodes><edges>${g.edges
      .map(
        ([s, t, a, u]) =>
          `<edge source="${xmlAttr(s)}" target="${xmlAttr(t)}" ${u ? 'type="directed"' : ""} weight="${xmlAttr(a[0]?.[1] ?? 1)}"><spells><spell start="${xmlAttr(a[1]?.[1] ?? "")}"/></spells></edge>`,
      )
      .join("")}</edges></graph></gexf>`,
  graphml: (g) => {
    const names = [...new Set([...g.nodes, ...g.edges.map(([, , a]) => ["", a] as const)].flatMap(([, a]) => a.map(([n]) => n)))];
    const id = (n: string) => `k${names.indexOf(n)}`;
    return `<graphml xmlns="http://graphml.graphdrawing.org/xmlns">${names
      .map(
        (n, i) =>
          `<key id="${id(n)}" for="all" attr.name="${xmlAttr(n)}" attr.type="${["int", "double", "boolean", "string", "long"][i % 5]}"/>`,
      )
      .join("")}<graph edgedefault="undirected">${g.nodes
      .map(([k, a]) => `<node id="${xmlAttr(k)}">${a.map(([n, v]) => `<data key="${id(n)}">${xmlAttr(v)}</data>`).join("")}</node>`)
      .join("")}${g.edges
      .map(
        ([s, t, a, u]) =>
          `<edge source="${xmlAttr(s)}" target="${xmlAttr(t)}" directed="${u}">${a.map(([n, v]) => `<data key="${id(n)}">${xmlAttr(v)}</data>`).join("")}</edge>`,
      )
      .join("")}</graph></graphml>`;
  },
  csv: (g) => {
    const cell = (v: unknown) => `"${asText(v).replace(/"/g, '""')}"`;
    const extra = g.graph.map(([n]) => n);
    return [
      ["source", "target", "relation", "date", "article", "quote", "weight", ...extra].map(cell).join(","),
      ...g.edges.map(([s, t, a]) =>
        [s, t, ...[0, 1, 2, 3, 4].map((i) => a[i]?.[1] ?? ""), ...g.graph.map(([, v]) => v)].map(cell).join(","),
      ),
    ].join("\r\n");
  },
};

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
