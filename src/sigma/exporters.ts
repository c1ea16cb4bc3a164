/**
 * Exports of what is on screen. Each reads the renderer's display data (the
 * reducers' output: colours, sizes, hidden, highlight), so a file holds
 * exactly the visible subgraph as drawn, then hands plain data to the pure
 * writers in core/export.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type Sigma from "sigma";
import { toCsv } from "../core/export/csv";
import { exportFileName } from "../core/export/filename";
import { toGexf } from "../core/export/gexf";
import { toGraphml } from "../core/export/graphml";
import { toSnapshot } from "../core/export/snapshot";
import { visibleCopy } from "../core/export/subgraph";
import type { VisibleSets } from "../model/visible";
import { toSvg, type SvgLegend } from "../core/export/svg";
import { FAMILY_COLORS, kindColor } from "../core/palette";
import { FAMILIES } from "../model/graph-file";
import type { ExportFormat, ImageOptions, KGGraph } from "../state/app-state";
import type { ViewState } from "../model/view-state";

export interface ExportContext {
  sigma: Sigma;
  graph: KGGraph;
  visible: VisibleSets;
  view: ViewState;
  corpusName: string;
  /** What the highlight (selection, hover, path) lights, empty when nothing is highlighted. */
  highlight: VisibleSets;
}

const MIME: Record<ExportFormat, string> = {
  png: "image/png",
  svg: "image/svg+xml",
  gexf: "application/gexf+xml",
  graphml: "application/graphml+xml",
  json: "application/json",
  csv: "text/csv;charset=utf-8",
};

/** Attributes the renderer adds for drawing, meaningless in a file. */
const RENDER_ONLY = ["type", "curvature", "parallelIndex", "parallelMinIndex", "parallelMaxIndex"];

/**
 * The visible subgraph, positioned and sized as on screen, with the
 * highlight as a `highlighted: true` attribute. Colours are the actors' and
 * relations' own, not the dimmed grey of the moment: a file reopened here, or
 * in Gephi, should not keep the rest of the graph greyed out for good.
 */
export function snapshotGraph({ graph, visible, highlight, view }: ExportContext) {
  const copy = visibleCopy(
    graph,
    visible,
    {
      nodeHighlighted: (node) => highlight.nodes.has(node),
      edgeHighlighted: (edge) => highlight.edges.has(edge),
    },
    // The evidence the view shows, and the view written into the file.
    view,
  );
  copy.forEachEdge((edge) => {
    for (const name of RENDER_ONLY) copy.removeEdgeAttribute(edge, name as never);
  });
  return copy;
}

export function legendOf(graph: KGGraph, visible: VisibleSets): SvgLegend {
  const kinds = new Set<string>();
  for (const node of visible.nodes) kinds.add(graph.getNodeAttribute(node, "kind"));
  return {
    items: [
      ...[...kinds].sort().map((kind) => ({ color: kindColor(kind), label: kind, shape: "circle" as const })),
      ...FAMILIES.map((f) => ({ color: FAMILY_COLORS[f], label: f, shape: "line" as const })),
    ],
  };
}

/** "Sources: <titles> · <from>–<to>": the articles cited by visible evidence and its date span. */
export function sourceLine(graph: KGGraph, visible: VisibleSets): string {
  const cited = new Set<string>();
  const dates: string[] = [];
  for (const edge of visible.edges)
    for (const e of graph.getEdgeAttribute(edge, "evidence")) {
      cited.add(e.article);
      dates.push(e.date);
    }
  const titles = graph
    .getAttribute("articles")
    .filter((a) => cited.has(a.id))
    .map((a) => `${a.title} (${a.publisher}, ${a.date})`);
  dates.sort();
  const shown = titles.length > 3 ? [...titles.slice(0, 3), `${titles.length - 3} more`] : titles;
  const span = dates.length ? ` · ${dates[0]} to ${dates[dates.length - 1]}` : "";
  return `Sources: ${shown.join("; ") || "none"}${span}`;
}

export function fileNameFor(ctx: ExportContext, ext: string): string {
  const { filters, time, focus } = ctx.view;
  const filtered = focus > 0 || Object.entries(filters).some(([k, v]) => k !== "keepIsolated" && v !== null);
  return exportFileName({ corpus: ctx.corpusName, time, filtered, at: new Date(), ext });
}

