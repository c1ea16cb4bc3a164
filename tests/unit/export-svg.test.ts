import type { AbstractGraph } from "graphology-types";
import { describe, expect, test } from "vitest";
import { layoutBands } from "../../src/core/export/bands";
import { toSvg } from "../../src/core/export/svg";
import { elements, parseXmlStrict } from "./export-helpers";
import { fixtureGraph } from "./export-fixture";

const SVG = "http://www.w3.org/2000/svg";

describe("toSvg", () => {
  const g = fixtureGraph();
  g.setNodeAttribute("japan", "highlighted", true);
  const text = toSvg(g, {
    width: 800,
    height: 600,
    transform: (x, y) => ({ x: 400 + x, y: 300 - y }),
    nodeSizeScale: 1.5,
    labels: new Set(["japan", "abe"]),
  });
  const doc = parseXmlStrict(text);

  test("is a standalone, well-formed SVG document of the requested size", () => {
    const root = doc.documentElement;
    expect(root.localName).toBe("svg");
    expect(root.namespaceURI).toBe(SVG);
    expect([root.getAttribute("width"), root.getAttribute("height"), root.getAttribute("viewBox")]).toEqual(["800", "600", "0 0 800 600"]);
    expect(elements(doc, SVG, "title")[0]!.textContent).toBe("Russia–Japan relations");
  });

  test("one circle per visible node, placed by the transform and scaled", () => {
    const circles = elements(doc, SVG, "circle").filter((c) => c.hasAttribute("data-node"));
    expect(circles.map((c) => c.getAttribute("data-node"))).toEqual(g.nodes());
    const japan = circles.find((c) => c.getAttribute("data-node") === "japan")!;
    expect([japan.getAttribute("cx"), japan.getAttribute("cy"), japan.getAttribute("r")]).toEqual(["279.5", "259.75", "18.75"]);
    expect(japan.getAttribute("fill")).toBe("#3b6fb6");
    expect(japan.getAttribute("stroke")).toBeTruthy();
    expect(circles.find((c) => c.getAttribute("data-node") === "russia")!.hasAttribute("stroke")).toBe(false);
    // rgba() is split for SVG 1.1 editors.
    const abe = circles.find((c) => c.getAttribute("data-node") === "abe")!;
    expect([abe.getAttribute("fill"), abe.getAttribute("fill-opacity")]).toEqual(["#e07b39", "0.5"]);
  });

  test("edges are paths drawn before the nodes, curved when parallel, with arrows when directed", () => {
    const paths = elements(doc, SVG, "path").filter((p) => p.hasAttribute("data-edge"));
    expect(paths.map((p) => p.getAttribute("data-edge"))).toEqual(g.edges());
    expect(text.indexOf("data-edge=")).toBeLessThan(text.indexOf("data-node="));
    const d = (key: string) => paths.find((p) => p.getAttribute("data-edge") === key)!.getAttribute("d")!;
    // japan→russia twice and russia→japan once: three parallels fanned out, the middle one straight.
    const [first, middle, last] = ["japan|sanctions|russia", "japan|courts|russia", "russia|sanctions|japan"].map(d);
    expect(middle).toMatch(/L/);
    const control = (path: string) => path.split("Q")[1]!.split(" ").slice(0, 2).map(Number);
    const [c1, c3] = [control(first!), control(last!)];
    // On opposite sides of the straight line japan–russia: the cross products have opposite signs.
    const side = ([x, y]: number[]) => (530 - 279.5) * (y! - 259.75) - (320 - 259.75) * (x! - 279.5);
    expect(Math.sign(side(c1))).toBe(-Math.sign(side(c3)));
    expect(side(c1)).not.toBe(0);
    expect(d("abe|meets|russia")).toMatch(/^M[\d.-]+ [\d.-]+L/);

    const meets = paths.find((p) => p.getAttribute("data-edge") === "abe|meets|russia")!;
    expect(meets.hasAttribute("marker-end")).toBe(false); // "meets" is undirected
    const sanctions = paths.find((p) => p.getAttribute("data-edge") === "japan|sanctions|russia")!;
    const marker = /^url\(#(.+)\)$/.exec(sanctions.getAttribute("marker-end")!)![1];
    const def = elements(doc, SVG, "marker").find((m) => m.getAttribute("id") === marker)!;
    expect(elements(def, SVG, "path")[0]!.getAttribute("fill")).toBe(sanctions.getAttribute("stroke"));
  });

  test("a directed edge ends on the target's rim, not its centre", () => {
    const path = elements(doc, SVG, "path").find((p) => p.getAttribute("data-edge") === "japan|sanctions|russia")!;
    const numbers = path
      .getAttribute("d")!
      .match(/-?[\d.]+/g)!
      .map(Number);
    const [ex, ey] = numbers.slice(-2) as [number, number];
    const russia = { x: 400 + 130, y: 300 + 20, r: 14 * 1.5 };
    expect(Math.hypot(ex - russia.x, ey - russia.y)).toBeCloseTo(russia.r, 1);
  });

  test("labels are real, escaped text, only for the requested nodes", () => {
    const texts = elements(doc, SVG, "text").filter((t) => t.hasAttribute("data-label"));
    expect(texts.map((t) => t.getAttribute("data-label"))).toEqual(["japan", "abe"]);
    expect(texts[1]!.textContent).toBe('Shinzō Abe <PM> & "friend"');
    expect(text).toContain('Shinzō Abe &lt;PM&gt; &amp; "friend"');
  });

  test("a title band above the graph and a legend and source band below it, as visible text", () => {
    // A fixed width per character stands in for a canvas's measures.
    const measure = (t: string, size: number) => t.length * size * 0.6;
    const bands = layoutBands(
      {
        width: 800,
        title: "Kinds & <families>",
        legend: [
          { label: "country", colors: ["#3b6fb6"], shape: "dot" },
          { label: 'conflict "hard"', colors: ["#d1343b"], shape: "line" },
        ],
        source: ["Sources: one article"],
      },
      measure,
    );
    const banded = parseXmlStrict(toSvg(g, { width: 800, height: 600, transform: (x, y) => ({ x: 400 + x, y: 300 - y }), bands }));
    const root = banded.documentElement;
    const total = bands.top + 600 + bands.bottom;
    expect(root.getAttribute("height")).toBe(String(Math.round(total * 100) / 100));
    const group = (cls: string) =>
      Array.from(banded.getElementsByTagName("g") as unknown as ArrayLike<Element>).find((el) => el.getAttribute("class") === cls)!;
    expect(elements(group("title"), SVG, "text").map((t) => t.textContent)).toEqual(["Kinds & <families>"]);
    expect(elements(group("legend"), SVG, "text").map((t) => t.textContent)).toEqual([
      "country",
      'conflict "hard"',
      "Sources: one article",
    ]);
    expect(elements(group("legend"), SVG, "line")[0]!.getAttribute("stroke")).toBe("#d1343b");
    // The graph sits between the bands, never under them.
    expect(group("graph").getAttribute("transform")).toBe(`translate(0 ${Math.round(bands.top * 100) / 100})`);
    expect(group("legend").getAttribute("transform")).toBe(`translate(0 ${Math.round((bands.top + 600) * 100) / 100})`);
  });

  test("relations are drawn in order of their zIndex, so dimmed ones lie beneath lit ones", () => {
    const h = fixtureGraph() as unknown as AbstractGraph;
    const edges = h.edges();
    h.setEdgeAttribute(edges[0]!, "zIndex", 2);
    h.setEdgeAttribute(edges[1]!, "zIndex", 0);
    const order = elements(parseXmlStrict(toSvg(h, { width: 100, height: 100 })), SVG, "path")
      .map((p) => p.getAttribute("data-edge"))
      .filter(Boolean);
    expect(order.indexOf(edges[1]!)).toBeLessThan(order.indexOf(edges[0]!));
  });

  test("placed labels are written where they were placed", () => {
    const placed = parseXmlStrict(
      toSvg(g, {
        width: 100,
        height: 100,
        texts: [{ key: "japan", kind: "node", text: "Japan", x: 10, y: 20, w: 40, h: 16, fontSize: 13 }],
      }),
    );
    const t = elements(placed, SVG, "text").find((e) => e.getAttribute("data-label") === "japan")!;
    expect([t.getAttribute("x"), t.getAttribute("y"), t.textContent]).toEqual(["13", "28", "Japan"]);
  });

  test("background, label options and the edge curvature attribute", () => {
    const h = fixtureGraph() as unknown as AbstractGraph;
    h.setEdgeAttribute("abe|meets|russia", "curvature", 0.5);
    const white = parseXmlStrict(toSvg(h, { width: 100, height: 100 }));
    expect(elements(white, SVG, "rect")[0]!.getAttribute("fill")).toBe("#ffffff");
    expect(elements(white, SVG, "text").filter((t) => t.hasAttribute("data-label"))).toHaveLength(4);
    const curved = elements(white, SVG, "path").find((p) => p.getAttribute("data-edge") === "abe|meets|russia")!;
    // Midpoint (65, 37.875) plus 0.5 × (dy, -dx) = (65 - 57.875, 37.875 - 65).
    expect(curved.getAttribute("d")).toBe("M0 95.75Q7.13 -27.12 130 -20");

    const bare = parseXmlStrict(toSvg(h, { width: 100, height: 100, background: "transparent", labels: (_, a) => a.kind === "territory" }));
    expect(elements(bare, SVG, "rect")).toHaveLength(0);
    expect(elements(bare, SVG, "text").map((t) => t.textContent)).toEqual(["Kuril Islands"]);
  });

  test("nodes without a usable position are left out with their edges", () => {
    const h = fixtureGraph();
    h.setNodeAttribute("russia", "x", Number.NaN);
    const doc2 = parseXmlStrict(toSvg(h, { width: 100, height: 100, labels: "none" }));
    expect(elements(doc2, SVG, "circle")).toHaveLength(3);
    expect(elements(doc2, SVG, "path").filter((p) => p.hasAttribute("data-edge"))).toHaveLength(0);
    expect(elements(doc2, SVG, "text")).toHaveLength(0);
  });
});
