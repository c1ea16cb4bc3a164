/**
 * Writes a synthetic corpus, for trying the build or the app on a large graph:
 *
 *   npx tsx bench/generate-cli.ts --triples 10000 --seed 1 --out /tmp/corpus-10k
 *   npx tsx bench/generate-cli.ts --actors 10000 --relations 50000 --out /tmp/corpus-10ka
 *   npm run graph -- --corpus /tmp/corpus-10k --out /tmp/graph-10k.json
 */
import { resolve } from "node:path";
import { generateCorpus } from "./generate";
import { readOptions } from "../graph/build/command-line";

const HELP = `Usage: tsx bench/generate-cli.ts (--triples N | --actors A --relations R) [--seed S] --out DIR

Writes a synthetic corpus in the real format (articles, actors, relations,
triples): N triples with about N/10 actors and N/20 articles, or A actors
whose triples make R relations (distinct facts, the built graph's edges).
Same seed, same files.

  --triples N   number of triples (exact)
  --actors A    number of actors (exact), with --relations
  --relations R number of relations in the built graph (exact), with --actors
  --seed S      generator seed (default: 1)
  --out DIR     output directory; must be empty or not exist
  --help        show this help`;

function main(argv: string[]): number {
  const args = readOptions("generate", HELP, argv, {
    triples: { type: "string" },
    actors: { type: "string" },
    relations: { type: "string" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
    help: { type: "boolean", default: false },
  });
  if (typeof args === "number") return args;
  const seed = Number(args.seed);
  const byShape = args.actors !== undefined || args.relations !== undefined;
  if ((byShape ? args.triples !== undefined : args.triples === undefined) || !Number.isInteger(seed) || !args.out) {
    console.error(`generate: --triples, or --actors with --relations, and --out and an integer --seed are required\n\n${HELP}`);
    return 2;
  }
  const start = performance.now();
  try {
    const options = byShape
      ? { actors: Number(args.actors), relations: Number(args.relations), seed }
      : { triples: Number(args.triples), seed };
    const info = generateCorpus(resolve(args.out), options);
    const secs = ((performance.now() - start) / 1000).toFixed(2);
    console.error(
      `generate: ${info.triples} triples, ${info.actors} actors, ${info.edges} relations (distinct facts), ` +
        `${info.articles} articles, ${info.relations} relation types, ${info.clusters} clusters → ${args.out} in ${secs} s`,
    );
    return 0;
  } catch (err) {
    console.error(`generate: ${(err as Error).message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
