/**
 * Which format a file is in, from its content and never from its name: the
 * root element of XML, the members of JSON, the header row of a delimited
 * text. Each answer carries the text to read (without a byte order mark) and
 * its offset in the original, for positions in messages.
 */
import { looksLikeEdgeList } from "./read-csv";
import { isSigmaDataset } from "./read-sigma-dataset";
import { isObject, quote, type FormatId } from "./raw";
import { rootElementName } from "./xml";
import { SNAPSHOT_FORMAT } from "../export/snapshot";

export type Detected =
  | { kind: "xml"; format: "gexf" | "graphml"; body: string }
  | { kind: "json"; body: string; offset: number }
  | { kind: "csv"; body: string }
  | { kind: "unknown"; error: string };

export function detectText(text: string): Detected {
  const offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const body = offset ? text.slice(1) : text;
  const start = body.search(/\S/);
  if (start === -1) return { kind: "unknown", error: "The file is empty." };
  const first = body[start];
  if (first === "<") {
    const root = rootElementName(body);
    const local = root?.replace(/^.*:/, "");
    if (local === "gexf" || local === "graphml") return { kind: "xml", format: local, body };
    if (root)
      return { kind: "unknown", error: `The file is XML but neither GEXF nor GraphML: its root element is <${root.slice(0, 60)}>.` };
    return { kind: "unknown", error: "The file starts like XML but has no root element that this app reads (GEXF or GraphML)." };
  }
  if (first === "{" || first === "[") return { kind: "json", body, offset };
  const firstLine = /^[^\r\n]*/.exec(body.slice(start))![0];
  if (looksLikeEdgeList(firstLine)) return { kind: "csv", body: body.slice(start) };
  return {
    kind: "unknown",
    error:
      "The file is not a format this app reads: JSON (a snapshot, graphology, Gephi Lite or sigma.js), GEXF, GraphML, or a CSV/TSV edge list with source and target columns.",
  };
}

/** The JSON format of parsed data, or a sentence saying why it is none. */
export function jsonFormat(data: unknown): { format: FormatId } | { error: string } {
  if (!isObject(data)) return { error: 'The JSON is not a graph: it is a list, not an object with "nodes".' };
  if (data.format === SNAPSHOT_FORMAT) return { format: "snapshot" };
  if (data.type === "gephi-lite") return { format: "gephi-lite" };
  if (isSigmaDataset(data)) return { format: "sigma-dataset" };
  if (typeof data.format === "string" && !Array.isArray(data.nodes)) {
    return { error: `The JSON is a ${quote(data.format)} file, not a graph or a snapshot.` };
  }
  return { format: "graphology" };
}
