/**
 * `npm run bench [-- options]`: generates synthetic corpora, measures the
 * build and the bundle, prints a Markdown report and writes it to
 * bench/results/bench-<date>.md and bench/results/latest.md (git-ignored).
 *
 * The report is a list of sections (`SECTIONS`); each measures one thing and
 * returns Markdown plus the targets it checks. A new measurement is a new
 * BenchSection (see bench/report.ts) added to that list.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { analysisSection } from "./analysis-bench";
import { browserSection } from "./browser-bench";
import { buildSection } from "./build-bench";
import { bundleSection } from "./bundle";
import { generateCorpus } from "./generate";
import { largeFileSection } from "./large-file-bench";
import { askedText, generateOptions, parseSize, parseSizes, uniqueSizes, type BenchSize } from "./sizes";
import { readOptions } from "../graph/build/command-line";
import {
  formatCount,
  formatMs,
  loadAverage,
  machineInfo,
  machineMarkdown,
  targetsTable,
  type BenchContext,
  type BenchSection,
  type SectionResult,
} from "./report";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const RESULTS = join(ROOT, "bench", "results");
const CACHE = join(tmpdir(), "kg-bench-cache");

/** Sizes every section measures by default: triple counts, and 10 000 actors with 50 000 relations. */
export const DEFAULT_SIZES = ["1000", "10000", "10000a50000r", "50000"];
/** Sizes the build section measures too when --sizes does not say. */
export const DEFAULT_BUILD_ONLY_SIZES = ["200000"];
export const DEFAULT_SEED = 1;

/** The report's sections, in order. */
export const SECTIONS: BenchSection[] = [
  buildSection,
  // The app and the floor page (bench/floor) in headless Chromium on each corpus (bench/browser-bench.ts).
  browserSection,
  // Statistics and the first quote search in the app, on each corpus (bench/analysis-bench.ts).
  analysisSection,
  // A 200 000-actor GEXF file opened in the app, with and without positions (bench/large-file-bench.ts).
  largeFileSection,
  bundleSection,
];

const HELP = `Usage: npm run bench -- [options]

Generates synthetic corpora (bench/generate.ts), times the real build on each,
measures the app against the floor page in headless Chromium, times the
statistics and the first quote search in the app, opens a 200 000-actor GEXF
file in the app, and measures the bundle; prints a Markdown report and writes
it to bench/results/. Runs are sequential; expect an hour on a small machine.

  --sizes LIST     corpus sizes, comma-separated: a number of triples (10000)
                   or of actors and relations (10000a50000r: 10 000 actors,
                   50 000 relations, as many triples as that takes)
                   (default: ${DEFAULT_SIZES.join(",")}, and for the build
                   section also ${DEFAULT_BUILD_ONLY_SIZES.join(",")})
  --runs N         runs per measurement (default: build 5 up to 2 000 triples,
                   1 above 100 000, else 3; browser 5 up to 10 000 triples,
                   else 3; large-file 1); a size given by actors and relations
                   counts as 1.5 triples per relation
  --budget S       seconds per build measurement after which no further run
                   starts, whatever --runs says (default: 240)
  --browser-budget S
                   seconds per size for the browser runs above 10 000 triples
                   (smaller sizes always get all their runs) (default: 900)
  --browser-only   only the browser section (same as --only browser)
  --profile        also profile one app and one floor run per size (V8 CPU
                   profiles in bench/results/profiles/, summary in the report)
  --seed N         generator seed (default: ${DEFAULT_SEED})
  --only LIST      sections to run: ${SECTIONS.map((s) => s.id).join(", ")} (default: all)
  --fresh          regenerate the corpora instead of using the cache
                   (${CACHE})
  --help           show this help`;

function log(message: string): void {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`bench ${t}  ${message}\n`);
}

/** Changes to the generator (or what it depends on) invalidate cached corpora. */
function generatorHash(): string {
  const h = createHash("sha256");
  const parts = readdirSync(join(ROOT, "bench", "generate"))
    .sort()
    .map((f) => `bench/generate/${f}`);
  for (const f of ["bench/generate.ts", ...parts, "src/core/random.ts", "node_modules/yaml/package.json"]) {
    const p = join(ROOT, f);
    h.update(f).update(existsSync(p) ? readFileSync(p) : "");
  }
  return h.digest("hex").slice(0, 12);
}

/** The corpus for a size and seed: from the cache, or generated into it (atomically, by rename). */
function corpusFor(size: BenchSize, seed: number, fresh: boolean): string {
  const dir = join(CACHE, `${generatorHash()}-${size.id}-s${seed}`);
  if (existsSync(dir) && !fresh) {
    log(`corpus ${askedText(size)}: cached at ${dir}`);
    return dir;
  }
  mkdirSync(CACHE, { recursive: true });
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const start = performance.now();
  const info = generateCorpus(partial, generateOptions(size, seed));
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir);
  log(
    `corpus ${askedText(size)}: generated ${formatCount(info.triples)} triples, ${formatCount(info.actors)} actors, ` +
      `${formatCount(info.edges)} relations, ${formatCount(info.articles)} articles ` +
      `in ${formatMs(performance.now() - start)} → ${dir}`,
  );
  return dir;
}

