/** The build pipeline as a function: corpus directory → graph, problems and timings. No I/O but reading. */
import { graphFileSchema, type GraphFile } from "../../src/model/graph-file-schema";
import { assembleGraph, type CorpusGraph } from "./assemble";
import { layoutGraph, sizeNodes } from "./layout";
import type { Corpus } from "./corpus";
import { loadCorpus } from "./load";
import { measureGraph } from "./measure";
import { checkStories, loadStories } from "./stories";
import { CorpusError, ProblemList, type Problem } from "./problems";
import { validateCorpus } from "./validate";

export const DEFAULT_SEED = 20131102;

export interface BuildResult {
  corpus: Corpus;
  graph: CorpusGraph;
  warnings: Problem[];
  /** Warnings beyond the listed ones (see MAX_PROBLEMS). */
  omittedWarnings: number;
  /** Milliseconds per phase, in pipeline order. */
  timings: Record<"load" | "validate" | "assemble" | "measure" | "layout", number>;
}

export interface BuildOptions {
  seed?: number;
  iterations?: number;
  onPhase?: (phase: string) => void;
}

/** Loads, validates, assembles, measures and lays out; throws CorpusError listing every error. */
export function buildGraph(dir: string, options: BuildOptions = {}): BuildResult {
  const seed = options.seed ?? DEFAULT_SEED;
  const timings = { load: 0, validate: 0, assemble: 0, measure: 0, layout: 0 };
  const phase = <T>(name: keyof typeof timings, fn: () => T): T => {
    options.onPhase?.(name);
    const start = performance.now();
    const out = fn();
    timings[name] = performance.now() - start;
    return out;
  };
  const problems = new ProblemList();
  const { corpus, stories } = phase("load", () => ({ corpus: loadCorpus(dir, problems), stories: loadStories(dir, problems) }));
  const records = phase("validate", () => {
    validateCorpus(corpus, problems);
    return checkStories(stories, corpus, problems);
  });
  if (problems.errorCount > 0) throw new CorpusError(problems);
  const graph = phase("assemble", () => assembleGraph(corpus));
  if (records.length > 0) graph.setAttribute("stories", records);
  phase("measure", () => {
    measureGraph(graph, seed);
    sizeNodes(graph);
  });
  phase("layout", () => layoutGraph(graph, { seed, iterations: options.iterations }));
  return { corpus, graph, warnings: problems.warnings, omittedWarnings: problems.omitted.warning, timings };
}

/**
 * The graph as the file the app reads, checked against the file's schema: a
 * build that would write what the app refuses fails here, before anything is
 * written, with the place and the reason.
 */
export function exportGraph(graph: CorpusGraph): GraphFile {
  const file: unknown = graph.export();
  const checked = graphFileSchema.safeParse(file);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new Error(`the built graph does not match the graph file's schema at ${issue.path.join(".") || "top level"}: ${issue.message}`);
  }
  // The parsed copy equals the export; writing the export keeps the bytes exactly as built.
  return file as GraphFile;
}
