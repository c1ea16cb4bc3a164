import fc from "fast-check";
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { buildGraph, exportGraph } from "../../graph/build/index";
import { toCsv } from "../../src/core/export/csv";
import { toGraphml } from "../../src/core/export/graphml";
import { toSvg } from "../../src/core/export/svg";
import { parseCsv, parseXmlStrict } from "./export-helpers";
import { toGexf } from "../../src/core/export/gexf";
import { toSnapshot } from "../../src/core/export/snapshot";
import { visibleCopy } from "../../src/core/export/subgraph";
import { checkFileSize, openGraphFile, utf8Length, type OpenResult } from "../../src/core/import/open-file";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { DEFAULT_VIEW } from "../../src/model/view-state";
import { fixtureGraph, SAVED_VIEW } from "./export-fixture";

const LIMIT = { maxBytes: 50e6 };
const open = (text: string, name = "file.json") => openGraphFile(name, text, LIMIT);

function opened(result: OpenResult) {
  if (!result.ok) throw new Error(`expected the file to open, got: ${result.error}`);
  return result;
}
function failed(result: OpenResult): string {
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.error;
}
const json = (value: unknown) => JSON.stringify(value);

describe("openGraphFile: our own formats", () => {
  test("a snapshot round-trips graph and view", () => {
    const graph = visibleCopy(
      fixtureGraph(),
      { nodes: new Set(["japan", "russia", "abe"]), edges: new Set(["abe|meets|russia", "japan|sanctions|russia"]) },
      { nodeHighlighted: (n) => n === "abe", nodeSize: () => 9 },
    );
    const result = opened(open(toSnapshot(graph, SAVED_VIEW), "snap.kgsnap.json"));
    expect(result.format).toBe("snapshot");
    expect(result.view).toEqual(SAVED_VIEW);
    // The saved highlight is a mark for other tools: reopened here it changes nothing in the drawing.
    const expected = graph.export();
    for (const n of expected.nodes) delete (n.attributes as { highlighted?: boolean }).highlighted;
    expect(result.graph.export()).toEqual(expected);
    expect(result.graph.getNodeAttributes("abe")).not.toHaveProperty("highlighted");
    expect(result.needsLayout).toBe(false);
    expect(result.notes).toEqual(["The highlight saved in the file was not applied to 1 actor."]);
    expect(graphFileSchema.safeParse(result.graph.export()).success).toBe(true);
  });

  test("a graphology export (public/graph.json) opens unchanged, BOM or not", () => {
    const g = fixtureGraph();
    for (const text of [json(g.export()), "\uFEFF" + json(g.export())]) {
      const result = opened(open(text));
      expect(result.format).toBe("graphology");
      expect(result.graph.export()).toEqual(g.export());
      expect(result.view).toBeUndefined();
      expect(result.notes).toEqual([]);
    }
  });

  test("our GEXF opens whole, articles included", () => {
    const g = fixtureGraph();
    const result = opened(open(toGexf(g), "graph.gexf"));
    expect(result.format).toBe("gexf");
    expect(result.needsLayout).toBe(false);
    expect(result.notes).toEqual([]);
    const back = result.graph.export();
    const original = g.export();
    expect(back.nodes).toEqual(original.nodes);
    expect(back.edges).toEqual(original.edges);
    expect(back.attributes.name).toBe(original.attributes.name);
    expect(back.attributes.vocabulary.map((r) => r.id).sort()).toEqual(["courts", "meets", "sanctions"]);
    expect(back.attributes.dateRange).toEqual({ from: "2014-03", to: "2016-12-15" });
    expect(back.attributes.articles).toEqual(original.attributes.articles);
    expect(graphFileSchema.safeParse(back).success).toBe(true);
  });

  test("missing defaults are filled, with counted notes", () => {
    const data = fixtureGraph().export() as unknown as {
      nodes: { attributes: Record<string, unknown> }[];
      edges: { attributes: Record<string, unknown> }[];
    };
    delete data.nodes[0]!.attributes.kind;
    delete data.nodes[1]!.attributes.kind;
    delete data.nodes[0]!.attributes.x;
    data.nodes[2]!.attributes.size = -1;
    data.edges[0]!.attributes.evidence = [
      { article: "a1", quote: "", date: "2016" },
      { article: "a1", quote: "kept", date: "2017-02" },
    ];
    delete data.edges[0]!.attributes.family;
    delete data.edges[0]!.attributes.date;
    const result = opened(open(json(data)));
    expect(result.needsLayout).toBe(true);
    expect(result.notes).toEqual([
      '2 actors had no kind and are shown as "other".',
      "1 actor had no position; the graph needs a layout.",
      "1 actor had no size; set to 12.",
      "1 evidence entry without article, quote or valid date was left out.",
    ]);
    const edge = result.graph.getEdgeAttributes("abe|meets|russia");
    // The vocabulary knows the family; the date follows the remaining evidence.
    expect(edge.family).toBe("neutral");
    expect(edge.date).toBe("2017-02");
    expect(edge.weight).toBe(2);
    expect(graphFileSchema.safeParse(result.graph.export()).success).toBe(true);
  });

  test("a damaged view in a snapshot is repaired, the graph still opens", () => {
    const graph = fixtureGraph();
    const view = {
      ...SAVED_VIEW,
      selected: "nobody",
      focus: 7,
      filters: { ...SAVED_VIEW.filters, families: ["war"] },
      path: { from: "japan", to: "ghost" },
    };
    const result = opened(open(json({ format: "kg-explorer-snapshot", version: 1, graph: graph.export(), view })));
    expect(result.view).toEqual({
      ...SAVED_VIEW,
      selected: null,
      focus: DEFAULT_VIEW.focus,
      filters: { ...SAVED_VIEW.filters, families: null },
      path: { from: "japan", to: null },
    });
    expect(result.notes).toEqual([
      "The saved view had unreadable filters.families, focus; they were reset.",
      "The saved view's selected actor, path end are not in the graph and were cleared.",
    ]);
    const noView = opened(open(json({ format: "kg-explorer-snapshot", version: 1, graph: graph.export() })));
    expect(noView.view).toEqual(DEFAULT_VIEW);
  });
});

