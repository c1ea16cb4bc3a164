/**
 * A standalone SVG of the graph as drawn: vector edges, nodes and real text
 * labels, for papers and slides where a PNG blurs.
 *
 * Pure: the caller supplies the graph in screen pixels (or a `transform` to
 * them), so no camera or renderer is involved. Drawing order is edges (by
 * their `zIndex`, so dimmed relations lie beneath lit ones), nodes, bundle
 * marks, labels; the title above and the legend and sources below sit in
 * bands of their own (bands.ts), outside the graph's area.
 *
 * Edge curvature follows @sigma/edge-curve: the control point sits at the
 * midpoint plus `curvature` times the edge vector turned a quarter turn, so a
 * graph carrying the app's `curvature` edge attribute looks as it did on
 * screen. Without one, parallel edges are fanned out here.
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import type { Bands } from "./bands";
import { formatColor, parseColor } from "./color";
import { escapeXmlAttribute as attr, escapeXmlText as text } from "./xml";

/** A label placed by the caller (the screen's label placement): its text and its box. */
export interface SvgText {
  key: string;
  kind: "node" | "edge";
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
  fontSize: number;
  focus?: boolean;
}

/** A pie at the middle of a bundle of relations of several colours. */
export interface SvgMark {
  x: number;
  y: number;
  r: number;
  mix: { color: string; share: number }[];
}

export interface SvgOptions<N extends Attributes = Attributes, E extends Attributes = Attributes> {
  /** Size of the picture in px. */
  width: number;
  height: number;
  /** From the graph's x/y to px; identity by default (the graph is already projected). */
  transform?: (x: number, y: number) => { x: number; y: number };
  /** Node radius in px is `size * nodeSizeScale` (1 by default, as in sigma). */
  nodeSizeScale?: number;
  /** Edge stroke width in px is `size * edgeSizeScale` (1 by default). */
  edgeSizeScale?: number;
  /** Which nodes get a label: every one (default), none, a set of keys, or a test. Ignored when `texts` are given. */
  labels?: "all" | "none" | ReadonlySet<string> | ((node: string, attrs: N) => boolean);
  /** Labels already placed (in graph-area pixels), drawn as they are. */
  texts?: readonly SvgText[];
  marks?: readonly SvgMark[];
  /** The title band above the graph and the legend and source band below it. */
  bands?: Bands;
  /** "white" (default) paints a background; "transparent" leaves it empty. */
  background?: "white" | "transparent";
  /** Overrides the edge's `curvature` attribute and the automatic fan-out of parallel edges. */
  curvature?: (edge: string, attrs: E) => number | undefined;
  /** The SVG `<title>`; the graph's `name` by default. A visible title goes in `bands`. */
  title?: string;
  /** Label colours: ink and halo. */
  ink?: string;
  halo?: string;
  fontFamily?: string;
  /** Label size in px. */
  fontSize?: number;
  defaultNodeColor?: string;
  defaultEdgeColor?: string;
}

const DEFAULT_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";
/** Curvature step between neighbouring parallels when the graph carries none. */
const FAN_STEP = 0.25;

