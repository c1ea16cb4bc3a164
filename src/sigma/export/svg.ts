/** The view as SVG: node and edge positions projected exactly as sigma draws them. */
import { toSvg } from "../../core/export/svg";
import { legendOf, screenGraph, type ExportContext } from "./shape";
import type { ImageOptions } from "./types";

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
    curvature: (edge) => ctx.decoration.edges.get(edge)?.curvature ?? 0,
  });
}
