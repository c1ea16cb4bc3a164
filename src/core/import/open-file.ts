/**
 * Opening a graph file the user picked or dropped: detection from the
 * content (detect.ts), one reader per format (read-*.ts), then one
 * normalisation into the model (normalize.ts). It never throws: a file that
 * cannot be used gets one sentence saying what is wrong and where, naming the
 * format that was recognised; one that opens says what was filled in or
 * dropped, in `notes`.
 *
 * Formats: our snapshot and graphology JSON (public/graph.json), Gephi
 * Lite's JSON, sigma.js's demo dataset, GEXF 1.1–1.3, GraphML (yEd,
 * NetworkX, Gephi, ours) and CSV/TSV edge lists.
 */
import type { ViewState } from "../../model/view-state";
import { SNAPSHOT_VERSION } from "../export/snapshot";
import { detectText, jsonFormat } from "./detect";
import { jsonSyntaxError } from "./json-syntax";
import { normalize, type OpenedGraph } from "./normalize";
import { isObject, OpenError, type FormatId, type RawGraph } from "./raw";
import { readCsv } from "./read-csv";
import { readGephiLite } from "./read-gephi-lite";
import { readGexf } from "./read-gexf";
import { readGraphml } from "./read-graphml";
import { readGraphology } from "./read-graphology";
import { readSigmaDataset } from "./read-sigma-dataset";
import { checkFileSize, utf8Length } from "./size";
import { readView } from "../../model/view-state";

export { checkFileSize, formatSize, utf8Length } from "./size";
export { DEFAULT_KIND, DEFAULT_NODE_SIZE, DEFAULT_RELATION } from "./normalize";
export type { OpenedEdgeAttributes, OpenedGraph, OpenedNodeAttributes } from "./normalize";

export type OpenResult =
  | {
      ok: true;
      format: FormatId;
      /** The format as the messages name it: "GEXF 1.3 file", "Gephi Lite 1.0.0 file". */
      label: string;
      graph: OpenedGraph;
      /** The saved view, for snapshots. */
      view?: ViewState;
      /** Some node had no usable position: the app should lay the graph out. */
      needsLayout: boolean;
      /** What was filled in or dropped, one sentence each. */
      notes: string[];
    }
  | { ok: false; error: string };

export interface OpenOptions {
  maxBytes: number;
}

function readJson(body: string, offset: number): { raw: RawGraph; view?: unknown } {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new OpenError(jsonSyntaxError(body, error, offset));
  }
  const detected = jsonFormat(data);
  if ("error" in detected) throw new OpenError(detected.error);
  const object = data as Record<string, unknown>;
  switch (detected.format) {
    case "snapshot": {
      const version = object.version;
      if (!Number.isInteger(version) || (version as number) < 1) throw new OpenError("The snapshot has no valid version number.");
      if ((version as number) > SNAPSHOT_VERSION) {
        throw new OpenError(`The snapshot is version ${String(version)}, newer than this app reads (version ${SNAPSHOT_VERSION}).`);
      }
      if (!isObject(object.graph)) throw new OpenError("The snapshot has no graph.");
      return { raw: readGraphology(object.graph, "snapshot"), view: object.view };
    }
    case "gephi-lite":
      return { raw: readGephiLite(object) };
    case "sigma-dataset":
      return { raw: readSigmaDataset(object) };
    default:
      return { raw: readGraphology(object) };
  }
}

function openText(name: string, text: string, options: OpenOptions): OpenResult {
  const tooBig = checkFileSize(utf8Length(text), options.maxBytes);
  if (tooBig) return { ok: false, error: tooBig };
  const detected = detectText(text);
  if (detected.kind === "unknown") return { ok: false, error: detected.error };
  let raw: RawGraph;
  let savedView: unknown;
  let isSnapshot = false;
  if (detected.kind === "xml") raw = detected.format === "gexf" ? readGexf(detected.body) : readGraphml(detected.body);
  else if (detected.kind === "csv") raw = readCsv(detected.body);
  else {
    const read = readJson(detected.body, detected.offset);
    raw = read.raw;
    savedView = read.view;
    isSnapshot = raw.format === "snapshot";
  }
  const { graph, needsLayout, notes } = normalize(raw, name);
  const view = isSnapshot ? readView(savedView, graph, notes) : undefined;
  return { ok: true, format: raw.format, label: raw.label, graph, ...(view && { view }), needsLayout, notes };
}

/**
 * Detects the format (by content, not by name), checks the file and builds
 * the graph. `name` is only used for the graph's name when the file has none.
 */
export function openGraphFile(name: string, text: string, options: OpenOptions): OpenResult {
  try {
    return openText(name, text, options);
  } catch (error) {
    if (error instanceof OpenError) return { ok: false, error: error.message };
    // Anything else is a bug or a pathological file (e.g. nesting deep enough to exhaust the stack).
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0]!.slice(0, 200);
    return { ok: false, error: `The file could not be read: ${reason.replace(/\.$/, "")}.` };
  }
}
