/**
 * The label layer: every frame, the labels of actors and relations placed in
 * priority order so that none overlaps another or covers another actor's disc
 * (src/core/label-placement.ts), then drawn on sigma's label canvas. Sigma's
 * own label drawing is off (settings.ts): its grid keeps one label per cell,
 * which lets neighbouring cells' labels collide.
 *
 * The priority comes from the reducers (`labelRank` in the display data):
 * the hovered or selected actor and the selected relation first, then what a
 * path or a selected relation joins, then what a highlight lights, then the
 * rest by size, so the largest actors are the ones labelled in a crowd. The
 * focus's labels are drawn in full; others may be shortened at a word, with
 * an ellipsis, when only the short form fits.
 */
import type Sigma from "sigma";
import { thinCrowd } from "../core/label-crowd";
import { placeLabels, shortenLabel, type Box, type Disc, type LabelCandidate, type LabelOption } from "../core/label-placement";
import type { Scheme } from "../core/palette";
import { isHighlighted } from "../core/highlight";
import { edgeLabelRank, LABEL_RANK, nodeLabelRank, type EdgeDisplay, type NodeDisplay, type RenderContext } from "./reducers";
import { ringedByComparison } from "./compare-looks";
import { LABEL_FONT } from "./settings";

/** A label as drawn: what the tests read, and what the SVG export writes. */
export interface DrawnLabel {
  key: string;
  kind: "node" | "edge";
  text: string;
  /** Its box, in CSS pixels of the graph area. */
  x: number;
  y: number;
  w: number;
  h: number;
  fontSize: number;
  /** The hovered or selected actor's label, drawn on a pill. */
  focus: boolean;
  /** Drawn even though every place for it touches a disc (the focus, a path's actors, the largest actors at rest). */
  forced: boolean;
}

/** The pie at the middle of a closed bundle whose relations differ in colour (family). */
export interface DrawnMark {
  key: string;
  x: number;
  y: number;
  r: number;
  mix: { color: string; share: number }[];
}

/** What the label layer draws in a frame. */
export interface LabelLayer {
  labels: DrawnLabel[];
  marks: DrawnMark[];
}

export interface LabelStyle {
  scheme: Scheme;
  nodeSize: number;
  edgeSize: number;
  /** Share (0 to 1) of the actors at rest (LABEL_RANK.rest) that may be labelled, the largest first; default 1. */
  density?: number;
}

export const LABEL_STYLE = { nodeSize: 13, edgeSize: 11 } as const;

const PAD = 3;

/** How many of the largest labelled actors always get their label. */
const FORCED_HUBS = 3;

type Measure = (text: string, size: number, weight: string) => number;

/** Text widths from a canvas, remembered per text: labels repeat frame after frame. */
export function canvasMeasure(context: CanvasRenderingContext2D): Measure {
  const cache = new Map<string, number>();
  return (text, size, weight) => {
    const key = `${weight}|${size}|${text}`;
    let w = cache.get(key);
    if (w === undefined) {
      context.font = `${weight} ${size}px ${LABEL_FONT}`;
      w = context.measureText(text).width;
      cache.set(key, w);
    }
    return w;
  };
}

/** A label to place, before its boxes are worked out (only the ones left after thinning get them). */
interface Pending {
  key: string;
  kind: "node" | "edge";
  order: number;
  size: number;
  /** Its anchor on screen: the actor's centre, or the relation's middle. */
  x: number;
  y: number;
  /** The actor's disc radius on screen (0 for a relation). */
  r: number;
  label: string;
  focus: boolean;
  mustShow: boolean;
}

/** Where the label of an edge sits: the middle of its curve (@sigma/edge-curve's quadratic), or of its line. */
function edgeMiddle(s: { x: number; y: number }, t: { x: number; y: number }, curvature: number): { x: number; y: number } {
  const mx = (s.x + t.x) / 2;
  const my = (s.y + t.y) / 2;
  // The control point is the middle plus curvature times (dy, -dx); the curve passes half way to it.
  return { x: mx + ((t.y - s.y) * curvature) / 2, y: my - ((t.x - s.x) * curvature) / 2 };
}

