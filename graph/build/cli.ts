/** `npm run graph`: build public/graph.json from the corpus. */
import { resolve } from "node:path";
import { buildGraph, exportGraph } from "./index";
import { CorpusError, formatProblem } from "./problems";
import { serializeGraph, writeAtomically } from "./write";
import { readOptions } from "./command-line";
import { formatReadability, readability } from "./readability";

const HELP = `Usage: npm run graph -- [--corpus DIR] [--out FILE]

Validates a corpus (articles, actors, relations, triples), builds the graph,
measures and lays it out, and writes it as graphology JSON.

  --corpus DIR   corpus directory (default: graph/corpus)
  --out FILE     output file (default: public/graph.json)
  --seed N       layout and community seed (default: fixed)
  --help         show this help

Problems are printed as file:line: message. On any error nothing is written
and the previous output is left as it was.`;

function main(argv: string[]): number {
  const args = readOptions("graph", HELP, argv, {
    corpus: { type: "string", default: "graph/corpus" },
    out: { type: "string", default: "public/graph.json" },
    seed: { type: "string" },
    help: { type: "boolean", default: false },
  });
  if (typeof args === "number") return args;
  const seed = args.seed === undefined ? undefined : Number(args.seed);
  if (seed !== undefined && !Number.isInteger(seed)) {
    console.error(`graph: --seed must be an integer, not "${args.seed}"`);
    return 2;
  }
  const start = performance.now();
  const dir = resolve(args.corpus);
  console.error(`graph: building ${args.corpus} → ${args.out}`);
  try {
    const result = buildGraph(dir, { seed, onPhase: (p) => console.error(`graph:   ${p}…`) });
    for (const w of result.warnings) console.error(formatProblem(w));
    writeAtomically(resolve(args.out), serializeGraph(exportGraph(result.graph)));
    const { graph, corpus } = result;
    const secs = ((performance.now() - start) / 1000).toFixed(2);
    console.error(
      `graph: ${graph.order} actors, ${graph.size} relations (${corpus.triples.length} triples), ` +
        `${corpus.articles.length} articles, ${result.warnings.length} warnings, in ${secs} s`,
    );
    // A small graph gets the whole report; on a large one the pair counts would cost more than the build.
    if (graph.order <= 5000) console.error(`graph: layout: ${formatReadability(readability(graph))}`);
    return 0;
  } catch (err) {
    if (err instanceof CorpusError) {
      for (const p of err.problems) console.error(formatProblem(p));
      const n = err.problems.filter((p) => p.severity === "error").length;
      console.error(`graph: ${n} error${n === 1 ? "" : "s"}; nothing written`);
      return 1;
    }
    console.error(`graph: ${(err as Error).stack ?? String(err)}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
