/**
 * Bundle benchmark: `vite build` into a scratch directory, then the size of
 * the JS and CSS the first page load needs — the entry script, the chunks it
 * preloads and the style sheets linked from index.html, plus (from the build
 * manifest) every chunk the entry imports statically — raw and gzipped.
 * Lazily imported chunks and workers are listed apart: the first load does not
 * fetch them.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, posix, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { runChildOrThrow } from "./child";
import { formatBytes, markdownTable, type BenchContext, type BenchSection, type SectionResult } from "./report";

export const TARGET_FIRST_LOAD_JS_GZIP = 300_000;
const BUILD_TIMEOUT_MS = 10 * 60_000;

export interface FirstLoad {
  /** Paths relative to the output directory, as index.html references them. */
  scripts: string[];
  styles: string[];
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g)) {
    out.set(m[1]!.toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

/** Local path of a URL in the built index.html, or undefined for another origin or a data: URL. */
function localPath(url: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return undefined;
  const clean = url.split(/[?#]/)[0]!;
  return posix.normalize(clean.replace(/^\.?\//, "")).replace(/^\/+/, "");
}

/** The scripts and style sheets that loading index.html fetches at once. */
export function firstLoadFromHtml(html: string): FirstLoad {
  const scripts: string[] = [];
  const styles: string[] = [];
  const add = (list: string[], url: string | undefined) => {
    const path = url === undefined ? undefined : localPath(url);
    if (path && !list.includes(path)) list.push(path);
  };
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, "");
  for (const m of withoutComments.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const attrs = attributes(m[2]!);
    if (m[1]!.toLowerCase() === "script") {
      if (attrs.has("src")) add(scripts, attrs.get("src"));
      continue;
    }
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    if (rel.includes("modulepreload")) add(scripts, attrs.get("href"));
    else if (rel.includes("stylesheet")) add(styles, attrs.get("href"));
  }
  return { scripts, styles };
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Files the HTML entries of a Vite manifest load statically: entry chunks, their static imports and their CSS. */
export function firstLoadFromManifest(manifest: Record<string, ManifestChunk>): FirstLoad {
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) return;
    if (chunk.file.endsWith(".css")) styles.push(chunk.file);
    else scripts.push(chunk.file);
    for (const css of chunk.css ?? []) if (!styles.includes(css)) styles.push(css);
    for (const imp of chunk.imports ?? []) visit(imp);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry && key.endsWith(".html")) visit(key);
  return { scripts, styles };
}

function listFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base));
    else out.push(relative(base, full).split("\\").join("/"));
  }
  return out;
}

export interface FileSize {
  path: string;
  raw: number;
  gzip: number;
}

function sizeOf(dir: string, path: string): FileSize {
  const buf = readFileSync(join(dir, path));
  return { path, raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length };
}

const sum = (files: FileSize[], key: "raw" | "gzip") => files.reduce((s, f) => s + f[key], 0);

export interface BundleResult {
  js: FileSize[];
  css: FileSize[];
  /** JS and CSS the first load does not fetch: lazy chunks, workers. */
  later: FileSize[];
  /** Files the manifest says load statically but index.html does not reference (should be none). */
  unreferenced: string[];
}

export function measureBundle(outDir: string): BundleResult {
  const fromHtml = firstLoadFromHtml(readFileSync(join(outDir, "index.html"), "utf8"));
  const manifestPath = join(outDir, ".vite", "manifest.json");
  const fromManifest = existsSync(manifestPath)
    ? firstLoadFromManifest(JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, ManifestChunk>)
    : { scripts: [], styles: [] };
  const scripts = [...new Set([...fromHtml.scripts, ...fromManifest.scripts])];
  const styles = [...new Set([...fromHtml.styles, ...fromManifest.styles])];
  const unreferenced = [...fromManifest.scripts, ...fromManifest.styles].filter(
    (f) => !fromHtml.scripts.includes(f) && !fromHtml.styles.includes(f),
  );
  const first = new Set([...scripts, ...styles]);
  const later = listFiles(outDir)
    .filter((f) => /\.(m?js|css)$/.test(f) && !f.startsWith(".vite/") && !first.has(f))
    .map((f) => sizeOf(outDir, f));
  return {
    js: scripts.filter((f) => existsSync(join(outDir, f))).map((f) => sizeOf(outDir, f)),
    css: styles.filter((f) => existsSync(join(outDir, f))).map((f) => sizeOf(outDir, f)),
    later,
    unreferenced,
  };
}

/** `vite build` into outDir (the project's own config; the graph is not rebuilt). */
export function viteBuild(root: string, outDir: string): Promise<void> {
  const args = ["build", "--outDir", outDir, "--emptyOutDir", "--manifest", "--logLevel", "warn"];
  return runChildOrThrow(join(root, "node_modules/.bin/vite"), args, root, BUILD_TIMEOUT_MS);
}

export function bundleMarkdown(r: BundleResult): string {
  const row = (what: string, files: FileSize[]) => [
    what,
    String(files.length),
    formatBytes(sum(files, "raw")),
    formatBytes(sum(files, "gzip")),
  ];
  const all = [...r.js, ...r.css];
  const detail = [...r.js, ...r.css, ...r.later].map((f) => [
    f.path,
    r.later.includes(f) ? "later" : "first load",
    formatBytes(f.raw),
    formatBytes(f.gzip),
  ]);
  return [
    "## Bundle",
    "",
    "`vite build` with the project's config; sizes raw and gzipped (level 9). " +
      "First load: the entry script, its modulepreload chunks and the linked style sheets of index.html, " +
      "with every chunk the entry imports statically (build manifest).",
    "",
    markdownTable(
      ["", "Files", "Raw", "Gzip"],
      [
        row("First-load JS", r.js),
        row("First-load CSS", r.css),
        row("First load, total", all),
        row("Later (lazy chunks, workers)", r.later),
      ],
      ["l", "r", "r", "r"],
    ),
    "",
    "<details><summary>Files</summary>",
    "",
    markdownTable(["File", "Loaded", "Raw", "Gzip"], detail, ["l", "l", "r", "r"]),
    "",
    "</details>",
    ...(r.unreferenced.length > 0
      ? ["", `Warning: statically imported but not referenced by index.html: ${r.unreferenced.join(", ")}`]
      : []),
  ].join("\n");
}

export const bundleSection: BenchSection = {
  id: "bundle",
  title: "Bundle",
  async run(ctx: BenchContext): Promise<SectionResult> {
    const outDir = join(ctx.scratch, "dist");
    const target = { what: "First-load JS, gzipped", target: `< ${formatBytes(TARGET_FIRST_LOAD_JS_GZIP)}` };
    try {
      ctx.log("bundle: vite build …");
      await viteBuild(ctx.root, outDir);
      const r = measureBundle(outDir);
      const gz = sum(r.js, "gzip");
      ctx.log(`bundle: first-load JS ${formatBytes(sum(r.js, "raw"))} raw, ${formatBytes(gz)} gzipped`);
      return {
        markdown: bundleMarkdown(r),
        targets: [{ ...target, measured: formatBytes(gz), met: r.js.length > 0 ? gz < TARGET_FIRST_LOAD_JS_GZIP : undefined }],
      };
    } catch (err) {
      return {
        markdown: `## Bundle\n\nFailed: ${(err as Error).message}`,
        targets: [{ ...target, measured: "build failed", met: undefined }],
      };
    }
  },
};