describe("the built corpus through every format", () => {
  const built = buildGraph(fileURLToPath(new URL("../fixtures/mini", import.meta.url)), { iterations: 10 }).graph;
  const file = exportGraph(built);

  test("graph.json, its snapshot and its GEXF open as the same graph", () => {
    const asJson = opened(open(JSON.stringify(file), "graph.json"));
    expect(asJson.graph.export()).toEqual(file);
    expect(asJson.notes).toEqual([]);
    const all = { nodes: new Set(built.nodes()), edges: new Set(built.edges()) };
    const snapshot = opened(open(toSnapshot(visibleCopy(built, all), DEFAULT_VIEW), "s.kgsnap.json"));
    expect(snapshot.graph.export()).toEqual(file);
    const gexf = opened(open(toGexf(built), "g.gexf"));
    expect(gexf.graph.export().nodes).toEqual(file.nodes);
    expect(gexf.graph.export().edges).toEqual(file.edges);
  });

  test("GraphML, CSV and SVG hold every actor, relation and quote", () => {
    const graphml = parseGraphml(MultiGraph, toGraphml(built));
    expect([graphml.order, graphml.size]).toEqual([built.order, built.size]);
    expect(parseGexf(MultiGraph, toGexf(built)).size).toBe(built.size);
    const rows = parseCsv(toCsv(built).slice(1)).slice(1);
    expect(rows).toHaveLength(built.reduceEdges((n, _, a) => n + a.evidence.length, 0));
    const svg = parseXmlStrict(toSvg(built, { width: 1000, height: 1000, transform: (x, y) => ({ x: x / 2 + 500, y: 500 - y / 2 }) }));
    expect(svg.getElementsByTagName("circle").length).toBe(built.order);
  });
});

