/**
 * A standalone SVG of the graph as drawn: vector edges, nodes and real text
 * labels, for papers and slides where a PNG blurs.
 *
 * Pure: the caller supplies the graph in screen pixels (or a `transform` to
 * them), so no camera or renderer is involved. Drawing order is edges, nodes,
 * labels, legend, so labels are never hidden under nodes.
 *
 * Edge curvature follows @sigma/edge-curve: the control point sits at the
 * midpoint plus `curvature` times the edge vector turned a quarter turn, so a
 * graph carrying the app's `curvature` edge attribute looks as it did on
 * screen. Without one, parallel edges are fanned out here.
 */
import type { AbstractGraph, Attributes } from "graphology-types";
import { formatColor, parseColor } from "./color";
import { escapeXmlAttribute as attr, escapeXmlText as text } from "./xml";

export interface SvgLegend {
  title?: string;
  items: { color: string; label: string; shape?: "circle" | "line" }[];
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
  /** Which nodes get a label: every one (default), none, a set of keys, or a test. */
  labels?: "all" | "none" | ReadonlySet<string> | ((node: string, attrs: N) => boolean);
  legend?: SvgLegend;
  /** "white" (default) paints a background; "transparent" leaves it empty. */
  background?: "white" | "transparent";
  /** Overrides the edge's `curvature` attribute and the automatic fan-out of parallel edges. */
  curvature?: (edge: string, attrs: E) => number | undefined;
  /** The SVG `<title>`; the graph's `name` by default. */
  title?: string;
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

  const edgeLines: string[] = [];
  graph.forEachEdge((edge, attrs, source, target) => {
    if (!drawn(edge)) return;
    const s = placed.get(source)!;
    const t = placed.get(target)!;
    const color = str(attrs.color) || edgeColor;
    const widthPx = Math.max(0.5, (finite(attrs.size) ? attrs.size : 1) * edgeScale);
    const directed = attrs.directed !== false;
    const common = `data-edge="${attr(edge)}" fill="none" ${paint("stroke", color)} stroke-width="${num(widthPx)}"`;

    if (source === target) {
      const loop = s.r + 12;
      const d = `M${num(s.x)} ${num(s.y)}C${num(s.x + loop)} ${num(s.y - 2 * loop)} ${num(s.x + 2 * loop)} ${num(s.y - loop)} ${num(s.x)} ${num(s.y)}`;
      edgeLines.push(`<path ${common} d="${d}"/>`);
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
    edgeLines.push(`<path ${common} d="${d}"${marker}/>`);
  });

  const nodeLines: string[] = [];
  const labelLines: string[] = [];
  graph.forEachNode((node, attrs) => {
    const p = placed.get(node);
    if (!p) return;
    const color = str(attrs.color) || nodeColor;
    const ring = attrs.highlighted === true ? ' stroke="#1b1f24" stroke-width="2"' : "";
    nodeLines.push(`<circle data-node="${attr(node)}" cx="${num(p.x)}" cy="${num(p.y)}" r="${num(p.r)}" ${paint("fill", color)}${ring}/>`);
    if (!wantsLabel(node, attrs)) return;
    const label = str(attrs.label) || node;
    labelLines.push(`<text data-label="${attr(node)}" x="${num(p.x + p.r + 3)}" y="${num(p.y + fontSize / 3)}">${text(label)}</text>`);
  });

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${attr(options.fontFamily ?? DEFAULT_FONT)}">`,
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
  out.push('<g class="edges">', ...edgeLines, "</g>");
  out.push('<g class="nodes">', ...nodeLines, "</g>");
  out.push(
    `<g class="labels" font-size="${num(fontSize)}" fill="#1b1f24" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">`,
    ...labelLines,
    "</g>",
  );
  if (options.legend && (options.legend.items.length > 0 || options.legend.title)) {
    out.push(...legend(options.legend, height, fontSize));
  }
  out.push("</svg>", "");
  return out.join("\n");
}

function legend({ title, items }: SvgLegend, height: number, fontSize: number): string[] {
  const line = Math.round(fontSize * 1.6);
  const pad = 8;
  const rows = items.length + (title ? 1 : 0);
  // No text metrics without a DOM: an average glyph is about 0.6 em wide.
  const longest = Math.max(title?.length ?? 0, ...items.map((i) => i.label.length + 3));
  const w = Math.ceil(longest * fontSize * 0.6) + 2 * pad;
  const h = rows * line + 2 * pad;
  const x0 = 12;
  const y0 = Math.max(0, height - h - 12);
  const out = [
    `<g class="legend" transform="translate(${x0} ${num(y0)})" font-size="${num(fontSize)}" fill="#1b1f24">`,
    `<rect width="${w}" height="${h}" rx="4" fill="#ffffff" fill-opacity="0.9" stroke="#d0d4d9"/>`,
  ];
  let y = pad + line / 2;
  if (title) {
    out.push(`<text x="${pad}" y="${num(y + fontSize / 3)}" font-weight="bold">${text(title)}</text>`);
    y += line;
  }
  for (const item of items) {
    const mark =
      item.shape === "line"
        ? `<line x1="${pad}" y1="${num(y)}" x2="${pad + 14}" y2="${num(y)}" ${paint("stroke", item.color)} stroke-width="3"/>`
        : `<circle cx="${pad + 7}" cy="${num(y)}" r="5" ${paint("fill", item.color)}/>`;
    out.push(mark, `<text x="${pad + 20}" y="${num(y + fontSize / 3)}">${text(item.label)}</text>`);
    y += line;
  }
  out.push("</g>");
  return out;
}
