/**
 * What every reader hands to the normalisation (normalize.ts): the file's
 * nodes, edges and graph attributes as the file gives them, before defaults.
 * Attribute bags are Maps, so no name from a file ("__proto__",
 * "constructor") is ever looked up in, or written to, a plain object here.
 */

/** The formats this app opens, as detected from the content. */
export type FormatId = "snapshot" | "graphology" | "gephi-lite" | "sigma-dataset" | "gexf" | "graphml" | "csv";

export type Bag = Map<string, unknown>;

export interface RawNode {
  key: string;
  attributes: Bag;
}

export interface RawEdge {
  /** Null when the file gives none (graphology then makes one). */
  key: string | null;
  source: string;
  target: string;
  attributes: Bag;
  /** The file says this edge has no direction (GEXF/GraphML edge type, graphology `undirected`). */
  undirected: boolean;
}

export interface RawGraph {
  format: FormatId;
  /** How the messages name the file: "GEXF 1.3 file", "GraphML file (yEd)". */
  label: string;
  attributes: Bag;
  allowSelfLoops: boolean;
  nodes: RawNode[];
  edges: RawEdge[];
  /** Our own JSON formats require labels; other tools' files get the key as label. */
  requireLabels: boolean;
  /** Whether the format can carry articles, so that missing ones are worth a note. */
  carriesArticles: boolean;
  /** What the reader itself filled in or dropped, one sentence each. */
  notes: string[];
}

/** Thrown by a reader for a file that cannot be used; the message is the user's error, one sentence. */
export class OpenError extends Error {}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** A key as graphology accepts it from a file: a non-empty string or a finite number. */
export const isKey = (v: unknown): v is string | number =>
  (typeof v === "string" && v !== "") || (typeof v === "number" && Number.isFinite(v));

/** A value from a file for a message: shortened, and kept on one line. */
export const quote = (s: string): string => `'${(s.length > 60 ? s.slice(0, 57) + "…" : s).replace(/[\u0000-\u001f]/g, " ")}'`;

/** The own properties of a parsed JSON object as a Map ("__proto__" included, as data). */
export function bagOf(value: unknown): Bag {
  const bag: Bag = new Map();
  if (!isObject(value)) return bag;
  for (const name of Object.keys(value)) bag.set(name, value[name]);
  return bag;
}

/** `record[name]` when `record` is an object that owns it: a lookup keyed by data, safe for "constructor". */
export function own(record: unknown, name: string): unknown {
  return isObject(record) && Object.hasOwn(record, name) ? record[name] : undefined;
}

/** One count per kind of repair, said once: "3 actors had no kind; …". */
export class Tally {
  private readonly counts = new Map<string, number>();
  /** `template` with {n}, {s} (plural s) and {one|many}; n = 0 says the sentence as it is. */
  add(template: string, n = 1): void {
    this.counts.set(template, (this.counts.get(template) ?? 0) + n);
  }
  sentences(): string[] {
    return [...this.counts].map(([template, n]) =>
      template
        .replace("{n}", n.toLocaleString("en"))
        .replace(/\{s\}/g, n === 1 ? "" : "s")
        .replace(/\{(\w*)\|(\w*)\}/g, (_, one: string, many: string) => (n === 1 ? one : many)),
    );
  }
}
