/**
 * An opened file crosses from the file worker to the page in slices
 * (src/state/open-protocol.ts); rebuilt slice by slice on the page, it must be
 * the graph the worker read: every actor, relation, attribute and the graph's
 * own attributes, in the same order.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openGraphFile, type OpenedGraph } from "../../src/core/import/open-file";
import { graphSlices, joinSlice } from "../../src/state/open-protocol";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/interop/${name}`, import.meta.url)), "utf8");

function opened(name: string): OpenedGraph {
  const result = openGraphFile(name, fixture(name), { maxBytes: 50e6 });
  if (!result.ok) throw new Error(result.error);
  return result.graph;
}

function rebuilt(graph: OpenedGraph, size: number): { graph: OpenedGraph; slices: number } {
  let copy: OpenedGraph | null = null;
  let slices = 0;
  for (const slice of graphSlices(graph, size)) {
    copy = joinSlice(copy, structuredClone(slice));
    slices++;
  }
  return { graph: copy!, slices };
}

describe("an opened graph sent in slices", () => {
  const graph = opened("gephi-undirected.gexf");

  it.each([1, 7, 10_000])("is rebuilt whole from slices of %i", (size) => {
    const { graph: copy, slices } = rebuilt(graph, size);
    expect(slices).toBe(1 + Math.ceil(graph.order / size) + Math.ceil(graph.size / size));
    expect(copy.export()).toEqual(graph.export());
    expect(copy.type).toBe(graph.type);
    expect(copy.multi).toBe(graph.multi);
  });

  it("refuses a slice that comes before the graph's options", () => {
    const [, nodes] = [...graphSlices(graph, 10)];
    expect(() => joinSlice(null, nodes!)).toThrow(/before the graph's options/);
  });
});
