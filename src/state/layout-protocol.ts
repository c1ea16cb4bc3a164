/**
 * What the page and the layout worker say to each other. The graph crosses
 * as flat arrays (transferred, not copied): positions by node index, and each
 * relation as two indexes and a weight.
 */
import type { ForceAtlas2Settings } from "graphology-layout-forceatlas2";

export interface LayoutRequest {
  x: Float64Array;
  y: Float64Array;
  sources: Uint32Array;
  targets: Uint32Array;
  weights: Float32Array;
  iterations: number;
  settings: ForceAtlas2Settings;
}

export type LayoutReply =
  | { type: "progress"; done: number; total: number }
  | { type: "done"; x: Float64Array; y: Float64Array }
  | { type: "failed"; message: string };