/** Placement order: the focus, then what is joined, then the selected relation, then lit actors, then lit relations, then the rest. */
const nodeOrder = (rank: number) => rank * 2;
const edgeOrder = (rank: number) => (rank === LABEL_RANK.focus ? 3 : rank * 2 + 1);

/**
 * Controls drawn over the graph (marked `data-graph-overlay`), as boxes in the
 * graph area's pixels: labels keep out of them.
 */
export function overlayBoxes(container: HTMLElement): Box[] {
  const area = container.getBoundingClientRect();
  const root = container.closest(".graph-area") ?? container;
  return [...root.querySelectorAll<HTMLElement>("[data-graph-overlay]")].map((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left - area.left, y: r.top - area.top, w: r.width, h: r.height };
  });
}

/** Leaves only the largest `density` share of the actors at rest among the labels to place (the appearance's label density). */
function capDensity(pending: Pending[], density: number): void {
  if (density >= 1) return;
  const rest = nodeOrder(LABEL_RANK.rest);
  const total = pending.filter((p) => p.kind === "node" && p.order === rest).length;
  let keep = Math.ceil(Math.max(0, density) * total);
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    if (p.kind !== "node" || p.order !== rest) continue;
    if (keep > 0) keep--;
    else pending.splice(i--, 1);
  }
}

/** Above this many labels in view, the crowd is thinned before placement (label-crowd.ts). */
const CROWD_LIMIT = 2000;

/** Placement order, then the larger first, then by key so that equal ranks keep one order. */
const byPriority = (a: Pending, b: Pending) => a.order - b.order || b.size - a.size || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const lineHeight = (fontSize: number) => Math.round(fontSize * 1.25);

/**
 * The boxes a label may take, best first: an actor's right of its disc, then
 * left, below, above, then the same with a shortened text (not for the
 * focus); a relation's on its middle, then above, then below.
 */
function candidateFor(p: Pending, style: LabelStyle, measure: Measure): LabelCandidate {
  const key = `${p.kind}:${p.key}`;
  const options: LabelOption[] = [];
  if (p.kind === "node") {
    const fontSize = style.nodeSize;
    const weight = p.focus ? "700" : "600";
    const short = p.focus ? null : shortenLabel(p.label);
    const lh = lineHeight(fontSize);
    const gap = p.r + 2;
    (short ? [p.label, short] : [p.label]).forEach((text, i) => {
      const w = measure(text, fontSize, weight) + 2 * PAD;
      options.push(
        { text: i, x: p.x + gap, y: p.y - lh / 2, w, h: lh },
        { text: i, x: p.x - gap - w, y: p.y - lh / 2, w, h: lh },
        { text: i, x: p.x - w / 2, y: p.y + gap, w, h: lh },
        { text: i, x: p.x - w / 2, y: p.y - gap - lh, w, h: lh },
      );
    });
    return { key, options, mustShow: p.mustShow, own: p.key };
  }
  const fontSize = style.edgeSize;
  const w = measure(p.label, fontSize, p.mustShow ? "700" : "500") + 2 * PAD;
  const lh = lineHeight(fontSize);
  options.push(
    { text: 0, x: p.x - w / 2, y: p.y - lh / 2, w, h: lh },
    { text: 0, x: p.x - w / 2, y: p.y - lh * 1.5 - 1, w, h: lh },
    { text: 0, x: p.x - w / 2, y: p.y + lh / 2 + 1, w, h: lh },
  );
  return { key, options, mustShow: p.mustShow };
}

