/** What an export is asked for: a format and, for pictures, their options. */
export type ExportFormat = "png" | "svg" | "gexf" | "graphml" | "json" | "csv";

export interface ImageOptions {
  /** Multiple of the screen's resolution (PNG). */
  scale: 1 | 2 | 4;
  title: string;
  legend: boolean;
  /** A line naming the articles and the date range. */
  source: boolean;
  background: "white" | "transparent";
}

export const DEFAULT_IMAGE: ImageOptions = { scale: 1, title: "", legend: true, source: true, background: "white" };
