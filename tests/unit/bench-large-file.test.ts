/**
 * The large-file benchmark's GEXF (bench/large-file/gexf.ts) must be a file
 * the app opens as it is meant to: every actor and relation read, kinds
 * kept, positions used when written and a layout asked for when not; and the
 * same bytes for the same options, so runs compare. No timing assertions.
 */
import { describe, expect, it } from "vitest";
import { largeGexf } from "../../bench/large-file/gexf";
import { openGraphFile } from "../../src/core/import/open-file";

const NODES = 2_000;

function open(positions: boolean) {
  const file = largeGexf({ nodes: NODES, positions, seed: 1 });
  const result = openGraphFile(positions ? "placed.gexf" : "unplaced.gexf", file.text, { maxBytes: 50_000_000 });
  if (!result.ok) throw new Error(result.error);
  return { file, result };
}

describe("large-file benchmark GEXF", () => {
  it("opens with every actor, relation and kind, and its positions", () => {
    const { file, result } = open(true);
    expect(result.label).toBe("GEXF 1.3 file");
    expect(file.edges).toBe(NODES * 1.5);
    expect(result.graph.order).toBe(NODES);
    expect(result.graph.size).toBe(file.edges);
    expect(result.needsLayout).toBe(false);
    const kinds = new Set(result.graph.mapNodes((_, a) => a.kind));
    expect([...kinds].sort()).toEqual(["agency", "country", "group", "party", "person"]);
    // Placed in clusters: the positions spread, not one point or a spiral put in by the reader.
    const xs = result.graph.mapNodes((_, a) => a.x);
    expect(new Set(xs).size).toBeGreaterThan(NODES / 4);
  });

  it("without positions, asks the app for a layout", () => {
    const { result } = open(false);
    expect(result.graph.order).toBe(NODES);
    expect(result.needsLayout).toBe(true);
  });

  it("is clustered: most relations stay inside a cluster, hubs collect many", () => {
    const { result } = open(true);
    const degrees = result.graph.mapNodes((n) => result.graph.degree(n)).sort((a, b) => b - a);
    expect(degrees[0]!).toBeGreaterThanOrEqual(10 * degrees[Math.floor(NODES / 2)]!);
  });

  it("gives the same bytes for the same options and other bytes for another seed", () => {
    const a = largeGexf({ nodes: NODES, positions: true, seed: 1 }).text;
    expect(largeGexf({ nodes: NODES, positions: true, seed: 1 }).text).toBe(a);
    expect(largeGexf({ nodes: NODES, positions: true, seed: 2 }).text).not.toBe(a);
  });

  it("at 200 000 actors stays under the app's 50 MB open limit", () => {
    for (const positions of [true, false]) {
      const { text, nodes } = largeGexf({ nodes: 200_000, positions, seed: 1 });
      expect(nodes).toBe(200_000);
      expect(Buffer.byteLength(text)).toBeLessThan(50_000_000);
    }
  });
});