/** The labels to draw now, placed. */
export function layoutLabels(
  sigma: Sigma,
  ctx: RenderContext,
  style: LabelStyle,
  measure: Measure,
  blocked: readonly Box[] = [],
): LabelLayer {
  const { width, height } = sigma.getDimensions();
  const graph = sigma.getGraph();
  // A label anchored this far out has no box on screen.
  const farOffScreen = (at: { x: number; y: number }) => at.x < -200 || at.y < -50 || at.x > width + 200 || at.y > height + 50;
  const discs: Disc[] = [];
  const pending: Pending[] = [];
  const marks: DrawnMark[] = [];

  graph.forEachNode((node) => {
    const data = sigma.getNodeDisplayData(node) as (NodeDisplay & { hidden?: boolean }) | undefined;
    if (!data || data.hidden) return;
    const at = sigma.framedGraphToViewport(data);
    const r = sigma.scaleSize(data.size ?? 1);
    discs.push({ key: node, x: at.x, y: at.y, r });
    if (!data.label) return;
    if (farOffScreen(at)) return;
    // The rank comes from the context, not the display data: a hover refreshes only what it lights.
    const rank = nodeLabelRank(node, ctx);
    if (rank === null) return;
    const focus = rank === LABEL_RANK.focus;
    const mustShow = focus || rank === LABEL_RANK.joined;
    pending.push({
      key: node,
      kind: "node",
      order: nodeOrder(rank),
      size: data.size ?? 1,
      x: at.x,
      y: at.y,
      r,
      label: data.label,
      focus,
      mustShow,
    });
  });

  const dimmed = isHighlighted(ctx.lit) || ctx.path !== null;
  graph.forEachEdge((edge, _attrs, source, target) => {
    const data = sigma.getEdgeDisplayData(edge) as (EdgeDisplay & { hidden?: boolean }) | undefined;
    if (!data || data.hidden || (!data.label && !data.mix)) return;
    const s = sigma.getNodeDisplayData(source);
    const t = sigma.getNodeDisplayData(target);
    if (!s || !t || s.hidden || t.hidden) return;
    const at = edgeMiddle(sigma.framedGraphToViewport(s), sigma.framedGraphToViewport(t), data.curvature ?? 0);
    const rank = edgeLabelRank(edge, ctx);
    // A dimmed bundle shows no pie; only a bundle's representative draws it.
    if (data.mix && data.mix.length > 1 && !dimmed && ctx.bundleLooks.has(edge)) {
      // Mixed families: a pie at the middle, which labels keep clear of.
      const r = Math.max(4, sigma.scaleSize(data.size ?? 1) * 0.9);
      marks.push({ key: edge, x: at.x, y: at.y, r, mix: data.mix });
      discs.push({ key: `mark:${edge}`, x: at.x, y: at.y, r });
    }
    if (!data.label || rank === null) return;
    if (farOffScreen(at)) return;
    const focus = rank === LABEL_RANK.focus;
    pending.push({
      key: edge,
      kind: "edge",
      order: edgeOrder(rank),
      size: data.size ?? 1,
      x: at.x,
      y: at.y,
      r: 0,
      label: data.label,
      focus: false,
      mustShow: focus,
    });
  });

  const density = style.density ?? 1;
  if (density < 1) {
    pending.sort(byPriority);
    capDensity(pending, density);
  }
  // A crowd larger than the screen can label is thinned first, the best of each part of the screen kept.
  const toPlace =
    pending.length > CROWD_LIMIT ? thinCrowd(pending, { width, height, compare: byPriority, always: (p) => p.mustShow }) : pending;
  toPlace.sort(byPriority);
  // The largest actors are labelled whatever crowds them: a first view, on a phone too, names its hubs.
  let hubs = 0;
  for (const p of toPlace) {
    if (hubs >= FORCED_HUBS || p.kind !== "node") continue;
    hubs++;
    p.mustShow = true;
  }
  const byKey = new Map(toPlace.map((p) => [`${p.kind}:${p.key}`, p]));
  // Keys of nodes and edges may coincide; the placement sees them apart.
  const placed = placeLabels(
    toPlace.map((p) => candidateFor(p, style, measure)),
    discs,
    { width, height, blocked },
  );
  const labels = placed.map(({ key, box }) => {
    const p = byKey.get(key)!;
    return {
      key: p.key,
      kind: p.kind,
      text: box.text === 0 ? p.label : (shortenLabel(p.label) ?? p.label),
      x: box.x,
      y: box.y,
      w: box.w,
      h: box.h,
      fontSize: p.kind === "node" ? style.nodeSize : style.edgeSize,
      focus: p.focus,
      forced: p.mustShow,
    };
  });
  return { labels, marks };
}

