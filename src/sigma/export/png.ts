/**
 * The view as a PNG: sigma's layers drawn by @sigma/export-image, then the
 * title, legend and source line painted over them.
 */
import { drawOnCanvas } from "@sigma/export-image";
import { legendOf, sourceLine, type ExportContext } from "./shape";
import type { ImageOptions } from "./types";

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
