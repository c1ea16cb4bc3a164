import { defineConfig, type Plugin } from "vite";
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

export default defineConfig({
  // The curation studio (/curate) exists only in the dev server: see graph/studio/plugin.ts.
  plugins: [react(), relaxCspForDevServer(), curationStudio()],
  // Relative asset URLs, so the built app works from any folder or static host.
  base: "./",
  build: { target: "es2022", sourcemap: false, chunkSizeWarningLimit: 900 },
  worker: { format: "es" },
  preview: { port: 4173, strictPort: false },
  server: { port: 5173 },
});