const num = (v: number) => {
  const r = Math.round(v * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
};
const finite = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");

/**
 * A fill or stroke attribute. Translucent colours are split into a hex colour
 * and an opacity, because SVG 1.1 editors (Inkscape, Illustrator) do not read
 * rgba().
 */
function paint(property: "fill" | "stroke", css: string): string {
  const rgba = parseColor(css);
  if (!rgba || rgba.a >= 1) return `${property}="${attr(rgba ? formatColor(rgba) : css)}"`;
  return `${property}="${formatColor({ ...rgba, a: 1 })}" ${property}-opacity="${num(rgba.a)}"`;
}

interface Placed {
  x: number;
  y: number;
  r: number;
}

/** Curvatures for parallel edges without one of their own, oriented as sigma orients them. */
function fanOut(graph: AbstractGraph, drawn: (edge: string) => boolean): Map<string, number> {
  const groups = new Map<string, string[]>();
  graph.forEachEdge((edge, _attrs, source, target) => {
    if (!drawn(edge) || source === target) return;
    const pair = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const list = groups.get(pair);
    if (list) list.push(edge);
    else groups.set(pair, [edge]);
  });
  const out = new Map<string, number>();
  for (const edges of groups.values()) {
    if (edges.length < 2) continue;
    edges.forEach((edge, i) => {
      const canonical = graph.source(edge) < graph.target(edge);
      const c = (i - (edges.length - 1) / 2) * FAN_STEP;
      // The normal turns with the edge, so an edge drawn against the canonical direction negates its curvature.
      out.set(edge, canonical ? c : -c);
    });
  }
  return out;
}

export function toSvg<N extends Attributes, E extends Attributes, G extends Attributes>(
  graph: AbstractGraph<N, E, G>,
  options: SvgOptions<N, E>,
): string {
  const { width, height } = options;
  const transform = options.transform ?? ((x: number, y: number) => ({ x, y }));
  const nodeScale = options.nodeSizeScale ?? 1;
  const edgeScale = options.edgeSizeScale ?? 1;
  const fontSize = options.fontSize ?? 12;
  const nodeColor = options.defaultNodeColor ?? "#8a8a8a";
  const edgeColor = options.defaultEdgeColor ?? "#b0b5bb";
  const labels = options.labels ?? "all";
  const wantsLabel = (node: string, attrs: N) =>
    labels === "all" ? true : labels === "none" ? false : typeof labels === "function" ? labels(node, attrs) : labels.has(node);

  const placed = new Map<string, Placed>();
  graph.forEachNode((node, attrs) => {
    if (!finite(attrs.x) || !finite(attrs.y)) return;
    const p = transform(attrs.x, attrs.y);
    if (!finite(p.x) || !finite(p.y)) return;
    placed.set(node, { x: p.x, y: p.y, r: Math.max(0, (finite(attrs.size) ? attrs.size : 1) * nodeScale) });
  });

  const drawn = (edge: string) => placed.has(graph.source(edge)) && placed.has(graph.target(edge));
  const fanned = fanOut(graph, drawn);

  const markers = new Map<string, string>();
  const markerFor = (color: string) => {
    let id = markers.get(color);
    if (!id) {
      id = `arrow-${markers.size}`;
      markers.set(color, id);
    }
    return id;
  };

  const edgeLines: { z: number; line: string }[] = [];
  graph.forEachEdge((edge, attrs, source, target) => {
    if (!drawn(edge)) return;
    const z = finite(attrs.zIndex) ? attrs.zIndex : 0;
    const s = placed.get(source)!;
    const t = placed.get(target)!;
    const color = str(attrs.color) || edgeColor;
    const widthPx = Math.max(0.5, (finite(attrs.size) ? attrs.size : 1) * edgeScale);
    const directed = attrs.directed !== false;
    const common = `data-edge="${attr(edge)}" fill="none" ${paint("stroke", color)} stroke-width="${num(widthPx)}"`;

    if (source === target) {
      const loop = s.r + 12;
      const d = `M${num(s.x)} ${num(s.y)}C${num(s.x + loop)} ${num(s.y - 2 * loop)} ${num(s.x + 2 * loop)} ${num(s.y - loop)} ${num(s.x)} ${num(s.y)}`;
      edgeLines.push({ z, line: `<path ${common} d="${d}"/>` });
      return;
    }

    const given = options.curvature?.(edge, attrs);
    const curvature = finite(given) ? given : finite(attrs.curvature) ? attrs.curvature : (fanned.get(edge) ?? 0);
    const dx = t.x - s.x;
    const dy = t.y - s.y;
    // Screen y points down where sigma's viewport y points up, hence (dy, -dx).
    const cx = (s.x + t.x) / 2 + curvature * dy;
    const cy = (s.y + t.y) / 2 - curvature * dx;
    const curved = curvature !== 0;

    // End on the target's rim so the arrow head is not buried under the node.
    let ex = t.x;
    let ey = t.y;
    if (directed) {
      const tx = t.x - (curved ? cx : s.x);
      const ty = t.y - (curved ? cy : s.y);
      const len = Math.hypot(tx, ty);
      if (len > t.r) {
        ex = t.x - (tx / len) * t.r;
        ey = t.y - (ty / len) * t.r;
      }
    }
    const d = curved
      ? `M${num(s.x)} ${num(s.y)}Q${num(cx)} ${num(cy)} ${num(ex)} ${num(ey)}`
      : `M${num(s.x)} ${num(s.y)}L${num(ex)} ${num(ey)}`;
    const marker = directed ? ` marker-end="url(#${markerFor(color)})"` : "";
    edgeLines.push({ z, line: `<path ${common} d="${d}"${marker}/>` });
  });

  const nodeLines: string[] = [];
  const labelLines: string[] = [];
  graph.forEachNode((node, attrs) => {
    const p = placed.get(node);
    if (!p) return;
    const color = str(attrs.color) || nodeColor;
    const ring = attrs.highlighted === true ? ' stroke="#1b1f24" stroke-width="2"' : "";
    nodeLines.push(`<circle data-node="${attr(node)}" cx="${num(p.x)}" cy="${num(p.y)}" r="${num(p.r)}" ${paint("fill", color)}${ring}/>`);
    if (options.texts || !wantsLabel(node, attrs)) return;
    const label = str(attrs.label) || node;
    labelLines.push(`<text data-label="${attr(node)}" x="${num(p.x + p.r + 3)}" y="${num(p.y + fontSize / 3)}">${text(label)}</text>`);
  });

  const ink = options.ink ?? "#1b1f24";
  const halo = options.halo ?? "#ffffff";
  for (const t of options.texts ?? []) {
    const weight = t.focus ? 700 : t.kind === "edge" ? 500 : 600;
    const box = t.focus
      ? `<rect x="${num(t.x)}" y="${num(t.y)}" width="${num(t.w)}" height="${num(t.h)}" rx="4" fill="${attr(halo)}" stroke="#9aa5b1"/>`
      : "";
    labelLines.push(
      `${box}<text data-${t.kind === "node" ? "label" : "edge-label"}="${attr(t.key)}" x="${num(t.x + 3)}" y="${num(t.y + t.h / 2)}" font-size="${num(t.fontSize)}" font-weight="${weight}" dominant-baseline="central"${t.focus ? ' stroke="none"' : ""}>${text(t.text)}</text>`,
    );
  }
  const markLines: string[] = [];
  for (const m of options.marks ?? []) {
    let angle = -Math.PI / 2;
    for (const { color, share } of m.mix) {
      const end = angle + share * Math.PI * 2;
      const large = share > 0.5 ? 1 : 0;
      const p0 = `${num(m.x + m.r * Math.cos(angle))} ${num(m.y + m.r * Math.sin(angle))}`;
      const p1 = `${num(m.x + m.r * Math.cos(end))} ${num(m.y + m.r * Math.sin(end))}`;
      markLines.push(`<path d="M${num(m.x)} ${num(m.y)}L${p0}A${num(m.r)} ${num(m.r)} 0 ${large} 1 ${p1}z" ${paint("fill", color)}/>`);
      angle = end;
    }
    markLines.push(`<circle cx="${num(m.x)}" cy="${num(m.y)}" r="${num(m.r)}" fill="none" stroke="${attr(halo)}" stroke-width="1.5"/>`);
  }

  const bands = options.bands;
  const top = bands?.top ?? 0;
  const total = top + height + (bands?.bottom ?? 0);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(total)}" viewBox="0 0 ${num(width)} ${num(total)}" font-family="${attr(options.fontFamily ?? DEFAULT_FONT)}">`,
  ];
  const title = options.title ?? str(graph.getAttribute("name"));
  if (title) out.push(`<title>${text(title)}</title>`);
  if (markers.size > 0) {
    out.push("<defs>");
    for (const [color, id] of markers) {
      // One marker per colour: SVG 1.1 markers cannot take the stroke colour of the path using them.
      // 2.5 by 2 stroke widths: the proportions of sigma's arrow heads.
      out.push(
        `<marker id="${id}" viewBox="0 0 10 10" preserveAspectRatio="none" refX="10" refY="5" markerWidth="2.5" markerHeight="2" markerUnits="strokeWidth" orient="auto"><path d="M0 0L10 5L0 10z" ${paint("fill", color)}/></marker>`,
      );
    }
    out.push("</defs>");
  }
  if ((options.background ?? "white") === "white") out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  if (bands) out.push(...titleBand(bands, ink));
  out.push(`<g class="graph"${top ? ` transform="translate(0 ${num(top)})"` : ""}>`);
  // Stable sort: equal zIndex keeps the graph's order.
  edgeLines.sort((a, b) => a.z - b.z);
  out.push('<g class="edges">', ...edgeLines.map((e) => e.line), "</g>");
  out.push('<g class="nodes">', ...nodeLines, "</g>");
  if (markLines.length) out.push('<g class="marks">', ...markLines, "</g>");
  out.push(
    `<g class="labels" font-size="${num(fontSize)}" fill="${attr(ink)}" stroke="${attr(halo)}" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...labelLines,
    "</g>",
    "</g>",
  );
  if (bands && bands.bottom > 0) out.push(...bottomBand(bands, top + height, ink));
  out.push("</svg>", "");
  return out.join("\n");
}

function titleBand(bands: Bands, ink: string): string[] {
  if (bands.title.length === 0) return [];
  return [
    `<g class="title" fill="${attr(ink)}">`,
    ...bands.title.map(
      (t) =>
        `<text x="${num(t.x)}" y="${num(t.y)}" font-size="${num(t.size)}" font-weight="${t.weight}" dominant-baseline="central">${text(t.text)}</text>`,
    ),
    "</g>",
  ];
}

function bottomBand(bands: Bands, y0: number, ink: string): string[] {
  const out = [`<g class="legend" transform="translate(0 ${num(y0)})" fill="${attr(ink)}">`];
  for (const item of bands.legend) {
    item.colors.forEach((color, i) => {
      const x = item.x + i * 6;
      out.push(
        item.shape === "line"
          ? `<line x1="${num(x)}" y1="${num(item.y)}" x2="${num(x + 16)}" y2="${num(item.y)}" ${paint("stroke", color)} stroke-width="3"/>`
          : `<circle cx="${num(x + 6)}" cy="${num(item.y)}" r="5" ${paint("fill", color)}/>`,
      );
    });
    const tx = item.x + 22 + Math.max(0, item.colors.length - 1) * 6;
    out.push(`<text x="${num(tx)}" y="${num(item.y)}" font-size="12" dominant-baseline="central">${text(item.label)}</text>`);
  }
  for (const line of bands.source) {
    out.push(
      `<text class="source" x="${num(line.x)}" y="${num(line.y)}" font-size="${num(line.size)}" dominant-baseline="central" fill-opacity="0.85">${text(line.text)}</text>`,
    );
  }
  out.push("</g>");
  return out;
}