describe("openGraphFile: files from other tools", () => {
  const GEPHI = `<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta lastmodifieddate="2024-05-01"><creator>Gephi 0.10.1</creator><description></description></meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
    </attributes>
    <nodes>
      <node id="0" label="Myriel">
        <attvalues><attvalue for="modularity_class" value="1"/></attvalues>
        <viz:size value="28.685715"/>
        <viz:position x="-266.82776" y="299.6904" z="0.0"/>
        <viz:color r="254" g="91" b="245"/>
      </node>
      <node id="1" label="Napoleon">
        <attvalues><attvalue for="modularity_class" value="1"/></attvalues>
        <viz:size value="4.0"/>
        <viz:position x="-418.08344" y="446.8853" z="0.0"/>
        <viz:color r="254" g="91" b="245" a="0.5"/>
      </node>
      <node id="2" label="Mlle.Baptistine">
        <viz:size value="9.485714"/>
        <viz:position x="-212.67206" y="245.29109" z="0.0"/>
      </node>
    </nodes>
    <edges>
      <edge id="0" source="1" target="0" weight="1.0"/>
      <edge id="1" source="2" target="0" weight="8.0" label="knows"><viz:color r="10" g="20" b="30"/></edge>
      <edge id="2" source="2" target="1" type="directed"/>
    </edges>
  </graph>
</gexf>`;

  test("a Gephi GEXF with viz only: positions, sizes and colours kept, the rest defaulted", () => {
    const result = opened(open(GEPHI, "les-miserables.gexf"));
    expect(result.format).toBe("gexf");
    expect(result.needsLayout).toBe(false);
    const g = result.graph;
    expect(g.type).toBe("directed");
    expect(g.multi).toBe(true);
    expect(g.getAttribute("name")).toBe("les-miserables");
    expect(g.getNodeAttributes("0")).toMatchObject({
      label: "Myriel",
      kind: "other",
      aliases: [],
      description: "",
      x: -266.82776,
      y: 299.6904,
      // 4 to 28.685715 in the file: already at the app's scale (within a factor of two of 6 to 36), so kept.
      size: 28.685715,
      color: "#fe5bf5",
      community: 1,
      degree: 2,
      inDegree: 2,
      outDegree: 0,
    });
    expect(g.getNodeAttribute("1", "color")).toBe("rgba(254,91,245,0.5)");
    expect(g.getNodeAttribute("2", "community")).toBe(0);
    expect(g.getEdgeAttributes("0")).toEqual({
      relation: "related",
      label: "related to",
      family: "neutral",
      directed: false,
      evidence: [],
      weight: 1,
    });
    expect(g.getEdgeAttributes("1")).toMatchObject({ relation: "knows", label: "knows", color: "#0a141e", weight: 8, directed: false });
    expect(g.getEdgeAttributes("2")).toMatchObject({ directed: true, weight: 1 });
    expect(g.getAttribute("vocabulary")).toEqual([
      { id: "related", label: "related to", family: "neutral", directed: false },
      { id: "knows", label: "knows", family: "neutral", directed: false },
    ]);
    expect(g.getAttribute("dateRange")).toBeNull();
    expect(g.getNodeAttribute("1", "size")).toBe(4);
    expect(g.getNodeAttribute("2", "size")).toBe(9.485714);
    expect(result.label).toBe("GEXF 1.3 file");
    expect(result.notes).toEqual([
      '3 actors had no kind and are shown as "other".',
      '3 relations had no family and are counted as "neutral".',
      "3 relations have no date.",
    ]);
    // Undated edges are the one way the result departs from the schema.
    const check = graphFileSchema.safeParse(g.export());
    expect(check.success).toBe(false);
    expect(new Set(check.error!.issues.map((i) => i.path.slice(-1)[0]))).toEqual(new Set(["date"]));
  });

  test("a bare GEXF with nothing but ids: labels from ids, a layout needed", () => {
    const bare = `<gexf version="1.3"><graph><nodes><node id="a"/><node id="b"/><node id="c"/></nodes><edges><edge source="a" target="b"/></edges></graph></gexf>`;
    const result = opened(open(bare, "bare.gexf"));
    expect(result.needsLayout).toBe(true);
    const g = result.graph;
    expect(g.nodes()).toEqual(["a", "b", "c"]);
    g.forEachNode((node, a) => {
      expect(a.label).toBe(node);
      expect(a.size).toBe(12);
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.color).toBeUndefined();
    });
    // Spread out, not piled on one point.
    expect(new Set(g.mapNodes((_, a) => `${a.x},${a.y}`)).size).toBe(3);
    expect(g.size).toBe(1);
    expect(result.notes).toContain("3 actors had no label; the id is shown instead.");
    expect(result.notes).toContain("The file has no positions; the graph needs a layout.");
  });

  test("a foreign graphology JSON without positions or metrics", () => {
    const data = {
      nodes: [
        { key: 1, attributes: { label: "One" } },
        { key: "two", attributes: { label: "Two", kind: "person" } },
      ],
      edges: [{ source: 1, target: "two", attributes: { relation: "supports", date: "2020-05" } }],
    };
    const result = opened(open(json(data)));
    expect(result.needsLayout).toBe(true);
    expect(result.graph.getEdgeAttributes(result.graph.edges()[0]!)).toMatchObject({
      relation: "supports",
      label: "supports",
      date: "2020-05",
      directed: true,
      evidence: [],
      weight: 1,
    });
    // Dated by the file itself, so the time window has something to work on.
    expect(result.graph.getAttribute("dateRange")).toEqual({ from: "2020-05", to: "2020-05" });
    expect(graphFileSchema.safeParse(result.graph.export()).success).toBe(true);
  });
});

