/**
 * Thinning a crowd of label candidates before they are placed: at most
 * `perCell` of them anchored in each cell of a screen grid, the best first,
 * as sigma's label grid does. Placement tests every option of every
 * candidate against what is near it; with two hundred thousand actors on
 * screen that is minutes per frame, and all but a few hundred of them could
 * never find room. What is kept is bounded by the screen, not by the graph,
 * and one pass finds it (no sort of the whole crowd).
 *
 *     const kept = thinCrowd(entries, { width, height, compare, always: (e) => e.mustShow });
 */

export interface CrowdOptions<T> {
  width: number;
  height: number;
  /** Cells are about a short label's size: a cell holds a few labels at most. */
  cellWidth?: number;
  cellHeight?: number;
  perCell?: number;
  /** Negative when `a` comes before `b` (higher priority). */
  compare: (a: T, b: T) => number;
  /** Kept whatever crowds them (the focus, what a path joins). */
  always?: (item: T) => boolean;
}

export const CROWD_DEFAULTS = { cellWidth: 96, cellHeight: 32, perCell: 4 } as const;

/** The items kept, in no particular order. Items are anchored at their `x`, `y` (clamped to the screen). */
export function thinCrowd<T extends { x: number; y: number }>(items: readonly T[], options: CrowdOptions<T>): T[] {
  const { width, height, compare, always } = options;
  const { cellWidth, cellHeight, perCell } = { ...CROWD_DEFAULTS, ...options };
  const cols = Math.max(1, Math.ceil(width / cellWidth));
  const rows = Math.max(1, Math.ceil(height / cellHeight));
  const cells = new Map<number, T[]>();
  const kept: T[] = [];
  for (const item of items) {
    if (always?.(item)) {
      kept.push(item);
      continue;
    }
    const col = Math.min(cols - 1, Math.max(0, Math.floor(item.x / cellWidth)));
    const row = Math.min(rows - 1, Math.max(0, Math.floor(item.y / cellHeight)));
    const cell = row * cols + col;
    let best = cells.get(cell);
    if (!best) cells.set(cell, (best = []));
    // A short list kept in order: insert, and drop the last when it overflows.
    if (best.length === perCell && compare(item, best[perCell - 1]!) >= 0) continue;
    let i = best.length;
    while (i > 0 && compare(item, best[i - 1]!) < 0) i--;
    best.splice(i, 0, item);
    if (best.length > perCell) best.pop();
  }
  for (const best of cells.values()) kept.push(...best);
  return kept;
}
