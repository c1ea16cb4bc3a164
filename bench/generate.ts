/**
 * Synthetic corpora for the benchmark, in the real corpus format (see
 * graph/README.md): articles with generated bodies, an actor registry with
 * kinds and aliases, a relation vocabulary, and triples whose quotes are
 * sentences (or the tail of a sentence) of their article's body.
 *
 * The shape imitates a curated news corpus: actors fall into clusters and
 * mostly relate inside their cluster; a few hubs (heavy-tailed actor weights
 * plus a global hub list) collect most relations; facts are restated by later
 * articles (one edge, several evidence entries); some pairs are linked by
 * several relations (parallel edges); dates spread over 2000–2024 at mixed
 * precision. Everything follows from the seed: same seed, same bytes.
 *
 * The parts, in bench/generate/: random (seeded draws), relations (the
 * vocabulary and its templates), names, phrases, dates, actors (the
 * registry), planner (which facts each article states), render (the files),
 * shape (options and proportions).
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { renderCorpus } from "./generate/render";
import type { GenerateOptions, GeneratedCorpus } from "./generate/shape";

export { renderCorpus } from "./generate/render";
export { RELATIONS } from "./generate/relations";
export { TRIPLES_PER_ACTOR, TRIPLES_PER_ARTICLE, type GenerateOptions, type GeneratedCorpus } from "./generate/shape";

/** Writes a synthetic corpus into `dir`, which must be empty or not exist yet. */
export function generateCorpus(dir: string, options: GenerateOptions): GeneratedCorpus {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new Error(`${dir} is not empty`);
  const { files, info } = renderCorpus(options);
  for (const sub of ["articles", "triples"]) mkdirSync(join(dir, sub), { recursive: true });
  for (const [path, text] of files) {
    const full = join(dir, path);
    if (!existsSync(dirname(full))) mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return info;
}
