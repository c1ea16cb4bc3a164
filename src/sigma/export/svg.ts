/** The view as SVG: positions projected exactly as sigma draws them, the screen's labels, and the picture's bands. */
import { toSvg } from "../../core/export/svg";
import { PICTURE_SCHEME, pictureBands } from "./picture";
import { drawnGraph, type ExportContext } from "./shape";
import type { ImageOptions } from "./types";

export function renderSvg(ctx: ExportContext, options: ImageOptions): string {
  const { sigma } = ctx;
  const { width, height } = sigma.getDimensions();
  const rctx = ctx.contextFor(PICTURE_SCHEME);
  const graph = drawnGraph(ctx, rctx);
  return toSvg(graph, {
    width,
    height,
    transform: (x, y) => sigma.graphToViewport({ x, y }),
    nodeSizeScale: sigma.scaleSize(1),
    edgeSizeScale: sigma.scaleSize(1),
    texts: ctx.layer().labels,
    marks: ctx.layer().marks,
    bands: pictureBands(ctx, options),
    background: options.background,
    title: options.title.trim() || ctx.corpusName,
    ink: PICTURE_SCHEME.ink,
    halo: PICTURE_SCHEME.halo,
  });
}
