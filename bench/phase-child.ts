/**
 * One in-process build for the benchmark, run as a child process so that each
 * run starts cold and its peak memory is its own: `buildGraph` (load,
 * validate, assemble, measure, layout), then serialisation and the atomic
 * write exactly as the CLI does them. Prints one line of JSON (PhaseReport).
 *
 *   tsx bench/phase-child.ts --corpus DIR --out FILE [--seed N]
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { buildGraph, exportGraph } from "../graph/build/index";
import { serializeGraph, writeAtomically } from "../graph/build/write";

export interface PhaseReport {
  /** Milliseconds per phase, in pipeline order. */
  timings: Record<"load" | "validate" | "assemble" | "measure" | "layout" | "serialize" | "write", number>;
  totalMs: number;
  /** User + system CPU time of the whole process, start-up included. */
  cpuMs: number;
  /** Peak resident set size of this process, in bytes. */
  maxRss: number;
  actors: number;
  edges: number;
  triples: number;
  articles: number;
  warnings: number;
  outputBytes: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { corpus: { type: "string" }, out: { type: "string" }, seed: { type: "string" } },
    strict: true,
  });
  if (!values.corpus || !values.out) throw new Error("usage: phase-child.ts --corpus DIR --out FILE [--seed N]");
  const out = resolve(values.out);
  const start = performance.now();
  const result = buildGraph(resolve(values.corpus), { seed: values.seed === undefined ? undefined : Number(values.seed) });
  let t = performance.now();
  const text = serializeGraph(exportGraph(result.graph));
  const serialize = performance.now() - t;
  t = performance.now();
  await writeAtomically(out, text);
  const write = performance.now() - t;
  const report: PhaseReport = {
    timings: { ...result.timings, serialize, write },
    totalMs: performance.now() - start,
    cpuMs: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    maxRss: process.resourceUsage().maxRSS * 1024,
    actors: result.graph.order,
    edges: result.graph.size,
    triples: result.corpus.triples.length,
    articles: result.corpus.articles.length,
    warnings: result.warnings.length,
    outputBytes: statSync(out).size,
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

await main();
