/**
 * Generators of hostile graph files, for the readers' property tests
 * (import-fuzz.test.ts) and the browser's (e2e/hostile-input.test.ts):
 * random attribute names (prototype keys and the renderer's reserved names
 * among them) and values (huge and non-finite numbers, deep nesting, long
 * texts), duplicate keys, written out by one writer per format.
 */
import fc from "fast-check";
import { RENDERER_RESERVED } from "../../src/core/import/normalize";

export const PROTOTYPE = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "isPrototypeOf", "prototype"];
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
export const graphShape = fc
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
export type Shape = {
  nodes: [string, [string, unknown][]][];
  edges: [string, string, [string, unknown][], boolean][];
  graph: [string, unknown][];
};

export const writers: Record<string, (g: Shape) => string> = {
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
