/**
 * An export of what is on screen, in any format: shaped (shape.ts), written by
 * the pure writers of core/export or drawn (png.ts, svg.ts), and downloaded.
 * Loaded on first use, so none of it costs anything at start-up.
 */
import { toCsv } from "../../core/export/csv";
import { toGexf } from "../../core/export/gexf";
import { toGraphml } from "../../core/export/graphml";
import { toSnapshot } from "../../core/export/snapshot";
import { renderPng } from "./png";
import { fileNameFor, snapshotGraph, type ExportContext } from "./shape";
import { renderSvg } from "./svg";
import type { ExportFormat, ImageOptions } from "./types";

const MIME: Record<ExportFormat, string> = {
  png: "image/png",
  svg: "image/svg+xml",
  gexf: "application/gexf+xml",
  graphml: "application/graphml+xml",
  json: "application/json",
  csv: "text/csv;charset=utf-8",
};

export async function exportView(ctx: ExportContext, format: ExportFormat, image: ImageOptions): Promise<{ blob: Blob; name: string }> {
  const name = fileNameFor(ctx, format);
  const blob = (text: string) => new Blob([text], { type: MIME[format] });
  switch (format) {
    case "png":
      return { blob: await renderPng(ctx, image), name };
    case "svg":
      return { blob: blob(renderSvg(ctx, image)), name };
    case "gexf":
      return { blob: blob(toGexf(snapshotGraph(ctx, true))), name };
    case "graphml":
      return { blob: blob(toGraphml(snapshotGraph(ctx, true))), name };
    case "json":
      return { blob: blob(toSnapshot(snapshotGraph(ctx), ctx.view)), name };
    case "csv":
      return { blob: blob(toCsv(snapshotGraph(ctx))), name };
  }
}

export { download } from "./download";
