import { describe, expect, test } from "vitest";
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, toSnapshot } from "../../src/core/export/snapshot";
import { visibleCopy } from "../../src/core/export/subgraph";
import { graphFileSchema } from "../../src/model/graph-file-schema";
import { fixtureGraph, SAVED_VIEW } from "./export-fixture";

describe("toSnapshot", () => {
  test("writes exactly format, version, graph and view", () => {
    const graph = visibleCopy(fixtureGraph(), {
      nodes: new Set(["japan", "russia", "abe"]),
      edges: new Set(["abe|meets|russia", "japan|sanctions|russia"]),
    });
    const data = JSON.parse(toSnapshot(graph, SAVED_VIEW));
    expect(Object.keys(data)).toEqual(["format", "version", "graph", "view"]);
    expect(data.format).toBe(SNAPSHOT_FORMAT);
    expect(data.format).toBe("kg-explorer-snapshot");
    expect(data.version).toBe(SNAPSHOT_VERSION);
    expect(data.version).toBe(1);
    expect(data.graph).toEqual(JSON.parse(JSON.stringify(graph.export())));
    expect(data.view).toEqual(SAVED_VIEW);
    expect(graphFileSchema.safeParse(data.graph).success).toBe(true);
  });
});
