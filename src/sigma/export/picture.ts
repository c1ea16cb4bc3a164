/**
 * What both pictures (PNG and SVG) share: the colours they are drawn in, and
 * their bands (a title above the graph, the legend and the sources below),
 * laid out with the same text widths.
 */
import { layoutBands, type Bands, type Measure } from "../../core/export/bands";
import { SCHEMES, type Scheme } from "../../core/palette";
import { LABEL_FONT } from "../settings";
import { legendItems, sourceLines, type ExportContext } from "./shape";
import type { ImageOptions } from "./types";

/** A picture is drawn in the light scheme: it is meant for white paper or a slide of its own. */
export const PICTURE_SCHEME: Scheme = SCHEMES.light;

let measuring: CanvasRenderingContext2D | null = null;

/** Text widths in CSS pixels, from a canvas of its own. */
export const measureText: Measure = (text, size, weight) => {
  measuring ??= document.createElement("canvas").getContext("2d")!;
  measuring.font = `${weight} ${size}px ${LABEL_FONT}`;
  return measuring.measureText(text).width;
};

export function pictureBands(ctx: ExportContext, options: ImageOptions): Bands {
  const { width } = ctx.sigma.getDimensions();
  return layoutBands(
    {
      width,
      title: options.title,
      legend: options.legend ? legendItems(ctx) : [],
      source: options.source ? sourceLines(ctx.graph, ctx.visible, ctx.view.time) : [],
    },
    measureText,
  );
}
