/**
 * A graph from another tool brought to the app's scale: positions fitted into
 * the layout box and sizes into the model's range, relative sizes and shapes
 * kept. The renderer draws sizes in the units of positions, so a file whose
 * positions span 40 units and whose discs are 12 wide would otherwise draw
 * discs that cover the screen (or, the other way round, invisible dots).
 */
import type Graph from "graphology";
import { layoutExtent, NODE_SIZES } from "../model/graph-file";

const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

/**
 * Whether values spanning [min, max] are already at the scale of `range`:
 * within a factor of two of it either way. Such sizes and layouts are kept
 * exactly as they are (our own files, and most of Gephi's).
 */
export function atScale(min: number, max: number, [low, high]: readonly [number, number]): boolean {
  return min >= low / 2 && max <= high * 2;
}

/**
 * Scales positions so the graph spans `layoutExtent(order)` around the
 * origin, and sizes linearly into NODE_SIZES (all equal or missing: the
 * smallest size but one step up). Positions that are not finite are left to
 * the caller (they need a layout). A graph already at the app's scale is
 * left as it is. Returns whether anything changed.
 */
export function fitGeometry(graph: Graph): boolean {
  if (graph.order === 0) return false;
  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity,
    minS = Infinity,
    maxS = -Infinity;
  graph.forEachNode((_, a) => {
    if (finite(a.x) && finite(a.y)) {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    }
    if (finite(a.size) && a.size > 0) {
      minS = Math.min(minS, a.size);
      maxS = Math.max(maxS, a.size);
    }
  });
  const extent = layoutExtent(graph.order);
  const span = Math.max(maxX - minX, maxY - minY);
  // Already at the app's scale (our own snapshots and graph files): leave it exactly as it is.
  const inScale = atScale(span, span, [extent / 2, extent]) && atScale(minS, maxS, [NODE_SIZES.min, NODE_SIZES.max]);
  if (inScale) return false;
  const scale = span > 0 && Number.isFinite(span) ? extent / span : 1;
  const cx = Number.isFinite(minX) ? (minX + maxX) / 2 : 0;
  const cy = Number.isFinite(minY) ? (minY + maxY) / 2 : 0;
  const { min, max } = NODE_SIZES;
  const sized = Number.isFinite(minS) && maxS > minS;
  const round = (v: number) => Math.round(v * 100) / 100;
  graph.updateEachNodeAttributes((_, a) => {
    const out = { ...a };
    if (finite(a.x) && finite(a.y)) {
      out.x = round((a.x - cx) * scale);
      out.y = round((a.y - cy) * scale);
    }
    out.size = sized && finite(a.size) && a.size > 0 ? round(min + ((a.size - minS) / (maxS - minS)) * (max - min)) : min + (max - min) / 5;
    return out;
  });
  return true;
}
