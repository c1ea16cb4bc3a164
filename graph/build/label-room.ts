/**
 * Room for the labels the first view shows. ForceAtlas2 and noverlap keep
 * discs apart, but a label is a wide box to the right of its disc: the
 * largest actors (the ones labelled first) are pushed apart from their
 * neighbours until each one's disc-and-label footprint touches no other
 * footprint. Boxes are sized for the first view: the whole layout fitted into
 * `viewport` pixels, labels `labelSize` pixels high, about 0.6 em per character.
 */
import type { CorpusGraph } from "./assemble";

export interface LabelRoomOptions {
  /** Pixels per layout unit in the first view. */
  pxPerUnit: number;
  labelSize?: number;
  /** How many of the largest actors get room for a label. */
  labelled?: number;
  iterations?: number;
  /** Gap kept around each footprint, in layout units. */
  margin?: number;
}

interface Item {
  key: string;
  x: number;
  y: number;
  r: number;
  /** Label width in layout units, 0 for an actor not labelled. */
  w: number;
}

export function makeRoomForLabels(graph: CorpusGraph, options: LabelRoomOptions): void {
  const { pxPerUnit, labelSize = 13, labelled = 30, iterations = 200, margin = 4 } = options;
  const unit = 1 / pxPerUnit;
  const items: Item[] = graph.mapNodes((key, a) => ({ key, x: a.x, y: a.y, r: a.size, w: 0 }));
  const order = graph
    .mapNodes((key, a) => ({ key, degree: a.degree, label: a.label }))
    .sort((a, b) => b.degree - a.degree || (a.key < b.key ? -1 : 1))
    .slice(0, labelled);
  const byKey = new Map(items.map((it) => [it.key, it]));
  for (const { key, label } of order) byKey.get(key)!.w = (label.length * labelSize * 0.6 + 3) * unit;
  const half = (labelSize * 1.2 * unit) / 2;
  const box = (it: Item) => {
    const h = Math.max(it.r, it.w ? half : 0) + margin;
    return { x0: it.x - it.r - margin, x1: it.x + it.r + it.w + margin, y0: it.y - h, y1: it.y + h };
  };
  const labelledItems = items.filter((it) => it.w > 0);
  for (let round = 0; round < iterations; round++) {
    let moved = false;
    for (const a of labelledItems) {
      for (const b of items) {
        if (a === b || (b.w > 0 && b.key < a.key)) continue; // each labelled pair once
        const A = box(a);
        const B = box(b);
        const ox = Math.min(A.x1, B.x1) - Math.max(A.x0, B.x0);
        const oy = Math.min(A.y1, B.y1) - Math.max(A.y0, B.y0);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Apart along the axis of least overlap, half each: labels are wide, so mostly up and down.
        if (oy < ox) {
          const s = ((a.y < b.y || (a.y === b.y && a.key < b.key) ? -1 : 1) * oy) / 2;
          a.y += s;
          b.y -= s;
        } else {
          const s = ((A.x0 + A.x1 < B.x0 + B.x1 ? -1 : 1) * ox) / 2;
          a.x += s;
          b.x -= s;
        }
      }
    }
    if (!moved) break;
  }
  for (const it of items) graph.mergeNodeAttributes(it.key, { x: it.x, y: it.y });
}