/** Cuts text to fit `max` pixels, with an ellipsis, instead of squeezing the glyphs. */
function fit(g: CanvasRenderingContext2D, text: string, max: number): string {
  if (g.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

/** Title at the top, legend and source line at the bottom, each on a light box over the graph. */
function drawOverlays(canvas: HTMLCanvasElement, ratio: number, ctx: ExportContext, options: ImageOptions): void {
  const g = canvas.getContext("2d")!;
  const pad = 10 * ratio;
  const line = 20 * ratio;
  const room = canvas.width - pad * 2;
  const font = (px: number, weight = 400) => `${weight} ${px * ratio}px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`;
  const box = (x: number, y: number, w: number, h: number) => {
    g.fillStyle = "rgba(255,255,255,0.88)";
    g.fillRect(x, y, w, h);
  };
  g.textBaseline = "middle";
  if (options.title.trim()) {
    g.font = font(18, 600);
    const title = fit(g, options.title.trim(), room);
    box(pad / 2, pad / 2, g.measureText(title).width + pad, 30 * ratio);
    g.fillStyle = "#1f2933";
    g.fillText(title, pad, pad / 2 + 15 * ratio);
  }
  let bottom = canvas.height - pad / 2;
  if (options.source) {
    g.font = font(11);
    const text = fit(g, sourceLine(ctx.graph, ctx.visible), room);
    box(pad / 2, bottom - line, g.measureText(text).width + pad, line);
    g.fillStyle = "#3e4c59";
    g.fillText(text, pad, bottom - line / 2);
    bottom -= line;
  }
  if (options.legend) {
    g.font = font(12);
    // Lay the items out in rows that fit the width, bottom row last.
    const items = legendOf(ctx.graph, ctx.visible).items.map((it) => ({ ...it, w: g.measureText(it.label).width + 30 * ratio }));
    const rows: (typeof items)[] = [[]];
    let used = 0;
    for (const it of items) {
      if (used + it.w > room && rows[rows.length - 1]!.length > 0) {
        rows.push([]);
        used = 0;
      }
      rows[rows.length - 1]!.push(it);
      used += it.w;
    }
    const top = bottom - rows.length * line;
    box(pad / 2, top, Math.max(...rows.map((r) => r.reduce((n, it) => n + it.w, 0))) + pad, rows.length * line);
    rows.forEach((row, r) => {
      let x = pad;
      const y = top + r * line + line / 2;
      for (const it of row) {
        g.fillStyle = it.color;
        if (it.shape === "circle") {
          g.beginPath();
          g.arc(x + 6 * ratio, y, 5 * ratio, 0, Math.PI * 2);
          g.fill();
        } else g.fillRect(x, y - 1.5 * ratio, 14 * ratio, 3 * ratio);
        g.fillStyle = "#1f2933";
        g.fillText(it.label, x + 18 * ratio, y);
        x += it.w;
      }
    });
  }
}

/**
 * The view as a PNG at `scale` times the screen's resolution. The export
 * library renders at the device pixel ratio, so the ratio is raised for the
 * duration of the render, then restored.
 */
export async function renderPng(ctx: ExportContext, options: ImageOptions): Promise<Blob> {
  const base = window.devicePixelRatio || 1;
  const ratio = base * options.scale;
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  let canvas: HTMLCanvasElement;
  try {
    canvas = await drawOnCanvas(ctx.sigma, {
      backgroundColor: options.background === "white" ? "#ffffff" : "transparent",
    });
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
  drawOverlays(canvas, ratio, ctx, options);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))), "image/png"),
  );
}

/** The visible subgraph in the colours and sizes drawn right now, dimming included: what a picture shows. */
function screenGraph({ sigma, graph, visible }: ExportContext) {
  return visibleCopy(graph, visible, {
    nodeColor: (node) => sigma.getNodeDisplayData(node)?.color,
    nodeSize: (node) => sigma.getNodeDisplayData(node)?.size,
    edgeColor: (edge) => sigma.getEdgeDisplayData(edge)?.color,
    edgeSize: (edge) => sigma.getEdgeDisplayData(edge)?.size,
  });
}

/** The view as SVG: node and edge positions projected exactly as sigma draws them. */
export function renderSvg(ctx: ExportContext, options: ImageOptions): string {
  const { sigma } = ctx;
  const { width, height } = sigma.getDimensions();
  const graph = screenGraph(ctx);
  const labels = sigma.getNodeDisplayedLabels();
  return toSvg(graph, {
    width,
    height,
    transform: (x, y) => sigma.graphToViewport({ x, y }),
    nodeSizeScale: sigma.scaleSize(1),
    edgeSizeScale: sigma.scaleSize(1),
    labels: (node) => labels.has(node),
    legend: options.legend ? legendOf(ctx.graph, ctx.visible) : undefined,
    background: options.background,
    title: options.title.trim() || ctx.corpusName,
    curvature: (edge) => ctx.graph.getEdgeAttribute(edge, "curvature"),
  });
}

export async function exportView(ctx: ExportContext, format: ExportFormat, image: ImageOptions): Promise<{ blob: Blob; name: string }> {
  const name = fileNameFor(ctx, format);
  const blob = (text: string) => new Blob([text], { type: MIME[format] });
  switch (format) {
    case "png":
      return { blob: await renderPng(ctx, image), name };
    case "svg":
      return { blob: blob(renderSvg(ctx, image)), name };
    case "gexf":
      return { blob: blob(toGexf(snapshotGraph(ctx))), name };
    case "graphml":
      return { blob: blob(toGraphml(snapshotGraph(ctx))), name };
    case "json":
      return { blob: blob(toSnapshot(snapshotGraph(ctx), ctx.view)), name };
    case "csv":
      return { blob: blob(toCsv(snapshotGraph(ctx))), name };
  }
}

export function download({ blob, name }: { blob: Blob; name: string }): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
