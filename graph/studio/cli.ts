/**
 * `npm run curate`: the explorer's dev server with the curation studio, on a
 * corpus of your choice. It builds the graph first (a corpus with errors
 * still opens: the studio shows them), then serves the studio at /curate and
 * the explorer at /, on this machine only.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { createServer } from "vite";
import { readOptions } from "../build/command-line";
import { buildGraph, exportGraph } from "../build/index";
import { internalError, printProblems } from "../build/print";
import { CorpusError } from "../build/problems";
import { serializeGraph, writeAtomically } from "../build/write";

const HELP = `Usage: npm run curate -- [--corpus DIR] [--out FILE] [--port N]

Starts the curation studio (http://127.0.0.1:PORT/curate) and the explorer
(http://127.0.0.1:PORT/) in Vite's dev server, on this machine only. Every
change made in the studio is checked with the build's rules, written to the
corpus's YAML files, and the graph is built again for the explorer.

  --corpus DIR   corpus directory (default: graph/corpus)
  --out FILE     where the graph is built (default: public/graph.json)
  --port N       port (default: 5173, or the next free one)
  --help         show this help`;

async function main(argv: string[]): Promise<number> {
  const args = readOptions("curate", HELP, argv, {
    corpus: { type: "string", default: "graph/corpus" },
    out: { type: "string", default: "public/graph.json" },
    port: { type: "string", default: "5173" },
    help: { type: "boolean", default: false },
  });
  if (typeof args === "number") return args;
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`curate: --port must be a port number, not "${args.port}"`);
    return 2;
  }
  const corpus = resolve(args.corpus);
  if (!existsSync(corpus) || !statSync(corpus).isDirectory()) {
    console.error(`curate: ${args.corpus}: corpus directory not found`);
    return 1;
  }
  const out = resolve(args.out);
  try {
    const { graph } = buildGraph(corpus);
    await writeAtomically(out, serializeGraph(exportGraph(graph)));
  } catch (err) {
    if (!(err instanceof CorpusError)) throw err;
    printProblems(err.problems, err.omitted, err.stopped);
    console.error(`curate: the corpus has errors; the studio shows them, and the graph is built once they are fixed`);
  }
  process.env.KG_CURATE_CORPUS = corpus;
  process.env.KG_CURATE_OUT = out;
  const server = await createServer({
    configFile: resolve(import.meta.dirname, "../../vite.config.ts"),
    root: resolve(import.meta.dirname, "../.."),
    server: { host: "127.0.0.1", port, strictPort: false },
    clearScreen: false,
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`curate: studio   ${url}curate   (corpus ${args.corpus})`);
  console.log(`curate: explorer ${url}`);
  return -1;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (err: unknown) => {
    console.error(internalError("curate", err));
    process.exitCode = 1;
  },
);
