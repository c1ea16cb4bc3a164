/**
 * The bands of an exported picture: a title above the graph, the legend and
 * the source line below it, each in a band of its own, so nothing is painted
 * over an actor or a label. Text wraps to the picture's width instead of
 * being cut. Pure: text widths come from the caller (a canvas measures them),
 * so the PNG and the SVG lay their bands out alike.
 */

export type Measure = (text: string, size: number, weight: string) => number;

export interface LegendItem {
  label: string;
  colors: string[];
  shape: "dot" | "line";
}

export interface BandInput {
  width: number;
  title?: string;
  legend?: LegendItem[];
  /** Lines of the source note; each wraps on its own. */
  source?: string[];
}

export interface PlacedText {
  text: string;
  x: number;
  /** Baseline-middle of the line. */
  y: number;
  size: number;
  weight: string;
}

export interface PlacedItem extends LegendItem {
  x: number;
  y: number;
}

export interface Bands {
  /** Height of the band above the graph (0 without a title). */
  top: number;
  /** Height of the band below the graph (0 without legend and source). */
  bottom: number;
  title: PlacedText[];
  /** Legend items; y is measured from the top of the bottom band. */
  legend: PlacedItem[];
  /** Source lines; y from the top of the bottom band. */
  source: PlacedText[];
}

export const BAND = { pad: 12, titleSize: 18, legendSize: 12, sourceSize: 11, line: 1.45, swatch: 26 } as const;

/** Words laid into lines no wider than `max`; a word longer than a line stands alone. */
export function wrap(text: string, max: number, measure: (t: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export function layoutBands(input: BandInput, measure: Measure): Bands {
  const { pad, titleSize, legendSize, sourceSize, line, swatch } = BAND;
  const room = input.width - 2 * pad;
  const title: PlacedText[] = [];
  let top = 0;
  if (input.title?.trim()) {
    const lines = wrap(input.title.trim(), room, (t) => measure(t, titleSize, "600"));
    lines.forEach((text, i) => title.push({ text, x: pad, y: pad + (i + 0.5) * titleSize * line, size: titleSize, weight: "600" }));
    top = pad * 1.5 + lines.length * titleSize * line;
  }
  const legend: PlacedItem[] = [];
  // The cursor runs down the bottom band, from its top.
  let cursor = pad;
  const items = input.legend ?? [];
  if (items.length > 0) {
    const rowHeight = legendSize * 1.8;
    let x = pad;
    let row = 0;
    for (const item of items) {
      const w = swatch + Math.max(0, item.colors.length - 1) * 6 + measure(item.label, legendSize, "400") + 16;
      if (x > pad && x + w > input.width - pad) {
        row++;
        x = pad;
      }
      legend.push({ ...item, x, y: cursor + (row + 0.5) * rowHeight });
      x += w;
    }
    cursor += (row + 1) * rowHeight;
  }
  const source: PlacedText[] = [];
  const sourceLine = sourceSize * line;
  for (const text of input.source ?? []) {
    for (const piece of wrap(text, room, (t) => measure(t, sourceSize, "400"))) {
      source.push({ text: piece, x: pad, y: cursor + sourceLine / 2, size: sourceSize, weight: "400" });
      cursor += sourceLine;
    }
  }
  const bottom = legend.length > 0 || source.length > 0 ? cursor + pad : 0;
  return { top, bottom, title, legend, source };
}
