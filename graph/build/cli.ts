/** `npm run graph`: build public/graph.json from the corpus. */
import { resolve } from "node:path";
import { buildGraph, exportGraph } from "./index";
import { CorpusError, plural } from "./problems";
import { errorSummary, internalError, printProblems } from "./print";
import { OutputError, outputTarget, serializeGraph, writeAtomically } from "./write";
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

async function main(argv: string[]): Promise<number> {
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
    // A wrong --out is known before the build, not after it.
    outputTarget(args.out);
    const result = buildGraph(dir, { seed, onPhase: (p) => console.error(`graph:   ${p}…`) });
    printProblems(result.warnings, { error: 0, warning: result.omittedWarnings, note: 0 });
    await writeAtomically(args.out, serializeGraph(exportGraph(result.graph)));
    const { graph, corpus } = result;
    const secs = ((performance.now() - start) / 1000).toFixed(2);
    const warnings = result.warnings.length + result.omittedWarnings;
    console.error(
      `graph: ${plural(graph.order, "actor")}, ${plural(graph.size, "relation")} (${plural(corpus.triples.length, "triple")}), ` +
        `${plural(corpus.articles.length, "article")}, ${plural(warnings, "warning")}, in ${secs} s`,
    );
    // A small graph gets the whole report; on a large one the pair counts would cost more than the build.
    if (graph.order <= 5000) console.error(`graph: layout: ${formatReadability(readability(graph))}`);
    return 0;
  } catch (err) {
    if (err instanceof CorpusError) {
      printProblems(err.problems, err.omitted, err.stopped);
      console.error(errorSummary("graph", err.errorCount, "nothing written"));
    } else if (err instanceof OutputError) {
      console.error(`graph: ${err.message}; nothing written`);
    } else {
      console.error(internalError("graph", err));
    }
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(internalError("graph", err));
    process.exitCode = 1;
  },
);
