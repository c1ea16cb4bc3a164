/**
 * Loading the built graph.json in the app: drawn from the file as read, then
 * checked against the schema; a file that cannot be drawn, or that fails the
 * check, gives a message naming the file and the place.
 */
import { MultiDirectedGraph } from "graphology";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildGraph, exportGraph } from "../../graph/build/index";
import { serializeGraph } from "../../graph/build/write";
import { fetchBuiltGraph, graphFileProblem } from "../../src/state/load-graph";
import { INITIAL_STATE, reduce, type KGGraph } from "../../src/state/app-state";
import { MINI } from "./helpers/corpus";

// Drawable means edge shapes from @sigma/edge-curve, whose module reads WebGL constants when loaded.
vi.hoisted(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebGLRenderingContext ??= class {};
  g.WebGL2RenderingContext ??= class {};
});

let text: string;
beforeAll(() => {
  text = serializeGraph(exportGraph(buildGraph(MINI, { iterations: 10 }).graph));
});
afterEach(() => vi.unstubAllGlobals());

function serve(body: string, status = 200): void {
  vi.stubGlobal("fetch", () => Promise.resolve(new Response(body, { status })));
}

/** The built file with one change made to its parsed form. */
function altered(change: (file: Record<string, any>) => void): string {
  const file = JSON.parse(text);
  change(file);
  return JSON.stringify(file);
}

describe("fetchBuiltGraph", () => {
  it("takes the built file as it is (nothing drawn-only written into it), and its check finds nothing", async () => {
    serve(text);
    const { loaded, check } = await fetchBuiltGraph("./graph.json");
    const file = JSON.parse(text);
    expect(loaded.graph.order).toBe(file.nodes.length);
    expect(loaded.graph.size).toBe(file.edges.length);
    expect(loaded.source).toEqual({ kind: "built", name: file.attributes.name });
    // Colours, curves and thickness are the renderer's decoration (src/sigma/decorate.ts), not data.
    const held = loaded.graph.export();
    expect(held.nodes).toEqual(file.nodes);
    expect(held.edges).toEqual(file.edges);
    expect(held.attributes).toEqual(file.attributes);
    await expect(check()).resolves.toBeNull();
  });

  it("draws a file with a wrong attribute, and its check names the place", async () => {
    serve(altered((f) => (f.nodes[1].attributes.degree = "three")));
    const { check } = await fetchBuiltGraph("./graph.json");
    await expect(check()).resolves.toMatch(/^\.\/graph\.json does not match the graph format at nodes\.1\.attributes\.degree: /);
  });

  it("rejects a file that cannot be drawn with the schema's message", async () => {
    serve(altered((f) => (f.edges = { not: "a list" })));
    await expect(fetchBuiltGraph("./graph.json")).rejects.toThrow(/^\.\/graph\.json does not match the graph format at edges: /);
  });

  it("says what to do when the file is missing or not JSON", async () => {
    serve("Not found", 404);
    await expect(fetchBuiltGraph("./graph.json")).rejects.toThrow(
      'Could not load ./graph.json: HTTP 404. Run "npm run graph" to build it.',
    );
    serve(text.slice(0, 100));
    await expect(fetchBuiltGraph("./graph.json")).rejects.toThrow("./graph.json is not valid JSON");
  });
});

describe("graphFileProblem", () => {
  it("reports a missing top-level part at its name", async () => {
    await expect(graphFileProblem(JSON.parse(altered((f) => delete f.attributes)), "g.json")).resolves.toMatch(
      /^g\.json does not match the graph format at attributes: /,
    );
  });
});

describe("a failed late check", () => {
  it("takes the graph off the screen and shows the message", () => {
    const graph: KGGraph = new MultiDirectedGraph();
    const data = { graph, source: { kind: "built" as const, name: "x" }, initialPositions: new Map() };
    const state = reduce(reduce(INITIAL_STATE, { type: "loaded", data }), { type: "loadFailed", error: "bad" });
    expect(state.data.loaded).toBeNull();
    expect(state.data.error).toBe("bad");
  });
});
