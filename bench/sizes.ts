/**
 * The benchmark's corpus sizes: a number of triples ("10000"), or a number of
 * actors and relations ("10000a50000r": 10 000 actors, 50 000 relations, as
 * many triples as that takes). Reports name each size by what its built
 * graph.json holds: triples, actors and relations.
 */
import type { GenerateOptions } from "./generate";
import { formatCount, type BenchSize } from "./report";

export type { BenchSize } from "./report";

/** Triples per relation in the generated corpora (restatements make one relation of several triples): about 1.5. */
const TRIPLES_PER_RELATION = 1.5;

/** Reads one size: "10000", "10_000", "10000a50000r". */
export function parseSize(text: string): BenchSize {
  const s = text.trim().replace(/_/g, "").toLowerCase();
  if (/^\d+$/.test(s) && Number(s) >= 1) return { id: String(Number(s)), triples: Number(s), scale: Number(s) };
  const m = /^(\d+)a(\d+)r$/.exec(s);
  if (m && Number(m[1]) >= 8 && Number(m[2]) >= 1) {
    const actors = Number(m[1]);
    const relations = Number(m[2]);
    return { id: `${actors}a${relations}r`, actors, relations, scale: Math.round(relations * TRIPLES_PER_RELATION) };
  }
  throw new Error(
    `a size is a number of triples ("10000") or of actors and relations ("10000a50000r", at least 8 actors), not "${text.trim()}"`,
  );
}

/** Reads a comma-separated list; duplicates dropped, ordered by scale. */
export function parseSizes(text: string): BenchSize[] {
  return uniqueSizes(text.split(",").map(parseSize));
}

export function uniqueSizes(sizes: BenchSize[]): BenchSize[] {
  const byId = new Map(sizes.map((s) => [s.id, s]));
  return [...byId.values()].sort((a, b) => a.scale - b.scale || (a.id < b.id ? -1 : 1));
}

/** What the generator is asked for. */
export function generateOptions(size: BenchSize, seed: number): GenerateOptions {
  if (size.triples !== undefined) return { triples: size.triples, seed };
  return { actors: size.actors!, relations: size.relations!, seed };
}

/** The size as asked: "10 000 triples" or "10 000 actors, 50 000 relations". */
export function askedText(size: BenchSize): string {
  if (size.triples !== undefined) return `${formatCount(size.triples)} triples`;
  return `${formatCount(size.actors!)} actors, ${formatCount(size.relations!)} relations`;
}

/** What a built graph holds. */
export interface CorpusCounts {
  triples: number;
  actors: number;
  relations: number;
}

/** Counts of a graph.json: actors are its nodes, relations its edges, triples their evidence entries. */
export function countsOf(file: { nodes: unknown[]; edges: { attributes: { evidence?: unknown[] } }[] }): CorpusCounts {
  let triples = 0;
  for (const e of file.edges) triples += e.attributes.evidence?.length ?? 0;
  return { triples, actors: file.nodes.length, relations: file.edges.length };
}

/** "10 000 triples (1 000 actors, 6 588 relations)"; the size as asked when the counts are unknown. */
export function sizeText(size: BenchSize, counts?: CorpusCounts): string {
  if (!counts) return askedText(size);
  return `${formatCount(counts.triples)} triples (${formatCount(counts.actors)} actors, ${formatCount(counts.relations)} relations)`;
}

/** For a table cell: "10 000 / 1 000 / 6 588" (triples / actors / relations), the size as asked when the counts are unknown. */
export function sizeCell(size: BenchSize, counts?: CorpusCounts): string {
  if (!counts) return askedText(size);
  return `${formatCount(counts.triples)} / ${formatCount(counts.actors)} / ${formatCount(counts.relations)}`;
}

export const SIZE_COLUMN = "Triples / actors / relations";
