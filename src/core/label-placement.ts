/**
 * Where labels go so that none overlaps another, or covers another actor's
 * disc: a greedy placement in priority order, as network maps are labelled.
 *
 * Each candidate offers positions (boxes) in order of preference, for
 * instance right of its disc, then left, below, above, then the same with a
 * shortened text. The first box that is free is taken; a candidate with no
 * free box is not drawn, unless it must be shown (the hovered or selected
 * actor, the selected relation), in which case it takes the box that covers
 * the fewest discs while still avoiding every label placed before it.
 *
 * Pure: boxes are in screen pixels, computed by the caller from the camera.
 * A uniform grid keeps each test local, so a frame with ten thousand actors
 * places its labels in a few milliseconds.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelOption extends Box {
  /** Which of the candidate's texts this box holds (0: the full text). */
  text: number;
}

export interface LabelCandidate {
  key: string;
  /** Boxes to try, best first. */
  options: LabelOption[];
  /** Drawn even when every option covers a disc (never over another label). */
  mustShow?: boolean;
  /** A disc this label may touch: its own actor's. */
  own?: string;
}

export interface Disc {
  key: string;
  x: number;
  y: number;
  r: number;
}

export interface PlacedLabel {
  key: string;
  box: LabelOption;
}

export interface PlacementOptions {
  /** The visible area; boxes outside it are not taken. */
  width: number;
  height: number;
  /** Space kept between labels, in pixels. */
  gap?: number;
  /** Areas no label may enter (controls drawn over the graph). */
  blocked?: readonly Box[];
  cellSize?: number;
}

/** A grid of cells over the screen, each listing what overlaps it. */
class Grid<T> {
  private readonly cells = new Map<number, T[]>();
  constructor(
    private readonly size: number,
    private readonly cols: number,
  ) {}
  private range(b: Box, f: (cell: number) => boolean | void): boolean {
    const c0 = Math.max(0, Math.floor(b.x / this.size));
    const c1 = Math.max(0, Math.floor((b.x + b.w) / this.size));
    const r0 = Math.max(0, Math.floor(b.y / this.size));
    const r1 = Math.max(0, Math.floor((b.y + b.h) / this.size));
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= Math.min(c1, this.cols); c++) if (f(r * (this.cols + 1) + c)) return true;
    return false;
  }
  add(b: Box, item: T): void {
    this.range(b, (cell) => {
      const list = this.cells.get(cell);
      if (list) list.push(item);
      else this.cells.set(cell, [item]);
    });
  }
  some(b: Box, test: (item: T) => boolean): boolean {
    return this.range(b, (cell) => this.cells.get(cell)?.some(test) ?? false);
  }
}

export const boxesOverlap = (a: Box, b: Box, gap = 0): boolean =>
  a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;

/** Whether a disc reaches into a box (the nearest point of the box is inside the circle). */
export function discInBox(d: Disc, b: Box): boolean {
  const nx = Math.max(b.x, Math.min(d.x, b.x + b.w));
  const ny = Math.max(b.y, Math.min(d.y, b.y + b.h));
  return (nx - d.x) ** 2 + (ny - d.y) ** 2 < d.r * d.r;
}

const inside = (b: Box, width: number, height: number) => b.x >= 0 && b.y >= 0 && b.x + b.w <= width && b.y + b.h <= height;

/**
 * The labels to draw, in the order given (highest priority first), each in
 * its first free box. `discs` are every actor drawn on screen.
 */
export function placeLabels(candidates: readonly LabelCandidate[], discs: readonly Disc[], options: PlacementOptions): PlacedLabel[] {
  const { width, height, gap = 2, cellSize = 64, blocked = [] } = options;
  const cols = Math.ceil(width / cellSize);
  const discGrid = new Grid<Disc>(cellSize, cols);
  for (const d of discs) {
    if (d.x + d.r < 0 || d.y + d.r < 0 || d.x - d.r > width || d.y - d.r > height) continue;
    discGrid.add({ x: d.x - d.r, y: d.y - d.r, w: 2 * d.r, h: 2 * d.r }, d);
  }
  const labelGrid = new Grid<Box>(cellSize, cols);
  for (const b of blocked) labelGrid.add(b, b);
  const placed: PlacedLabel[] = [];
  const coveredDiscs = (b: Box, own: string | undefined) => {
    let n = 0;
    discGrid.some(b, (d) => {
      if (d.key !== own && discInBox(d, b)) n++;
      return false;
    });
    return n;
  };
  // Whether a box touches any disc but its own: stops at the first, which in a dense crowd is at once.
  const coversDisc = (b: Box, own: string | undefined) => discGrid.some(b, (d) => d.key !== own && discInBox(d, b));
  for (const c of candidates) {
    let best: LabelOption | null = null;
    let bestCover = Infinity;
    for (const option of c.options) {
      if (!inside(option, width, height)) continue;
      if (labelGrid.some(option, (other) => boxesOverlap(option, other, gap))) continue;
      // Only a label that must show needs the count, to take the box that covers the fewest.
      const cover = c.mustShow ? coveredDiscs(option, c.own) : coversDisc(option, c.own) ? 1 : 0;
      if (cover === 0) {
        best = option;
        break;
      }
      if (c.mustShow && cover < bestCover) {
        best = option;
        bestCover = cover;
      }
    }
    if (!best) continue;
    labelGrid.add(best, best);
    placed.push({ key: c.key, box: best });
  }
  return placed;
}

/** Longest a label is drawn before it is shortened, when its full text does not fit. */
export const SHORT_LABEL = 22;

/**
 * The label cut at a word boundary with an ellipsis, never mid-word; null
 * when it is short enough already or has no word boundary to cut at.
 */
export function shortenLabel(text: string, max = SHORT_LABEL): string | null {
  if (text.length <= max) return null;
  const cut = text.lastIndexOf(" ", max - 1);
  if (cut <= 0) return null;
  return `${text.slice(0, cut).replace(/[\s,;:–-]+$/, "")}…`;
}
