/**
 * How readable a layout is, in figures, so that a change of layout settings
 * is judged by numbers rather than by eye alone:
 *
 *  - actor overlaps: pairs of discs that overlap (the one that matters: the
 *    tests pin it at zero);
 *  - label overlaps: the share of the first view's labels whose box, drawn
 *    right of its disc as the renderer would before any placement, overlaps
 *    another label or another actor's disc;
 *  - edge length spread: the ratio of the 90th to the 10th percentile of
 *    relation lengths (near 1: even; large: long spokes and tight knots).
 *
 * The first view is modelled without a browser: the whole layout fitted into
 * a viewport of `viewport` pixels, labels `labelSize` pixels high and about
 * 0.6 em per character wide.
 */
import type { CorpusGraph } from "./assemble";

export interface Readability {
  actorOverlaps: number;
  labelOverlapShare: number;
  edgeLengthSpread: number;
}

export interface ReadabilityOptions {
  /** The first view's graph area in pixels (the fitted side). */
  viewport?: number;
  labelSize?: number;
  /** How many of the largest actors are labelled in the first view. */
  labelled?: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const intersects = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export function readability(graph: CorpusGraph, { viewport = 520, labelSize = 13, labelled = 30 }: ReadabilityOptions = {}): Readability {
  const nodes = graph.mapNodes((key, a) => ({ key, x: a.x, y: a.y, r: a.size, label: a.label, degree: a.degree }));
  let actorOverlaps = 0;
  for (let i = 0; i < nodes.length; i++)
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i]!;
      const b = nodes[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r) actorOverlaps++;
    }

  let minX = Infinity,
    maxX = -Infinity,
    minY = Infinity,
    maxY = -Infinity;
  for (const n of nodes) {
    minX = Math.min(minX, n.x);
    maxX = Math.max(maxX, n.x);
    minY = Math.min(minY, n.y);
    maxY = Math.max(maxY, n.y);
  }
  const scale = viewport / Math.max(1, maxX - minX, maxY - minY);
  // Screen coordinates of the first view; sizes scale with positions, as the app draws them.
  const top = [...nodes].sort((a, b) => b.degree - a.degree || (a.key < b.key ? -1 : 1)).slice(0, labelled);
  const boxes = top.map((n) => {
    const x = (n.x - minX) * scale + n.r * scale + 3;
    const y = (n.y - minY) * scale;
    return { key: n.key, x0: x, y0: y - labelSize * 0.7, x1: x + n.label.length * labelSize * 0.6, y1: y + labelSize * 0.5 };
  });
  const discs = nodes.map((n) => {
    const cx = (n.x - minX) * scale;
    const cy = (n.y - minY) * scale;
    const r = n.r * scale;
    return { key: n.key, x0: cx - r, y0: cy - r, x1: cx + r, y1: cy + r };
  });
  let overlapping = 0;
  for (const box of boxes) {
    const hit = boxes.some((o) => o !== box && intersects(o, box)) || discs.some((d) => d.key !== box.key && intersects(d, box));
    if (hit) overlapping++;
  }

  const lengths = graph.mapEdges((_e, _a, s, t) => {
    const a = graph.getNodeAttributes(s);
    const b = graph.getNodeAttributes(t);
    return Math.hypot(a.x - b.x, a.y - b.y);
  });
  lengths.sort((a, b) => a - b);
  const at = (q: number) => lengths[Math.min(lengths.length - 1, Math.floor(q * lengths.length))] ?? 0;
  const spread = lengths.length ? at(0.9) / Math.max(1e-9, at(0.1)) : 1;

  return { actorOverlaps, labelOverlapShare: boxes.length ? overlapping / boxes.length : 0, edgeLengthSpread: spread };
}

export function formatReadability(r: Readability): string {
  return (
    `${r.actorOverlaps} actor overlap${r.actorOverlaps === 1 ? "" : "s"}, ` +
    `${Math.round(r.labelOverlapShare * 100)}% of first-view labels overlapping before placement, ` +
    `edge lengths p90/p10 ${r.edgeLengthSpread.toFixed(1)}`
  );
}
