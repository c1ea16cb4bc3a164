/**
 * The view as a PNG: sigma's layers drawn by @sigma/export-image with the
 * label layer placed on them, then the picture's bands (title above,
 * legend and sources below) around the graph, never over it.
 */
import { drawOnCanvas } from "@sigma/export-image";
import type { Bands } from "../../core/export/bands";
import { overlayInsets } from "../camera";
import { canvasMeasure, drawLabels, drawMarks, drawRings, LABEL_STYLE, layoutLabels } from "../labels";
import { labelStyleFor } from "../node-looks";
import { edgeReducer, nodeReducer } from "../reducers";
import { LABEL_FONT } from "../settings";
import { PICTURE_SCHEME, pictureBands } from "./picture";
import type { ExportContext } from "./shape";
import type { ImageOptions } from "./types";

function drawBands(g: CanvasRenderingContext2D, bands: Bands, graphHeight: number): void {
  const scheme = PICTURE_SCHEME;
  g.textBaseline = "middle";
  g.fillStyle = scheme.ink;
  for (const t of bands.title) {
    g.font = `${t.weight} ${t.size}px ${LABEL_FONT}`;
    g.fillText(t.text, t.x, t.y);
  }
  const y0 = bands.top + graphHeight;
  for (const item of bands.legend) {
    item.colors.forEach((color, i) => {
      const x = item.x + i * 6;
      g.fillStyle = color;
      if (item.shape === "dot") {
        g.beginPath();
        g.arc(x + 6, y0 + item.y, 5, 0, Math.PI * 2);
        g.fill();
      } else g.fillRect(x, y0 + item.y - 1.5, 16, 3);
    });
    g.fillStyle = scheme.ink;
    g.font = `400 12px ${LABEL_FONT}`;
    g.fillText(item.label, item.x + 22 + Math.max(0, item.colors.length - 1) * 6, y0 + item.y);
  }
  g.fillStyle = scheme.mutedInk;
  for (const line of bands.source) {
    g.font = `${line.weight} ${line.size}px ${LABEL_FONT}`;
    g.fillText(line.text, line.x, y0 + line.y);
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
  const rctx = ctx.contextFor(PICTURE_SCHEME);
  const style = labelStyleFor(ctx.view.appearance, { ...LABEL_STYLE, scheme: PICTURE_SCHEME });
  const own = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
  Object.defineProperty(window, "devicePixelRatio", { configurable: true, get: () => ratio });
  let graphCanvas: HTMLCanvasElement;
  try {
    graphCanvas = await drawOnCanvas(ctx.sigma, {
      backgroundColor: "transparent",
      sigmaSettings: {
        nodeReducer: (node, data) => nodeReducer(node, data, rctx),
        edgeReducer: (edge, data) => edgeReducer(edge, data, rctx),
      },
      // The label layer is the app's own, so it is placed on the copy as it is on screen.
      withTempRenderer: (copy) => {
        const context = copy.getCanvases().labels!.getContext("2d")!;
        const layer = layoutLabels(copy, rctx, style, canvasMeasure(context));
        drawRings(copy, context, rctx);
        drawMarks(context, layer.marks, style);
        drawLabels(context, layer.labels, style);
      },
    });
  } finally {
    if (own) Object.defineProperty(window, "devicePixelRatio", own);
    else delete (window as { devicePixelRatio?: number }).devicePixelRatio;
  }
  const { width, height: full } = ctx.sigma.getDimensions();
  // A story's caption card covers the bottom of the graph area and the step is framed above it (camera.ts):
  // the picture, which has no card, leaves that band out rather than show it empty.
  const height = full - Math.min(overlayInsets(ctx.sigma).bottom, full / 2);
  const bands = pictureBands(ctx, options);
  const canvas = document.createElement("canvas");
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((bands.top + height + bands.bottom) * ratio);
  const g = canvas.getContext("2d")!;
  g.scale(ratio, ratio);
  if (options.background === "white") {
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, width, bands.top + height + bands.bottom);
  }
  const kept = graphCanvas.height * (height / full);
  g.drawImage(graphCanvas, 0, 0, graphCanvas.width, kept, 0, bands.top, width, height);
  drawBands(g, bands, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the browser could not encode the PNG"))), "image/png"),
  );
}
