/**
 * Writes a synthetic corpus, for trying the build or the app on a large graph:
 *
 *   npx tsx bench/generate-cli.ts --triples 10000 --seed 1 --out /tmp/corpus-10k
 *   npm run graph -- --corpus /tmp/corpus-10k --out /tmp/graph-10k.json
 */
import { resolve } from "node:path";
import { generateCorpus } from "./generate";
import { readOptions } from "../graph/build/command-line";

const HELP = `Usage: tsx bench/generate-cli.ts --triples N [--seed S] --out DIR

Writes a synthetic corpus in the real format (articles, actors, relations,
triples) with about N/10 actors and N/20 articles. Same seed, same files.

  --triples N   number of triples (exact)
  --seed S      generator seed (default: 1)
  --out DIR     output directory; must be empty or not exist
  --help        show this help`;

function main(argv: string[]): number {
  const args = readOptions("generate", HELP, argv, {
    triples: { type: "string" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  });
  if (typeof args === "number") return args;
  const triples = Number(args.triples);
  const seed = Number(args.seed);
  if (!Number.isInteger(triples) || triples < 1 || !Number.isInteger(seed) || !args.out) {
    console.error(`generate: --triples (a positive integer), --out and an integer --seed are required\n\n${HELP}`);
    return 2;
  }
  const start = performance.now();
  try {
    const info = generateCorpus(resolve(args.out), { triples, seed });
    const secs = ((performance.now() - start) / 1000).toFixed(2);
    console.error(
      `generate: ${info.triples} triples, ${info.actors} actors, ${info.articles} articles, ` +
        `${info.relations} relations, ${info.clusters} clusters → ${args.out} in ${secs} s`,
    );
    return 0;
  } catch (err) {
    console.error(`generate: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
