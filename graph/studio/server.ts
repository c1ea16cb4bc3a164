/**
 * The studio inside a Vite dev server: routes, the graph kept in step with
 * the corpus, and the pages told of what changed (Vite's HMR channel, custom
 * events of protocol.ts).
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import type { ViteDevServer } from "vite";
import { Studio } from "./api";
import { RefusedError } from "./files";
import { isLoopbackHost } from "./guard";
import { CORPUS_CHANGED_EVENT, GRAPH_UPDATED_EVENT, type CorpusChangedEvent } from "./protocol";
import { Rebuilder } from "./rebuild";
import { readRegularFile } from "../build/read-file";
import { versionOf } from "./files";

export interface AttachOptions {
  corpus: string;
  out: string;
}

const STUDIO_PATHS = new Set(["/curate", "/curate/", "/curate/index.html"]);

/** The explorer's Content-Security-Policy, so the studio's page is held to the same one (Vite relaxes it for the dev server). */
function pageTemplate(root: string): string {
  let csp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";
  try {
    csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(readFileSync(join(root, "index.html"), "utf8"))?.[1] ?? csp;
  } catch {
    // The fixed policy above.
  }
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <title>Curation studio</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/curate/main.tsx"></script>
  </body>
</html>
`;
}

export function attachStudio(server: ViteDevServer, options: AttachOptions): void {
  const { logger } = server.config;
  const root = server.config.root;
  const exposed = !isLoopbackHost(server.config.server.host);
  if (exposed)
    logger.warn(
      "curation studio: the dev server listens beyond this machine, so the studio's write API is off; run it on localhost to curate",
    );

  const rebuilder = new Rebuilder({
    corpus: options.corpus,
    out: options.out,
    onBuilt: () => server.ws.send({ type: "custom", event: GRAPH_UPDATED_EVENT }),
    onFailed: (message) => logger.warn(`curation studio: ${message}`),
  });

  let studio: Studio | null = null;
  let unavailable: string | undefined;
  try {
    studio = new Studio({
      corpus: options.corpus,
      disabled: exposed ? "the studio's write API is off: the dev server listens beyond this machine (run it on localhost)" : undefined,
      onWritten: () => void rebuilder.request(),
    });
  } catch (err) {
    unavailable = err instanceof RefusedError ? err.message : String(err);
    logger.error(`curation studio: ${unavailable}`);
  }

  // Edits made on disk (in an editor): the pages are told, and the graph follows.
  if (studio) {
    const watched = studio;
    server.watcher.add(watched.files.root);
    const onFile = (file: string) => {
      const rel = watched.files.relativeOf(resolve(file));
      if (!rel || !/\.ya?ml$/.test(rel)) return;
      const read = readRegularFile(resolve(file), 20 * 1024 * 1024);
      const version = read.ok ? versionOf(read.bytes) : null;
      if (watched.known.has(rel) && watched.known.get(rel) === version) return;
      const event: CorpusChangedEvent = { files: [rel] };
      server.ws.send({ type: "custom", event: CORPUS_CHANGED_EVENT, data: event });
      void rebuilder.request();
    };
    server.watcher.on("change", onFile);
    server.watcher.on("add", onFile);
    server.watcher.on("unlink", onFile);
  }

  const template = pageTemplate(root);
  const builtOut = resolve(root, "public", "graph.json");
  server.middlewares.use((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
    const path = (req.url ?? "").split("?")[0]!;
    if (STUDIO_PATHS.has(path) && (req.method === "GET" || req.method === "HEAD")) {
      server
        .transformIndexHtml(req.url ?? "/curate", template)
        .then((html) => {
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
          res.end(html);
        })
        .catch(next);
      return;
    }
    // A graph built elsewhere than public/ is the one the explorer shows while the studio runs.
    if (path === "/graph.json" && options.out !== builtOut) {
      const read = readRegularFile(options.out, 512 * 1024 * 1024);
      if (!read.ok) {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
        res.end(`${options.out}: ${read.message}`);
      } else {
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
        res.end(read.bytes);
      }
      return;
    }
    if (!studio) {
      if (path.startsWith("/__curate/")) {
        res.writeHead(503, { "Content-Type": "application/json; charset=utf-8" });
        res.end(JSON.stringify({ ok: false, kind: "refused", message: `the studio cannot open the corpus: ${unavailable}` }));
        return;
      }
      next();
      return;
    }
    studio.handle(req, res).then((handled) => handled || next(), next);
  });
}