/** Draws the pies of mixed bundles, each slice in a colour of its relations. */
export function drawMarks(context: CanvasRenderingContext2D, marks: readonly DrawnMark[], style: LabelStyle): void {
  for (const mark of marks) {
    let angle = -Math.PI / 2;
    for (const { color, share } of mark.mix) {
      context.beginPath();
      context.moveTo(mark.x, mark.y);
      context.arc(mark.x, mark.y, mark.r, angle, angle + share * Math.PI * 2);
      context.closePath();
      context.fillStyle = color;
      context.fill();
      angle += share * Math.PI * 2;
    }
    context.beginPath();
    context.arc(mark.x, mark.y, mark.r, 0, Math.PI * 2);
    context.lineWidth = 1.5;
    context.strokeStyle = style.scheme.halo;
    context.stroke();
  }
}

/** Draws placed labels: text with a halo, the focus on a pill. */
export function drawLabels(context: CanvasRenderingContext2D, labels: readonly DrawnLabel[], style: LabelStyle): void {
  const { scheme } = style;
  context.textBaseline = "middle";
  context.textAlign = "left";
  context.lineJoin = "round";
  for (const label of labels) {
    const weight = label.focus ? "700" : label.kind === "edge" ? "500" : "600";
    context.font = `${weight} ${label.fontSize}px ${LABEL_FONT}`;
    const x = label.x + PAD;
    const y = label.y + label.h / 2;
    if (label.focus) {
      context.fillStyle = scheme.pill;
      context.strokeStyle = scheme.pillLine;
      context.lineWidth = 1;
      context.beginPath();
      context.roundRect(label.x, label.y, label.w, label.h, 4);
      context.fill();
      context.stroke();
    } else {
      context.strokeStyle = scheme.halo;
      context.lineWidth = 3;
      context.strokeText(label.text, x, y);
    }
    context.fillStyle = label.kind === "edge" ? scheme.mutedInk : scheme.ink;
    context.fillText(label.text, x, y);
  }
}

/**
 * A ring around the hovered or selected actor (and one being dragged), drawn
 * from the context with the labels, so it follows the highlight exactly.
 */
export function drawRings(sigma: Sigma, context: CanvasRenderingContext2D, ctx: RenderContext): void {
  const ring = (node: string, gap: number, color: string) => {
    const data = sigma.getNodeDisplayData(node);
    if (!data || data.hidden) return;
    const at = sigma.framedGraphToViewport(data);
    context.beginPath();
    context.arc(at.x, at.y, sigma.scaleSize(data.size) + gap, 0, Math.PI * 2);
    context.lineWidth = gap;
    context.strokeStyle = color;
    context.stroke();
  };
  for (const node of new Set([ctx.lit.actor, ctx.lit.relation === null ? ctx.selected : null, ctx.dragged])) {
    if (node !== null && ctx.visible.nodes.has(node)) ring(node, 2, ctx.scheme.pillLine);
  }
  // Two periods compared: the actors that appear in period B, ringed in ink (unless a highlight dims them).
  const dimmed = isHighlighted(ctx.lit) || ctx.path !== null;
  for (const node of ringedByComparison(ctx.compare, ctx.visible.nodes)) {
    if (dimmed && !ctx.lit.nodes.has(node) && !(ctx.path?.nodes.has(node) ?? false)) continue;
    ring(node, 2.5, ctx.scheme.ink);
  }
}