function parseList(value: string, what: string): number[] {
  const out = value.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (out.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`${what} must be positive integers, not "${value}"`);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const args = readOptions("bench", HELP, argv, {
    sizes: { type: "string" },
    runs: { type: "string" },
    budget: { type: "string", default: "240" },
    "browser-budget": { type: "string", default: "900" },
    "browser-only": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    only: { type: "string" },
    fresh: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  });
  if (typeof args === "number") return args;
  let sizes: BenchSize[],
    buildSizes: BenchSize[],
    runs: number | undefined,
    seed: number,
    budget: number,
    browserBudget: number,
    sections: BenchSection[];
  try {
    sizes = args.sizes ? parseSizes(args.sizes) : DEFAULT_SIZES.map(parseSize);
    buildSizes = args.sizes ? sizes : uniqueSizes([...sizes, ...DEFAULT_BUILD_ONLY_SIZES.map(parseSize)]);
    runs = args.runs === undefined ? undefined : parseList(args.runs, "--runs")[0];
    seed = Number(args.seed);
    if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, not "${args.seed}"`);
    budget = Number(args.budget);
    if (!(budget > 0)) throw new Error(`--budget must be a positive number of seconds, not "${args.budget}"`);
    browserBudget = Number(args["browser-budget"]);
    if (!(browserBudget > 0)) throw new Error(`--browser-budget must be a positive number of seconds, not "${args["browser-budget"]}"`);
    if (args["browser-only"] && args.only) throw new Error("--browser-only and --only do not go together");
    const only = args["browser-only"] ? ["browser"] : args.only?.split(",").map((s) => s.trim());
    const unknown = only?.filter((id) => !SECTIONS.some((s) => s.id === id)) ?? [];
    if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(", ")} (known: ${SECTIONS.map((s) => s.id).join(", ")})`);
    sections = only ? SECTIONS.filter((s) => only.includes(s.id)) : SECTIONS;
  } catch (err) {
    console.error(`bench: ${(err as Error).message}`);
    return 2;
  }

  const started = new Date();
  const loadAtStart = loadAverage();
  log(
    `load average ${loadAtStart} on ${cpus().length} cores${Number(loadAtStart) > cpus().length ? " — the machine is busy; wall times will be inflated" : ""}`,
  );
  const scratch = mkdtempSync(join(tmpdir(), "kg-bench-"));
  const ctx: BenchContext = {
    root: ROOT,
    sizes,
    buildSizes,
    seed,
    runs,
    budgetSeconds: budget,
    browserBudgetSeconds: browserBudget,
    profile: args.profile,
    corpora: new Map(),
    scratch,
    log,
  };
  const results: SectionResult[] = [];
  try {
    // Only the sections that read corpora get them; the large-file section writes its own file.
    const needed = uniqueSizes([
      ...(sections.some((s) => s.id === "build") ? buildSizes : []),
      ...(sections.some((s) => s.id === "browser" || s.id === "analysis") ? sizes : []),
    ]);
    for (const size of needed) ctx.corpora.set(size.id, corpusFor(size, seed, args.fresh));
    for (const section of sections) {
      log(`${section.title} …`);
      const start = performance.now();
      results.push(await section.run(ctx));
      log(`${section.title}: done in ${formatMs(performance.now() - start)}`);
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const machine = machineInfo(ROOT, loadAtStart);
  const report = [
    `# Benchmark, ${started.toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    machineMarkdown(machine),
    "",
    `Corpora: ${sizes.map(askedText).join("; ")}${
      buildSizes.length > sizes.length
        ? ` (the build also ${buildSizes
            .filter((b) => !sizes.some((s) => s.id === b.id))
            .map(askedText)
            .join("; ")})`
        : ""
    }, seed ${seed}; ` +
      "each table names a corpus by what its graph.json holds: triples (evidence entries), actors (nodes) and relations (edges). " +
      `Runs per measurement: ${runs ?? "build 5 up to 2 000 triples, 1 above 100 000, else 3; browser 5 up to 10 000 triples, else 3; large file 1"}, ` +
      `fewer where the budget ran out (${budget} s per build measurement, ${browserBudget} s per browser size above 10 000 triples; the Runs columns say how many). ` +
      "Units are decimal (1 KB = 1000 bytes, 1 MB = 10⁶ bytes).",
    "",
    "## Targets",
    "",
    targetsTable(results.flatMap((r) => r.targets)),
    "",
    ...results.flatMap((r) => [r.markdown, ""]),
  ].join("\n");

  process.stdout.write(report);
  mkdirSync(RESULTS, { recursive: true });
  const stamp = started.toISOString().slice(0, 16).replace(/[:T]/g, "-");
  writeFileSync(join(RESULTS, `bench-${stamp}.md`), report);
  writeFileSync(join(RESULTS, "latest.md"), report);
  log(`report written to bench/results/bench-${stamp}.md and bench/results/latest.md`);
  const missed = results.flatMap((r) => r.targets).filter((t) => t.met === false);
  if (missed.length > 0) log(`${missed.length} target(s) missed: ${missed.map((t) => t.what).join("; ")}`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