describe("openGraphFile: files it must refuse", () => {
  const valid = json(fixtureGraph().export());

  test("truncated JSON, at the position where it ends", () => {
    for (const cut of [1, 20, Math.floor(valid.length / 2), valid.length - 1]) {
      const text = valid.slice(0, cut);
      expect(failed(open(text))).toMatch(
        new RegExp(
          `^The JSON is truncated at line \\d+, column \\d+ \\(position ${text.trimEnd().length}\\): the file ends before the data does\\.$`,
        ),
      );
    }
  });

  test("any JSON object cut anywhere is reported as truncated where it ends", () => {
    fc.assert(
      fc.property(fc.object(), fc.boolean(), fc.nat(), (value, pretty, n) => {
        const text = JSON.stringify({ nodes: [], value }, null, pretty ? 2 : undefined);
        const cut = text.slice(0, n % text.length);
        if (cut.trim() === "") return;
        expect(failed(open(cut))).toMatch(
          new RegExp(`^The JSON is truncated at line \\d+, column \\d+ \\(position ${cut.trimEnd().length}\\): the file ends before`),
        );
      }),
      { numRuns: 300 },
    );
  });

  test("the position of a syntax error agrees with the engine's", () => {
    fc.assert(
      fc.property(fc.object(), fc.nat(), fc.constantFrom(",", "}", "]", ":", "x", '"', "\\", "1", " ", "{"), (value, n, junk) => {
        const valid = JSON.stringify({ nodes: [], value });
        const at = 1 + (n % (valid.length - 1));
        const text = valid.slice(0, at) + junk + valid.slice(at);
        let engine: number | null;
        try {
          JSON.parse(text);
          return;
        } catch (error) {
          const m = /position (\d+)/.exec((error as Error).message);
          engine = m ? Number(m[1]) : null;
        }
        const message = failed(open(text));
        if (engine !== null && engine < text.length) expect(message).toContain(`(position ${engine})`);
        else expect(message).toMatch(/^The JSON is (truncated|malformed)/);
      }),
      { numRuns: 500 },
    );
  });

  test("malformed JSON, with line and column", () => {
    expect(failed(open('{\n  "nodes": [1,,2]\n}'))).toBe("The JSON is malformed at line 2, column 15 (position 16).");
  });

  test("JSON that is not a graph", () => {
    expect(failed(open('{"name": "x"}'))).toBe('The JSON is not a graph: it has no "nodes" list.');
    expect(failed(open("[1, 2, 3]"))).toBe('The JSON is not a graph: it is a list, not an object with "nodes".');
    expect(failed(open('{"format": "vega-lite", "data": []}'))).toBe("The JSON is a 'vega-lite' file, not a graph or a snapshot.");
    expect(failed(open('{"nodes": [], "edges": {}}'))).toBe('The JSON\'s "edges" member is not a list.');
  });

  test("nodes without labels, keys or proper attributes", () => {
    expect(failed(open(json({ nodes: [{ key: "x", attributes: { kind: "country" } }] })))).toBe("Node 'x' has no label.");
    expect(failed(open(json({ nodes: [{ key: "x" }] })))).toBe("Node 'x' has no label.");
    expect(failed(open(json({ nodes: [{ attributes: { label: "X" } }] })))).toBe("Node number 1 has no key.");
    expect(
      failed(
        open(
          json({
            nodes: [
              { key: "x", attributes: { label: "X" } },
              { key: "x", attributes: { label: "Y" } },
            ],
          }),
        ),
      ),
    ).toBe("Node 'x' appears twice.");
    expect(failed(open(json({ nodes: ["x"] })))).toBe("Node number 1 is not an object.");
  });

  test("edges that refer to missing nodes", () => {
    const nodes = [{ key: "p", attributes: { label: "P" } }];
    expect(failed(open(json({ nodes, edges: [{ source: "p", target: "q" }] })))).toBe("Edge number 1 refers to missing node 'q'.");
    expect(failed(open(json({ nodes, edges: [{ key: "e12", source: "q", target: "p" }] })))).toBe("Edge 'e12' refers to missing node 'q'.");
    expect(
      failed(
        open(`<gexf version="1.3"><graph><nodes><node id="p"/></nodes><edges><edge id="e1" source="p" target="q"/></edges></graph></gexf>`),
      ),
    ).toBe("Edge 'e1' refers to missing node 'q'.");
  });

  test("files over the size limit", () => {
    expect(failed(openGraphFile("big.json", valid, { maxBytes: 1000 }))).toMatch(/^The file is \d+ kB; the limit is 1 kB\.$/);
    expect(checkFileSize(80e6, 50e6)).toBe("The file is 80 MB; the limit is 50 MB.");
    expect(checkFileSize(50.01e6, 50e6)).toBe("The file is 50.1 MB; the limit is 50 MB.");
    expect(checkFileSize(50e6, 50e6)).toBeNull();
    expect(utf8Length("aé日😀")).toBe(1 + 2 + 3 + 4);
  });

  test("garbage, empty files, XML that is not GEXF, broken GEXF, future snapshots", () => {
    expect(failed(open("hello world"))).toBe(
      "The file is not a format this app reads: JSON (a snapshot, graphology, Gephi Lite or sigma.js), GEXF, GraphML, or a CSV/TSV edge list with source and target columns.",
    );
    expect(failed(open("   \n"))).toBe("The file is empty.");
    expect(failed(open('<?xml version="1.0"?>\n<!-- drawn -->\n<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      "The file is XML but neither GEXF nor GraphML: its root element is <svg>.",
    );
    expect(failed(open("<!DOCTYPE html>\n<html><body><p>Hi</body></html>"))).toBe(
      "The file is XML but neither GEXF nor GraphML: its root element is <html>.",
    );
    expect(failed(open(json({ nodes: [{ key: "line\nbreak" }] })))).toBe("Node 'line break' has no label.");
    const gexf = toGexf(fixtureGraph());
    const half = gexf.slice(0, gexf.length / 2);
    expect(failed(open(half))).toBe(
      `The GEXF file is truncated at line ${half.trimEnd().split("\n").length}: it ends before the closing </gexf> tag.`,
    );
    expect(failed(open("<gexf>\n<graph><nodes></edges></graph></gexf>"))).toMatch(
      /^The GEXF file is not well-formed XML at line 2, column \d+: .+\.$/,
    );
    expect(failed(open(json({ format: "kg-explorer-snapshot", version: 2, graph: {} })))).toBe(
      "The snapshot is version 2, newer than this app reads (version 1).",
    );
    expect(failed(open(json({ format: "kg-explorer-snapshot", version: 1 })))).toBe("The snapshot has no graph.");
  });

  test("a __proto__ key in a file reaches no prototype", () => {
    const text = '{"nodes":[{"key":"a","attributes":{"label":"A","__proto__":{"polluted":true}}}]}';
    const result = opened(open(text));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result.graph.getNodeAttributes("a"))).toBe(Object.prototype);
    expect((result.graph.getNodeAttributes("a") as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("openGraphFile never throws", () => {
  const check = (text: string) => {
    const result = openGraphFile("f", text, { maxBytes: 1e6 });
    if (result.ok) {
      result.graph.forEachNode((_, a) => expect(typeof a.label).toBe("string"));
      expect(Array.isArray(result.notes)).toBe(true);
    } else {
      expect(result.error).toMatch(/^[A-Z].*\.$/);
      expect(result.error).not.toMatch(/\n/);
    }
  };

  test("on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), check), { numRuns: 300 });
  });

  test("on arbitrary JSON", () => {
    fc.assert(fc.property(fc.json(), check), { numRuns: 300 });
  });

  test("on graph-shaped JSON with arbitrary members", () => {
    const value = fc.anything({ maxDepth: 2 });
    const node = fc.record(
      {
        key: fc.oneof(fc.string(), fc.integer(), value),
        attributes: fc.oneof(
          fc.dictionary(fc.constantFrom("label", "kind", "x", "y", "size", "aliases", "community", "color"), value),
          value,
        ),
      },
      { requiredKeys: [] },
    );
    const edge = fc.record(
      {
        key: value,
        source: fc.constantFrom("a", "b", 1, "x"),
        target: fc.constantFrom("a", "b"),
        attributes: fc.oneof(
          fc.dictionary(fc.constantFrom("relation", "label", "family", "directed", "date", "evidence", "weight"), value),
          value,
        ),
        undirected: value,
      },
      { requiredKeys: [] },
    );
    const graph = fc.record(
      { attributes: value, nodes: fc.array(node, { maxLength: 4 }), edges: fc.array(edge, { maxLength: 4 }) },
      { requiredKeys: ["nodes"] },
    );
    fc.assert(
      fc.property(graph, fc.boolean(), (g, asSnapshot) =>
        check(JSON.stringify(asSnapshot ? { format: "kg-explorer-snapshot", version: 1, graph: g, view: g } : g)),
      ),
      { numRuns: 300 },
    );
  });

  test("on valid files cut or corrupted anywhere", () => {
    const files = [json(fixtureGraph().export()), toGexf(fixtureGraph()), toSnapshot(fixtureGraph(), SAVED_VIEW)];
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.nat(), fc.nat(), fc.string({ maxLength: 3 }), (file, a, b, junk) => {
        const cut = a % (file.length + 1);
        check(file.slice(0, cut));
        const at = b % (file.length + 1);
        check(file.slice(0, at) + junk + file.slice(at));
      }),
      { numRuns: 200 },
    );
  });
});
