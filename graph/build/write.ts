/** Writes the graph file atomically: readers see the old file or the new one, never half of one. */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import type { GraphFile } from "../../src/model/graph-file-schema";

export function serializeGraph(data: GraphFile): string {
  return JSON.stringify(data) + "\n";
}

export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}
