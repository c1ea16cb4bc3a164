import { fileURLToPath } from "node:url";
import { build, defineConfig, type Plugin, type ResolvedConfig } from "vite";
import react from "@vitejs/plugin-react";
import { curationStudio } from "./graph/studio/plugin.ts";

/**
 * index.html carries the strict Content-Security-Policy that every static host
 * enforces. Only the dev server needs inline scripts and styles (React refresh,
 * CSS hot reload), so only there is the policy relaxed.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: "relax-csp-for-dev-server",
    apply: "serve",
    transformIndexHtml(html) {
      return html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
        .replace("connect-src 'self'", "connect-src 'self' ws: wss:");
    },
  };
}

/**
 * The story player (src/player.tsx) as one self-contained script,
 * `story-player.js` with its `story-player.css`, next to the app in the
 * build's output. A story's HTML export fetches both from the app's own
 * origin and inlines them with the graph, so the file plays offline. It is a
 * build of its own, after the app's: the app keeps its chunks (and its
 * first load), while the player has every import inlined (no code splitting),
 * one module that imports nothing, so it runs inline in a file:// page.
 * Nothing in the app imports it.
 */
function storyPlayer(): Plugin {
  let resolved: ResolvedConfig;
  return {
    name: "story-player",
    apply: "build",
    configResolved(config) {
      resolved = config;
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: resolved.root,
        base: "./",
        logLevel: "warn",
        publicDir: false,
        plugins: [react()],
        build: {
          outDir: resolved.build.outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          target: "es2022",
          sourcemap: false,
          cssCodeSplit: false,
          chunkSizeWarningLimit: 2000,
          rolldownOptions: {
            input: fileURLToPath(new URL("./src/player.tsx", import.meta.url)),
            output: {
              format: "es",
              codeSplitting: false,
              entryFileNames: "story-player.js",
              assetFileNames: "story-player[extname]",
            },
          },
        },
      });
    },
  };
}

export default defineConfig({
  // The curation studio (/curate) exists only in the dev server: see graph/studio/plugin.ts.
  plugins: [react(), relaxCspForDevServer(), curationStudio(), storyPlayer()],
  // Relative asset URLs, so the built app works from any folder or static host.
  base: "./",
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 900 },
  worker: { format: "es" },
  preview: { port: 4173, strictPort: false },
  server: { port: 5173 },
});
