/**
 * Keeps the explorer's graph in step with the corpus while the studio runs:
 * after a write (or an edit on disk) the graph is built again with the
 * build's own functions and written atomically where the explorer fetches
 * it, then the pages are told. Requests that come while a build runs are
 * merged into one more build.
 */
import { buildGraph, exportGraph } from "../build/index";
import { CorpusError, formatProblem } from "../build/problems";
import { serializeGraph, writeAtomically } from "../build/write";

export interface RebuildOptions {
  corpus: string;
  out: string;
  /** After a build that wrote the graph. */
  onBuilt: () => void;
  /** After a build that failed: the corpus has errors, or the output cannot be written. */
  onFailed: (message: string) => void;
}

export class Rebuilder {
  private running: Promise<void> | null = null;
  private again = false;

  constructor(private readonly options: RebuildOptions) {}

  /** Builds soon; resolves when the graph on disk reflects the corpus as it was at this call (or the build failed). */
  request(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.buildOnce();
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  private async buildOnce(): Promise<void> {
    // Let a burst of file events settle into one build.
    await new Promise((r) => setTimeout(r, 50));
    try {
      const { graph } = buildGraph(this.options.corpus);
      await writeAtomically(this.options.out, serializeGraph(exportGraph(graph)));
      this.options.onBuilt();
    } catch (err) {
      if (err instanceof CorpusError) {
        const first = err.problems.find((p) => p.severity === "error");
        this.options.onFailed(
          `the corpus has ${err.errorCount} error(s), the graph was not rebuilt${first ? `: ${formatProblem(first)}` : ""}`,
        );
      } else this.options.onFailed(`the graph was not rebuilt: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`);
    }
  }
}
