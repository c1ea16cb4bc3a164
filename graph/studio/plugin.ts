/**
 * The curation studio as a Vite plugin: under `vite` (dev) only, never in
 * `vite build` or `vite preview` (`apply: "serve"`). It serves the studio's
 * page at /curate, its API (api.ts), and — when the graph is built somewhere
 * other than public/ — that graph at /graph.json.
 *
 * This file imports nothing of the project: Vite bundles a config file and
 * what it imports every time it starts, builds included. The studio's server
 * side is loaded through the dev server itself (`ssrLoadModule`) once it
 * starts, so a build never loads it.
 *
 * The corpus and the graph come from the options, else from the environment
 * (`KG_CURATE_CORPUS`, `KG_CURATE_OUT`, set by `npm run curate`), else
 * graph/corpus and public/graph.json.
 */
import { resolve } from "node:path";
import type { Plugin, ViteDevServer } from "vite";

export interface CurationStudioOptions {
  corpus?: string;
  out?: string;
}

type Attach = (server: ViteDevServer, options: { corpus: string; out: string }) => void;

export function curationStudio(options: CurationStudioOptions = {}): Plugin {
  return {
    name: "kg-curation-studio",
    apply: "serve",
    config() {
      // The studio's entry is no HTML file, so Vite would find its dependencies late and reload the page.
      return { optimizeDeps: { entries: ["index.html", "src/curate/main.tsx"] } };
    },
    async configureServer(server) {
      const { attachStudio } = (await server.ssrLoadModule(resolve(import.meta.dirname, "server.ts"))) as { attachStudio: Attach };
      attachStudio(server, {
        corpus: resolve(options.corpus ?? process.env.KG_CURATE_CORPUS ?? "graph/corpus"),
        out: resolve(options.out ?? process.env.KG_CURATE_OUT ?? "public/graph.json"),
      });
    },
  };
}
