/**
 * Builds the benchmark's floor page (bench/floor/index.html + main.ts):
 *
 *   vite build --config bench/floor/vite.config.ts --outDir DIR
 *
 * No React plugin: the page uses sigma and graphology alone.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  base: "./",
  // The graph is copied next to index.html by the benchmark, not bundled.
  publicDir: false,
  logLevel: "warn",
  build: { target: "es2022", sourcemap: false, emptyOutDir: true, chunkSizeWarningLimit: 900 },
});
